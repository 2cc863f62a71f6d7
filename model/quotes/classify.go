package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// termCues are words that announce a term rather than speech.
var termCues = []string{"so-called", "so called", "dubbed", "called", "known as", "term", "termed",
	"word", "words", "phrase", "labelled", "labeled", "nicknamed", "branded", "coined",
	"slogan", "motto", "hashtag", "name", "named", "titled as", "referred to as"}

// titleCues are words that announce the title of a work or operation.
var titleCues = setOf("film", "movie", "book", "novel", "report", "operation", "strategy", "song",
	"album", "programme", "program", "show", "series", "documentary", "newspaper", "magazine",
	"article", "titled", "entitled", "headlined", "play", "poem", "doctrine", "initiative",
	"exercise", "essay", "column", "editorial", "op-ed", "memoir", "speech", "address",
	"concept", "project", "plan", "campaign", "exhibition", "festival")

// firstSecondPerson pronouns are evidence of speech.
var firstSecondPerson = setOf("i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your",
	"yours", "i'm", "i’m", "we're", "we’re", "you're", "you’re", "i've", "i’ve", "we've", "we’ve")

// finiteVerbs are common finite verbs; one is evidence of a clause.
var finiteVerbs = setOf("is", "are", "was", "were", "will", "would", "can", "could", "should",
	"must", "may", "might", "shall", "have", "has", "had", "do", "does", "did", "am", "be",
	"isn’t", "isn't", "aren’t", "aren't", "wasn’t", "wasn't", "won’t", "won't", "can’t", "can't",
	"don’t", "don't", "doesn’t", "doesn't", "didn’t", "didn't", "it's", "it’s", "there's",
	"there’s", "that's", "that’s", "need", "want", "think", "believe", "know", "go", "going")

// classify decides whether span i is a quote, a term or a title (QUOTES.md
// §2). A span whose speaker was found by a cue is a quote.
func (a *attributor) classify(i int) Kind {
	s := &a.spans[i]
	words := contentWords(a.text, s)
	lead, _ := a.leadIn(i)
	leadWords := strings.Fields(strings.ToLower(lead))
	if s.Depth > 0 {
		lead = a.text[max(0, s.Outer.Start-40):s.Outer.Start]
		leadWords = strings.Fields(strings.ToLower(lead))
	}
	titleCased := len(words) > 1 && allCapitalised(words) && !endsSentence(a.text, s)
	switch {
	case precededByTermCue(leadWords) && (s.Rule == RuleNone || len(words) <= 3):
		return Term
	case titleCased && (s.Rule == RuleNone || precededByTitleCue(leadWords)):
		return Title
	case s.Rule == RuleAdjacent || s.Rule == RuleColon:
		if s.Depth == 0 {
			return Quote
		}
	case precededByTitleCue(leadWords):
		return Title
	}
	if s.Depth > 0 && len(words) <= 4 {
		return Term
	}
	if len(words) <= 3 && !shortSentence(a.text, s, words) {
		return Term
	}
	if a.quoteEvidence(i, words) {
		return Quote
	}
	return Term
}

// quoteEvidence looks for signs that a span is speech: seven or more words,
// punctuation just inside the closing mark, first or second person, a
// finite verb, or the span filling its whole sentence.
func (a *attributor) quoteEvidence(i int, words []string) bool {
	s := a.spans[i]
	if len(words) >= 7 || endsSentence(a.text, &s) {
		return true
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if firstSecondPerson[lw] || finiteVerbs[lw] {
			return true
		}
	}
	lead, _ := a.leadIn(i)
	after := strings.TrimSpace(a.afterText(i))
	return strings.TrimSpace(lead) == "" && (after == "" || after == ".")
}

// contentWords are the words of the span's content.
func contentWords(text string, s *Span) []string {
	var out []string
	for _, sg := range s.Segments {
		out = append(out, strings.FieldsFunc(text[sg.Start:sg.End], func(r rune) bool {
			return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '’' && r != '\'' && r != '-')
		})...)
	}
	return out
}

// endsSentence reports whether punctuation stands just inside the closing
// mark: the content ends with . , ! ? or …
func endsSentence(text string, s *Span) bool {
	last := s.Segments[len(s.Segments)-1]
	c := strings.TrimRightFunc(text[last.Start:last.End], unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(c)
	return strings.ContainsRune(".,!?…", r)
}

func precededByTermCue(lead []string) bool {
	if len(lead) == 0 {
		return false
	}
	tail := strings.Join(lead[max(0, len(lead)-2):], " ")
	for _, c := range termCues {
		if strings.HasSuffix(tail, c) || lead[len(lead)-1] == "the" && len(lead) > 1 && lead[len(lead)-2] == c {
			return true
		}
	}
	return false
}

func precededByTitleCue(lead []string) bool {
	for k := len(lead) - 1; k >= max(0, len(lead)-2); k-- {
		if titleCues[strings.Trim(lead[k], ",:")] {
			return true
		}
	}
	return false
}

// allCapitalised reports whether every content word (not a short function
// word) starts with a capital: "The Art of the Deal".
func allCapitalised(words []string) bool {
	content := 0
	for _, w := range words {
		lw := strings.ToLower(w)
		if len(lw) <= 3 && (sentenceStarters[lw] || connectors[lw] || lw == "of") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		content++
	}
	return content > 0
}

// shortSentence reports whether a short span is a whole sentence of
// speech: it starts with a capital and ends with . ! or ? ("What curfew?",
// "It's our time.").
func shortSentence(text string, s *Span, words []string) bool {
	last := s.Segments[len(s.Segments)-1]
	c := strings.TrimRightFunc(text[last.Start:last.End], unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(c)
	first, _ := utf8.DecodeRuneInString(words[0])
	return strings.ContainsRune(".!?", r) && unicode.IsUpper(first)
}
