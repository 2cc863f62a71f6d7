// Package topics tags documents with topics from an embedded lexicon mapped
// to IPTC Media Topics, and finds the organisations and places they name
// with an embedded gazetteer. It works on plain text; of the rest of
// Rostrum it imports only internal/yamlsafe, to read a user's topics file
// under the same YAML limits as every other file.
//
// IPTC Media Topics, © IPTC, CC BY 4.0.
package topics

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/mediatopics-en.tsv
var iptcTSV string

// Concept is one IPTC Media Topics concept.
type Concept struct {
	Code    string // medtop:NNNNNNNN
	Label   string // English label
	Level   int    // 1 for the 17 top-level topics
	Broader string // the parent's code, "" at level 1
	Retired bool
}

// Vocabulary is the IPTC Media Topics vocabulary shipped with Rostrum.
type Vocabulary struct {
	byCode map[string]Concept
}

var (
	vocabOnce sync.Once
	vocab     *Vocabulary
)

// IPTC returns the embedded IPTC Media Topics vocabulary (release
// 2026-07-02), parsed once.
func IPTC() *Vocabulary {
	vocabOnce.Do(func() { vocab = parseVocabulary(iptcTSV) })
	return vocab
}

func parseVocabulary(tsv string) *Vocabulary {
	v := &Vocabulary{byCode: map[string]Concept{}}
	for i, line := range strings.Split(strings.TrimSpace(tsv), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 5 {
			continue
		}
		level, _ := strconv.Atoi(f[2])
		v.byCode[f[0]] = Concept{Code: f[0], Label: f[1], Level: level, Broader: f[3], Retired: f[4] == "true"}
	}
	return v
}

// Lookup returns the concept with the given code.
func (v *Vocabulary) Lookup(code string) (Concept, bool) {
	c, ok := v.byCode[code]
	return c, ok
}

// Top returns the top-level concept above code (itself at level 1).
func (v *Vocabulary) Top(code string) (Concept, bool) {
	c, ok := v.byCode[code]
	for ok && c.Broader != "" {
		c, ok = v.byCode[c.Broader]
	}
	return c, ok
}

// Len is the number of concepts.
func (v *Vocabulary) Len() int { return len(v.byCode) }
