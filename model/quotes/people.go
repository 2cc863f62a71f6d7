package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Person is someone named in a text.
type Person struct {
	Name      string   // canonical: the earliest of the longest forms
	Roles     []string // roles seen with the name: "President of Kazakhstan"
	Mentions  []Range  // every place the person is named outside quotations
	Confirmed bool     // seen with a role or title, or as the subject of a cue
}

// phrase is a capitalised phrase outside quotations, split into a role and
// a name part.
type phrase struct {
	Range        // the whole phrase
	nameAt Range // the name part; empty when the phrase is a role alone
	role   string
	name   []string
	person int // index into people, -1 when not a person
	named  bool
}

// peopleTable is the per-document entity table used for attribution.
type peopleTable struct {
	people    []Person
	phrases   []phrase       // in text order
	bySurname map[string]int // lower-case surname → person, -1 when ambiguous
	byRole    map[string]int // lower-case role → person, -1 when ambiguous
}

// findPeople builds the entity table from the text outside quotations.
func findPeople(text string, paras []Range, spans []Span) *peopleTable {
	pt := &peopleTable{bySurname: map[string]int{}, byRole: map[string]int{}}
	var toks []token // reused for every region
	for _, reg := range outside(paras, spans) {
		toks = scanTokens(toks[:0], text, reg.Start, reg.End, true)
		pt.phrases = capitalisedPhrases(pt.phrases, text, toks)
	}
	pt.addFullNames()
	pt.addShortNames(text)
	pt.confirm(text)
	return pt
}

// outside returns the parts of the paragraphs not inside a top-level span.
func outside(paras []Range, spans []Span) []Range {
	var out []Range
	k := 0
	for _, p := range paras {
		pos := p.Start
		for k < len(spans) && spans[k].Outer.Start < p.End {
			sp := spans[k].Outer
			if sp.End <= pos {
				k++
				continue
			}
			if sp.Start > pos {
				out = append(out, Range{pos, sp.Start})
			}
			pos = max(pos, sp.End)
			if sp.End > p.End {
				break
			}
			k++
		}
		if pos < p.End {
			out = append(out, Range{pos, p.End})
		}
	}
	return out
}

// capitalisedPhrases appends to out the runs of capitalised words (with
// connectors such as "of" or "bin" between them) among the phrase tokens
// of one region, broken by punctuation.
func capitalisedPhrases(out []phrase, text string, toks []token) []phrase {
	for i := 0; i < len(toks); {
		if !toks[i].capitalised() || toks[i].in(sentenceStarters) && !toks[i].in(honorifics) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && joined(text, toks[j-1], toks[j]) {
			if toks[j].capitalised() {
				j++
				continue
			}
			l := toks[j].lower()
			if (l == "of" || l == "the" || connectors[l]) && j+1 < len(toks) && joined(text, toks[j], toks[j+1]) {
				j++
				continue
			}
			break
		}
		for j > i+1 && !toks[j-1].capitalised() { // drop trailing connectors
			j--
		}
		if p, ok := splitPhrase(toks[i:j]); ok {
			out = append(out, p)
		}
		i = j
	}
	return out
}

// joined reports whether two tokens are separated by a single space.
func joined(text string, a, b token) bool {
	gap := text[a.End:b.Start]
	return gap == " " || gap == "\u00a0" || gap == "’s " || gap == "'s "
}

