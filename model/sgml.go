package model

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// FormatSGML is a Reuters-21578 style SGML file of many stories.
const FormatSGML Format = "sgml"

var (
	sgmlField    = regexp.MustCompile(`(?s)<(DATE|TITLE|DATELINE|BODY)>(.*?)</(?:DATE|TITLE|DATELINE|BODY)>`)
	sgmlText     = regexp.MustCompile(`(?s)<TEXT[^>]*>(.*?)</TEXT>`)
	sgmlTag      = regexp.MustCompile(`<[^>]*>`)
	sgmlDateline = regexp.MustCompile(`^\s*([A-Z][A-Za-z .'/-]+?),\s+\w+\s+\d+\s*-?\s*$`)
	// sgmlParaStart is the indent that opens a paragraph in a story body.
	sgmlParaStart = regexp.MustCompile(`\n {3,}`)
)

// isSGML reports whether a file is a Reuters-style SGML file, by its name.
func isSGML(path string) bool { return strings.EqualFold(filepath.Ext(path), ".sgm") }

// ParseSGML reads the stories of a Reuters-21578 SGML file, one document
// each: title (in title case), date, dateline place, source Reuters, and
// the body with its hard-wrapped lines joined into paragraphs. A story
// with neither title nor body is a problem.
func ParseSGML(path string, raw []byte) ([]*Document, []Problem) {
	return analyseAll(parseMany(path, raw, sgmlDocs))
}

// sgmlDocs splits decoded SGML into one document per story.
func sgmlDocs(path, text string) (docs []*Document, problems []Problem) {
	stories, cut := sgmlStories(text)
	if cut {
		defer func() {
			problems = append(problems, Problem{Path: fmt.Sprintf("%s#%d", path, len(stories)+1),
				Reason: "story cut off: the file ends before </REUTERS>"})
		}()
	}
	for n, story := range stories {
		m := []string{"", story}
		where := fmt.Sprintf("%s#%d", path, n+1)
		f := map[string]string{}
		for _, fm := range sgmlField.FindAllStringSubmatch(m[1], -1) {
			f[fm[1]] = html.UnescapeString(fm[2])
		}
		title := strings.TrimSpace(f["TITLE"])
		if title == strings.ToUpper(title) {
			title = cases.Title(language.English).String(strings.ToLower(title))
		}
		body := sgmlBody(f["BODY"])
		if body == "" && title == "" {
			// An unprocessed story keeps its text straight inside <TEXT>.
			if tm := sgmlText.FindStringSubmatch(m[1]); tm != nil {
				body = sgmlBody(html.UnescapeString(sgmlTag.ReplaceAllString(tm[1], "")))
			}
		}
		if title == "" && body == "" {
			problems = append(problems, Problem{Path: where, Reason: "story with no title and no text"})
			continue
		}
		if body == "" {
			body = title
		}
		d, err := parseText(where, title+"\n\n"+body)
		if err != nil {
			problems = append(problems, Problem{Path: where, Reason: err.Error()})
			continue
		}
		d.Format, d.Source = FormatSGML, "Reuters"
		if t, err := time.Parse("2-Jan-2006", strings.Fields(f["DATE"] + " x")[0]); err == nil {
			d.Date = t
		}
		if dm := sgmlDateline.FindStringSubmatch(f["DATELINE"]); dm != nil {
			d.Place = placeName(strings.TrimSpace(dm[1]))
		}
		docs = append(docs, d)
	}
	return docs, problems
}

// sgmlStories cuts the text between each <REUTERS …> and </REUTERS>.
// cut reports a last story that never closes (a truncated file).
func sgmlStories(text string) (out []string, cut bool) {
	for {
		i := strings.Index(text, "<REUTERS")
		if i < 0 {
			return out, false
		}
		text = text[i:]
		open := strings.IndexByte(text, '>')
		end := strings.Index(text, "</REUTERS>")
		if open < 0 || end < open {
			return out, true
		}
		out = append(out, text[open+1:end])
		text = text[end+len("</REUTERS>"):]
	}
}

// sgmlBody joins a story body's wrapped lines into paragraphs (a paragraph
// starts on an indented line) and drops the closing "Reuter" signature.
func sgmlBody(b string) string {
	b = strings.TrimRight(strings.TrimSpace(b), "\x03")
	b = strings.TrimSuffix(strings.TrimSpace(b), "Reuter")
	b = strings.TrimSuffix(strings.TrimSpace(b), "REUTER")
	var paras []string
	for _, p := range sgmlParaStart.Split("\n"+b, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
