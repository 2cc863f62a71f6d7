package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"rostrum/internal/yamlsafe"
)

// Formats beyond plain and wire text.
const (
	FormatMarkdown Format = "markdown" // Markdown, with or without YAML front matter
	FormatJSONL    Format = "jsonl"    // one JSON object per line
)

// record is the metadata a JSON Lines record or a front matter block may
// carry; Text is the body of a JSON Lines record.
type record struct {
	Title   string   `json:"title" yaml:"title"`
	Date    string   `json:"date" yaml:"date"`
	Speaker string   `json:"speaker" yaml:"speaker"`
	Source  string   `json:"source" yaml:"source"`
	Place   string   `json:"place" yaml:"place"`
	Tags    []string `json:"tags" yaml:"tags"`
	URL     string   `json:"url" yaml:"url"`
	Text    string   `json:"text" yaml:"-"`
}

// apply sets the document's metadata from the record's non-empty fields.
func (r record) apply(d *Document) {
	for _, f := range []struct{ field, value string }{
		{"title", r.Title}, {"speaker", r.Speaker}, {"source", r.Source},
		{"place", r.Place}, {"date", r.Date},
	} {
		if v := oneLine(Sanitize(f.value)); v != "" {
			d.setField(f.field, v)
		}
	}
	d.URL = oneLine(Sanitize(r.URL))
	for _, t := range r.Tags {
		if t = oneLine(Sanitize(t)); t != "" {
			d.Keywords = append(d.Keywords, t)
		}
	}
}

// isJSONL reports whether a file is JSON Lines, by its name.
func isJSONL(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// isMarkdown reports whether a file is Markdown, by its name.
func isMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// ParseJSONL reads one document per line of a JSON Lines file. A line that
// is not a JSON object with a text becomes a problem naming the line; the
// other lines load. Blank lines are skipped.
func ParseJSONL(path string, raw []byte) ([]*Document, []Problem) {
	return analyseAll(parseMany(path, raw, jsonlDocs))
}

// analyseAll analyses each document with the built-in lexicon.
func analyseAll(docs []*Document, problems []Problem) ([]*Document, []Problem) {
	for _, d := range docs {
		d.analyse(nil)
	}
	return docs, problems
}

// parseMany decodes a file that holds many documents and splits it with
// split; every document carries the decoding note, if any.
func parseMany(path string, raw []byte, split func(path, text string) ([]*Document, []Problem)) ([]*Document, []Problem) {
	text, note, err := Decode(raw)
	if err != nil {
		return nil, []Problem{{Path: path, Reason: err.Error()}}
	}
	docs, problems := split(path, text)
	noteAll(docs, note)
	return docs, problems
}

// jsonlDocs splits decoded JSON Lines into documents and problems.
func jsonlDocs(path, text string) (docs []*Document, problems []Problem) {
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, n+1)
		var r record
		dec := json.NewDecoder(strings.NewReader(line))
		if err := dec.Decode(&r); err != nil {
			problems = append(problems, Problem{Path: where, Reason: jsonReason(err)})
			continue
		}
		if dec.More() {
			problems = append(problems, Problem{Path: where, Reason: "more than one JSON value on the line"})
			continue
		}
		d, err := parseText(where, r.Text)
		if err != nil {
			problems = append(problems, Problem{Path: where, Reason: "no text"})
			continue
		}
		d.Format = FormatJSONL
		r.apply(d)
		docs = append(docs, d)
	}
	return docs, problems
}

// jsonReason says in a line what is wrong with a JSON Lines record.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		want := "text"
		if te.Field == "tags" {
			want = "a list of text"
		}
		return fmt.Sprintf("field %q holds %s where %s was expected", te.Field, withArticle(te.Value), want)
	}
	if errors.As(err, &te) {
		return "not a JSON object: the line holds " + withArticle(te.Value)
	}
	return "not a JSON object: " + firstLine(err.Error())
}

// withArticle puts "a" or "an" before a JSON type name.
func withArticle(kind string) string {
	if strings.IndexAny(kind[:min(1, len(kind))], "aeiou") == 0 {
		return "an " + kind
	}
	return "a " + kind
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

// frontMatter splits YAML front matter ("---" lines around it) from the
// start of a Markdown text.
func frontMatter(text string) (meta, body string, ok bool) {
	t := strings.TrimLeft(text, "\n")
	if !strings.HasPrefix(t, "---\n") {
		return "", text, false
	}
	rest := t[4:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return "", text, false
	}
	after := rest[end+4:]
	if nl := strings.IndexByte(after, '\n'); nl >= 0 {
		after = after[nl+1:]
	} else {
		after = ""
	}
	return rest[:end], after, true
}

// parseMarkdown fills d from a Markdown text: front matter gives the
// metadata (a broken block is a problem and is kept, shown as a code
// block), a first "#" heading the title when there is none, and the body
// is kept as Markdown.
func parseMarkdown(d *Document, text string) {
	d.Format = FormatMarkdown
	meta, body, ok := frontMatter(text)
	var kept []string // a broken front matter block, fenced
	if ok {
		var r record
		if err := yamlsafe.Decode([]byte(meta), &r, false); err != nil {
			what := "front matter is not valid YAML: "
			if errors.As(err, new(*yamlsafe.AliasError)) {
				what = "front matter not read: "
			}
			// Lines counted in the file: the block starts after "---".
			above := len(text) - len(strings.TrimLeft(text, "\n")) + 1
			// yaml.v3 quotes the offending value, control characters and all.
			msg := oneLine(Sanitize(yamlsafe.ShiftLines(yamlsafe.Message(err), above)))
			d.Problems = append(d.Problems, what+msg)
			kept = []string{fenced(meta)}
		} else {
			r.apply(d)
		}
	}
	paras := splitParagraphs(body)
	if d.Title == "" && len(paras) > 0 && strings.HasPrefix(paras[0], "# ") && !strings.Contains(paras[0], "\n") {
		d.Title = strings.TrimSpace(strings.TrimLeft(paras[0], "# "))
		paras = paras[1:]
	}
	d.setBody(append(kept, paras...))
	fileMeta(d, d.Path)
	if d.Title == "" && len(d.Paragraphs) > len(kept) {
		d.Title = titleFrom(plainInline(strings.TrimLeft(d.Paragraphs[len(kept)], "#> *-")))
	}
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)
	mdStrong   = regexp.MustCompile("\\*\\*|__|`+")
	mdEmphasis = regexp.MustCompile(`(^|\s)[*_]|[*_]([\s.,;:!?]|$)`)
)

// plainInline is a line of Markdown without its inline syntax, for a
// title: links become their text; emphasis and code marks go.
func plainInline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return mdEmphasis.ReplaceAllString(mdStrong.ReplaceAllString(s, ""), "$1$2")
}

// fenced makes text a Markdown code block, so that it renders as it is:
// the fence is longer than any run of tildes inside. Tildes rather than
// backticks, which the quote scanner reads as quotation marks (“so”).
func fenced(text string) string {
	fence := "~~~"
	for strings.Contains(text, fence) {
		fence += "~"
	}
	return fence + "yaml\n" + text + "\n" + fence
}

// noteAll records a decoding note on every document of a file.
func noteAll(docs []*Document, note string) {
	if note == "" {
		return
	}
	for _, d := range docs {
		d.Problems = append(d.Problems, note)
	}
}
