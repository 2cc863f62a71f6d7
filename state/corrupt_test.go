package state

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
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

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a mode-000 file")
	}
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte(`{"version":1}`), 0o600))
	must(t, os.Chmod(path, 0))
	s, warn := Open(path)
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(warn, matches[0]) || !strings.Contains(warn, "could not be read") {
		t.Fatalf("set-aside files %v, warning %q", matches, warn)
	}
	must(t, s.MarkRead("a", true))
	checkFile(t, path, filepath.Base(matches[0]))
}

// A state "file" that is a folder cannot be read, even by root.
func TestFolderInPlaceOfFile(t *testing.T) {
	path := tempPath(t)
	must(t, os.MkdirAll(path, 0o700))
	must(t, os.WriteFile(filepath.Join(path, "keep"), []byte("mine"), 0o600))
	s, warn := Open(path)
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(warn, matches[0]) {
		t.Fatalf("set-aside %v, warning %q", matches, warn)
	}
	checkAside(t, filepath.Join(matches[0], "keep"), "mine")
	must(t, s.MarkRead("a", true))
	checkFile(t, path, filepath.Base(matches[0]))
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
