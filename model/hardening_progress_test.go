package model_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"go.uber.org/goleak"

	"rostrum/model"
)

// TestHardeningCancelNoLeak cancels large loads from their first progress
// report and checks that they stop early, return context.Canceled and
// leave no goroutine running. It must not run in parallel with other
// tests, whose goroutines goleak would count.
func TestHardeningCancelNoLeak(t *testing.T) {
	const n = 3000
	t.Run("LoadFS", func(t *testing.T) {
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		// Every read but the first file's blocks, as on a slow disk, until a
		// second after the cancellation: longer than goleak waits for
		// goroutines to end, so a load that returned without waiting for
		// its readers would leave them behind and fail VerifyNone.
		const workers = 4
		fsys := &hardFS{MapFS: hardManyFS(n), gate: make(chan struct{}), ungated: "d00/doc00000.txt"}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var calls atomic.Int64
		c, err := model.LoadFS(ctx, fsys, "mem", model.LoadOptions{
			Workers: workers,
			Progress: func(p model.Progress) {
				if calls.Add(1) != 1 {
					return
				}
				// Cancel once the other workers are blocked reading.
				for deadline := time.Now().Add(5 * time.Second); fsys.waiting.Load() < workers-1 && time.Now().Before(deadline); {
					time.Sleep(time.Millisecond)
				}
				cancel()
				time.AfterFunc(time.Second, func() { close(fsys.gate) })
			},
		})
		if calls.Load() == 0 {
			close(fsys.gate)
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("LoadFS cancelled from Progress: err = %v, want context.Canceled", err)
		}
		if c != nil {
			t.Errorf("LoadFS returned a corpus of %d documents with its error", c.Len())
		}
		if calls.Load() == 0 {
			t.Fatal("Progress never called")
		}
		// The walk opens the folders; reading opens each file once. A
		// load that ignored the cancellation would open all n files.
		if opens := fsys.opens.Load(); opens > n/2 {
			t.Errorf("%d opens of %d files: the load went on after the cancellation", opens, n)
		}
	})
	t.Run("Load", func(t *testing.T) {
		if testing.Short() {
			t.Skip("writes thousands of files")
		}
		dir := t.TempDir()
		for i := range n {
			hardWrite(t, dir, fmt.Sprintf("d%02d/doc%05d.txt", i%20, i),
				fmt.Appendf(nil, "Story number %d\n\nThe council met on day %d. Nothing else happened.\n", i, i))
		}
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var done atomic.Int64
		c, err := model.Load(ctx, []string{dir}, model.LoadOptions{
			Workers: 4,
			Progress: func(p model.Progress) {
				done.Store(int64(p.Done))
				cancel()
			},
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Load cancelled from Progress: err = %v, want context.Canceled", err)
		}
		if c != nil {
			t.Errorf("Load returned a corpus of %d documents with its error", c.Len())
		}
		if d := done.Load(); d > n/2 {
			t.Errorf("Progress reported %d of %d files done: the load went on after the cancellation", d, n)
		}
	})
}

// TestHardeningProgressIsClean checks what Progress hands over before any
// corpus has cleaned it: Problem promises a one-line reason, and a
// document's Path is documented as "made safe to print".
func TestHardeningProgressIsClean(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hardWrite(t, dir, "evil\x1b]0;pwned\x07\u202e.txt", []byte(hardGood))
	hardWrite(t, dir, "empty\nname\x1b[31m.txt", nil)
	fsys := &hardFS{
		MapFS:   fstest.MapFS{"good.txt": {Data: []byte(hardGood)}, "fails.txt": {Data: []byte("x")}},
		failing: map[string]error{"fails.txt": errors.New("input/output error\nat sector 7\x1b[31m")},
	}
	load := map[string]func(model.LoadOptions) (*model.Corpus, error){
		"Load": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.Load(context.Background(), []string{dir}, o)
		},
		"LoadFS": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.LoadFS(context.Background(), fsys, "mem", o)
		},
	}
	for name, fn := range load {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var probs []model.Problem
			var paths []string
			_, err := fn(model.LoadOptions{Progress: func(p model.Progress) {
				probs = append(probs, p.Problems...)
				for _, d := range p.Docs {
					paths = append(paths, d.Path)
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			hardCheckProblems(t, probs)
			for _, p := range paths {
				if r, bad := hardUnsafe(p, false); bad {
					t.Errorf("Progress document path holds %U: %q", r, p)
				}
			}
		})
	}
}

// TestHardeningLoadFSProgressPaths checks that LoadFS hands Progress the
// documents and problems with the paths they end with, and does not
// change a document after handing it over (the reader owns it then).
func TestHardeningLoadFSProgressPaths(t *testing.T) {
	t.Parallel()
	fsys := &hardFS{MapFS: fstest.MapFS{
		"a.txt":    {Data: []byte(hardGood)},
		"b.txt":    {Data: nil},
		"sub/c.md": {Data: []byte("# C\n\nThe third document.")},
	}}
	seen := map[*model.Document]string{}
	var probs []string
	c, err := model.LoadFS(context.Background(), fsys, "mem", model.LoadOptions{Progress: func(p model.Progress) {
		for _, d := range p.Docs {
			seen[d] = d.Path
		}
		for _, pr := range p.Problems {
			probs = append(probs, pr.Path)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for d, was := range seen {
		if d.Path != was {
			t.Errorf("document handed to Progress as %q was changed to %q after the hand-off", was, d.Path)
		}
	}
	for _, d := range c.Docs {
		if !strings.HasPrefix(d.Path, "mem/") {
			t.Errorf("final document path %q lacks the prefix", d.Path)
		}
	}
	for _, p := range probs {
		if !strings.HasPrefix(p, "mem/") {
			t.Errorf("problem handed to Progress with path %q, without the prefix the corpus gives it", p)
		}
	}
}

// TestHardeningProgressHandOffRace hands each Progress batch to another
// goroutine that appends it to its own corpus and reads the documents
// while the load goes on, as the reader does. Under -race it fails if the
// loader still writes to documents it has handed over (their Path, ID or
// word index when it builds its own corpus at the end).
func TestHardeningProgressHandOffRace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range 40 {
		hardWrite(t, dir, fmt.Sprintf("doc%02d.txt", i), []byte(hardGood)) // duplicates: IDs get suffixes
	}
	for name, load := range map[string]func(model.LoadOptions) (*model.Corpus, error){
		"Load": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.Load(context.Background(), []string{dir}, o)
		},
		"LoadFS": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.LoadFS(context.Background(), hardManyFS(40), "mem", o)
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ch := make(chan model.Progress, 100)
			done := make(chan int)
			go func() {
				live := model.NewCorpus(nil, nil)
				n := 0
				for p := range ch {
					live.Append(p.Docs, p.Problems)
					for _, d := range live.Docs {
						n += len(d.Path) + len(d.ID)
					}
					time.Sleep(time.Millisecond)
				}
				done <- n
			}()
			_, err := load(model.LoadOptions{Workers: 2, Progress: func(p model.Progress) { ch <- p }})
			close(ch)
			<-done
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
