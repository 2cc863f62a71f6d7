package quotes

import (
	"regexp"
	"strings"
)

// cueVerbs is the closed list of verbs that introduce speech, with their
// inflections (QUOTES.md §3).
var cueVerbs = []string{
	"say", "says", "said", "saying", "tell", "tells", "told", "telling",
	"add", "adds", "added", "note", "notes", "noted", "stress", "stresses", "stressed",
	"emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
	"underline", "underlines", "underlined", "underscore", "underscores", "underscored",
	"highlight", "highlights", "highlighted", "state", "states", "stated",
	"declare", "declares", "declared", "announce", "announces", "announced",
	"explain", "explains", "explained", "warn", "warns", "warned", "urge", "urges", "urged",
	"insist", "insists", "insisted", "argue", "argues", "argued", "ask", "asks", "asked",
	"reply", "replies", "replied", "respond", "responds", "responded",
	"recall", "recalls", "recalled", "remark", "remarks", "remarked",
	"comment", "comments", "commented", "continue", "continues", "continued",
	"conclude", "concludes", "concluded", "acknowledge", "acknowledges", "acknowledged",
	"admit", "admits", "admitted", "claim", "claims", "claimed",
	"confirm", "confirms", "confirmed", "deny", "denies", "denied",
	"write", "writes", "wrote", "tweet", "tweets", "tweeted", "post", "posts", "posted",
	"pointed out", "points out", "went on", "goes on",
}

var cueSet = setOf(cueVerbs...)

// isCue reports whether s (lower case, one or two words) is a cue verb.
func isCue(s string) bool {
	if cueSet[s] {
		return true
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		return cueSet[s[:i]] || cueSet[s[i+1:]]
	}
	return false
}

// Regular-expression parts for the attribution patterns. MENTION is a
// pronoun, a description ("the President of Kazakhstan", "a spokesman")
// or a capitalised name ("Tokayev", "Kassym-Jomart Tokayev", "Mr. Smith").
const (
	reCue     = `(pointed out|points out|went on|goes on|` + `CUEWORDS` + `)`
	reAdverb  = `(?:(?:also|later|then|again|further|once|still|now|\p{L}+ly)\s+)?`
	reName    = `\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:(?:of|the|de|van|von|bin|al|la|le|du|da|der|del|di)\s+)?\p{Lu}[\p{L}\p{M}’'.-]*){0,5}`
	reDesc    = `(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[\p{L}\p{N}’'-]+(?:\s+(?:of\s+|for\s+)?(?:the\s+)?[\p{L}\p{N}’'.-]+){0,5}`
	rePronoun = `(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)`
	reMention = `(` + rePronoun + `|` + reDesc + `|` + reName + `)`
	reApposit = `(?:\s*,[^,“”"]{1,80},)?`
)

func cuePattern(p string) *regexp.Regexp {
	var words []string
	for _, v := range cueVerbs {
		if !strings.Contains(v, " ") {
			words = append(words, v)
		}
	}
	return regexp.MustCompile(strings.ReplaceAll(p, "CUEWORDS", strings.Join(words, "|")))
}

var (
	// After a quote: `, said Tokayev` / `, said the President of Kazakhstan`.
	afterCueMention = cuePattern(`^\s*[,—–-]?\s*` + reCue + `\s+` + reMention)
	// After a quote: `, he added` / `, Tokayev, the president, said`.
	afterMentionCue = cuePattern(`^\s*[,—–-]?\s*` + reMention + reApposit + `\s+` + reAdverb + reCue + `\b`)
	// After a quote: ` — Tokayev`.
	afterDash = cuePattern(`^\s*[—–]\s*` + reMention + `\s*[.,]?\s*$`)
	// Before a quote, ending its lead-in: `Tokayev said:` / `He told reporters,`.
	beforeMentionCue = cuePattern(reMention + reApposit + `\s+` + reAdverb + reCue +
		`(?:\s+(?:that|to reporters|reporters|in a statement|on \p{L}+|at [^,:“”"]{1,40}))?\s*[:,]?\s*$`)
	// Before a quote: `According to Tokayev,`.
	beforeAccording = cuePattern(`(?:[Aa]ccording to)\s+` + reMention + `\s*,?\s*$`)
	// Anywhere in the lead-in: the subject of a cue (`Trump said the wall would be`).
	subjectCue = cuePattern(reMention + reApposit + `\s+` + reAdverb + reCue + `\b`)
)

// descStop are words that end a description: "the minister on Tuesday"
// names "the minister".
var descStop = setOf("on", "in", "at", "to", "for", "with", "who", "which", "that", "during",
	"after", "before", "yesterday", "today", "tonight", "last", "this", "when", "while",
	"as", "and", "but", "said", "says", "told", "added", "in", "from", "by")

// trimMention cuts a description at its first stop word and returns the
// kept length in bytes.
func trimMention(m string) int {
	words := strings.Fields(m)
	if len(words) < 2 || !isArticle(words[0]) {
		return len(m)
	}
	n := len(words[0])
	rest := m[n:]
	for _, w := range words[1:] {
		i := strings.Index(rest, w)
		if descStop[strings.ToLower(w)] || isCue(strings.ToLower(w)) {
			break
		}
		n += i + len(w)
		rest = rest[i+len(w):]
	}
	return n
}

func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "his", "her", "their":
		return true
	}
	return false
}
