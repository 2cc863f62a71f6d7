package model_test

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"rostrum/model"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with a BOM.
func utf16Bytes(s string, order binary.AppendByteOrder) []byte {
	units := append([]uint16{0xfeff}, utf16.Encode([]rune(s))...)
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return b
}

func TestDecode(t *testing.T) {
	t.Parallel()
	const mixed = "Price £100, café, “quoted” and 😀 emoji\nsecond line"
	cases := []struct {
		name     string
		in       []byte
		want     string
		wantNote string // substring of the note; "" means no note
	}{
		{
			name: "plain UTF-8",
			in:   []byte(mixed),
			want: mixed,
		},
		{
			name: "UTF-8 with BOM",
			in:   append([]byte{0xef, 0xbb, 0xbf}, mixed...),
			want: mixed,
		},
		{
			name: "empty",
			in:   nil,
			want: "",
		},
		{
			name:     "UTF-16LE with BOM",
			in:       utf16Bytes(mixed, binary.LittleEndian),
			want:     mixed,
			wantNote: "UTF-16",
		},
		{
			name:     "UTF-16BE with BOM",
			in:       utf16Bytes(mixed, binary.BigEndian),
			want:     mixed,
			wantNote: "UTF-16",
		},
		{
			name:     "Windows-1252",
			in:       []byte("Price \xa3100, caf\xe9, \x93quoted\x94 \x96 it\x92s\x85"),
			want:     "Price £100, café, “quoted” – it’s…",
			wantNote: "Windows-1252",
		},
		{
			name:     "UTF-8 BOM then Windows-1252",
			in:       []byte("\xef\xbb\xbfcaf\xe9"),
			want:     "café",
			wantNote: "Windows-1252",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, note, err := model.Decode(tc.in)
			if err != nil {
				t.Fatalf("Decode: unexpected error %v", err)
			}
			if got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
			if strings.ContainsRune(got, '\ufeff') {
				t.Errorf("text keeps a BOM: %q", got)
			}
			switch {
			case tc.wantNote == "" && note != "":
				t.Errorf("note = %q, want none", note)
			case tc.wantNote != "" && !strings.Contains(note, tc.wantNote):
				t.Errorf("note = %q, want it to mention %q", note, tc.wantNote)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   []byte
	}{
		{"NUL in the middle", []byte("text\x00more text")},
		{"leading NUL", []byte("\x00\x01\x02\x03")},
		{"AppleDouble header", []byte("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ATTR")},
		{"UTF-8 BOM then NUL", []byte("\xef\xbb\xbfa\x00b")},
		{"UTF-16 without BOM", utf16Bytes("plain text", binary.LittleEndian)[2:]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, note, err := model.Decode(tc.in)
			if !errors.Is(err, model.ErrBinary) {
				t.Fatalf("Decode(%q) error = %v, want ErrBinary (text %q, note %q)", tc.in, err, got, note)
			}
			if got != "" {
				t.Errorf("text = %q, want empty with ErrBinary", got)
			}
		})
	}
}

// TestDecodeSameTextSameID checks that the encoding of a file does not
// change its document ID: the ID is taken from the decoded text.
func TestDecodeSameTextSameID(t *testing.T) {
	t.Parallel()
	const text = "Headline with £ and café\n\nThe body says “hello”. It ends here."
	inputs := map[string][]byte{
		"UTF-8":        []byte(text),
		"UTF-8 BOM":    append([]byte{0xef, 0xbb, 0xbf}, text...),
		"UTF-16LE":     utf16Bytes(text, binary.LittleEndian),
		"UTF-16BE":     utf16Bytes(text, binary.BigEndian),
		"Windows-1252": []byte("Headline with \xa3 and caf\xe9\n\nThe body says \x93hello\x94. It ends here."),
		"CRLF":         []byte(strings.ReplaceAll(text, "\n", "\r\n")),
	}
	want, err := model.Parse("utf8.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for name, raw := range inputs {
		d, err := model.Parse(name+".txt", raw)
		if err != nil {
			t.Errorf("%s: Parse: %v", name, err)
			continue
		}
		if d.ID != want.ID || d.Body != want.Body || d.Title != want.Title {
			t.Errorf("%s: got ID %s title %q body %q; want ID %s title %q body %q",
				name, d.ID, d.Title, d.Body, want.ID, want.Title, want.Body)
		}
	}
}
