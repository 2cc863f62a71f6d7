package readstate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var badFiles = []struct {
	name string
	data string
}{
	{"truncated", `{"version":1,"read":{"a":"2026-01-01T00:00:00Z"},"sta`},
	{"garbage", "\x00\xff\xfe binary \x89PNG\r\n\x1a\n"},
	{"wrong type for read", `{"version":1,"read":["a","b"]}`},
	{"wrong type for offset", `{"version":1,"last":{"doc":"a","offset":"ten"}}`},
	{"bad time", `{"version":1,"read":{"a":"yesterday"}}`},
	{"top-level array", `[1,2,3]`},
	{"null", "null\n"},
	{"trailing junk", `{"version":1} {"version":1}`},
	{"empty", ""},
}

func TestCorruptFileSetAside(t *testing.T) {
	t0 := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	fixClock(t, t0)
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			path := tempPath(t)
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			must(t, os.WriteFile(path, []byte(tc.data), 0o600))
			aside := path + ".corrupt-20260506-070809"

			s, warn := Open(path)
			if warn == "" || !strings.Contains(warn, aside) || strings.Contains(warn, "\n") {
				t.Errorf("warning = %q, want one line naming %s", warn, aside)
			}
			if st := s.State(); len(st.Read) != 0 || len(st.Stars) != 0 || st.Last != nil {
				t.Errorf("state = %+v, want empty", st)
			}
			checkAside(t, aside, tc.data)
			if st := checkFile(t, path, filepath.Base(aside)); len(st.Read) != 0 {
				t.Errorf("fresh file = %+v, want empty", st)
			}

			must(t, s.MarkRead("fresh", true))
			st := checkFile(t, path, filepath.Base(aside))
			if len(st.Read) != 1 || !st.IsRead("fresh") {
				t.Errorf("new file = %+v, want just the new mark", st)
			}
			checkAside(t, aside, tc.data)
		})
	}
}

func checkAside(t *testing.T, aside, want string) {
	t.Helper()
	got, err := os.ReadFile(aside)
	if err != nil {
		t.Fatalf("set-aside copy: %v", err)
	}
	if !bytes.Equal(got, []byte(want)) {
		t.Errorf("set-aside copy = %q, want %q byte for byte", got, want)
	}
}

func TestSetAsideNamesAreUnique(t *testing.T) {
	fixClock(t, time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC))
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	base := path + ".corrupt-20260506-070809"
	for i, want := range []string{base, base + "-2", base + "-3"} {
		data := strings.Repeat("x", i+1)
		must(t, os.WriteFile(path, []byte(data), 0o600))
		if _, warn := Open(path); !strings.Contains(warn, want) {
			t.Errorf("warning %q does not name %s", warn, want)
		}
		checkAside(t, want, data)
	}
	checkAside(t, base, "x") // the first one was not overwritten
}

// A file that turns bad while the store is open is set aside by the next
// change, which continues from the in-memory state.
func TestCorruptedWhileOpen(t *testing.T) {
	path := tempPath(t)
	s := open(t, path)
	must(t, s.MarkRead("old", true))
	must(t, os.WriteFile(path, []byte("{oops"), 0o600))
	must(t, s.MarkRead("new", true))
	st := open(t, path).State()
	if !st.IsRead("old") || !st.IsRead("new") {
		t.Errorf("state after recovery = %+v, want old and new", st)
	}
	warn := s.TakeWarning()
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(warn, matches[0]) {
		t.Fatalf("set-aside files %v, warning %q", matches, warn)
	}
	checkAside(t, matches[0], "{oops")
	if s.TakeWarning() != "" {
		t.Error("TakeWarning did not clear the warning")
	}
}

// A file that cannot be read is not damaged: it is left in place, with a
// warning, and changes fail rather than replace it.
func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a mode-000 file")
	}
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte(`{"version":1}`), 0o600))
	must(t, os.Chmod(path, 0))
	checkLeftInPlace(t, path, "permission denied")
}

// Nor is a folder, a named pipe or a link to a device in its place; none
// of them blocks or fills memory.
func TestNotAFileLeftInPlace(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		make       func(t *testing.T, path string)
	}{
		{"folder", "is a folder", func(t *testing.T, path string) {
			must(t, os.MkdirAll(path, 0o700))
			must(t, os.WriteFile(filepath.Join(path, "keep"), []byte("mine"), 0o600))
		}},
		{"named pipe", "a named pipe, not a regular file", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}},
		{"link to /dev/zero", "a character device, not a regular file", func(t *testing.T, path string) {
			must(t, os.Symlink("/dev/zero", path))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tempPath(t)
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			tc.make(t, path)
			before, err := os.Lstat(path)
			must(t, err)
			checkLeftInPlace(t, path, tc.want)
			after, err := os.Lstat(path)
			if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("the %s was replaced: %v", tc.name, err)
			}
		})
	}
}

