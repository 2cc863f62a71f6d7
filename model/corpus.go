package model

import (
	"fmt"
	"strings"
)

// Problem is a file or path that could not be loaded, with a one-line
// reason; or, with Read set, a note on a document that did load (bad
// front matter, a guessed encoding).
type Problem struct {
	Path   string // made safe to print, as Document.Path
	File   string // the exact path on disk, "" for standard input and embedded files
	Reason string
	Read   bool
}

// String formats the problem as "path: reason".
func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Corpus is a loaded set of documents.
//
// Invariants: IDs are unique within Docs (a second document with the same
// content gets the suffix "-2", and so on); Docs keep load order.
type Corpus struct {
	Docs     []*Document
	Problems []Problem
	byID     map[string]*Document
	text     textIndex // words → documents, for Filter
	memo     textMemo

	// Topics as small integers, so counting them over a result of tens of
	// thousands of documents costs no hashing: topicIDs[n] and
	// topicLabels[n] name topic n, docTopics[i] lists document i's.
	topicIDs    []string
	topicLabels []string
	docTopics   [][]int32
	topicNum    map[string]int32
}

// Append adds documents and problems read later (a load in progress),
// keeping the corpus's invariants: IDs are made unique as NewCorpus would
// for the same documents in the same order.
func (c *Corpus) Append(docs []*Document, problems []Problem) {
	start := len(c.Docs)
	c.Docs = append(c.Docs, docs...)
	for i := range problems {
		problems[i].Path = OneLine(problems[i].Path)
		problems[i].Reason = OneLine(problems[i].Reason)
	}
	c.Problems = append(c.Problems, problems...)
	c.indexFrom(start)
}

// NewCorpus builds a corpus from parsed documents, in the order given.
func NewCorpus(docs []*Document, problems []Problem) *Corpus {
	c := &Corpus{Docs: docs, Problems: problems}
	c.index()
	return c
}

// index makes IDs unique, makes paths safe to print (a file name can hold
// escape sequences too) and builds the lookup tables.
func (c *Corpus) index() {
	for i := range c.Problems {
		c.Problems[i].Path = OneLine(c.Problems[i].Path)
		c.Problems[i].Reason = OneLine(c.Problems[i].Reason)
	}
	c.indexFrom(0)
}

// indexFrom indexes the documents from index start on.
func (c *Corpus) indexFrom(start int) {
	if c.byID == nil {
		c.byID = make(map[string]*Document, len(c.Docs))
	}
	c.indexTopics(start)
	for i := start; i < len(c.Docs); i++ {
		d := c.Docs[i]
		d.Path = OneLine(d.Path)
		base := d.ID
		for n := 2; c.byID[d.ID] != nil; n++ {
			d.ID = fmt.Sprintf("%s-%d", base, n)
		}
		c.byID[d.ID] = d
		c.text.add(i, d)
	}
}

// Len is the number of documents.
func (c *Corpus) Len() int { return len(c.Docs) }

// Find returns the document with the given ID, or the only document whose
// ID starts with it. It returns an error naming the candidates when the
// prefix is ambiguous, and one saying so when nothing matches.
func (c *Corpus) Find(id string) (*Document, error) {
	if d := c.byID[id]; d != nil {
		return d, nil
	}
	var found []*Document
	for _, d := range c.Docs {
		if id != "" && strings.HasPrefix(d.ID, id) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no document with ID %q", id)
	case 1:
		return found[0], nil
	}
	ids := make([]string, 0, 3)
	for _, d := range found[:min(3, len(found))] {
		ids = append(ids, d.ID)
	}
	more := ""
	if len(found) > 3 {
		more = fmt.Sprintf(" and %d more", len(found)-3)
	}
	return nil, fmt.Errorf("ID %q is ambiguous: %s%s start with it", id, strings.Join(ids, ", "), more)
}

// Filter returns the indexes into Docs of the documents that hold every
// word of query (any case) in their title, date, place, source, speaker,
// tags or body: whole words, except the last, which may be the start of a
// word while it is being typed. Documents with every word in their title
// come first, then the rest, each in corpus order. An empty query matches
// everything.
func (c *Corpus) Filter(query string) []int { return c.search(query) }

// Notes are the notes on documents that loaded, one Problem each with
// Read set, in corpus order.
func (c *Corpus) Notes() []Problem {
	var out []Problem
	for _, d := range c.Docs {
		for _, note := range d.Problems {
			out = append(out, Problem{Path: d.Path, File: d.File, Reason: note, Read: true})
		}
	}
	return out
}

// OneLine is a path, name or message made safe and single-line for
// output: sanitised, with every run of white space one space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// indexTopics numbers the topics of the documents from start on.
func (c *Corpus) indexTopics(start int) {
	if c.topicNum == nil {
		c.topicNum = map[string]int32{}
	}
	for _, d := range c.Docs[start:] {
		var ts []int32
		for _, t := range d.Topics {
			n, ok := c.topicNum[t.ID]
			if !ok {
				n = int32(len(c.topicIDs))
				c.topicNum[t.ID] = n
				c.topicIDs = append(c.topicIDs, t.ID)
				c.topicLabels = append(c.topicLabels, t.Label)
			}
			ts = append(ts, n)
		}
		c.docTopics = append(c.docTopics, ts)
	}
}

// TopicLabel is the label of a topic found in the corpus, or the ID.
func (c *Corpus) TopicLabel(id string) string {
	for n, x := range c.topicIDs {
		if x == id {
			return c.topicLabels[n]
		}
	}
	return id
}
