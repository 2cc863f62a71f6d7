package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTitleRunes is the longest title derived from a lead, in runes,
// including the ellipsis added when a sentence is cut.
const MaxTitleRunes = 80

// abbreviations are words that end with a full stop without ending a
// sentence. They are compared without the stop, case-sensitively.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Prof": true,
	"Gen": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Nos": true, "vs": true, "etc": true, "Inc": true, "Ltd": true,
	"Co": true, "Corp": true, "Jr": true, "Sr": true, "U.S": true, "U.K": true,
	"U.N": true, "E.U": true,
}

// titleFrom makes a title from a paragraph: its first sentence, without the
// closing full stop, cut at a word boundary to at most MaxTitleRunes.
func titleFrom(p string) string {
	s := strings.Join(strings.Fields(firstSentence(p)), " ")
	if strings.HasSuffix(s, ".") && !isAbbreviation(s[:len(s)-1]) {
		s = s[:len(s)-1]
	}
	return cutAtWord(s, MaxTitleRunes)
}

// firstSentence returns the text up to and including the first sentence
// end: '.', '!' or '?' (optionally followed by closing quotes or brackets)
// followed by white space and an upper-case letter, a digit or an opening
// quote, where the word before a '.' is not a known abbreviation or an
// initial.
func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(p) {
			r, size := utf8.DecodeRuneInString(p[end:])
			if !strings.ContainsRune(`"'”’)]»`, r) {
				break
			}
			end += size
		}
		if end >= len(p) {
			return p
		}
		next := strings.TrimLeft(p[end:], " \t\n")
		if len(next) == len(p[end:]) || !startsSentence(next) {
			continue
		}
		if c == '.' && isAbbreviation(p[:i]) {
			continue
		}
		return p[:end]
	}
	return p
}

// startsSentence reports whether s opens like a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘«(`, r)
}

// isAbbreviation reports whether the word that ends before is an
// abbreviation or a single-letter initial.
func isAbbreviation(before string) bool {
	word := before[strings.LastIndexAny(before, " \t\n")+1:]
	word = strings.TrimLeft(word, `"'“‘«([`)
	if abbreviations[word] {
		return true
	}
	return utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0])
}

// cutAtWord shortens s to at most n runes, cutting at the last space that
// fits and adding an ellipsis; a single over-long word is cut mid-word.
func cutAtWord(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	cut := string(runes[:n-1])
	// Cut at the last space unless the text already breaks right after cut.
	if sp := strings.LastIndexByte(cut, ' '); sp > 0 && runes[n-1] != ' ' {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:—–-") + "…"
}
