package model

import (
	"sort"
	"strings"
	"sync"
)

// Query narrows a corpus: by free text, topics and facets.
type Query struct {
	Text   string   // every word must occur in the title, metadata or body
	Topics []string // topic IDs
	Facets []Facet
	AnyOf  bool // a document needs any one of Topics and Facets, not all
}

// Empty reports whether the query narrows nothing.
func (q Query) Empty() bool {
	return strings.TrimSpace(q.Text) == "" && len(q.Topics) == 0 && len(q.Facets) == 0
}

// textMemo remembers the last free-text result, so toggling a topic while
// a text filter is set does not search every body again.
type textMemo struct {
	mu    sync.Mutex
	text  string
	match []int
	docs  int // the corpus size the match was made for
}

// Query returns the indexes into Docs of the documents matching q: in the
// free-text filter's rank order when there is text, else in corpus order.
func (c *Corpus) Query(q Query) []int {
	candidates := c.textMatches(q.Text)
	out := make([]int, 0, len(candidates))
	for _, i := range candidates {
		if matchesTags(c.Docs[i], q) {
			out = append(out, i)
		}
	}
	return out
}

// textMatches is Filter(text), remembered until the text or the corpus
// changes, so toggling topics under a text filter does not search again.
func (c *Corpus) textMatches(text string) []int {
	c.memo.mu.Lock()
	defer c.memo.mu.Unlock()
	if c.memo.match != nil && c.memo.text == text && c.memo.docs == len(c.Docs) {
		return c.memo.match
	}
	c.memo.text, c.memo.match, c.memo.docs = text, c.Filter(text), len(c.Docs)
	return c.memo.match
}

// matchesTags applies the topic and facet part of a query.
func matchesTags(d *Document, q Query) bool {
	n := len(q.Topics) + len(q.Facets)
	if n == 0 {
		return true
	}
	hits := 0
	for _, t := range q.Topics {
		if d.HasTopic(t) {
			hits++
		}
	}
	for _, f := range q.Facets {
		if d.HasFacet(f) {
			hits++
		}
	}
	if q.AnyOf {
		return hits > 0
	}
	return hits == n
}

// HasFacet reports whether the document has the facet (any case).
func (d *Document) HasFacet(f Facet) bool {
	for _, g := range d.Facets.All() {
		if g.Kind == f.Kind && strings.EqualFold(g.Value, f.Value) {
			return true
		}
	}
	return false
}

// Count is a topic or facet with how many documents of a result carry it.
type Count struct {
	ID    string // topic ID, or "kind:value" for a facet
	Label string
	Count int
}

// TopicCounts counts the topics of the documents idx, most frequent first
// (then by label).
func (c *Corpus) TopicCounts(idx []int) []Count {
	n := make([]int, len(c.topicIDs))
	for _, i := range idx {
		for _, t := range c.docTopics[i] {
			n[t]++
		}
	}
	out := make([]Count, 0, len(n))
	for t, k := range n {
		if k > 0 {
			out = append(out, Count{ID: c.topicIDs[t], Label: c.topicLabels[t], Count: k})
		}
	}
	sortSlice(out)
	return out
}

// FacetCounts counts the facets of the documents idx, most frequent first.
func (c *Corpus) FacetCounts(idx []int) []Count {
	counts := map[string]*Count{}
	for _, i := range idx {
		for _, f := range c.Docs[i].Facets.All() {
			key := f.String()
			if counts[key] == nil {
				counts[key] = &Count{ID: key, Label: f.Value}
			}
			counts[key].Count++
		}
	}
	return sortCounts(counts)
}

func sortCounts(m map[string]*Count) []Count {
	out := make([]Count, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	sortSlice(out)
	return out
}

// sortSlice orders counts most frequent first, then by label.
func sortSlice(out []Count) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
}

// ParseFacet reads "kind:value" ("org:SCO", "place:Afghanistan").
func ParseFacet(s string) (Facet, bool) {
	kind, value, ok := strings.Cut(s, ":")
	switch FacetKind(kind) {
	case FacetPerson, FacetOrg, FacetPlace, FacetSource:
		return Facet{FacetKind(kind), strings.TrimSpace(value)}, ok && strings.TrimSpace(value) != ""
	}
	return Facet{}, false
}
