package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of the text with its byte range.
type token struct {
	Range
	text string
}

// capitalised reports whether the token starts with an upper-case letter.
func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// lower is the token in lower case. ASCII words that are lower case
// already (most of them) cost nothing.
func (t token) lower() string {
	for i := 0; i < len(t.text); i++ {
		if c := t.text[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(t.text)
		}
	}
	return t.text
}

// in reports whether the token, lower-cased and without a final full stop,
// is in set, without allocating for words of up to 32 bytes.
func (t token) in(set map[string]bool) bool {
	var buf [32]byte
	w := strings.TrimSuffix(t.text, ".")
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	// Only ASCII capitals are folded: every word in the sets is ASCII but
	// for the apostrophe, which is kept as it is.
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// isWordRune reports whether r belongs inside a word: letters, digits,
// marks, and the joiners of names and abbreviations (- . ’ ').
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '.' || r == '’' || r == '\''
}

// asciiWord marks ASCII letters and digits (1) and the joiners that may
// stand inside a word (2).
var asciiWord = func() (t [128]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	t['-'], t['.'], t['\''] = 2, 2, 2
	return t
}()

// scanTokens appends the words of text[lo:hi] to out. Joiners at a word's
// edges are not part of it, except the full stop of an abbreviation or
// initial ("Mr.", "J.", "U.S."), and a possessive ’s is cut off. ASCII
// text takes a fast path that decodes nothing. With phrasesOnly it
// keeps only what capitalisedPhrases can use: capitalised words and the
// lower-case connectors that may join them ("of", "the", "bin"); the rest
// is skipped without trimming.
func scanTokens(out []token, text string, lo, hi int, phrasesOnly bool) []token {
	i := lo
	for i < hi {
		// Find the start of the next word: a letter, digit or mark.
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] != 1 {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:hi])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				i += size
				continue
			}
		}
		j := i
		for j < hi {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiWord[c] == 0 {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:hi])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		// Connectors are all three letters or fewer, so longer lower-case
		// words need no look-up.
		if phrasesOnly && c >= 'a' && c <= 'z' && (j-i > 3 || !connectors[text[i:j]] && text[i:j] != "of" && text[i:j] != "the") {
			i = j
			continue
		}
		w := trimWord(text[i:j])
		out = append(out, token{Range: Range{i, i + len(w)}, text: w})
		i = j
	}
	return out
}

// trimWord removes trailing joiners and a possessive ’s, keeping the full
// stop of abbreviations and initials.
func trimWord(w string) string {
	if c := w[len(w)-1]; c < utf8.RuneSelf && asciiWord[c] == 1 &&
		!(c == 's' && (strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s"))) {
		return w // the common case: nothing to trim
	}
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	w = strings.TrimRight(w, "-’'")
	if strings.HasSuffix(w, ".") && !abbreviation(w) {
		w = strings.TrimRight(w, ".")
	}
	return w
}

// abbreviation reports whether a word ending in "." is an abbreviation or
// initial whose stop belongs to it.
func abbreviation(w string) bool {
	if honorifics[strings.ToLower(strings.TrimSuffix(w, "."))] {
		return true
	}
	core := strings.TrimSuffix(w, ".")
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r)
	}
	return strings.Contains(core, ".") // U.S., D.C.
}

// honorifics are titles that stand before a name and are not part of it.
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
	"sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "rev", "hon", "st")

// roleWords are words that make up a title or role standing before a name
// or alone: "President", "Foreign Minister", "Secretary-General".
var roleWords = setOf("president", "vice", "prime", "minister", "ministers", "foreign", "deputy",
	"secretary", "secretary-general", "general", "senator", "representative", "congressman",
	"congresswoman", "governor", "mayor", "chancellor", "king", "queen", "prince", "princess",
	"pope", "chairman", "chairwoman", "chair", "director", "ambassador", "spokesman",
	"spokeswoman", "spokesperson", "judge", "justice", "speaker", "leader", "commissioner",
	"chief", "executive", "ceo", "emir", "sheikh", "sultan", "crown", "premier", "defense",
	"defence", "interior", "finance", "trade", "energy", "state", "attorney", "professor",
	"bishop", "archbishop", "cardinal", "former", "acting", "first", "candidate", "nominee",
	"democratic", "republican", "presidential", "head", "envoy", "adviser", "advisor",
	"officer", "official", "spokesperson", "president-elect", "secretary-designate",
	"lawmaker", "representative", "delegate", "manager", "founder", "economist", "analyst",
	"labour", "tory", "tories", "conservative", "liberal", "democrat", "lib", "dem", "ukip",
	"snp", "backbencher", "mp", "mps", "mep", "shadow", "blairite", "veteran",
	"coach", "captain", "striker", "midfielder", "defender", "goalkeeper", "boss", "owner",
	"ayatollah", "imam", "reverend", "father", "brother", "sister", "senior", "junior")

