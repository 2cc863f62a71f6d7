package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mentionBefore finds the speaker mention that ends just before the cue
// word at byte k of s, reading backwards: an adverb ("also said"), a
// parenthesis ("(R-Utah)") and an appositive (", the minister,") may stand
// between them. The mention is a pronoun, a capitalised name (with any
// title) or a description that starts with an article within six words
// ("the head of state"). It returns the mention's byte range in s.
//
// Reading backwards from the cue, instead of matching a pattern from every
// start position, keeps attribution linear on long sentences.
func mentionBefore(s string, k int) (int, int, bool) {
	j := skipSpaceBack(s, k)
	w, ws := prevWord(s, j)
	if isAdverb(w) {
		j = skipSpaceBack(s, ws)
		w, ws = prevWord(s, j)
	}
	if j > 0 && s[j-1] == ')' {
		if open := strings.LastIndexByte(s[max(0, j-42):j-1], '('); open >= 0 {
			j = skipSpaceBack(s, max(0, j-42)+open)
			w, ws = prevWord(s, j)
		}
	}
	if j > 0 && s[j-1] == ',' {
		// An appositive: the mention ends at the comma before it.
		lo := max(0, j-122)
		prev := strings.LastIndexByte(s[lo:j-1], ',')
		if prev < 0 || strings.ContainsAny(s[lo+prev:j], "“”\"") {
			return 0, 0, false
		}
		// "The Shadow Secretary for the Family, Theresa May, said": a name
		// in the appositive is the speaker.
		if a, b, ok := appositiveName(s, lo+prev+1, j-1); ok {
			return a, b, true
		}
		j = skipSpaceBack(s, lo+prev)
		w, ws = prevWord(s, j)
	}
	if w == "" {
		return 0, 0, false
	}
	if pronouns[strings.ToLower(w)] {
		return ws, j, true
	}
	if startsUpper(w) {
		return nameStart(s, ws), j, true
	}
	for n := 0; n < 6 && w != ""; n++ {
		if isArticle(w) {
			return ws, j, true
		}
		if strings.ContainsAny(s[ws:j], ",;:.!?“”\"") {
			break
		}
		w, ws = prevWord(s, skipSpaceBack(s, ws))
	}
	return 0, 0, false
}

// nameStart extends a capitalised word at ws backwards over the words of
// the same name: capitals, initials, titles and connectors ("bin", "of").
func nameStart(s string, ws int) int {
	start := ws
	for {
		j := skipSpaceBack(s, start)
		if j == start || j == 0 || s[j-1] == ',' {
			return start
		}
		w, pws := prevWord(s, j)
		if w == "" || strings.Contains(s[j:start], "\n") {
			return start
		}
		switch {
		case startsUpper(w) && !sentenceStarters[strings.ToLower(w)]:
			start = pws
		case connectors[w] || w == "of" || w == "the":
			w2, pws2 := prevWord(s, skipSpaceBack(s, pws))
			if !startsUpper(w2) {
				return start
			}
			start = pws2
		default:
			return start
		}
	}
}

// prevWord returns the word that ends at j (letters, digits, marks and the
// joiners . - ’ '), and where it starts; "" when a non-word stands there.
func prevWord(s string, j int) (string, int) {
	i := j
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	w := strings.TrimLeft(s[i:j], ".-’'")
	return w, j - len(w)
}

// skipSpaceBack moves j back over white space.
func skipSpaceBack(s string, j int) int {
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t') {
		j--
	}
	if strings.HasSuffix(s[:j], "\u00a0") {
		return skipSpaceBack(s, j-len("\u00a0"))
	}
	return j
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAdverb reports whether w may stand between a speaker and a cue verb:
// "also", "later", "then", or a word ending in -ly.
func isAdverb(w string) bool {
	switch strings.ToLower(w) {
	case "also", "later", "then", "again", "further", "once", "still", "now":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "ly") && !startsUpper(w)
}

// appositiveName reports whether s[lo:hi] is a person's name alone: two to
// four capitalised words (initials and connectors allowed).
func appositiveName(s string, lo, hi int) (int, int, bool) {
	seg := strings.TrimSpace(s[lo:hi])
	if seg == "" {
		return 0, 0, false
	}
	words := strings.Fields(seg)
	if len(words) < 2 || len(words) > 4 {
		return 0, 0, false
	}
	for k, w := range words {
		if connectors[w] && k > 0 && k < len(words)-1 {
			continue
		}
		lw := strings.ToLower(w)
		if !startsUpper(w) || roleWords[lw] || k == 0 && (sentenceStarters[lw] || nonNameWords[lw]) {
			return 0, 0, false // later words may be "May" or "Will", which are surnames too
		}
	}
	start := lo + strings.Index(s[lo:hi], seg)
	return start, start + len(seg), true
}
