package readstate

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

func tempPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "rostrum", "state.json")
}

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, warn := Open(path)
	if warn != "" {
		t.Fatalf("Open(%s) warned: %s", path, warn)
	}
	return s
}

// fixClock makes now return t0 for the rest of the test.
func fixClock(t *testing.T, t0 time.Time) {
	t.Helper()
	old := now
	now = func() time.Time { return t0 }
	t.Cleanup(func() { now = old })
}

// checkFile asserts the file at path is a valid state document with mode
// 0600 and that its folder holds nothing but it and its lock file, plus
// any names in extra.
func checkFile(t *testing.T, path string, extra ...string) State {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("state file is not valid JSON: %v\n%s", err, data)
	}
	if st.Version != Version {
		t.Errorf("version = %d, want %d", st.Version, Version)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("state file mode = %v, want 0600", fi.Mode().Perm())
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{"state.json", "state.json.lock"}, extra...)
	for _, e := range entries {
		if !slices.Contains(want, e.Name()) {
			t.Errorf("stray file left in state folder: %s", e.Name())
		}
	}
	return st
}

func TestRoundTrip(t *testing.T) {
	path := tempPath(t)
	t0 := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	fixClock(t, t0)
	s := open(t, path)
	must(t, s.MarkRead("doc1", true))
	must(t, s.MarkRead("doc2", true))
	must(t, s.MarkRead("doc2", false))
	q := Star{Doc: "doc1", Path: "a.txt", Title: "T", Date: "1963-08-28", Speaker: "S",
		Text: "I have a dream", Citation: "S, T (1963)", Start: 10, End: 24}
	if on, err := s.ToggleStar(q); err != nil || !on {
		t.Fatalf("ToggleStar = %v, %v; want true, nil", on, err)
	}
	must(t, s.SetLast(Last{Doc: "doc1", Path: "a.txt", Offset: 42}))

	want := State{
		Version: Version,
		Read:    map[string]time.Time{"doc1": t0},
		Stars:   []Star{q},
		Last:    &Last{Doc: "doc1", Path: "a.txt", Offset: 42},
	}
	want.Stars[0].Starred = t0
	got := open(t, path).State()
	if !equal(got, want) {
		t.Errorf("reopened state:\n got %+v\nwant %+v", got, want)
	}
	if !equal(s.State(), want) {
		t.Errorf("in-memory state:\n got %+v\nwant %+v", s.State(), want)
	}
	if !got.IsRead("doc1") || got.IsRead("doc2") {
		t.Error("IsRead wrong")
	}
	if !got.Starred("doc1", 10, 24) || got.Starred("doc1", 10, 25) || got.Starred("doc2", 10, 24) {
		t.Error("Starred wrong")
	}
	checkFile(t, path)
}

