package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rostrum/model/topics"
)

// Facets are what a document is about besides its topics: the people,
// organisations and places it names, and the agency it comes from.
type Facets struct {
	People        []string
	Organisations []string
	Places        []string
	Source        string
}

// FacetKind names a kind of facet; a facet filter is "kind:value".
type FacetKind string

// The kinds of facet.
const (
	FacetPerson FacetKind = "person"
	FacetOrg    FacetKind = "org"
	FacetPlace  FacetKind = "place"
	FacetSource FacetKind = "source"
)

// Facet is one facet value with its kind, as filters name them.
type Facet struct {
	Kind  FacetKind
	Value string
}

// String is "kind:value".
func (f Facet) String() string { return string(f.Kind) + ":" + f.Value }

// All lists every facet of the document.
func (f Facets) All() []Facet {
	var out []Facet
	for _, p := range f.People {
		out = append(out, Facet{FacetPerson, p})
	}
	for _, o := range f.Organisations {
		out = append(out, Facet{FacetOrg, o})
	}
	for _, p := range f.Places {
		out = append(out, Facet{FacetPlace, p})
	}
	if f.Source != "" {
		out = append(out, Facet{FacetSource, f.Source})
	}
	return out
}

// namesAfterIn finds "in" followed by one or two capitalised words, the
// usual way a news text names a place the gazetteer may not know ("opened
// in Almaty"). A scan for " in " keeps this linear and cheap.
func namesAfterIn(body string) []string {
	var out []string
	for i := 0; ; {
		k := strings.Index(body[i:], " in ")
		if k < 0 {
			return out
		}
		i += k + len(" in ")
		first := capitalWord(body[i:])
		if first == "" {
			continue
		}
		name := first
		if rest := body[i+len(first):]; strings.HasPrefix(rest, " ") {
			if second := capitalWord(rest[1:]); second != "" {
				name += " " + second
			}
		}
		out = append(out, name)
	}
}

// capitalWord is the capitalised word (letters, hyphens) that starts s,
// or "" when s does not start with one or the word ends in a possessive.
func capitalWord(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return ""
	}
	n := size
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		n += size
	}
	if strings.HasPrefix(s[n:], "’") || strings.HasPrefix(s[n:], "'") || n < 2 {
		return ""
	}
	return s[:n]
}

// notPlaces are capitalised words that follow "in" without being places.
var notPlaces = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true,
	"December": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true,
	"Friday": true, "Saturday": true, "Sunday": true, "English": true, "Parliament": true,
	"Congress": true, "Government": true, "Court": true, "Spring": true, "Summer": true,
	"Autumn": true, "Winter": true, "Christ": true, "God": true, "Fact": true, "Addition": true,
	"Particular": true, "Turn": true, "General": true, "Order": true, "Part": true, "Short": true,
}

// findFacets names the document's facets: people from the quote analysis
// (confirmed or quoted), organisations and places from the gazetteer,
// places named after "in" and in the dateline, and the agency source.
func (d *Document) findFacets(toks []topics.Token) {
	var f Facets
	for _, p := range d.People {
		if p.Confirmed || d.quotes(p.Name) > 0 {
			f.People = append(f.People, p.Name)
		}
	}
	g := topics.Places()
	orgs, places := g.Find(d.Title)
	bodyOrgs, bodyPlaces := g.FindTokens(d.Body, toks)
	for _, o := range bodyOrgs {
		if !slices.Contains(orgs, o) {
			orgs = append(orgs, o)
		}
	}
	for _, p := range bodyPlaces {
		if !slices.Contains(places, p) {
			places = append(places, p)
		}
	}
	f.Organisations = orgs
	for _, part := range strings.Split(d.Place, ", ") {
		if part != "" && !slices.Contains(places, part) {
			places = append(places, part)
		}
	}
	for _, name := range namesAfterIn(d.Body) {
		if notPlaces[strings.Fields(name)[0]] || slices.Contains(places, name) || slices.Contains(orgs, name) || slices.Contains(f.People, name) || d.namesPerson(name) {
			continue
		}
		places = append(places, name)
	}
	f.Places = places
	f.Source = d.Source
	d.Facets = f
}

// quotes counts the quotes attributed to a person.
func (d *Document) quotes(name string) int {
	n := 0
	for _, q := range d.Quotes {
		if q.Speaker == name {
			n++
		}
	}
	return n
}

// namesPerson reports whether name is a person of the document or part of
// one's name.
func (d *Document) namesPerson(name string) bool {
	for _, p := range d.People {
		if strings.Contains(p.Name, name) {
			return true
		}
	}
	return false
}
