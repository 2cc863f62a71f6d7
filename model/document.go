// Package model is Rostrum's domain: documents, their parsing and
// sanitising, and loading a corpus from files or embedded seeds. It imports
// no UI package and knows nothing of terminals, widths or keys.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Format names the input format a document was parsed from.
type Format string

// The formats the parser recognises.
const (
	FormatWire Format = "wire" // agency wire: "date YYYY-MM-DD", dateline, credit
	FormatText Format = "text" // plain text, with or without a headline line
)

// Document is one speech or news item, parsed and sanitised.
//
// Invariants: Body is the sanitised, normalised text (NFC, LF line
// endings, no control characters but '\n' and '\t'); Paragraphs are the
// non-empty paragraphs of Body in order, each a substring of Body, and
// Body is exactly their join with "\n\n". Offsets into a document always
// refer to Body. ID depends only on the file's content, so it is stable
// across runs and renames.
type Document struct {
	ID         string
	Path       string // file path, "-" for standard input, or "seeds/NAME"
	Format     Format
	Title      string
	Date       time.Time // zero when unknown
	Place      string    // from the dateline, e.g. "Tianjin, China"
	Source     string    // agency credit, e.g. "Trend" or "TASS"
	Speaker    string    // main speaker, when known
	Body       string
	Paragraphs []string
	Words      int
	Problems   []string // non-fatal issues met while reading the file
}

// HasDate reports whether the document's date is known.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }

// DateString is the date as YYYY-MM-DD, or "" when unknown.
func (d *Document) DateString() string {
	if d.Date.IsZero() {
		return ""
	}
	return d.Date.Format(time.DateOnly)
}

// ReadingMinutes estimates reading time at 230 words a minute, at least 1.
func (d *Document) ReadingMinutes() int {
	return max(1, (d.Words+115)/230)
}

// contentID derives a document ID from its sanitised text: the first 12
// hex digits of its SHA-256, so the same text has the same ID everywhere.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:6])
}

// setBody stores paragraphs, joins them into Body and counts words, keeping
// the invariant that each paragraph is a substring of Body.
func (d *Document) setBody(paras []string) {
	d.Body = strings.Join(paras, "\n\n")
	d.Paragraphs = make([]string, len(paras))
	off := 0
	for i, p := range paras {
		d.Paragraphs[i] = d.Body[off : off+len(p)]
		off += len(p) + 2
	}
	d.Words = len(strings.Fields(d.Body))
}