// checkLeftInPlace opens the bad file at path, expecting a warning with
// reason, nothing set aside, and changes refused.
func checkLeftInPlace(t *testing.T, path, reason string) {
	t.Helper()
	s, warn := Open(path)
	if want := "state file " + path + " cannot be used (" + reason + "); left it in place"; warn != want {
		t.Errorf("warning = %q, want %q", warn, want)
	}
	if matches, _ := filepath.Glob(path + ".corrupt-*"); len(matches) != 0 {
		t.Errorf("set aside as %v", matches)
	}
	if err := s.MarkRead("a", true); err == nil || !strings.Contains(err.Error(), "left it in place") {
		t.Errorf("MarkRead over it = %v, want an error", err)
	}
	if s.State().IsRead("a") {
		t.Error("a failed change still changed the in-memory state")
	}
	if st, warn := Read(path); warn == "" || len(st.Read) != 0 {
		t.Errorf("Read = %+v, %q; want an empty state and a warning", st, warn)
	}
}

// A file over MaxSize is damaged: set aside, without being read.
func TestOversizedFileSetAside(t *testing.T) {
	fixClock(t, time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC))
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	f, err := os.Create(path)
	must(t, err)
	must(t, f.Truncate(MaxSize+1)) // sparse: no disk used
	must(t, f.Close())
	s, warn := Open(path)
	aside := path + ".corrupt-20260506-070809"
	if !strings.Contains(warn, "is damaged (larger than the 64 MiB limit); kept it as "+aside) {
		t.Errorf("warning = %q", warn)
	}
	if info, err := os.Stat(aside); err != nil || info.Size() != MaxSize+1 {
		t.Errorf("the large file should be kept whole as %s: %v", aside, err)
	}
	must(t, s.MarkRead("a", true))
	checkFile(t, path, filepath.Base(aside))
}

// A command that only reads (quotes --starred) never renames or writes
// the file, however bad it is.
func TestReadOnlyLeavesBadFileAlone(t *testing.T) {
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			path := tempPath(t)
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			must(t, os.WriteFile(path, []byte(tc.data), 0o600))
			st, warn := Read(path)
			if want := "state file " + path + " is damaged ("; !strings.HasPrefix(warn, want) ||
				!strings.HasSuffix(warn, "); left it in place") || strings.Contains(warn, "\n") {
				t.Errorf("warning = %q, want one line starting %q", warn, want)
			}
			if len(st.Read) != 0 || len(st.Stars) != 0 {
				t.Errorf("state = %+v, want empty", st)
			}
			checkAside(t, path, tc.data)
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("Read left %d files in the folder, want only the state file", len(entries))
			}
		})
	}
	// A good file is read, and nothing else is created either.
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte(`{"version":1,"read":{"a":"2026-01-01T00:00:00Z"}}`), 0o600))
	if st, warn := Read(path); warn != "" || !st.IsRead("a") {
		t.Errorf("Read = %+v, %q", st, warn)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("Read left %d files in the folder (a lock file?), want 1", len(entries))
	}
}

// New reads nothing until Reload.
func TestNewDoesNotRead(t *testing.T) {
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte(`{"version":1,"read":{"a":"2026-01-01T00:00:00Z"}}`), 0o600))
	s := New(path)
	if s.State().IsRead("a") {
		t.Fatal("New read the file")
	}
	if warn := s.Reload(); warn != "" || !s.State().IsRead("a") {
		t.Errorf("Reload: %q, %+v", warn, s.State())
	}
}

// When a bad file cannot be set aside it is left alone: Open warns, and
// changes fail rather than overwrite it.
func TestBadFileNeverOverwritten(t *testing.T) {
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte("garbage"), 0o600))
	old := rename
	rename = func(string, string) error { return errors.New("rename refused") }
	defer func() { rename = old }()

	s, warn := Open(path)
	if !strings.Contains(warn, "could not be set aside") || !strings.Contains(warn, "rename refused") {
		t.Errorf("warning = %q", warn)
	}
	if err := s.MarkRead("a", true); err == nil {
		t.Error("MarkRead succeeded over a bad file that could not be set aside")
	}
	if _, err := s.ToggleStar(Star{Doc: "a"}); err == nil {
		t.Error("ToggleStar succeeded over a bad file that could not be set aside")
	}
	if s.State().IsRead("a") {
		t.Error("failed change still changed the in-memory state")
	}
	checkAside(t, path, "garbage")
}

// Reload of a file that has turned bad sets it aside and writes the
// in-memory state in its place, so the next change does not lose it.
func TestCorruptReloadKeepsMemory(t *testing.T) {
	path := tempPath(t)
	s := open(t, path)
	must(t, s.MarkRead("old", true))
	must(t, os.WriteFile(path, []byte(`{"read":`), 0o600))
	warn := s.Reload()
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(warn, matches[0]) {
		t.Fatalf("set-aside files %v, warning %q", matches, warn)
	}
	if !s.State().IsRead("old") {
		t.Error("Reload dropped the in-memory state")
	}
	if st := checkFile(t, path, filepath.Base(matches[0])); !st.IsRead("old") {
		t.Errorf("file after Reload = %+v, want the in-memory state", st)
	}
}
