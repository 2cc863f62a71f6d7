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
	"report", "reports", "reported", "demand", "demands", "demanded",
	"suggest", "suggests", "suggested", "predict", "predicts", "predicted",
	"vow", "vows", "vowed", "promise", "promises", "promised", "pledge", "pledges", "pledged",
	"caution", "cautions", "cautioned", "complain", "complains", "complained",
	"observe", "observes", "observed", "counter", "counters", "countered",
	"retort", "retorts", "retorted", "quip", "quips", "quipped", "joke", "jokes", "joked",
	"boast", "boasts", "boasted", "exclaim", "exclaims", "exclaimed", "shout", "shouts", "shouted",
	"scold", "scolds", "scolded", "charge", "charges", "charged", "maintain", "maintains", "maintained",
	"assert", "asserts", "asserted", "contend", "contends", "contended", "wonder", "wonders", "wondered",
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
	reCue    = `(pointed out|points out|went on|goes on|` + `CUEWORDS` + `)`
	reAdverb = `(?:(?:also|later|then|again|further|once|still|now|\p{L}+ly)\s+)?`
	// reName: capitalised words, initials ("J.", "U.S.") and a leading
	// title with its stop ("Mr."); a full stop after a whole word ends the
	// name, so "said Smith. Mary Jones left" names Smith alone.
	reNameWord = `(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}’'-]*)`
	reName     = `(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St)\.\s+)?` + reNameWord +
		`(?:\s+(?:(?:of|the|de|van|von|bin|al|la|le|du|da|der|del|di)\s+)?` + reNameWord + `){0,5}`
	reDesc    = `(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Ii]ts)\s+[\p{L}\p{N}’'-]+(?:\s+(?:of\s+|for\s+)?(?:the\s+)?[\p{L}\p{N}’'.-]+){0,5}`
	rePronoun = `(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)`
	reMention = `(` + rePronoun + `|` + reRoleName + `|` + reDesc + `|` + reName + `)`
	roleNouns = `spokesman|spokeswoman|spokesperson|manager|chairman|chairwoman|adviser|advisor|aide|` +
		`senator|secretary|director|official|leader|chief|minister|president|widow|widower|lawyer|` +
		`attorney|strategist|pollster|analyst|economist|professor|candidate|nominee|governor|mayor|` +
		`representative|congressman|congresswoman|ambassador|general|colonel|sheriff|judge|surrogate|` +
		`supporter|voter|founder|executive|ceo|president-elect|organizer|organiser|activist|member`
	reApposit = `(?:\s*\([^()]{1,40}\))?(?:\s*,[^,“”"]{1,120},)?`
	// reRoleName is a name behind role words: "campaign spokesman Brian
	// Fallon", "9/11 widow Terry Strada"; the name is its last words.
	reRoleName = `(?:[\p{L}\p{N}/.'’-]+\s+){0,3}(?:` + roleNouns + `)\s+` + reName
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
	afterDash = cuePattern(`^\s*[—–―]\s*` + reMention + `(?:\s*[.,;]|\s*$)`)
	// What may follow a cue that ends a lead-in: `said:`, `told reporters,`.
	cueTail = regexp.MustCompile(`^\s*(?:(?:that|to reporters|reporters|in a statement|on \p{L}+|at [^,:“”"]{1,40})\s*)?[:,]?\s*$`)
	// A lead-in that is a cue and its speaker, inverted: `Said Ellis:`.
	beforeCueMention = cuePattern(`^\s*(?i:` + reCue + `)\s+` + reMention + `\s*[:,]\s*$`)
	// A lead-in from `according to`: `According to Tokayev,`.
	beforeAccording = cuePattern(`^(?i:according to)\s+` + reMention + `\s*,?\s*$`)
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
	prev := words[0]
	for _, w := range words[1:] {
		i := strings.Index(rest, w)
		lw := strings.ToLower(w)
		if descStop[lw] || (isCue(lw) && prev != "of") {
			break
		}
		prev = lw
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

// hasCue reports whether one of the first n words of s (all of them when n
// is negative) is a cue verb or "according", without allocating. It lets
// the attribution patterns skip text that cannot match them.
func hasCue(s string, n int) bool {
	found := false
	eachCue(s, n, func(int) bool { found = true; return false })
	return found
}

// firstCue is the position of the first cue word among the first n words
// of s, or -1.
func firstCue(s string, n int) int {
	at := -1
	eachCue(s, n, func(i int) bool { at = i; return false })
	return at
}

// cuePositions are the byte positions of the cue words in s.
func cuePositions(s string) []int {
	var out []int
	eachCue(s, -1, func(i int) bool { out = append(out, i); return true })
	return out
}

// eachCue calls fn with the position of each cue word among the first n
// words of s (every word when n is negative) until fn returns false.
//
// A cue word right after an article or "of" is a noun ("the head of
// state", "the report") and is skipped.
func eachCue(s string, n int, fn func(int) bool) {
	var buf [16]byte
	noun := false // the previous word makes the next one a noun
	for i := 0; i < len(s) && n != 0; {
		for i < len(s) && !isASCIILetter(s[i]) {
			if s[i] >= 0x80 {
				break
			}
			i++
		}
		j := i
		for j < len(s) && (isASCIILetter(s[j]) || s[j] >= 0x80) {
			j++
		}
		if j == i {
			i++
			continue
		}
		wasNoun := noun
		noun = false
		// A capitalised cue word after another capitalised word is part of
		// a name ("Member States", "Washington State"), not a verb.
		capital := s[i] >= 'A' && s[i] <= 'Z' && !sentenceStartAt(s, i) && afterCapital(s, i)
		if w := s[i:j]; len(w) <= len(buf) && !capital {
			for k := 0; k < len(w); k++ {
				buf[k] = w[k] | 0x20
			}
			lw := string(buf[:len(w)])
			if !wasNoun && (cueSet[lw] || lw == "according") && !fn(i) {
				return
			}
			noun = nounMarkers[lw]
		}
		n--
		i = j
	}
}

// nounMarkers make the word after them a noun, not a verb.
var nounMarkers = setOf("the", "a", "an", "of", "his", "her", "their", "its", "this", "that", "our", "my", "your")

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// sentenceStartAt reports whether the word at i opens a sentence: only
// spaces, quotation marks or brackets stand between it and the start of s
// or a full stop, question or exclamation mark.
func sentenceStartAt(s string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch c := s[j]; {
		case c == ' ' || c == '\n' || c == '(' || c == '"' || c == '\'':
			continue
		case c == '.' || c == '!' || c == '?' || c == ':':
			return true
		case c >= 0x80:
			continue // curly quotes and dashes
		default:
			return false
		}
	}
	return true
}

// afterCapital reports whether the word before i starts with a capital.
func afterCapital(s string, i int) bool {
	j := i - 1
	for j >= 0 && s[j] == ' ' {
		j--
	}
	k := j
	for k >= 0 && s[k] != ' ' && s[k] != '\n' {
		k--
	}
	return k+1 <= j && s[k+1] >= 'A' && s[k+1] <= 'Z'
}