func TestMarkReadKeepsFirstTime(t *testing.T) {
	path := tempPath(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	fixClock(t, t0)
	s := open(t, path)
	must(t, s.MarkRead("d", true))
	now = func() time.Time { return t0.Add(time.Hour) }
	must(t, s.MarkRead("d", true))
	if got := open(t, path).State().Read["d"]; !got.Equal(t0) {
		t.Errorf("first-read time = %v, want %v", got, t0)
	}
}

func TestStarOrderAndToggle(t *testing.T) {
	s := open(t, tempPath(t))
	for i := range 3 {
		if on, err := s.ToggleStar(Star{Doc: "d", Start: i, End: i + 5}); err != nil || !on {
			t.Fatalf("star %d: %v, %v", i, on, err)
		}
	}
	if on, err := s.ToggleStar(Star{Doc: "d", Start: 1, End: 6, Text: "other fields do not matter"}); err != nil || on {
		t.Fatalf("unstar: %v, %v; want false, nil", on, err)
	}
	if on, _ := s.ToggleStar(Star{Doc: "d", Start: 1, End: 6}); !on {
		t.Fatal("restar failed")
	}
	var starts []int
	for _, q := range open(t, s.Path()).State().Stars {
		starts = append(starts, q.Start)
	}
	if !slices.Equal(starts, []int{0, 2, 1}) {
		t.Errorf("star order = %v, want [0 2 1] (newest last)", starts)
	}
}

func TestMissingFile(t *testing.T) {
	path := tempPath(t)
	s := open(t, path)
	st := s.State()
	if len(st.Read) != 0 || st.Read == nil || len(st.Stars) != 0 || st.Last != nil {
		t.Errorf("missing file gave %+v, want empty state", st)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open created the state folder (err=%v); reading should not", err)
	}
	if w := s.Reload(); w != "" {
		t.Errorf("Reload warned: %s", w)
	}
	must(t, s.MarkRead("x", true))
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("state folder mode = %v, want 0700", fi.Mode().Perm())
	}
	checkFile(t, path)
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/some/where")
	if got, want := DefaultPath(os.Getenv), "/some/where/rostrum/state.json"; got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
	for _, v := range []string{"", "relative/dir"} { // the spec says ignore relative paths
		t.Setenv("XDG_STATE_HOME", v)
		got := DefaultPath(os.Getenv)
		if want := filepath.Join(xdg.StateHome, "rostrum", "state.json"); got != want {
			t.Errorf("XDG_STATE_HOME=%q: DefaultPath() = %q, want %q", v, got, want)
		}
		if !filepath.IsAbs(got) || !strings.HasSuffix(got, "/rostrum/state.json") {
			t.Errorf("XDG_STATE_HOME=%q: DefaultPath() = %q, want an absolute .../rostrum/state.json", v, got)
		}
	}
}

func TestAtomicWriteFixesPermissions(t *testing.T) {
	path := tempPath(t)
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte(`{"version":1,"read":{"a":"2026-01-01T00:00:00Z"}}`), 0o644))
	must(t, os.Chmod(path, 0o644))
	s := open(t, path)
	for i := range 20 {
		must(t, s.MarkRead(strconv.Itoa(i), true))
		st := checkFile(t, path) // valid JSON, 0600, no temporary files
		if len(st.Read) != i+2 {
			t.Fatalf("after %d marks the file has %d", i+1, len(st.Read))
		}
	}
}

func TestStateIsACopy(t *testing.T) {
	s := open(t, tempPath(t))
	must(t, s.MarkRead("a", true))
	_, err := s.ToggleStar(Star{Doc: "a", Text: "q"})
	must(t, err)
	must(t, s.SetLast(Last{Doc: "a", Offset: 1}))
	st := s.State()
	st.Read["b"] = time.Now()
	st.Stars[0].Text = "changed"
	st.Last.Offset = 99
	got := s.State()
	if got.IsRead("b") || got.Stars[0].Text != "q" || got.Last.Offset != 1 {
		t.Errorf("changing a copy changed the store: %+v", got)
	}
}

func TestReloadSeesOtherInstance(t *testing.T) {
	path := tempPath(t)
	a, b := open(t, path), open(t, path)
	must(t, a.MarkRead("from-a", true))
	if b.State().IsRead("from-a") {
		t.Fatal("b saw a's change before Reload")
	}
	if w := b.Reload(); w != "" {
		t.Fatal(w)
	}
	if !b.State().IsRead("from-a") {
		t.Error("b did not see a's change after Reload")
	}
	// A change made by b keeps a's change even without a Reload.
	must(t, a.MarkRead("from-a-2", true))
	must(t, b.SetLast(Last{Doc: "x"}))
	if st := b.State(); !st.IsRead("from-a-2") || st.Last == nil {
		t.Errorf("b's change lost a's: %+v", st)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func equal(a, b State) bool {
	if a.Version != b.Version || len(a.Read) != len(b.Read) || len(a.Stars) != len(b.Stars) {
		return false
	}
	for k, v := range a.Read {
		if w, ok := b.Read[k]; !ok || !w.Equal(v) {
			return false
		}
	}
	for i := range a.Stars {
		x, y := a.Stars[i], b.Stars[i]
		if !x.Starred.Equal(y.Starred) {
			return false
		}
		x.Starred, y.Starred = time.Time{}, time.Time{}
		if x != y {
			return false
		}
	}
	return (a.Last == nil) == (b.Last == nil) && (a.Last == nil || *a.Last == *b.Last)
}