// nonNameWords mark a capitalised phrase as an organisation, place, event
// or time rather than a person.
var nonNameWords = setOf("organization", "organisation", "council", "committee", "center",
	"centre", "ministry", "party", "union", "nations", "republic", "bank", "agency",
	"department", "court", "congress", "senate", "house", "assembly", "parliament",
	"government", "university", "college", "school", "association", "institute", "foundation",
	"corporation", "company", "inc", "ltd", "group", "forum", "summit", "conference",
	"commission", "office", "service", "army", "force", "forces", "news", "times", "post",
	"journal", "street", "avenue", "road", "square", "airport", "station", "day", "week",
	"year", "states", "kingdom", "federation", "emirates", "islands", "sea", "ocean", "river",
	"asia", "africa", "europe", "america", "east", "west", "north", "south", "central",
	"international", "national", "global", "world", "cup", "league", "club", "fc", "united",
	"city", "county", "province", "region", "district", "coast", "valley", "mountains",
	"goals", "development", "security", "cooperation", "initiative", "program", "programme",
	"plan", "act", "bill", "treaty", "agreement", "accord", "declaration", "strategy",
	"campaign", "movement", "front", "alliance", "coalition", "network", "media", "press",
	"television", "radio", "channel", "magazine", "newspaper", "online", "twitter",
	"facebook", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "christmas", "easter", "olympics", "games", "war",
	"measures", "confidence-building", "interaction", "affairs", "relations", "reserve",
	"exchange", "market", "index", "stock", "fund", "capital", "partners", "holdings", "airlines",
	"motors", "systems", "technologies", "labs", "studios", "records", "pictures", "entertainment",
	"hospital", "church", "mosque", "temple", "palace", "hall", "building", "tower", "bridge", "park",
	"god", "lord", "jesus", "allah", "americans", "democrats", "republicans",
	"jersey", "island", "york", "hampshire", "carolina", "dakota", "virginia", "mexico",
	"zealand", "korea", "arabia", "kong", "correction", "appended", "editor", "note",
	"street", "times", "bureau", "police", "fbi", "cia", "obamacare", "brexit")

// sentenceStarters are capitalised function words that begin sentences
// and are never part of a name.
var sentenceStarters = setOf("the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "if",
	"when", "while", "after", "before", "as", "this", "that", "these", "those", "it", "its",
	"he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "there",
	"here", "then", "so", "yet", "also", "however", "meanwhile", "according", "with", "without",
	"since", "until", "under", "over", "from", "to", "by", "of", "about", "during", "despite",
	"although", "though", "because", "what", "who", "whom", "which", "where", "why", "how",
	"not", "no", "yes", "all", "some", "many", "most", "more", "both", "each", "every",
	"mr", "mrs", "ms", "dr", "said", "says", "asked", "told", "added", "last", "next", "earlier",
	"later", "today", "yesterday", "tomorrow", "now", "still", "even", "just", "only", "one",
	"two", "three", "other", "another", "such", "do", "does", "did", "is", "are", "was",
	"were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
	"may", "might", "must", "let", "thank", "thanks", "please", "well", "oh", "okay", "ok",
	"q", "a.", "applause", "laughter", "unlike", "like", "among", "amid", "following",
	"including", "per", "via", "whether", "once", "perhaps", "instead", "asked", "speaking",
	"dear", "hi", "hello", "sorry", "yes", "no",
	"i'd", "i’d", "i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "we'd", "we’d", "we'll", "we’ll",
	"we're", "we’re", "we've", "we’ve", "you're", "you’re", "they're", "they’re", "it's", "it’s",
	"let's", "let’s", "that's", "that’s", "there's", "there’s", "here's", "here’s")

// connectors may stand between the capitalised words of one name.
var connectors = setOf("de", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "da",
	"der", "del", "di", "dos", "das", "ben", "abu", "y")

// pronouns that can name a speaker, by the number they refer to.
var pronouns = setOf("he", "she", "they", "i", "we")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
