package model_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"rostrum/model"
)

// A topics file that is not a regular file, is too large or is an alias
// bomb gives a warning naming the file and what is wrong, at once, and
// the built-in topics.
func TestUserTopicsFileBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	bomb := write("bomb.yaml", "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"+bombLevels(9)+"topics: *l8\n")
	big := write("big.yaml", "topics:\n"+strings.Repeat("# padding padding padding\n", model.MaxTopicsFileSize/26+1))
	unknown := write("unknown.yaml", "topics:\n  - name: Space\n    colour: blue\n")
	for _, tc := range []struct{ path, want string }{
		{fifo, "a named pipe, not a regular file"},
		{zero, "a character device, not a regular file"},
		{big, "larger than the 1 MiB limit"},
		{bomb, "line 6: too many aliases"},
		{unknown, "line 3: field colour not found"},
	} {
		lx, warning := model.LoadLexicon(tc.path)
		if want := "topics file " + tc.path + ": " + tc.want; !strings.HasPrefix(warning, want) || strings.Contains(warning, "\n") {
			t.Errorf("warning %q, want one line starting %q", warning, want)
		}
		if _, ok := lx.Topic("security"); !ok {
			t.Errorf("%s: the built-in topics should still be there", tc.path)
		}
	}
}
