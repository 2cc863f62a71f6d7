package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// quiet is long enough that a loaded machine does not split a burst of
// writes into two changes.
const quiet = 200 * time.Millisecond

func start(t *testing.T, paths ...string) <-chan Change {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := Watch(ctx, paths, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		for range ch {
		}
	})
	return ch
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits up to 5 s for a Change.
func next(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		if c.Err != nil {
			t.Fatalf("unexpected error: %v", c.Err)
		}
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no Change within 5s")
	}
	return Change{}
}

// waitFor reads Changes until one names path, for up to 5 s.
func waitFor(t *testing.T, ch <-chan Change, path string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	var seen [][]string
	for {
		select {
		case c, ok := <-ch:
			if !ok {
				t.Fatal("channel closed")
			}
			if c.Err != nil {
				t.Fatalf("unexpected error: %v", c.Err)
			}
			if slices.Contains(c.Paths, path) {
				return
			}
			seen = append(seen, c.Paths)
		case <-deadline:
			t.Fatalf("no Change naming %s within 5s; saw %v", path, seen)
		}
	}
}

// none asserts that no Change arrives within d.
func none(t *testing.T, ch <-chan Change, d time.Duration) {
	t.Helper()
	select {
	case c := <-ch:
		t.Fatalf("unexpected Change: %+v", c)
	case <-time.After(d):
	}
}

func TestAddModifyRemove(t *testing.T) {
	dir := t.TempDir()
	ch := start(t, dir)
	f := filepath.Join(dir, "a.txt")

	write(t, f, "one")
	waitFor(t, ch, f)
	none(t, ch, 300*time.Millisecond) // the create and write were one burst

	write(t, f, "two")
	waitFor(t, ch, f)

	if err := os.Remove(f); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ch, f)
}

// A folder named directly that is deleted and made again is noticed, and
// watched again.
func TestRootFolderRecreated(t *testing.T) {
	root := filepath.Join(t.TempDir(), "speeches")
	mkdir := func() {
		if err := os.Mkdir(root, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mkdir()
	write(t, filepath.Join(root, "a.txt"), "one")
	ch := start(t, root)
	for round := range 2 {
		if err := os.RemoveAll(root); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ch, root)
		mkdir()
		waitFor(t, ch, root)
		later := filepath.Join(root, "later"+strconv.Itoa(round)+".txt")
		write(t, later, "two")
		waitFor(t, ch, later)
	}
	// Moved away and another folder moved into its place.
	other := filepath.Join(filepath.Dir(root), "other")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(root, root+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, root); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ch, root)
	write(t, filepath.Join(root, "moved.txt"), "three")
	waitFor(t, ch, filepath.Join(root, "moved.txt"))
}

func TestSymlinkedFolder(t *testing.T) {
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "speeches")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	ch := start(t, link)
	write(t, filepath.Join(real, "new.txt"), "text")
	if c := next(t, ch); len(c.Paths) != 1 || filepath.Base(c.Paths[0]) != "new.txt" {
		t.Fatalf("a file added behind a symlinked folder should be seen: %v", c.Paths)
	}
}

func TestDebounce(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "b.md")
	write(t, f, "start")
	ch := start(t, dir)

	for i := range 20 {
		write(t, f, strconv.Itoa(i))
	}
	c := next(t, ch)
	if !slices.Equal(c.Paths, []string{f}) {
		t.Fatalf("Paths = %v, want [%s]", c.Paths, f)
	}
	none(t, ch, 300*time.Millisecond)
}

func TestNewSubfolder(t *testing.T) {
	dir := t.TempDir()
	ch := start(t, dir)
	sub := filepath.Join(dir, "sub", "deeper")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(sub, "c.txt")
	write(t, f, "inside")
	waitFor(t, ch, f)

	// The new folder is watched: a later change inside it is seen too.
	none(t, ch, 200*time.Millisecond)
	write(t, f, "again")
	waitFor(t, ch, f)
}

func TestIgnored(t *testing.T) {
	dir := t.TempDir()
	ch := start(t, dir, "-", filepath.Join(dir, "missing.txt"))
	write(t, filepath.Join(dir, ".hidden.txt"), "x")
	write(t, filepath.Join(dir, "._d.txt"), "x")
	write(t, filepath.Join(dir, ".d.txt.swp"), "x")
	write(t, filepath.Join(dir, "sheet.xlsx"), "x")
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, ".git", "HEAD"), "x")
	none(t, ch, 500*time.Millisecond)
}

func TestFileReplacedByRename(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "notes.sheet") // named directly: any extension
	write(t, f, "one")
	ch := start(t, f)

	// Siblings of a file named directly are not watched.
	write(t, filepath.Join(dir, "other.txt"), "x")
	none(t, ch, 300*time.Millisecond)

	tmp := filepath.Join(dir, "notes.sheet.tmp")
	write(t, tmp, "two")
	if err := os.Rename(tmp, f); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ch, f)

	// Still watched after the replacement.
	write(t, f, "three")
	waitFor(t, ch, f)
}

func TestCancelClosesAndLeavesNoGoroutine(t *testing.T) {
	opts := goleak.IgnoreCurrent()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := Watch(ctx, []string{dir}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "e.txt"), "x") // leave a Change unreceived
	time.Sleep(2 * quiet)
	cancel()
	deadline := time.After(5 * time.Second)
	for open := true; open; {
		select {
		case _, open = <-ch:
		case <-deadline:
			t.Fatal("channel not closed within 5s of cancel")
		}
	}
	goleak.VerifyNone(t, opts)
}
