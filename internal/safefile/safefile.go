// Package safefile opens and reads the files Rostrum is given, and its own,
// without ever blocking on them or reading without bound: documents,
// metadata sidecars, the state file, the config file and the topics file
// all go through it.
//
// A path is looked at before it is opened, so a named pipe, device or
// socket is never opened at all; it is then opened with O_NONBLOCK (so a
// file swapped for a pipe in between does not block the open), checked
// again on the opened descriptor, and read through a limit one byte over
// the cap, so a file that grows while it is read is caught too.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// NotRegularError means the path is a named pipe, device, socket or folder,
// which Rostrum does not read.
type NotRegularError struct {
	Mode fs.FileMode // the file's type bits
}

func (e *NotRegularError) Error() string {
	if e.Mode.IsDir() {
		return "is a folder"
	}
	return Kind(e.Mode) + ", not a regular file"
}

// TooLargeError means the file holds more than Limit bytes.
type TooLargeError struct {
	Limit int64
}

func (e *TooLargeError) Error() string { return "larger than the " + FormatSize(e.Limit) + " limit" }

// Kind names the type of a file that is not a regular one ("a named pipe").
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// FormatSize writes a byte count in MiB when it is a whole number of them,
// else in bytes.
func FormatSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// betweenLookAndOpen lets tests swap the file between the first look and
// the open.
var betweenLookAndOpen = func(string) {}

// Open opens the regular file at path (following symbolic links) for
// reading, without blocking: anything else is a *NotRegularError wrapped
// in an *fs.PathError, and the file is not opened when a first look shows
// it is not regular. The info is the opened file's own.
func Open(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: &NotRegularError{Mode: info.Mode().Type()}}
	}
	betweenLookAndOpen(path)
	// O_NONBLOCK: a named pipe put in place since the first look
	// opens at once rather than waiting for a writer. O_NOCTTY: a
	// terminal swapped in never becomes the controlling one.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: &NotRegularError{Mode: info.Mode().Type()}}
	}
	return f, info, nil
}

// ReadFile reads the regular file at path, failing with a *TooLargeError
// (wrapped in an *fs.PathError) when it holds more than limit bytes. The
// size is checked before reading and again while reading, so a file that
// grows is caught as well.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit}}
	}
	data, err := ReadAll(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: unwrapPath(err)}
	}
	return data, nil
}

// ReadAll reads r to the end, failing with a *TooLargeError when it holds
// more than limit bytes; it never reads more than limit+1.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return data, nil
}

// Reason is a short reason for a failure to open or read a file, without
// the path, which the caller names: "no such file or folder", "permission
// denied", "a named pipe, not a regular file", "larger than the 1 MiB
// limit".
func Reason(err error) string {
	err = unwrapPath(err)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop"
	}
	return err.Error()
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
