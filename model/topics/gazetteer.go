package topics

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/organisations.tsv
var organisationsTSV string

// maxNameWords is the longest gazetteer name, in words.
const maxNameWords = 8

// Gazetteer knows the names of countries and territories (with their
// aliases, demonyms and capitals) and of international organisations
// (with acronyms), so that facets can name what a text is about.
type Gazetteer struct {
	places map[string]string // a name, alias, demonym or capital → the place's name
	orgs   map[string]string // a name, alias or acronym → the organisation's display name
	iso2   map[string]string // an ISO 3166-1 alpha-2 code → the country's name
	first  map[string]bool   // the first word of every name, to skip most words at once
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
)

// Places returns the embedded gazetteer, parsed once.
func Places() *Gazetteer {
	gazOnce.Do(func() { gaz = parseGazetteer(countriesTSV, organisationsTSV) })
	return gaz
}

func parseGazetteer(countries, orgs string) *Gazetteer {
	g := &Gazetteer{places: map[string]string{}, orgs: map[string]string{}, iso2: map[string]string{}}
	for _, f := range tsvRows(countries, 4) {
		g.addCountry(f)
	}
	for _, f := range tsvRows(orgs, 2) {
		g.addOrganisation(f)
	}
	g.first = map[string]bool{}
	for _, m := range []map[string]string{g.places, g.orgs} {
		for name := range m {
			if toks := Tokens(name); len(toks) > 0 {
				g.first[name[toks[0].Start:toks[0].End]] = true
			}
		}
	}
	return g
}

// tsvRows splits a TSV table into the fields of each row, leaving out the
// header and rows with fewer than minFields fields.
func tsvRows(tsv string, minFields int) [][]string {
	var out [][]string
	for i, line := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if f := strings.Split(line, "\t"); i > 0 && len(f) >= minFields {
			out = append(out, f)
		}
	}
	return out
}

// addCountry adds a row of countries.tsv: name, aliases, demonyms,
// capital and, if there is one, the ISO 3166-1 alpha-2 code.
func (g *Gazetteer) addCountry(f []string) {
	name := f[0]
	addName(g.places, name, name)
	for _, a := range splitList(f[1]) {
		addName(g.places, a, name)
	}
	for _, d := range splitList(f[2]) {
		addName(g.places, d, name)
	}
	if f[3] != "" {
		addName(g.places, f[3], f[3])
	}
	if len(f) > 4 && f[4] != "" {
		g.iso2[f[4]] = name
	}
}

// addOrganisation adds a row of organisations.tsv: name, acronym (the
// display name when there is one) and, if present, aliases.
func (g *Gazetteer) addOrganisation(f []string) {
	display := f[0]
	if f[1] != "" {
		display = f[1]
	}
	addName(g.orgs, f[0], display)
	addName(g.orgs, f[1], display)
	if len(f) > 2 {
		for _, a := range splitList(f[2]) {
			addName(g.orgs, a, display)
		}
	}
}

// addName maps key (trimmed, and also without a final full stop) to
// value in m, unless key is empty or already taken.
func addName(m map[string]string, key, value string) {
	key = strings.TrimSpace(key)
	if key == "" {
		return
	}
	if _, taken := m[key]; !taken {
		m[key] = value
	}
	if k := strings.TrimSuffix(key, "."); k != key {
		addName(m, k, value)
	}
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// word is a word of the text with its byte range.
type word struct {
	text       string
	start, end int
}

// Find returns the organisations and places named in text, each once, in
// order of first mention. Names match case-sensitively, so "US" is the
// United States and "us" is not.
func (g *Gazetteer) Find(text string) (orgs, places []string) {
	return g.FindTokens(text, Tokens(text))
}

// FindTokens is Find for a text already split by Tokens.
func (g *Gazetteer) FindTokens(text string, toks []Token) (orgs, places []string) {
	ws := make([]word, len(toks))
	for i, t := range toks {
		w := text[t.Start:t.End]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || nameJoiner[w] {
			ws[i] = word{text: w, start: t.Start, end: t.End}
		} else {
			ws[i] = word{start: t.Start, end: t.End}
		}
	}
	return g.find(text, ws)
}

func (g *Gazetteer) find(text string, ws []word) (orgs, places []string) {
	for i := 0; i < len(ws); {
		if ws[i].text == "" || nameJoiner[ws[i].text] || !g.first[ws[i].text] {
			i++
			continue
		}
		n, org, place := g.longest(text, ws, i)
		if n == 0 {
			i++
			continue
		}
		if org != "" && !slices.Contains(orgs, org) {
			orgs = append(orgs, org)
		}
		if place != "" && !slices.Contains(places, place) {
			places = append(places, place)
		}
		i += n
	}
	return orgs, places
}

// longest matches the longest name starting at word i.
func (g *Gazetteer) longest(text string, ws []word, i int) (int, string, string) {
	for n := min(maxNameWords, len(ws)-i); n >= 1; n-- {
		last := ws[i+n-1]
		if n > 1 && !adjacentWords(text, ws[i:i+n]) {
			continue
		}
		name := text[ws[i].start:last.end]
		if o, ok := g.orgs[name]; ok {
			return n, o, ""
		}
		if p, ok := g.places[name]; ok {
			return n, "", p
		}
	}
	return 0, "", ""
}

// adjacentWords reports whether the words are separated only by single
// spaces or hyphens, as the words of one name are.
func adjacentWords(text string, ws []word) bool {
	for k := 1; k < len(ws); k++ {
		gap := text[ws[k-1].end:ws[k].start]
		if gap != " " && gap != "-" && gap != "\u00a0" {
			return false
		}
	}
	return true
}

// nameJoiner are lower-case words found inside organisation names.
var nameJoiner = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "de": true}

// Country names the country with an ISO 3166-1 alpha-2 code, or "".
func (g *Gazetteer) Country(iso2 string) string { return g.iso2[iso2] }
