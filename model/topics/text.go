package topics

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/kljensen/snowball/english"
)

// Token is one word of a text, folded and stemmed, with its byte range.
type Token struct {
	Stem       string
	Start, End int
}

// Tokens splits text into words on Unicode word boundaries (UAX #29) and
// returns their stems: lower-cased, curly apostrophes made straight,
// British spellings folded to American, then Porter2-stemmed.
func Tokens(text string) []Token {
	out := make([]Token, 0, len(text)/6)
	it := words.FromString(text)
	for it.Next() {
		w := it.Value()
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		out = append(out, Token{Stem: Stem(w), Start: it.Start(), End: it.End()})
	}
	return out
}

// stemCache caches Stem: news vocabularies are small next to their
// length, so nearly every word is a hit. It is shared by the loader's
// goroutines; a read lock costs less than sync.Map's lookups here.
var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// maxCachedStems bounds the cache; past it, words are stemmed each time.
const maxCachedStems = 200_000

// Stem folds and stems one word.
func Stem(w string) string {
	stemCache.RLock()
	s, ok := stemCache.m[w]
	stemCache.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(fold(w), true)
	stemCache.Lock()
	if len(stemCache.m) < maxCachedStems {
		stemCache.m[strings.Clone(w)] = s
	}
	stemCache.Unlock()
	return s
}

// zEnds are folded to the British -is- forms before stemming, so that
// "organization" and "organisation" meet: Porter2 alone stems
// "organization" to "organ", the stem of "organic".
var zEnds = []struct{ from, to string }{
	{"izations", "isations"}, {"ization", "isation"}, {"izing", "ising"},
	{"ized", "ised"}, {"izes", "ises"}, {"ize", "ise"},
}

// noFoldZ are words in -ize that British English spells with a z too.
var noFoldZ = map[string]bool{
	"size": true, "prize": true, "seize": true, "capsize": true, "maize": true,
	"baize": true, "downsize": true, "oversize": true, "resize": true, "supersize": true,
	"downsized": true, "seized": true, "prized": true, "sized": true, "capsized": true,
	"downsizing": true, "seizing": true, "resized": true, "resizing": true, "oversized": true,
}

// spellings maps other British spellings to American ones.
var spellings = map[string]string{
	"labour": "labor", "labours": "labors", "favour": "favor", "honour": "honor",
	"colour": "color", "neighbour": "neighbor", "neighbours": "neighbors",
	"behaviour": "behavior", "defence": "defense", "offence": "offense",
	"programme": "program", "programmes": "programs", "centre": "center",
	"centres": "centers", "theatre": "theater", "theatres": "theaters",
	"licence": "license", "tyre": "tire", "cheque": "check", "kerb": "curb",
	"catalogue": "catalog", "dialogue": "dialog", "travelled": "traveled",
	"travelling": "traveling", "fuelled": "fueled", "modelling": "modeling",
	"counselling": "counseling", "enrol": "enroll", "fulfil": "fulfill",
	"analyse": "analyze", "paralyse": "paralyze", "aluminium": "aluminum",
	"jewellery": "jewelry", "ageing": "aging", "mould": "mold", "plough": "plow",
	"grey": "gray", "sceptic": "skeptic", "sceptical": "skeptical",
	"manoeuvre": "maneuver", "paediatric": "pediatric", "anaemia": "anemia",
	"oestrogen": "estrogen", "haemorrhage": "hemorrhage", "foetus": "fetus",
	"favourite": "favorite", "harbour": "harbor", "rumour": "rumor",
	"vapour": "vapor", "humour": "humor", "endeavour": "endeavor", "armour": "armor",
}

// fold lower-cases a word, straightens apostrophes, folds British
// spellings such as "labour" and "centre" to American ones, and -ize to
// -ise (see zEnds).
func fold(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if to, ok := spellings[w]; ok {
		return to
	}
	if noFoldZ[w] || len(w) < 6 {
		return w
	}
	for _, e := range zEnds {
		if strings.HasSuffix(w, e.from) {
			return strings.TrimSuffix(w, e.from) + e.to
		}
	}
	return w
}
