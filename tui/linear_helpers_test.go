package tui

import (
	"runtime"
	"testing"
	"time"
)

// assertLinear checks that work grows linearly with its input: the work
// made by setup(4n) may take at most 6 times as long as that of
// setup(n), where a quadratic cost would take 16 times. Single runs of
// each are timed alternately and the fastest of each counts: on a busy
// machine a pause or a garbage collection only ever makes a run slower,
// so the check stops as soon as the fastest times show the ratio, after
// at most 40 rounds. (Timing loops of many runs would time the
// collection of their own garbage, which does not shrink with the
// fastest.)
func assertLinear(t *testing.T, n int, setup func(n int) func()) {
	t.Helper()
	small, large := setup(n), setup(4*n)
	ts, tl := time.Duration(1<<62), time.Duration(1<<62)
	for round := 0; round < 40; round++ {
		ts = min(ts, timeOnce(small))
		tl = min(tl, timeOnce(large))
		if round >= 4 && tl <= 6*ts {
			return
		}
	}
	t.Errorf("4x the input took %.1fx the time (%v for n=%d, %v for n=%d, fastest of 40), want at most 6x",
		float64(tl)/float64(ts), ts, n, tl, 4*n)
}

func timeOnce(f func()) time.Duration {
	runtime.GC() // so that no collection of earlier garbage is timed
	start := time.Now()
	f()
	return time.Since(start)
}
