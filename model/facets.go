package model

import (
	"regexp"
	"slices"
	"strings"

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

// inPlace is "in" followed by a capitalised name, the usual way a news text
// names a place the gazetteer may not know ("opened in Almaty").
var inPlace = regexp.MustCompile(`\bin ((?:\p{Lu}[\p{Ll}’'-]+)(?: \p{Lu}[\p{Ll}’'-]+)?)\b`)

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
func (d *Document) findFacets() {
	var f Facets
	for _, p := range d.People {
		if p.Confirmed || d.quotes(p.Name) > 0 {
			f.People = append(f.People, p.Name)
		}
	}
	orgs, places := topics.Places().Find(d.Title + "\n" + d.Body)
	f.Organisations = orgs
	for _, part := range strings.Split(d.Place, ", ") {
		if part != "" && !slices.Contains(places, part) {
			places = append(places, part)
		}
	}
	for _, m := range inPlace.FindAllStringSubmatch(d.Body, -1) {
		name := m[1]
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