// splitPhrase divides a capitalised phrase into role and name: role words
// and titles come first ("President", "Kazakh Foreign Minister", "Mr."),
// an "of X" after them belongs to the role, and the rest (at most three
// words) is the name.
func splitPhrase(toks []token) (phrase, bool) {
	p := phrase{Range: Range{toks[0].Start, toks[len(toks)-1].End}, person: -1}
	lastRole := -1
	for k, t := range toks {
		if t.in(roleWords) || t.in(honorifics) {
			lastRole = k
		}
	}
	if lastRole == len(toks)-1 && lastRole > 0 && toks[lastRole].in(surnameRoles) && !toks[lastRole-1].in(roleWords) {
		lastRole = -1 // "Charlie King" is a name, not a role
	}
	nameFrom := lastRole + 1
	if nameFrom < len(toks) && toks[nameFrom].lower() == "of" {
		// "President of Kazakhstan Kassym-Jomart Tokayev": the name is the
		// last two or three words, if more than one word follows "of".
		rest := len(toks) - nameFrom - 1
		switch {
		case rest <= 1:
			nameFrom = len(toks)
		default:
			nameFrom = len(toks) - min(2, rest-1)
			if nameFrom > 0 && isInitial(toks[nameFrom].text) {
				nameFrom--
			}
		}
	}
	if lastRole >= 0 {
		var role []string
		for _, t := range toks[:nameFrom] {
			role = append(role, t.text)
		}
		p.role = strings.Join(role, " ")
	}
	for _, t := range toks[nameFrom:] {
		if !nameWord(t) {
			return phrase{}, false
		}
		p.name = append(p.name, t.text)
	}
	if len(p.name) > 0 {
		p.nameAt = Range{toks[nameFrom].Start, toks[len(toks)-1].End}
		if len(p.name) > 3 {
			return phrase{}, false
		}
	}
	if p.role == "" && len(p.name) == 0 {
		return phrase{}, false
	}
	return p, true
}

// nameWord reports whether a token can be part of a person's name: not an
// acronym, not a word of organisations, places or times.
func nameWord(t token) bool {
	if t.in(nonNameWords) || t.in(sentenceStarters) {
		return false
	}
	if t.in(connectors) {
		return true
	}
	letters := 0
	upper := 0
	for _, r := range t.text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && !(upper == letters && letters > 1 && !strings.Contains(t.text, "."))
}

func isInitial(w string) bool {
	core := strings.TrimSuffix(w, ".")
	r, _ := utf8.DecodeRuneInString(core)
	return utf8.RuneCountInString(core) == 1 && unicode.IsUpper(r)
}

// addFullNames makes a person of every name of two or more words, joining
// forms that share a surname and agree on the first name.
func (pt *peopleTable) addFullNames() {
	bySurname := map[string][]int{}   // every person with the surname
	byFullName := map[[2]string]int{} // surname and lower-case first name → person
	for i := range pt.phrases {
		ph := &pt.phrases[i]
		if len(ph.name) < 2 {
			continue
		}
		full := strings.Join(ph.name, " ")
		key := surnameKey(ph.name)
		first := [2]string{key, strings.ToLower(ph.name[0])}
		idx := pt.match(ph.name, bySurname[key])
		if idx < 0 {
			if known, ok := byFullName[first]; ok {
				idx = known
			}
		}
		if idx < 0 {
			pt.people = append(pt.people, Person{Name: full})
			idx = len(pt.people) - 1
			bySurname[key] = append(bySurname[key], idx)
		} else if len(full) > len(pt.people[idx].Name) {
			pt.people[idx].Name = full
		}
		if _, ok := byFullName[first]; !ok {
			byFullName[first] = idx
		}
		pt.link(i, idx)
	}
	for idx, p := range pt.people {
		s := surnameKey(strings.Fields(p.Name))
		if old, ok := pt.bySurname[s]; ok && old != idx {
			pt.bySurname[s] = -1
		} else if !ok {
			pt.bySurname[s] = idx
		}
	}
}

// maxSameSurname bounds the people with one surname that a new name is
// compared with (beyond them, only the same first name joins a person), so
// a text naming thousands of Smiths is read in linear time.
const maxSameSurname = 32

// match finds, among the first maxSameSurname people with the same
// surname, the one a multi-word name belongs to: the first name agrees
// (equal, or an initial of it).
func (pt *peopleTable) match(name []string, sameSurname []int) int {
	for _, idx := range sameSurname[:min(len(sameSurname), maxSameSurname)] {
		other := strings.Fields(pt.people[idx].Name)
		a, b := strings.ToLower(name[0]), strings.ToLower(other[0])
		if a == b || strings.HasPrefix(b, strings.TrimSuffix(a, ".")) || strings.HasPrefix(a, strings.TrimSuffix(b, ".")) {
			return idx
		}
	}
	return -1
}

