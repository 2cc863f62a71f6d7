package model

import (
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"rostrum/model/topics"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// ErrEmpty is returned for a file with no text once sanitised.
var ErrEmpty = errors.New("empty file (no text)")

var (
	// datePrefix is the wire format's opening: "date 2025-09-01 ".
	datePrefix = regexp.MustCompile(`^date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*`)

	// dateline opens a wire lead: "TIANJIN, China, September 1." or
	// "ASTANA, August 30. /TASS/.". The first component is in capitals.
	dateline = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}'’.\- ]*\p{Lu}\.?(?:, [^,\n]{1,40}?)*),? ` +
		`(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|` +
		`Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)` +
		` \d{1,2}\.?\s*(?:/([^/\n]{1,40})/\.?\s*)?`)

	// credit is an agency credit clause in the lead: ", Trend reports."
	credit = regexp.MustCompile(`,\s+(\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s\p{Lu}[\p{L}\p{N}.&'’-]*){0,3})\s+(?:reports|reported|informs)\.`)
)

// Parse decodes, sanitises and parses one file's bytes into a Document.
// path is recorded as the document's Path and used in messages only.
func Parse(path string, raw []byte) (*Document, error) {
	d, err := parseRaw(path, raw)
	if err != nil {
		return nil, err
	}
	d.analyse(nil)
	return d, nil
}

// parseRaw is Parse without the analysis, which the loader runs once the
// sidecar metadata and the user's lexicon are known.
func parseRaw(path string, raw []byte) (*Document, error) {
	text, note, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	d, err := parseText(path, text)
	if err != nil {
		return nil, err
	}
	if note != "" {
		d.Problems = append(d.Problems, note)
	}
	return d, nil
}

// ParseText sanitises text and parses it as a wire item when it opens with
// a "date YYYY-MM-DD" prefix, and as plain text otherwise.
func ParseText(path, text string) (*Document, error) {
	d, err := parseText(path, text)
	if err != nil {
		return nil, err
	}
	d.analyse(nil)
	return d, nil
}

// parseText is ParseText without the analysis.
func parseText(path, text string) (*Document, error) {
	text = Sanitize(text)
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return nil, ErrEmpty
	}
	d := &Document{ID: contentID(text), Path: path}
	switch m := datePrefix.FindStringSubmatchIndex(trimmed); {
	case m != nil:
		parseWire(d, trimmed[m[1]:], trimmed[m[2]:m[3]])
	case isMarkdown(path):
		parseMarkdown(d, trimmed)
	default:
		parsePlain(d, trimmed)
	}
	if d.Body == "" {
		return nil, ErrEmpty
	}
	return d, nil
}

// analyse finds the document's quotes, topics (with lx, or the built-in
// lexicon when lx is nil) and facets from its text and metadata. It runs
// once, after all metadata is known (a JSON Lines record, a sidecar file),
// since the speaker and title take part.
func (d *Document) analyse(lx *topics.Lexicon) {
	d.Title, d.Place, d.Source = oneLine(d.Title), oneLine(d.Place), oneLine(d.Source)
	d.Speaker = oneLine(d.Speaker)
	d.findQuotes()
	// The body is split into words once, for the topics and the gazetteer.
	toks := topics.Tokens(d.Body)
	if lx == nil {
		lx, _ = topics.Builtin()
	}
	if lx != nil {
		d.tagTokens(lx, toks)
	}
	d.findFacets(toks)
	d.indexed = distinctWords(d)
}

// parseWire fills d from an agency item whose date prefix has been removed.
func parseWire(d *Document, text, date string) {
	d.Format = FormatWire
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		d.Date = t
	} else {
		d.Problems = append(d.Problems, "date prefix "+date+" is not a valid date")
	}
	d.setBody(splitParagraphs(text))
	if len(d.Paragraphs) == 0 {
		return
	}
	lead := d.Paragraphs[0]
	rest := d.Paragraphs[1:]
	if m := dateline.FindStringSubmatchIndex(lead); m != nil {
		d.Place = placeName(lead[m[2]:m[3]])
		if m[6] >= 0 {
			d.Source = strings.TrimSpace(lead[m[6]:m[7]])
		}
		lead = lead[m[1]:]
	}
	if m := credit.FindStringSubmatchIndex(lead); m != nil {
		if d.Source == "" {
			d.Source = lead[m[2]:m[3]]
		}
		lead = lead[:m[0]] + "." + lead[m[1]:]
	}
	// A lead that was only a dateline (and credit) leaves the title to the
	// next paragraph.
	for strings.Trim(lead, " .") == "" && len(rest) > 0 {
		lead, rest = rest[0], rest[1:]
	}
	d.Title = titleFrom(lead)
}

// oneLine collapses runs of white space, tabs and newlines included, into
// single spaces, for fields shown on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parsePlain fills d from plain text: "Key: Value" header lines at the top
// give metadata; otherwise a short first line standing alone is a headline
// and becomes the title. A dated file name gives the date and, failing
// those, the title; the first sentence is the last resort.
func parsePlain(d *Document, text string) {
	d.Format = FormatText
	paras := splitParagraphs(text)
	switch {
	case len(paras) > 1 && takeHeaders(d, paras[0]):
		paras = paras[1:]
	case len(paras) > 1 && isHeadline(paras[0]):
		d.Title = paras[0]
		paras = paras[1:]
	}
	d.setBody(paras)
	fileMeta(d, d.Path)
	if d.Title == "" && len(d.Paragraphs) > 0 {
		d.Title = titleFrom(d.Paragraphs[0])
	}
}

// isHeadline reports whether a paragraph looks like a headline: one short
// line that does not end like a sentence.
func isHeadline(p string) bool {
	if strings.Contains(p, "\n") || utf8.RuneCountInString(p) > 120 {
		return false
	}
	return !strings.ContainsAny(p[len(p)-1:], ".,;:") || strings.HasSuffix(p, "...") || strings.HasSuffix(p, "…")
}

// splitParagraphs splits text at blank lines. Lines are trimmed of
// surrounding spaces and kept on separate lines within a paragraph.
func splitParagraphs(text string) []string {
	if lines := strings.Split(text, "\n"); len(lines) >= 3 && longLines(lines) {
		// Long lines are paragraphs of their own, blank lines or not, as in
		// files whose paragraphs were ended by a lone CR.
		var paras []string
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		return paras
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

// longLines reports whether the non-blank lines average over 100 bytes:
// paragraphs, not a hard-wrapped text.
func longLines(lines []string) bool {
	total, n := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			total += len(l)
			n++
		}
	}
	return n >= 3 && total/n > 100
}

// placeName turns a dateline place into display form: components written
// in capitals ("TIANJIN", "ST. PETERSBURG") are title-cased, the others
// ("China") kept as written.
func placeName(s string) string {
	parts := strings.Split(strings.TrimSpace(s), ", ")
	for i, p := range parts {
		if p == strings.ToUpper(p) {
			parts[i] = titleCaseWords(p)
		}
	}
	return strings.Join(parts, ", ")
}

// initialism matches words such as "D.C." or "U.S.", which keep their case.
var initialism = regexp.MustCompile(`^(\p{Lu}\.)+$`)

// titleCaseWords title-cases each word of an all-capitals name, leaving
// initialisms as they are.
func titleCaseWords(s string) string {
	// A Caser is stateful, so each call makes its own.
	caser := cases.Title(language.English)
	words := strings.Split(s, " ")
	for i, w := range words {
		if !initialism.MatchString(w) {
			words[i] = caser.String(w)
		}
	}
	return strings.Join(words, " ")
}
