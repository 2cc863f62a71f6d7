package main

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"time"

	"rostrum/model"
	"rostrum/state"
)

// starredEntry is one starred quote in `quotes --starred --format json`.
type starredEntry struct {
	Doc      string    `json:"doc"`
	Path     string    `json:"path"`
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
func writeStarred(s *stdio, format string) error {
	// Read, not Open: a command that only reads never sets a damaged
	// file aside or writes a new one.
	st, warning := state.Read(state.DefaultPath())
	if warning != "" {
		fmt.Fprintf(s.err, "rostrum: %s\n", warning)
	}
	stars := st.Stars
	switch format {
	case "json":
		out := make([]starredEntry, 0, len(stars))
		for _, st := range stars {
			out = append(out, starredEntry{Doc: st.Doc, Path: st.Path, Title: st.Title, Date: nullable(st.Date),
				Speaker: nullable(st.Speaker), Text: st.Text, Citation: st.Citation, Start: st.Start, End: st.End, Starred: st.Starred})
		}
		return writeJSON(s, out)
	case "csv":
		w := csv.NewWriter(s.out)
		_ = w.Write([]string{"doc", "path", "date", "speaker", "start", "end", "text", "citation"})
		for _, st := range stars {
			_ = w.Write([]string{st.Doc, st.Path, st.Date, st.Speaker, strconv.Itoa(st.Start), strconv.Itoa(st.End), st.Text, st.Citation})
		}
		w.Flush()
		return w.Error()
	}
	for _, st := range stars { // md and text: the citations
		if _, err := fmt.Fprintf(s.out, "%s\n\n", model.CitationMarkdown(st.Citation)); err != nil {
			return err
		}
	}
	if len(stars) == 0 {
		fmt.Fprintln(s.err, "rostrum: no starred quotes yet (s on a quote in the reader stars it)")
	}
	return nil
}
