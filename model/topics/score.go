package topics

import (
	"math"
	"sort"
)

// Scoring constants (TOPICS.md, "Scoring a topic").
const (
	fieldTitle = 3.0 // weight of a match in the title
	fieldLead  = 2.0 // in the lead (first paragraph)
	fieldBody  = 1.0 // in the rest of the body

	perWords  = 500.0 // scores are normalised per this many body words
	maxScore  = 30.0  // and capped here
	threshold = 3.0   // least score for a tag
	maxTags   = 5
)

// Tag is a topic assigned to a text, with why.
type Tag struct {
	ID       string
	Label    string
	IPTC     string
	Top      string // IPTC top-level code
	TopLabel string
	Score    float64
	Terms    []string // the lexicon terms that matched, strongest first
}

// Match is where a term of a topic was found in the body.
type Match struct {
	Start, End int
	Topic      string // topic ID
}

// Input is a text to score, split into its fields. LeadEnd is the byte
// offset in Body where the lead (first paragraph) ends.
type Input struct {
	Title   string
	Body    string
	LeadEnd int
	// BodyTokens are Tokens(Body) when the caller has them already; nil
	// means Score splits the body itself.
	BodyTokens []Token
}

// hit counts one term's matches in each field.
type hit struct {
	e      entry
	counts [3]int // title, lead, body
}

// Score tags a text: each topic scores Σ weight × field × (1 + ln tf) over
// its matched terms, normalised per 500 body words and capped; a topic is
// assigned when it reaches the threshold with a strong term or two
// distinct terms. At most five tags are returned, highest score first, with
// the matches in the body for each returned tag.
func (lx *Lexicon) Score(in Input) ([]Tag, []Match) {
	type hitKey struct {
		topic   int
		surface string
	}
	hits := map[hitKey]*hit{}
	var matches []Match
	count := func(text string, toks []Token, base int, field func(int) int) int {
		if toks == nil {
			toks = Tokens(text)
		}
		for i := 0; i < len(toks); {
			e, n := lx.longest(toks, i)
			if n == 0 {
				i++
				continue
			}
			if e.weight != weightExclude {
				key := hitKey{e.topic, e.surface}
				h := hits[key]
				if h == nil {
					h = &hit{e: e}
					hits[key] = h
				}
				f := field(toks[i].Start)
				h.counts[f]++
				if f > 0 {
					matches = append(matches, Match{Start: base + toks[i].Start, End: base + toks[i+n-1].End, Topic: lx.Topics[e.topic].ID})
				}
			}
			i += n
		}
		return len(toks)
	}
	count(in.Title, nil, 0, func(int) int { return 0 })
	words := count(in.Body, in.BodyTokens, 0, func(at int) int {
		if at < in.LeadEnd {
			return 1
		}
		return 2
	})
	byTerm := make([]*hit, 0, len(hits))
	for _, h := range hits {
		byTerm = append(byTerm, h)
	}
	tags := lx.rank(byTerm, words)
	return tags, keepMatches(matches, tags)
}

// longest finds the longest entry matching toks at i and its length.
func (lx *Lexicon) longest(toks []Token, i int) (entry, int) {
	for _, e := range lx.byFirst[toks[i].Stem] {
		if i+len(e.stems) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.stems); k++ {
			if toks[i+k].Stem != e.stems[k] {
				ok = false
				break
			}
		}
		if ok {
			return e, len(e.stems)
		}
	}
	return entry{}, 0
}

// rank turns the hits into scored, ranked tags.
func (lx *Lexicon) rank(hits []*hit, words int) []Tag {
	type acc struct {
		score    float64
		strong   bool
		distinct int
		terms    []entry
	}
	byTopic := map[int]*acc{}
	fields := [3]float64{fieldTitle, fieldLead, fieldBody}
	for _, h := range hits {
		a := byTopic[h.e.topic]
		if a == nil {
			a = &acc{}
			byTopic[h.e.topic] = a
		}
		for f, n := range h.counts {
			if n > 0 {
				a.score += float64(h.e.weight) * fields[f] * (1 + math.Log(float64(n)))
			}
		}
		a.strong = a.strong || h.e.weight == weightStrong
		a.distinct++
		a.terms = append(a.terms, h.e)
	}
	norm := math.Max(1, float64(words)/perWords)
	var tags []Tag
	raw := map[string]float64{} // uncapped, to break ties between capped scores
	for idx, a := range byTopic {
		s := math.Min(a.score/norm, maxScore)
		if s < threshold || !(a.strong || a.distinct >= 2) {
			continue
		}
		t := lx.Topics[idx]
		sort.Slice(a.terms, func(i, j int) bool {
			if a.terms[i].weight != a.terms[j].weight {
				return a.terms[i].weight > a.terms[j].weight
			}
			return a.terms[i].surface < a.terms[j].surface
		})
		tag := Tag{ID: t.ID, Label: t.Label, IPTC: t.IPTC, Top: t.Top, TopLabel: t.TopLabel, Score: math.Round(s*100) / 100}
		raw[t.ID] = a.score
		for _, e := range a.terms {
			tag.Terms = append(tag.Terms, e.surface)
		}
		tags = append(tags, tag)
	}
	sort.Slice(tags, func(i, j int) bool {
		if tags[i].Score != tags[j].Score {
			return tags[i].Score > tags[j].Score
		}
		if raw[tags[i].ID] != raw[tags[j].ID] {
			return raw[tags[i].ID] > raw[tags[j].ID]
		}
		return tags[i].ID < tags[j].ID
	})
	if len(tags) > maxTags {
		tags = tags[:maxTags]
	}
	return tags
}

// keepMatches keeps the body matches of the assigned tags.
func keepMatches(ms []Match, tags []Tag) []Match {
	keep := map[string]bool{}
	for _, t := range tags {
		keep[t.ID] = true
	}
	out := ms[:0]
	for _, m := range ms {
		if keep[m.Topic] {
			out = append(out, m)
		}
	}
	return out
}
