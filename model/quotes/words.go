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

// lower is the token in lower case.
func (t token) lower() string { return strings.ToLower(t.text) }

// isWordRune reports whether r belongs inside a word: letters, digits,
// marks, and the joiners of names and abbreviations (- . ’ ').
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '.' || r == '’' || r == '\''
}

// tokens splits text[lo:hi] into words. Joiners at a word's edges are not
// part of it, except the full stop of an abbreviation or initial ("Mr.",
// "J.", "U.S."), and a possessive ’s is cut off.
func tokens(text string, lo, hi int) []token {
	var out []token
	i := lo
	for i < hi {
		r, size := utf8.DecodeRuneInString(text[i:hi])
		if !isWordRune(r) || r == '-' || r == '.' || r == '’' || r == '\'' {
			i += size
			continue
		}
		j := i
		for j < hi {
			r2, s2 := utf8.DecodeRuneInString(text[j:hi])
			if !isWordRune(r2) {
				break
			}
			j += s2
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
	"god", "lord", "jesus", "allah", "americans", "democrats", "republicans")

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
	"q", "a.", "applause", "laughter")

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
