package safefile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// noHang runs fn and fails the test if it has not returned long after it
// should have: the functions under test return at once or never.
func noHang(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	mkfifo(t, fifo)
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "a named pipe, not a regular file"},
		{zero, "a character device, not a regular file"},
		{dir, "is a folder"},
		{filepath.Join(dir, "missing"), "no such file or folder"},
	} {
		var err error
		noHang(t, "reading "+tc.path, func() { _, err = ReadFile(tc.path, 1<<20) })
		if err == nil || Reason(err) != tc.want {
			t.Errorf("ReadFile(%s) = %v, want %q", tc.path, err, tc.want)
		}
		if tc.want != "no such file or folder" && !errors.As(err, new(*NotRegularError)) {
			t.Errorf("ReadFile(%s): %v is not a *NotRegularError", tc.path, err)
		}
	}
}

// A regular file swapped for a named pipe after the first look is opened
// without blocking and refused on the opened descriptor.
func TestFileSwappedForAPipe(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.txt")
	if err := os.WriteFile(path, []byte("text"), 0o600); err != nil {
		t.Fatal(err)
	}
	betweenLookAndOpen = func(p string) {
		if err := os.Remove(p); err != nil {
			t.Error(err)
		}
		mkfifo(t, p)
	}
	defer func() { betweenLookAndOpen = func(string) {} }()
	var err error
	noHang(t, "opening a swapped file", func() { _, err = ReadFile(path, 1<<20) })
	var nr *NotRegularError
	if !errors.As(err, &nr) || nr.Mode&fs.ModeNamedPipe == 0 {
		t.Fatalf("ReadFile of a file swapped for a pipe = %v, want a named-pipe error", err)
	}
}

func TestSizeCap(t *testing.T) {
	dir := t.TempDir()
	at := filepath.Join(dir, "at")
	over := filepath.Join(dir, "over")
	if err := os.WriteFile(at, bytes.Repeat([]byte("x"), 1024), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(over, bytes.Repeat([]byte("x"), 1025), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(at, 1024); err != nil || len(data) != 1024 {
		t.Errorf("a file at the cap: %d bytes, %v", len(data), err)
	}
	_, err := ReadFile(over, 1024)
	if !errors.As(err, new(*TooLargeError)) || Reason(err) != "larger than the 1024 bytes limit" {
		t.Errorf("a file over the cap: %v", err)
	}
	// A reader that outgrows what its size said is cut at the cap + 1.
	r := &countingReader{}
	if _, err := ReadAll(r, 4<<20); !errors.As(err, new(*TooLargeError)) || Reason(err) != "larger than the 4 MiB limit" {
		t.Errorf("ReadAll of an endless reader: %v", err)
	}
	if r.n > 4<<20+1 {
		t.Errorf("ReadAll read %d bytes of an endless reader, want at most the cap + 1", r.n)
	}
}

// countingReader is endless and counts what is read from it.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	r.n += int64(len(p))
	return len(p), nil
}

func TestKind(t *testing.T) {
	for m, want := range map[fs.FileMode]string{
		fs.ModeNamedPipe:                  "a named pipe",
		fs.ModeSocket:                     "a socket",
		fs.ModeDevice | fs.ModeCharDevice: "a character device",
		fs.ModeDevice:                     "a block device",
		fs.ModeDir:                        "a folder",
		0:                                 "a regular file",
		fs.ModeIrregular:                  "a special file",
	} {
		if got := Kind(m); got != want {
			t.Errorf("Kind(%v) = %q, want %q", m, got, want)
		}
	}
	if !strings.Contains((&NotRegularError{Mode: fs.ModeSocket}).Error(), "a socket, not a regular file") {
		t.Error("NotRegularError does not name the kind")
	}
}
