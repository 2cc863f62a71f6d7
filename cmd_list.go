package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"rostrum/model"
)

// ListCmd prints the documents of a corpus.
type ListCmd struct {
	Paths  []string `arg:"" optional:"" name:"path" help:"Files or folders to read; - reads standard input. Default: the embedded seeds."`
	Format string   `help:"Output format: text (aligned columns) or json (one array)." enum:"text,json" default:"text" short:"f"`
}

// listEntry is one document in `list --format json`. Unknown values are
// null, never an empty string, so scripts can test for them.
type listEntry struct {
	ID       string   `json:"id"`
	Path     string   `json:"path"`
	Format   string   `json:"format"`
	Title    string   `json:"title"`
	Date     *string  `json:"date"`
	Place    *string  `json:"place"`
	Source   *string  `json:"source"`
	Speaker  *string  `json:"speaker"`
	Words    int      `json:"words"`
	Quotes   int      `json:"quotes"`
	Problems []string `json:"problems"`
}

// Run prints the list; files that could not be read are reported on
// standard error after it.
func (l *ListCmd) Run(s *stdio) error {
	c, err := loadCorpus(l.Paths, s)
	if err != nil {
		return err
	}
	if l.Format == "json" {
		err = writeListJSON(s, c)
	} else {
		err = writeListText(s, c)
	}
	if err != nil {
		return fmt.Errorf("writing the list: %w", err)
	}
	reportProblems(s, c.Problems)
	return nil
}

func writeListJSON(s *stdio, c *model.Corpus) error {
	entries := make([]listEntry, 0, c.Len())
	for _, d := range c.Docs {
		entries = append(entries, listEntry{
			ID: d.ID, Path: d.Path, Format: string(d.Format), Title: d.Title,
			Date: nullable(d.DateString()), Place: nullable(d.Place),
			Source: nullable(d.Source), Speaker: nullable(d.Speaker),
			Words: d.Words, Quotes: len(d.Quotes), Problems: append([]string{}, d.Problems...),
		})
	}
	return writeJSON(s, entries)
}

func writeListText(s *stdio, c *model.Corpus) error {
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tPLACE/SOURCE\tSPEAKER\tQUOTES\tTITLE")
	for _, d := range c.Docs {
		where := d.Place
		if where == "" {
			where = d.Source
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", d.ID, dash(d.DateString()), dash(where), dash(d.Speaker), len(d.Quotes), d.Title)
	}
	return tw.Flush()
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are.
func writeJSON(s *stdio, v any) error {
	enc := json.NewEncoder(s.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// nullable maps "" to a JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// dash stands in for an unknown value in text output.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
