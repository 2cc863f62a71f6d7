package main

import (
	"io"

	"rostrum/model"
)

// safeWriter sanitises everything written to standard error: messages
// there name files and paths from the command line or a folder, and a
// file name may itself hold an escape sequence.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, model.Sanitize(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
