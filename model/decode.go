package model

import (
	"bytes"
	"errors"
	"strings"
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
	return mixedDecode(b), "not valid UTF-8: bytes outside UTF-8 read as Windows-1252", nil
}

// mixedDecode keeps the valid UTF-8 of b and reads each byte that is not
// part of it as Windows-1252, so a UTF-8 file with one stray Latin-1 byte
// keeps its "é" and gets its "£".
func mixedDecode(b []byte) string {
	var out strings.Builder
	out.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			out.WriteRune(charmap.Windows1252.DecodeByte(b[0]))
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.String()
}
