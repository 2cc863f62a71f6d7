package model

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned by Decode for content that is not text.
var ErrBinary = errors.New("binary file (contains NUL bytes)")

// binarySniff is how many leading bytes Decode inspects for NUL bytes.
const binarySniff = 8192

// Decode turns raw file bytes into a Go string. It understands UTF-8 with
// or without a byte order mark and UTF-16 with a byte order mark; bytes that
// are not valid UTF-8 are read as Windows-1252, the usual encoding of older
// news and speech files. The note says which decoding was used when it was
// not plain UTF-8, so the loader can report it. Content with NUL bytes that
// is not UTF-16 is reported as binary.
func Decode(b []byte) (text, note string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, derr := dec.Bytes(b)
		if derr != nil {
			return "", "", derr
		}
		return string(out), "decoded as UTF-16", nil
	}
	if bytes.IndexByte(b[:min(len(b), binarySniff)], 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), "", nil
	}
	out, derr := charmap.Windows1252.NewDecoder().Bytes(b)
	if derr != nil {
		return "", "", derr
	}
	return string(out), "not valid UTF-8: decoded as Windows-1252", nil
}
