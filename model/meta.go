package model

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/language"

	"rostrum/model/topics"
)

var (
	// headerLine is a "Key: Value" line at the top of a plain-text file.
	headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z ]{0,24}):[ \t]+(\S.*)$`)
	// datedName is a file name that starts with a date: 2020-01-24-slug.txt.
	datedName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[-_ ]+(.+?)(?:\.[A-Za-z0-9]{1,5})?$`)
	// unName is a UN General Debate file name: TON_78_2023.txt.
	unName = regexp.MustCompile(`^([A-Z]{2,3})_(\d{1,3})_(\d{4})(?:\.txt)?$`)
	// publisherName is publisher_YYYY-MM-DD_slug.txt (nyt_2016-03-01_…).
	publisherName = regexp.MustCompile(`^([a-z][a-z-]*)_(\d{4}-\d{2}-\d{2})_(.+?)(?:\.[A-Za-z0-9]{1,5})?$`)
)

// headerKeys maps the header keys Rostrum understands to the field they
// fill.
var headerKeys = map[string]string{
	"title": "title", "headline": "title",
	"date":    "date",
	"speaker": "speaker", "president": "speaker",
	"place": "place", "location": "place", "dateline": "place",
	"source": "source", "agency": "source", "publisher": "source",
}

// takeHeaders fills d from a first paragraph made only of "Key: Value"
// lines with at least one key it knows ("President: Donald Trump"), and
// reports whether it did; that paragraph is then not part of the body.
func takeHeaders(d *Document, first string) bool {
	lines := strings.Split(first, "\n")
	known := 0
	for _, l := range lines {
		m := headerLine.FindStringSubmatch(l)
		if m == nil {
			return false
		}
		if _, ok := headerKeys[strings.ToLower(m[1])]; ok {
			known++
		}
	}
	if known == 0 {
		return false
	}
	for _, l := range lines {
		m := headerLine.FindStringSubmatch(l)
		d.setField(headerKeys[strings.ToLower(m[1])], strings.TrimSpace(m[2]))
	}
	return true
}

// setField sets one metadata field from text; a date that does not parse
// is reported as a problem.
func (d *Document) setField(field, value string) {
	switch field {
	case "title":
		d.Title = value
	case "speaker":
		d.Speaker = value
	case "place":
		d.Place = value
	case "source":
		d.Source = value
	case "date":
		if t, ok := parseDate(value); ok {
			d.Date = t
		} else {
			d.Problems = append(d.Problems, "date "+value+" not understood")
		}
	}
}

// parseDate reads the date forms found in headers.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// fileMeta fills the date and, when there is none yet, a title from a file
// name such as 2020-01-24-speech-march-life.txt ("Speech march life").
func fileMeta(d *Document, path string) {
	base := filepath.Base(path)
	if m := unName.FindStringSubmatch(base); m != nil {
		unMeta(d, m[1], m[2], m[3])
		return
	}
	m := datedName.FindStringSubmatch(base)
	if m == nil {
		if m = publisherName.FindStringSubmatch(base); m == nil {
			return
		}
		if d.Source == "" {
			d.Source = m[1]
		}
		m = []string{m[0], m[2], m[3]}
	}
	if t, err := time.Parse(time.DateOnly, m[1]); err == nil && d.Date.IsZero() {
		d.Date = t
	}
	if d.Title == "" {
		slug := strings.Join(strings.FieldsFunc(m[2], func(r rune) bool { return r == '-' || r == '_' }), " ")
		if slug != "" {
			d.Title = strings.ToUpper(slug[:1]) + slug[1:]
		}
	}
}

// unMeta fills the place, year and title of a UN General Debate speech
// from its file name's country code, session and year.
func unMeta(d *Document, code, session, year string) {
	country := code
	if name := countryName(code); name != "" {
		country = name
	}
	if d.Place == "" {
		d.Place = country
	}
	if d.Title == "" {
		d.Title = fmt.Sprintf("%s at the UN General Debate, %s (session %s)", country, year, session)
	}
	if d.Date.IsZero() {
		if t, err := time.Parse("2006", year); err == nil {
			d.Date = t
			d.YearOnly = true
		}
	}
}

// formerCodes are codes of states that no longer exist, and of the
// European Union, which ISO 3166 does not name.
var formerCodes = map[string]string{
	"EU": "European Union", "CSK": "Czechoslovakia", "YUG": "Yugoslavia", "SUN": "Soviet Union",
	"DDR": "East Germany", "YMD": "South Yemen", "ZAR": "Zaire", "SCG": "Serbia and Montenegro",
}

// countryName names the country with an ISO 3166 code of two or three
// letters ("TON", "TO" give Tonga), from the gazetteer; "EU" is the
// European Union.
func countryName(code string) string {
	if name, ok := formerCodes[code]; ok {
		return name
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return ""
	}
	return topics.Places().Country(r.String())
}
