package cli

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"rostrum/model"
)

// Everything the command line prints passes through this file last.
// Strings come from documents, file names, the state file, the topics
// file and the config file, and any of them may hold escape sequences or
// characters that would make a terminal, a spreadsheet or a Markdown
// renderer do something else than show them:
//
//   - text, Markdown and CSV go through a cleanWriter, which sanitises
//     every line as it is written (model.Sanitize), whatever the fields;
//   - CSV cells that a spreadsheet would take for a formula start with ';
//   - Markdown escapes character references and the start of raw HTML
//     (model.CitationMarkdown);
//   - JSON has every string sanitised, except the exact paths of files
//     (tagged out:"raw"), and escapes whatever the sanitiser would remove
//     (C1 and bidi controls, DEL, invisible characters) as \uXXXX.

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

// cleanWriter sanitises text output line by line: a line is written once
// its newline has come (so a sequence or a character split between two
// writes is seen whole), the rest by Flush.
type cleanWriter struct {
	w       io.Writer
	pending []byte
}

func (c *cleanWriter) Write(p []byte) (int, error) {
	c.pending = append(c.pending, p...)
	if k := bytes.LastIndexByte(c.pending, '\n'); k >= 0 {
		if err := c.emit(c.pending[:k+1]); err != nil {
			return 0, err
		}
		c.pending = append(c.pending[:0], c.pending[k+1:]...)
	}
	return len(p), nil
}

// Flush writes what is left after the last newline.
func (c *cleanWriter) Flush() error {
	err := c.emit(c.pending)
	c.pending = c.pending[:0]
	return err
}

func (c *cleanWriter) emit(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	_, err := io.WriteString(c.w, model.Sanitize(string(b)))
	return err
}

// writeText runs write with standard output behind a cleanWriter.
func writeText(s *session, write func(w io.Writer) error) error {
	cw := &cleanWriter{w: s.Out}
	err := write(cw)
	if ferr := cw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// csvWriter writes CSV rows whose cells are sanitised and defused.
type csvWriter struct{ w *csv.Writer }

func newCSV(w io.Writer) csvWriter { return csvWriter{csv.NewWriter(w)} }

// Row writes one row.
func (c csvWriter) Row(cells ...string) {
	for i, cell := range cells {
		cells[i] = csvCell(cell)
	}
	_ = c.w.Write(cells) // an error sticks; Flush reports it
}

// Flush writes the buffered rows and reports any error.
func (c csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvCell sanitises a cell and, when it starts with a character that makes
// a spreadsheet read it as a formula (= + - @, tab, carriage return),
// puts an apostrophe before it, which spreadsheets show as text.
func csvCell(s string) string {
	s = model.Sanitize(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// pathJSON is where a document or a problem came from, in JSON output.
// Path is the exact path, as the file system holds it (the JSON encoder
// escapes what it must), so a script can open the file; DisplayPath is
// the sanitised one-line form the text output shows. A path that is not
// valid UTF-8 cannot be a JSON string as it is: Path then has U+FFFD for
// the bytes that are not, and PathBytes holds the exact bytes, in base64.
type pathJSON struct {
	Path        string `json:"path" out:"raw"`
	DisplayPath string `json:"display_path"`
	PathBytes   string `json:"path_bytes,omitempty"`
}

// pathOf describes a path; display is the form already made for printing.
func pathOf(path, display string) pathJSON {
	p := pathJSON{Path: path, DisplayPath: display}
	if !utf8.ValidString(path) {
		p.PathBytes = base64.StdEncoding.EncodeToString([]byte(path))
	}
	return p
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are,
// with its strings sanitised (but for the exact paths) and anything a
// terminal could act on escaped.
func writeJSON(s *session, v any) error {
	rv := reflect.New(reflect.TypeOf(v)).Elem()
	rv.Set(reflect.ValueOf(v))
	sanitizeStrings(rv)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rv.Interface()); err != nil {
		return err
	}
	_, err := s.Out.Write(escapeJSON(buf.Bytes()))
	return err
}

// sanitizeStrings sanitises every string reachable from v in place, but
// for the struct fields tagged out:"raw".
func sanitizeStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			sanitizeStrings(v.Elem())
		}
	case reflect.Interface:
		if !v.IsNil() && v.CanSet() {
			e := reflect.New(v.Elem().Type()).Elem()
			e.Set(v.Elem())
			sanitizeStrings(e)
			v.Set(e)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && f.Tag.Get("out") != "raw" {
				sanitizeStrings(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			sanitizeStrings(v.Index(i))
		}
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.String && v.Type().Key().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				v.SetMapIndex(k, reflect.ValueOf(model.Sanitize(v.MapIndex(k).String())).Convert(v.Type().Elem()))
			}
		}
	case reflect.String:
		if c := model.Sanitize(v.String()); c != v.String() && v.CanSet() {
			v.SetString(c)
		}
	}
}

// escapeJSON writes as \uXXXX every character of encoded JSON that the
// sanitiser would not let through: DEL, C1 controls, bidi controls,
// invisible characters. Go's encoder escapes the C0 controls, U+2028 and
// U+2029 but leaves those, and in an exact path they are still there.
// Outside strings JSON is plain ASCII, so every one is in a string.
func escapeJSON(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r < 0x7f || keeps(r) {
			if out != nil {
				out = append(out, b[i:i+size]...)
			}
			i += size
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(b)+16), b[:i]...)
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		} else {
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		i += size
	}
	if out == nil {
		return b
	}
	return out
}

// keeps reports whether r may stand in JSON output as it is: a character
// the sanitiser keeps wherever it stands (model.PrintableRune), the
// encoder's line breaks and tabs, and U+FFFD, which the encoder writes
// for invalid UTF-8.
func keeps(r rune) bool {
	return r == utf8.RuneError || r == '\n' || r == '\t' || model.PrintableRune(r)
}

// docPath is where a document came from: its exact file or, for the seeds
// and standard input, the name it is shown by.
func docPath(d *model.Document) pathJSON {
	if d.File != "" {
		return pathOf(d.File, d.Path)
	}
	return pathOf(d.Path, d.Path)
}
