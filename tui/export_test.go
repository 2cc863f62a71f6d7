package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"rostrum/tui/internal/testkit"
)

// exportHarness opens the quote browser on the seed, with exports going to
// dir and the temporary folder set to one the test watches.
func exportHarness(t *testing.T, dir string) (*harness, string) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	h := newHarness(t, seedText(t)).size(120, 40)
	h.app.exportDir = dir
	h.app.clock = func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }
	h.keys("Q")
	return h, tmp
}

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestExportIsPrivateAndWrittenByACommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "exports")
	h, _ := exportHarness(t, dir)
	_, cmd := h.app.Update(testkit.Press("E"))
	if len(names(t, dir)) != 0 {
		t.Fatal("the export should be written by a command, not in Update")
	}
	h.run(cmd)
	file := filepath.Join(dir, "rostrum-quotes-20261127-093000.md")
	if got := names(t, dir); len(got) != 1 || got[0] != filepath.Base(file) {
		t.Fatalf("the folder should hold the export alone, no temporary file: %v", got)
	}
	for path, want := range map[string]os.FileMode{file: 0o600, dir: 0o700, filepath.Dir(dir): 0o700} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v (%v)", path, info.Mode().Perm(), want, err)
		}
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "> “In the context of escalating") {
		t.Errorf("the export should hold the citations:\n%s", b)
	}
	if got := h.app.status.text; got != "Wrote 2 quotes to "+file {
		t.Errorf("the status line should say where: %q", got)
	}
}

// TestExportOnAFullDisk: a write that fails leaves nothing behind, puts
// nothing in the temporary folder, and says why.
func TestExportOnAFullDisk(t *testing.T) {
	dir := t.TempDir()
	h, tmp := exportHarness(t, dir)
	defer func(w func(*os.File, string) error) { writeString = w }(writeString)
	writeString = func(f *os.File, s string) error {
		// Half the data lands before the disk fills up.
		if _, err := f.WriteString(s[:len(s)/2]); err != nil {
			t.Errorf("writing the first half: %v", err)
		}
		return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	h.keys("E")
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("a failed export should leave no file: %v", got)
	}
	if got := names(t, tmp); len(got) != 0 {
		t.Errorf("nothing should go to the temporary folder: %v", got)
	}
	if want := "Quotes not exported: writing to " + dir + " failed: no space left on device"; h.app.status.text != want {
		t.Errorf("the status line should say what failed: %q, want %q", h.app.status.text, want)
	}
}

// TestExportToAFolderThatCannotBeWritten: a folder that cannot be made or
// written to is reported, and the quotes go nowhere else.
func TestExportToAFolderThatCannotBeWritten(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h, tmp := exportHarness(t, filepath.Join(file, "exports"))
	h.keys("E")
	if want := "Quotes not exported: cannot create the folder " + filepath.Join(file, "exports") + ": not a directory"; h.app.status.text != want {
		t.Errorf("status %q, want %q", h.app.status.text, want)
	}
	if got := names(t, tmp); len(got) != 0 {
		t.Errorf("nothing should go to the temporary folder: %v", got)
	}
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	ro := filepath.Join(base, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	h.app.exportDir = ro
	h.keys("E")
	if want := "Quotes not exported: cannot write in " + ro + ": permission denied"; h.app.status.text != want {
		t.Errorf("status %q, want %q", h.app.status.text, want)
	}
	if got := names(t, ro); len(got) != 0 {
		t.Errorf("a read-only folder should stay empty: %v", got)
	}
}

// TestExportNeverOverwrites: a second export in the same second gets its
// own name, also where the file system has no hard links.
func TestExportNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	h, _ := exportHarness(t, dir)
	first := filepath.Join(dir, "rostrum-quotes-20261127-093000.md")
	if err := os.WriteFile(first, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("E")
	defer func(l func(string, string) error) { linkFile = l }(linkFile)
	linkFile = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	h.keys("E")
	if b, _ := os.ReadFile(first); string(b) != "mine" {
		t.Errorf("an existing file was overwritten: %q", b)
	}
	got := names(t, dir)
	want := []string{"rostrum-quotes-20261127-093000-2.md", "rostrum-quotes-20261127-093000-3.md", "rostrum-quotes-20261127-093000.md"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", got, want)
	}
	for _, n := range want[:2] {
		if b, _ := os.ReadFile(filepath.Join(dir, n)); !strings.HasPrefix(string(b), "# Quotes from Rostrum") {
			t.Errorf("%s: %q", n, b)
		}
	}
}

// TestStarKeepsTheExactPath: a star records the document's file as it is
// on disk, absolute, for `quotes --starred -f json`.
func TestStarKeepsTheExactPath(t *testing.T) {
	seed := seedText(t)
	dir := t.TempDir()
	t.Chdir(dir)
	h := newHarness(t, seed).size(120, 40)
	st := withStore(t, h, filepath.Join(t.TempDir(), "state.json"))
	h.app.list.Selected().File = "-c\x1b[1m.txt"
	h.keys("enter", "]", "s")
	if stars := st.State().Stars; len(stars) != 1 || stars[0].Path != filepath.Join(dir, "-c\x1b[1m.txt") {
		t.Fatalf("the star should keep the exact, absolute path: %+v", stars)
	}
}
