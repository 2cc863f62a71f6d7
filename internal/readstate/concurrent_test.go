package readstate

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Two Stores on one file stand for two instances of rostrum. Each does
// 200 changes from several goroutines, interleaved with the other's; the
// file must end up with every one of them. Without the lock, or without
// re-reading the file before each change, one instance's write would
// replace the other's and marks would go missing.
func TestConcurrentStores(t *testing.T) {
	path := tempPath(t)
	const perStore, workers = 200, 4
	stores := []*Store{open(t, path), open(t, path)}
	var wg sync.WaitGroup
	errs := make(chan error, 2*perStore)
	for si, s := range stores {
		for w := range workers {
			wg.Go(func() {
				for i := w; i < perStore; i += workers {
					id := fmt.Sprintf("s%d-%d", si, i)
					if i%2 == 0 {
						errs <- s.MarkRead(id, true)
					} else {
						_, err := s.ToggleStar(Star{Doc: id, Start: i, End: i + 1})
						errs <- err
					}
					_ = s.State() // readers run alongside writers
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}

	st := checkFile(t, path)
	if len(st.Read) != perStore || len(st.Stars) != perStore {
		t.Errorf("file has %d marks and %d stars, want %d of each", len(st.Read), len(st.Stars), perStore)
	}
	for si := range stores {
		for i := range perStore {
			id := fmt.Sprintf("s%d-%d", si, i)
			if i%2 == 0 && !st.IsRead(id) {
				t.Errorf("mark %s lost", id)
			}
			if i%2 == 1 && !st.Starred(id, i, i+1) {
				t.Errorf("star %s lost", id)
			}
		}
	}
}

const helperEnv = "ROSTRUM_STATE_TEST_HELPER"

// TestConcurrentProcesses runs this test binary twice at once, each
// process adding its own marks to one file through its own Store.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	path := tempPath(t)
	const n = 100
	cmds := make([]*exec.Cmd, 2)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|p%d|%d", helperEnv, path, i, n))
		cmds[i] = cmd
	}
	outs := make([][]byte, len(cmds))
	errs := make([]error, len(cmds))
	var wg sync.WaitGroup
	for i, cmd := range cmds {
		wg.Go(func() { outs[i], errs[i] = cmd.CombinedOutput() })
	}
	wg.Wait()
	for i := range cmds {
		if errs[i] != nil {
			t.Fatalf("helper %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	st := checkFile(t, path)
	if len(st.Read) != 2*n {
		t.Errorf("file has %d marks, want %d", len(st.Read), 2*n)
	}
	for p := range 2 {
		for i := range n {
			if id := fmt.Sprintf("p%d-%d", p, i); !st.IsRead(id) {
				t.Errorf("mark %s lost", id)
			}
		}
	}
}

// TestHelperProcess is the child of TestConcurrentProcesses; it does
// nothing in an ordinary test run.
func TestHelperProcess(t *testing.T) {
	spec := os.Getenv(helperEnv)
	if spec == "" {
		t.Skip("only run as a child of TestConcurrentProcesses")
	}
	parts := strings.SplitN(spec, "|", 3)
	path, prefix := parts[0], parts[1]
	n, err := strconv.Atoi(parts[2])
	must(t, err)
	s := open(t, path)
	for i := range n {
		must(t, s.MarkRead(fmt.Sprintf("%s-%d", prefix, i), true))
	}
}
