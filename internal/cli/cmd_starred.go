package cli

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"rostrum/internal/readstate"
	"rostrum/model"
)

// starredEntry is one starred quote in `quotes --starred --format json`.
// Everything comes from the state file, which anyone may have edited: the
// strings are sanitised on the way out like any other (writeJSON), and
// path is the path as the state file holds it.
type starredEntry struct {
	Doc string `json:"doc"`
	pathJSON
	Title    string    `json:"title"`
	Date     *string   `json:"date"`
	Speaker  *string   `json:"speaker"`
	Text     string    `json:"text"`
	Citation string    `json:"citation"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Starred  time.Time `json:"starred"`
}

// writeStarred prints the quotes starred in the reader, from the state
// file alone (each star keeps its text and citation), oldest first.
func writeStarred(s *session, format string) error {
	// Read, not Open: a command that only reads never sets a damaged
	// file aside or writes a new one.
	st, warning := readstate.Read(readstate.DefaultPath(s.Getenv))
	if warning != "" {
		fmt.Fprintf(s.Err, "rostrum: %s\n", warning)
	}
	stars := st.Stars
	if format == "json" {
		out := make([]starredEntry, 0, len(stars))
		for _, st := range stars {
			out = append(out, starredEntry{Doc: st.Doc, pathJSON: pathOf(st.Path, model.OneLine(st.Path)), Title: st.Title,
				Date: nullable(st.Date), Speaker: nullable(st.Speaker), Text: st.Text, Citation: st.Citation,
				Start: st.Start, End: st.End, Starred: st.Starred})
		}
		return writeJSON(s, out)
	}
	err := writeText(s, func(w io.Writer) error {
		if format == "csv" {
			c := newCSV(w)
			c.Row("doc", "path", "date", "speaker", "start", "end", "text", "citation")
			for _, st := range stars {
				c.Row(st.Doc, model.OneLine(st.Path), st.Date, st.Speaker, strconv.Itoa(st.Start), strconv.Itoa(st.End), st.Text, st.Citation)
			}
			return c.Flush()
		}
		for _, st := range stars { // md and text: the citations
			if _, err := fmt.Fprintf(w, "%s\n\n", model.CitationMarkdown(st.Citation)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && len(stars) == 0 && format != "csv" {
		fmt.Fprintln(s.Err, "rostrum: no starred quotes yet (s on a quote in the reader stars it)")
	}
	return err
}
