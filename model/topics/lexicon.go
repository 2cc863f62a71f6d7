package topics

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"rostrum/internal/yamlsafe"
)

//go:embed data/lexicon.yaml
var builtinYAML []byte

// Topic is one user-facing topic tag of the lexicon.
type Topic struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Name    string   `yaml:"name,omitempty"` // a user topic's label; its ID is made from it
	IPTC    string   `yaml:"iptc"`
	Key     string   `yaml:"key,omitempty"`
	Strong  []string `yaml:"strong,omitempty"`  // weight 3
	Terms   []string `yaml:"terms,omitempty"`   // weight 1
	Exclude []string `yaml:"exclude,omitempty"` // phrases that do not count

	// Filled in by Compile from the IPTC vocabulary.
	Top      string `yaml:"-"` // the IPTC top-level code
	TopLabel string `yaml:"-"`
}

// lexiconFile is the YAML layout of a lexicon or a user's topics file.
type lexiconFile struct {
	Version int     `yaml:"version"`
	Topics  []Topic `yaml:"topics"`
}

// Weights of the kinds of term.
const (
	weightStrong  = 3
	weightTerm    = 1
	weightExclude = 0
)

// entry is one compiled term: a sequence of stems that signals a topic.
type entry struct {
	stems   []string
	topic   int
	weight  int // weightStrong, weightTerm or weightExclude
	surface string
}

// Lexicon is a compiled set of topics, ready to score texts.
//
// Invariants: every topic's IPTC code is in the vocabulary and not
// retired; no single-word term stems to a common word; entries in byFirst
// are sorted longest first, so matching is greedy.
type Lexicon struct {
	Topics  []Topic
	byFirst map[string][]entry
	byID    map[string]int
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ParseYAML reads topics from a lexicon or topics.yaml file. An error is
// one line ("line 4: field colour not found in type topics.Topic"), and
// aliases that would expand too far are refused (see package yamlsafe).
func ParseYAML(data []byte) ([]Topic, error) {
	var f lexiconFile
	if err := yamlsafe.Decode(data, &f, true); err != nil {
		return nil, errors.New(yamlsafe.Message(err))
	}
	return f.Topics, nil
}

var (
	builtinOnce sync.Once
	builtin     *Lexicon
	builtinErr  error
)

// Builtin returns the lexicon embedded in the binary, compiled once.
func Builtin() (*Lexicon, error) {
	builtinOnce.Do(func() {
		ts, err := ParseYAML(builtinYAML)
		if err != nil {
			builtinErr = fmt.Errorf("built-in lexicon: %w", err)
			return
		}
		builtin, builtinErr = Compile(ts)
	})
	return builtin, builtinErr
}

// Merge returns base with extra added: a topic of extra with the ID (or
// label) of a base topic replaces it, the others are appended.
func Merge(base, extra []Topic) []Topic {
	out := append([]Topic(nil), base...)
	for _, t := range extra {
		if t.Label == "" {
			t.Label = t.Name
		}
		if t.ID == "" {
			t.ID = slug(t.Label)
		}
		replaced := false
		for i := range out {
			if out[i].ID == t.ID || strings.EqualFold(out[i].Label, t.Label) {
				out[i], replaced = t, true
				break
			}
		}
		if !replaced {
			out = append(out, t)
		}
	}
	return out
}

// Compile checks topics and stems their terms. It refuses a topic without
// an ID, label or terms, an IPTC code that is not in the vocabulary or is
// retired (a user topic may leave the code empty), a duplicate ID, and a
// single-word term whose stem is that of a common word. All problems are
// reported together.
func Compile(topics []Topic) (*Lexicon, error) {
	v := IPTC()
	lx := &Lexicon{byFirst: map[string][]entry{}, byID: map[string]int{}}
	var errs []error
	for _, t := range topics {
		if err := checkTopic(v, &t, lx.byID); err != nil {
			errs = append(errs, err)
			continue
		}
		idx := len(lx.Topics)
		lx.byID[t.ID] = idx
		lx.Topics = append(lx.Topics, t)
		for _, group := range []struct {
			terms  []string
			weight int
		}{{t.Strong, weightStrong}, {t.Terms, weightTerm}, {t.Exclude, weightExclude}} {
			for _, term := range group.terms {
				e, err := compileTerm(term, idx, group.weight)
				if err != nil {
					errs = append(errs, fmt.Errorf("topic %s: %w", t.ID, err))
					continue
				}
				lx.byFirst[e.stems[0]] = append(lx.byFirst[e.stems[0]], e)
			}
		}
	}
	for k, es := range lx.byFirst {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].stems) > len(es[j].stems) })
		lx.byFirst[k] = es
	}
	return lx, errors.Join(errs...)
}

// checkTopic validates one topic and fills in its IPTC top level. A topic
// given by name only (as users write them) gets its label and an ID made
// from the name.
func checkTopic(v *Vocabulary, t *Topic, seen map[string]int) error {
	if t.Label == "" {
		t.Label = t.Name
	}
	if t.ID == "" {
		t.ID = slug(t.Label)
	}
	switch {
	case !idPattern.MatchString(t.ID):
		return fmt.Errorf("topic %q: id must be lower-case letters, digits and dashes", t.ID)
	case t.Label == "":
		return fmt.Errorf("topic %s: no label", t.ID)
	case len(t.Strong)+len(t.Terms) == 0:
		return fmt.Errorf("topic %s: no terms", t.ID)
	}
	if _, dup := seen[t.ID]; dup {
		return fmt.Errorf("topic %s: defined twice", t.ID)
	}
	if t.IPTC == "" {
		return nil
	}
	c, ok := v.Lookup(t.IPTC)
	if !ok {
		return fmt.Errorf("topic %s: %s is not an IPTC Media Topics code", t.ID, t.IPTC)
	}
	if c.Retired {
		return fmt.Errorf("topic %s: IPTC code %s (%s) is retired", t.ID, t.IPTC, c.Label)
	}
	top, _ := v.Top(t.IPTC)
	t.Top, t.TopLabel = top.Code, top.Label
	return nil
}

// compileTerm stems a surface term, refusing a single word that stems like
// a common word.
func compileTerm(term string, topic, weight int) (entry, error) {
	toks := Tokens(term)
	if len(toks) == 0 {
		return entry{}, fmt.Errorf("term %q has no words", term)
	}
	e := entry{topic: topic, weight: weight, surface: term}
	for _, t := range toks {
		e.stems = append(e.stems, t.Stem)
	}
	if len(e.stems) == 1 && weight != weightExclude && commonStems()[e.stems[0]] {
		return entry{}, fmt.Errorf("term %q stems to %q, the stem of a common word; use a phrase", term, e.stems[0])
	}
	return e, nil
}

// Topic returns the topic with the given ID or label (any case).
func (lx *Lexicon) Topic(idOrLabel string) (Topic, bool) {
	if i, ok := lx.byID[idOrLabel]; ok {
		return lx.Topics[i], true
	}
	for _, t := range lx.Topics {
		if strings.EqualFold(t.ID, idOrLabel) || strings.EqualFold(t.Label, idOrLabel) {
			return t, true
		}
	}
	return Topic{}, false
}

// slug makes an ID from a label: "Space & science" gives "space-science".
func slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}
