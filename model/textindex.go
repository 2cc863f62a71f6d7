package model

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls fn with each lower-case word (run of letters and digits)
// of text. ASCII words that are lower case already are not copied.
func eachWord(text string, fn func(string)) {
	start := -1
	ascii, lower := true, true
	emit := func(end int) {
		w := text[start:end]
		if !ascii || !lower {
			w = strings.ToLower(w)
		}
		fn(w)
		start, ascii, lower = -1, true, true
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			if r >= utf8.RuneSelf {
				ascii = false
			} else if r >= 'A' && r <= 'Z' {
				lower = false
			}
			continue
		}
		if start >= 0 {
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(text))
	}
}

// distinctWords are the distinct lower-case words of a document's
// indexed fields: title, date, place, source, speaker, tags, topic labels
// and body.
func distinctWords(d *Document) []string {
	var labels []string
	for _, t := range d.Topics {
		labels = append(labels, t.Label)
	}
	seen := map[string]struct{}{}
	var out []string
	for _, f := range []string{d.Title, d.DateString(), d.Place, d.Source, d.Speaker,
		strings.Join(d.Keywords, " "), strings.Join(labels, " "), d.Body} {
		eachWord(f, func(w string) {
			if _, dup := seen[w]; !dup {
				seen[w] = struct{}{}
				out = append(out, w)
			}
		})
	}
	return out
}

// add indexes document i, with the words analyse prepared when it can.
func (x *textIndex) add(i int, d *Document) {
	words := d.indexed
	if words == nil {
		words = distinctWords(d)
	}
	d.indexed = nil
	x.all.addWords(i, words)
	x.title.addWords(i, uniqueWords(d.Title))
}

// uniqueWords are the distinct lower-case words of text.
func uniqueWords(text string) []string {
	var out []string
	eachWord(text, func(w string) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	})
	return out
}

// addWords records that document i holds the (distinct) words.
func (x *wordIndex) addWords(i int, words []string) {
	if x.postings == nil {
		x.postings = map[string][]int32{}
	}
	for _, w := range words {
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
