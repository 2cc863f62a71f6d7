package model

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// textIndex is an inverted index of the words of every document's title,
// metadata, topic labels and body: each lower-case word maps to the
// documents holding it, in corpus order. The free-text filter reads it
// instead of scanning every body at each keystroke.
type textIndex struct {
	all, title wordIndex // every field, and titles alone (for ranking)
}

// wordIndex maps words to the documents holding them.
type wordIndex struct {
	postings map[string][]int32
	vocab    []string // the words, sorted, for prefix look-ups; nil when stale
}

// indexWords splits text into lower-case words (letters and digits).
func indexWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// add indexes document i.
func (x *textIndex) add(i int, d *Document) {
	var labels []string
	for _, t := range d.Topics {
		labels = append(labels, t.Label)
	}
	x.all.add(i, strings.Join([]string{d.Title, d.DateString(), d.Place, d.Source, d.Speaker,
		strings.Join(d.Keywords, " "), strings.Join(labels, " "), d.Body}, "\n"))
	x.title.add(i, d.Title)
}

// add indexes the words of text as document i's.
func (x *wordIndex) add(i int, text string) {
	if x.postings == nil {
		x.postings = map[string][]int32{}
	}
	seen := map[string]bool{}
	for _, w := range indexWords(text) {
		if seen[w] {
			continue
		}
		seen[w] = true
		x.postings[w] = append(x.postings[w], int32(i))
	}
	x.vocab = nil
}

// docsWith returns the documents holding a word that starts with prefix
// (or equals it, when exact is set), in corpus order.
func (x *wordIndex) docsWith(prefix string, exact bool) []int32 {
	if exact {
		return x.postings[prefix]
	}
	if x.vocab == nil {
		x.vocab = make([]string, 0, len(x.postings))
		for w := range x.postings {
			x.vocab = append(x.vocab, w)
		}
		sort.Strings(x.vocab)
	}
	lo := sort.SearchStrings(x.vocab, prefix)
	var lists [][]int32
	for k := lo; k < len(x.vocab) && strings.HasPrefix(x.vocab[k], prefix); k++ {
		lists = append(lists, x.postings[x.vocab[k]])
	}
	if len(lists) == 1 {
		return lists[0]
	}
	var out []int32
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// search returns the documents holding every word of query: the last word
// may be the start of a word (it is still being typed), the others are
// whole words. Documents whose title holds every word come first.
func (c *Corpus) search(query string) []int {
	terms := indexWords(query)
	if len(terms) == 0 {
		out := make([]int, len(c.Docs))
		for i := range out {
			out[i] = i
		}
		return out
	}
	result := matchAll(&c.text.all, terms, query)
	if len(result) == 0 {
		return nil
	}
	inTitle := matchAll(&c.text.title, terms, query)
	out := make([]int, 0, len(result))
	for _, i := range inTitle {
		out = append(out, int(i))
	}
	j := 0
	for _, i := range result {
		for j < len(inTitle) && inTitle[j] < i {
			j++
		}
		if j < len(inTitle) && inTitle[j] == i {
			continue
		}
		out = append(out, int(i))
	}
	return out
}

// matchAll returns the documents of x holding every term, the last one
// as the start of a word unless the query ends after it.
func matchAll(x *wordIndex, terms []string, query string) []int32 {
	var result []int32
	for k, t := range terms {
		exact := k < len(terms)-1 || !strings.HasSuffix(strings.ToLower(query), t)
		list := x.docsWith(t, exact)
		if k == 0 {
			result = append([]int32(nil), list...)
		} else {
			result = intersect(result, list)
		}
		if len(result) == 0 {
			return nil
		}
	}
	return result
}

// intersect keeps the entries of a that are also in b; both are sorted.
func intersect(a, b []int32) []int32 {
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			out = append(out, x)
		}
	}
	return out
}

// SearchTerms are the words Filter looks for in a query, lower-cased, for
// marking matches.
func SearchTerms(query string) []string { return indexWords(query) }