// link records that phrase i names person idx.
func (pt *peopleTable) link(i, idx int) {
	ph := &pt.phrases[i]
	ph.person = idx
	ph.named = true
	p := &pt.people[idx]
	p.Mentions = append(p.Mentions, ph.Range)
	if ph.role != "" {
		p.Confirmed = true
		p.addRole(ph.role)
		key := strings.ToLower(ph.role)
		if old, ok := pt.byRole[key]; ok && old != idx {
			pt.byRole[key] = -1
		} else {
			pt.byRole[key] = idx
		}
	}
}

func (p *Person) addRole(role string) {
	for _, r := range p.Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	p.Roles = append(p.Roles, role)
}

// addShortNames links one-word names ("Tokayev", "President Tokayev") to
// the person with that surname; a one-word name with a title and no full
// form becomes a person of its own.
func (pt *peopleTable) addShortNames(text string) {
	for i := range pt.phrases {
		ph := &pt.phrases[i]
		if len(ph.name) != 1 {
			continue
		}
		if idx, ok := pt.bySurname[surnameKey(ph.name)]; ok {
			if idx >= 0 {
				pt.link(i, idx)
			}
			continue
		}
		if ph.role != "" {
			pt.people = append(pt.people, Person{Name: ph.name[0]})
			idx := len(pt.people) - 1
			pt.bySurname[surnameKey(ph.name)] = idx
			pt.link(i, idx)
		}
	}
}

// surnameKey is the lower-case last word of a name, with typographic
// apostrophes made straight so O’Neill and O'Neill agree.
func surnameKey(name []string) string {
	return strings.ReplaceAll(strings.ToLower(name[len(name)-1]), "’", "'")
}

// confirm marks as confirmed the people named right before or after a cue
// verb ("Tokayev said", "said Tokayev", "according to Tokayev").
func (pt *peopleTable) confirm(text string) {
	for _, ph := range pt.phrases {
		if ph.person < 0 || pt.people[ph.person].Confirmed {
			continue
		}
		w, ws := prevWord(text, skipSpaceBack(text, ph.Start))
		w2, _ := prevWord(text, skipSpaceBack(text, ws))
		after := text[ph.End:min(len(text), ph.End+40)]
		according := strings.EqualFold(w, "to") && strings.EqualFold(w2, "according")
		if hasCue(after, 2) || (token{text: w}).in(cueSet) || according {
			pt.people[ph.person].Confirmed = true
		}
	}
}

// resolveRole finds the single person who holds a role described as in
// "the President of Kazakhstan" or "the Kazakh leader", or -1.
func (pt *peopleTable) resolveRole(desc string) int {
	d := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(desc, "the "), "The "))
	if idx, ok := pt.byRole[d]; ok {
		return idx
	}
	d = strings.TrimSuffix(strings.TrimSuffix(d, " of state"), " of government")
	words := strings.Fields(d)
	if len(words) == 0 {
		return -1
	}
	found := -1
	for idx, p := range pt.people {
		for _, r := range p.Roles {
			if roleMatches(strings.ToLower(r), words) {
				if found >= 0 && found != idx {
					return -1
				}
				found = idx
			}
		}
	}
	return found
}

// surnameRoles are role words that are also common surnames.
var surnameRoles = setOf("king", "chief", "judge", "bishop", "cardinal", "general", "speaker",
	"justice", "chair", "father", "brother", "sister", "senior", "junior", "coach", "captain",
	"head", "queen", "prince", "state", "trade", "energy", "chancellor", "major", "sheikh")

// headOfState are words that name a country's leader interchangeably.
var headOfState = setOf("leader", "president", "head", "premier", "prime", "chancellor", "king", "queen", "emir", "sultan")

// roleMatches reports whether a description such as "kazakh leader" or
// "president" fits a role such as "president of kazakhstan". Every word
// of the description must appear in the role, except that a head-of-state
// word matches any other and an adjective of nationality matches the
// country it shares its first four letters with (Kazakh, Kazakhstan).
func roleMatches(role string, desc []string) bool {
	rw := strings.Fields(role)
	for _, w := range desc {
		if w == "of" {
			continue
		}
		ok := false
		for _, r := range rw {
			switch {
			case r == w:
				ok = true
			case headOfState[w] && headOfState[r]:
				ok = true
			case len(w) >= 4 && len(r) >= 4 && w[:4] == r[:4]:
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
