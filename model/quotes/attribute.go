package quotes

import (
	"container/heap"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAfter bounds the text the attribution patterns read after a quote.
const maxAfter = 240

// maxLeadIn bounds the text the rules and the classifier read before a
// quote (its sentence up to the opening mark). Without a bound, every
// quote nested in a long unclosed one read the whole paragraph before
// it, and a paragraph of marks took quadratic time.
const maxLeadIn = 600

// Confidence levels for each rule; an unclosed quote halves them.
const (
	confAdjacentName    = 0.95
	confAdjacentPronoun = 0.85
	confLeadIn          = 0.85
	confColon           = 0.9
	confContinuation    = 0.8
	confSingle          = 0.6
)

// attributor holds what the rules need while they run over one text.
type attributor struct {
	text  string
	paras []Range
	spans []Span
	pt    *peopleTable
	turns []string // the speaker of each paragraph's transcript turn, or ""
	// prev and next are prevTop and nextTop for every span, once asked.
	prev, next []int
	people     map[peopleKey]peopleAnswer // peopleIn's answers
}

// phraseAt is the index of the first phrase (they are in text order and
// do not overlap) that starts at or after pos.
func (a *attributor) phraseAt(pos int) int {
	ps := a.pt.phrases
	return sort.Search(len(ps), func(k int) bool { return ps[k].Start >= pos })
}

// phrasesIn are the phrases that start in [from, to).
func (a *attributor) phrasesIn(from, to int) []phrase {
	lo := a.phraseAt(from)
	return a.pt.phrases[lo:max(lo, a.phraseAt(to))]
}

// attribute merges interrupted quotes, classifies every span and runs the
// attribution rules in order, stopping at the first that fires.
func attribute(text string, paras []Range, spans []Span, pt *peopleTable, turns []string) []Span {
	a := &attributor{text: text, paras: paras, spans: mergeInterrupted(text, spans), pt: pt, turns: turns}
	for i := range a.spans {
		a.cueRules(i)
		a.spans[i].Kind = a.classify(i)
	}
	for i := range a.spans {
		s := &a.spans[i]
		if s.Kind != Quote || s.Rule != RuleNone || s.Depth > 0 {
			if s.Kind != Quote {
				s.Attribution = Attribution{}
			}
			continue
		}
		if !a.continuation(i) {
			a.singleCandidate(i)
		}
	}
	for i := range a.spans {
		if a.spans[i].Unclosed {
			a.spans[i].Confidence /= 2
		}
	}
	return a.spans
}

// mergeInterrupted joins `“A,” Tokayev said, “B.”` into one quote with two
// segments; the attribution is found later in the text between them.
func mergeInterrupted(text string, spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Depth == 0 && out[n-1].Depth == 0 && s.Paragraph == out[n-1].LastParagraph {
			prev := &out[n-1]
			between := text[prev.Outer.End:s.Outer.Start]
			if interruption(text, *prev, between) {
				prev.Segments = append(prev.Segments, s.Segments...)
				prev.Outer.End = s.Outer.End
				prev.LastParagraph = s.LastParagraph
				prev.Unclosed = prev.Unclosed || s.Unclosed
				continue
			}
		}
		out = append(out, s)
	}
	// Nested spans of merged quotes stay as they are; keep text order.
	return out
}

// interruption reports whether between is an attribution clause that
// interrupts one sentence of quotation: it ends with a comma (or colon) and
// names a speaker with a cue, and the first part ends with a comma.
func interruption(text string, prev Span, between string) bool {
	b := strings.TrimSpace(between)
	if b == "" || len(b) > 120 || !(strings.HasSuffix(b, ",") || strings.HasSuffix(b, ":")) {
		return false
	}
	last := prev.Segments[len(prev.Segments)-1]
	content := strings.TrimRightFunc(text[last.Start:last.End], unicode.IsSpace)
	if !strings.HasSuffix(content, ",") && !strings.HasPrefix(b, ",") {
		return false
	}
	return afterCueMention.MatchString(b) || afterMentionCue.MatchString(b)
}

// cueRules tries rule 1 (cue and speaker in the quote's own sentence) and
// rule 2 (a colon lead-in in the sentence before).
func (a *attributor) cueRules(i int) {
	s := &a.spans[i]
	if s.Depth > 0 {
		return
	}
	if a.afterQuote(i) || a.interrupted(i) || a.beforeQuote(i) {
		return
	}
	a.colonLeadIn(i)
}

// afterQuote: `“…,” said Tokayev.` / `“…,” he added.` / `“…” — Tokayev`.
func (a *attributor) afterQuote(i int) bool {
	s := &a.spans[i]
	after := a.afterText(i)
	if len(after) > maxAfter {
		after = after[:maxAfter]
	}
	if t := strings.TrimLeft(after, " ,"); !strings.HasPrefix(t, "—") && !strings.HasPrefix(t, "–") && !strings.HasPrefix(t, "―") && !hasCue(after, 10) {
		return false
	}
	lastSeg := s.Segments[len(s.Segments)-1]
	content := strings.TrimSpace(a.text[lastSeg.Start:lastSeg.End])
	sameSentence := strings.HasPrefix(strings.TrimSpace(after), ",") || endsOpen(content) || startsLower(after)
	if t := strings.TrimSpace(after); !sameSentence && !strings.HasPrefix(t, "—") && !strings.HasPrefix(t, "―") {
		return false
	}
	base := s.Outer.End
	t0 := len(after) - len(strings.TrimLeft(after, " ,—–-―\u00a0"))
	if k := firstCue(after, 10); k >= 0 {
		if k == t0 {
			if m := afterCueMention.FindStringSubmatchIndex(after); m != nil {
				return a.fire(i, RuleAdjacent, base+m[2], base+m[3], base+m[4], base+m[5])
			}
		} else if ms, me, ok := mentionBefore(after, k); ok && ms == t0 {
			return a.fire(i, RuleAdjacent, base+k, base+k+cueLen(after[k:]), base+ms, base+me)
		}
	}
	if m := afterDash.FindStringSubmatchIndex(after); m != nil {
		return a.fire(i, RuleAdjacent, -1, -1, base+m[2], base+m[3])
	}
	return false
}

// interrupted attributes a merged quote from the clause between its parts.
func (a *attributor) interrupted(i int) bool {
	s := &a.spans[i]
	if len(s.Segments) < 2 || s.Segments[1].NewParagraph {
		return false
	}
	from := s.Segments[0].End
	to := s.Segments[1].Start
	between := a.text[from:to]
	// Skip the closing and opening marks around the clause.
	lo := strings.IndexFunc(between, func(r rune) bool { return !isMark(r) })
	if lo < 0 {
		return false
	}
	clause := between[lo:]
	base := from + lo
	if m := afterCueMention.FindStringSubmatchIndex(clause); m != nil {
		return a.fire(i, RuleAdjacent, base+m[2], base+m[3], base+m[4], base+m[5])
	}
	if m := afterMentionCue.FindStringSubmatchIndex(clause); m != nil {
		return a.fire(i, RuleAdjacent, base+m[4], base+m[5], base+m[2], base+m[3])
	}
	return false
}

// beforeQuote: `Tokayev said: “…”`, `According to him, “…”`, and partial
// quotes inside reported speech: `Trump said the wall would be “huge.”`
func (a *attributor) beforeQuote(i int) bool {
	lead, base := a.leadIn(i)
	cues := cuePositions(lead)
	if len(cues) == 0 {
		return false
	}
	if k := strings.Index(strings.ToLower(lead), "according to"); k >= 0 {
		if m := beforeAccording.FindStringSubmatchIndex(lead[k:]); m != nil {
			return a.fire(i, RuleAdjacent, -1, -1, base+k+m[2], base+k+m[3])
		}
	}
	if m := beforeCueMention.FindStringSubmatchIndex(lead); m != nil {
		return a.fire(i, RuleAdjacent, base+m[2], base+m[3], base+m[4], base+m[5])
	}
	for c := len(cues) - 1; c >= max(0, len(cues)-3); c-- {
		k := cues[c]
		ms, me, ok := mentionBefore(lead, k)
		if !ok {
			continue
		}
		ce := k + cueLen(lead[k:])
		conf := confLeadIn
		if c == len(cues)-1 && cueTail.MatchString(lead[ce:]) {
			// The cue ends the lead-in: `Tokayev said: “…”`.
			return a.fire(i, RuleAdjacent, base+k, base+ce, base+ms, base+me)
		}
		return a.fireConf(i, RuleAdjacent, base+k, base+ce, base+ms, base+me, conf)
	}
	return false
}

// cueLen is the length of the cue word (or two-word cue) that starts s.
func cueLen(s string) int {
	n := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if n < 0 {
		n = len(s)
	}
	for _, two := range []string{" out", " on"} {
		if strings.HasPrefix(s[n:], two) && isCue(strings.ToLower(s[:n+len(two)])) {
			return n + len(two)
		}
	}
	return n
}

// colonLeadIn (rule 2): the paragraph before ends with a colon after a
// speaker and cue, and this quote opens its paragraph.
func (a *attributor) colonLeadIn(i int) bool {
	s := &a.spans[i]
	p := s.Paragraph
	lead, _ := a.leadIn(i)
	if strings.TrimSpace(lead) != "" || p == 0 {
		return false
	}
	prev := a.paras[p-1]
	txt := strings.TrimRightFunc(a.text[prev.Start:prev.End], unicode.IsSpace)
	if !strings.HasSuffix(txt, ":") {
		return false
	}
	end := prev.Start + len(txt)
	lo := prev.Start
	if end-lo > maxLeadIn { // every quote opening this paragraph asks
		lo = cutLeadIn(a.text, end-maxLeadIn, end)
	}
	start := sentenceStart(a.text, lo, end)
	sent := a.text[start:end]
	cues := cuePositions(sent)
	for c := len(cues) - 1; c >= 0; c-- {
		if ms, me, ok := mentionBefore(sent, cues[c]); ok {
			ce := cues[c] + cueLen(sent[cues[c]:])
			return a.fireConf(i, RuleColon, start+cues[c], start+ce, start+ms, start+me, confColon)
		}
	}
	return false
}

// fire records an attribution with the confidence its mention deserves.
func (a *attributor) fire(i int, rule Rule, cueS, cueE, menS, menE int) bool {
	conf := confAdjacentName
	if pronouns[strings.ToLower(strings.TrimSpace(a.text[menS:menE]))] {
		conf = confAdjacentPronoun
	}
	return a.fireConf(i, rule, cueS, cueE, menS, menE, conf)
}

// fireConf records an attribution: the mention is resolved to a person
// when that can be done safely; an unresolved mention is kept as said.
func (a *attributor) fireConf(i int, rule Rule, cueS, cueE, menS, menE int, conf float64) bool {
	menE = menS + trimMention(a.text[menS:menE])
	mention := strings.TrimRight(a.text[menS:menE], ",.;: ")
	if strings.HasSuffix(a.text[menS:menE], ".") && abbreviation(lastField(a.text[menS:menE])) {
		mention = strings.TrimRight(a.text[menS:menE], ",;: ")
	}
	menE = menS + len(mention)
	s := &a.spans[i]
	s.Rule = rule
	s.Confidence = conf
	s.Mention = mention
	s.MentionAt = Range{menS, menE}
	if cueS >= 0 {
		s.Cue = a.text[cueS:cueE]
		s.CueAt = Range{cueS, cueE}
	}
	s.Speaker = a.resolve(i, mention, Range{menS, menE})
	return true
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// resolve turns a mention into a canonical name, or "" when it cannot be
// done safely.
func (a *attributor) resolve(i int, mention string, at Range) string {
	low := strings.ToLower(mention)
	switch {
	case low == "he" || low == "she" || low == "they":
		return a.resolvePronoun(i, at)
	case low == "i" || low == "we":
		// In a transcript, "I said" is the speaker of the turn.
		if t := a.turns[a.spans[i].Paragraph]; t != "" && low == "i" {
			a.spans[i].Rule = RuleTurn
			return t
		}
		return ""
	}
	// The name is the mention's last words ("campaign spokesman Brian
	// Fallon"), so the last phrase inside it decides.
	who := -1
	for k := a.phraseAt(at.End) - 1; k >= 0 && a.pt.phrases[k].End > at.Start; k-- {
		if ph := a.pt.phrases[k]; len(ph.name) > 0 {
			who = ph.person
			break
		}
	}
	if who >= 0 {
		return a.pt.people[who].Name
	}
	if idx, ok := a.pt.bySurname[surnameKey(strings.Fields(mention))]; ok && idx >= 0 && !isArticle(strings.Fields(mention)[0]) {
		return a.pt.people[idx].Name
	}
	if isArticle(strings.Fields(mention)[0]) {
		if idx := a.pt.resolveRole(mention); idx >= 0 {
			return a.pt.people[idx].Name
		}
		return ""
	}
	return bareName(mention)
}

// bareName is a capitalised mention in a speaker's slot that the people
// table does not know ("said Tokayev" with no full name anywhere): the
// name as written, without a title, when it looks like a person's name.
func bareName(mention string) string {
	var words []string
	for _, w := range strings.Fields(mention) {
		t := token{text: w}
		if t.in(honorifics) || t.in(roleWords) {
			continue
		}
		// The first word must be a name's; later ones only capitalised, as
		// surnames such as May or Will are also common words.
		if !t.capitalised() || len(words) == 0 && !nameWord(t) {
			return ""
		}
		words = append(words, w)
	}
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	return strings.Join(words, " ")
}

// resolvePronoun resolves he/she/they to the speaker of the last attributed
// quote in this or the previous paragraph, when nobody else is named
// outside quotations between that quote and the pronoun.
func (a *attributor) resolvePronoun(i int, at Range) string {
	s := a.spans[i]
	for k := i - 1; k >= 0; k-- {
		prev := a.spans[k]
		if prev.Kind != Quote && prev.Rule == RuleNone || prev.Depth > 0 {
			continue
		}
		if prev.LastParagraph < s.Paragraph-1 {
			break
		}
		if prev.Speaker == "" {
			if prev.Rule != RuleNone {
				return ""
			}
			continue
		}
		if a.otherPersonBetween(prev.Speaker, prev.Outer.End, at.Start) {
			return ""
		}
		return prev.Speaker
	}
	// No attributed quote before: a single person named just before.
	return a.onlyPersonBefore(s.Paragraph, at.Start)
}

// otherPersonBetween reports whether someone other than name is named
// outside quotations in [from, to).
func (a *attributor) otherPersonBetween(name string, from, to int) bool {
	for _, ph := range a.phrasesIn(from, to) {
		if ph.End <= to && len(ph.name) > 0 {
			if ph.person < 0 || a.pt.people[ph.person].Name != name {
				return true
			}
		}
	}
	return false
}

// onlyPersonBefore is the one person named outside quotations in the
// paragraph before position at, or the one confirmed person named in the
// previous paragraph when this one names nobody; "" when there are none
// or several.
func (a *attributor) onlyPersonBefore(p, at int) string {
	if who, n := a.peopleIn(a.paras[p].Start, at, true); n > 0 {
		return who
	}
	if p == 0 {
		return ""
	}
	who, _ := a.peopleIn(a.paras[p-1].Start, a.paras[p-1].End, false)
	return who
}

// peopleIn names the one person named in [from, to) and counts the
// distinct names there (unconfirmed and unknown ones included), up to two.
// The person must be confirmed (seen with a role or a cue) unless anyone
// is set; with several names it is "". Answers are kept, as every quote of
// a paragraph asks about the same paragraph.
func (a *attributor) peopleIn(from, to int, anyone bool) (string, int) {
	key := peopleKey{from, to, anyone}
	if r, ok := a.people[key]; ok {
		return r.who, r.n
	}
	who, n := a.countPeople(from, to, anyone)
	if a.people == nil {
		a.people = map[peopleKey]peopleAnswer{}
	}
	a.people[key] = peopleAnswer{who, n}
	return who, n
}

type peopleKey struct {
	from, to int
	anyone   bool
}

type peopleAnswer struct {
	who string
	n   int
}

func (a *attributor) countPeople(from, to int, anyone bool) (string, int) {
	seen := map[string]bool{}
	who := ""
	for _, ph := range a.phrasesIn(from, to) {
		if len(seen) > 1 {
			return "", len(seen) // several: which does not matter
		}
		if ph.End > to || len(ph.name) == 0 {
			continue
		}
		if ph.person < 0 {
			if len(ph.name) > 1 {
				seen["?"+strings.Join(ph.name, " ")] = true
			}
			continue
		}
		p := a.pt.people[ph.person]
		seen[p.Name] = true
		if p.Confirmed || anyone {
			who = p.Name
		}
	}
	if len(seen) != 1 || who == "" {
		return "", len(seen)
	}
	return who, 1
}

// continuation (rule 3): a quote that fills its sentence with no cue of
// its own inherits the speaker of the attributed quote just before it, in
// the same paragraph or (when this paragraph opens with it) the previous
// one, if nobody else is named between.
func (a *attributor) continuation(i int) bool {
	s := &a.spans[i]
	lead, _ := a.leadIn(i)
	if strings.TrimSpace(lead) != "" {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		prev := a.spans[k]
		if prev.Depth > 0 || prev.Kind != Quote {
			continue
		}
		if prev.LastParagraph < s.Paragraph-1 || (prev.LastParagraph < s.Paragraph && s.Outer.Start != a.paras[s.Paragraph].Start) {
			return false
		}
		if prev.Speaker == "" || a.otherPersonBetween(prev.Speaker, prev.Outer.End, s.Outer.Start) {
			return false
		}
		s.Rule, s.Speaker, s.Confidence = RuleContinuation, prev.Speaker, confContinuation
		return true
	}
	return false
}

// singleCandidate (rule 4): exactly one person is named outside quotations
// in the paragraph (or the previous one when this one is all quotation).
func (a *attributor) singleCandidate(i int) {
	s := &a.spans[i]
	p := a.paras[s.Paragraph]
	who, n := a.peopleIn(p.Start, p.End, false)
	if n == 0 && s.Outer.Start == p.Start && s.Paragraph > 0 {
		q := a.paras[s.Paragraph-1]
		who, n = a.peopleIn(q.Start, q.End, false)
	}
	if n == 1 && who != "" {
		s.Rule, s.Speaker, s.Confidence = RuleSingle, who, confSingle
	}
}

// afterText is the rest of the quote's sentence after its closing mark, up
// to the next quotation or the paragraph's end.
func (a *attributor) afterText(i int) string {
	s := a.spans[i]
	end := a.paras[s.LastParagraph].End
	if k := a.nextTop(i); k >= 0 {
		end = min(end, a.spans[k].Outer.Start)
	}
	return a.text[s.Outer.End:max(end, s.Outer.End)]
}

// leadIn is the quote's sentence before its opening mark, and where it
// starts: at most the last maxLeadIn bytes of it, cut at a word.
func (a *attributor) leadIn(i int) (string, int) {
	s := a.spans[i]
	start := a.paras[s.Paragraph].Start
	if k := a.prevTop(i); k >= 0 {
		start = max(start, a.spans[k].Outer.End)
	}
	if lo := s.Outer.Start - maxLeadIn; lo > start {
		start = cutLeadIn(a.text, lo, s.Outer.Start)
	}
	start = sentenceStart(a.text, start, s.Outer.Start)
	return a.text[start:s.Outer.Start], start
}

// cutLeadIn is where a lead-in cut at lo starts: after the first space at
// or after lo, so no word is read in part; on a rune boundary when there
// is no space. A lead-in is never cut to blanks alone, which would make the
// quote look as if it began its sentence.
func cutLeadIn(text string, lo, end int) int {
	if k := strings.IndexByte(text[lo:end], ' '); k >= 0 && lo+k+1 < end {
		lo += k + 1
	}
	for lo < end && !utf8.RuneStart(text[lo]) {
		lo++
	}
	if strings.TrimSpace(text[lo:end]) == "" {
		// Back to the last word before the blanks (they lie between two
		// marks, so no two quotes walk back over the same ones).
		lo = strings.LastIndexFunc(text[:lo], func(r rune) bool { return !unicode.IsSpace(r) })
		lo = max(lo, 0)
	}
	return lo
}

// prevTop is the nearest top-level span before span i that ends before
// it opens, or -1. It is worked out for all spans at once, so quotes
// nested in a long unclosed one do not each walk back over all the
// others.
func (a *attributor) prevTop(i int) int {
	if a.prev == nil {
		a.prev = prevTops(a.spans)
	}
	return a.prev[i]
}

// nextTop is the first top-level span after span i that opens after it
// closes, or -1.
func (a *attributor) nextTop(i int) int {
	if a.next == nil {
		a.next = nextTops(a.spans)
	}
	return a.next[i]
}

// prevTops lists prevTop for every span. The spans are in order of their
// opening marks, so the set of top-level spans closed before span i opens
// only grows with i: a heap of those still open, by where they close,
// gives each answer in logarithmic time.
func prevTops(spans []Span) []int {
	out := make([]int, len(spans))
	open := &endHeap{spans: spans}
	best := -1
	for i := range spans {
		if k := i - 1; k >= 0 && spans[k].Depth == 0 {
			heap.Push(open, k)
		}
		for open.Len() > 0 && spans[open.ks[0]].Outer.End <= spans[i].Outer.Start {
			best = max(best, heap.Pop(open).(int))
		}
		out[i] = best
	}
	return out
}

// nextTops lists nextTop for every span: the first top-level span among
// those that open at or after span i closes (a suffix of the spans, as
// they are in order of their opening marks).
func nextTops(spans []Span) []int {
	firstTop := make([]int, len(spans)+1) // the first top-level span at or after k
	firstTop[len(spans)] = -1
	for k := len(spans) - 1; k >= 0; k-- {
		firstTop[k] = firstTop[k+1]
		if spans[k].Depth == 0 {
			firstTop[k] = k
		}
	}
	out := make([]int, len(spans))
	for i, s := range spans {
		j := sort.Search(len(spans), func(k int) bool { return spans[k].Outer.Start >= s.Outer.End })
		out[i] = firstTop[j]
	}
	return out
}

// endHeap holds span indices, the one that closes first on top.
type endHeap struct {
	spans []Span
	ks    []int
}

func (h *endHeap) Len() int           { return len(h.ks) }
func (h *endHeap) Less(x, y int) bool { return h.spans[h.ks[x]].Outer.End < h.spans[h.ks[y]].Outer.End }
func (h *endHeap) Swap(x, y int)      { h.ks[x], h.ks[y] = h.ks[y], h.ks[x] }
func (h *endHeap) Push(v any)         { h.ks = append(h.ks, v.(int)) }
func (h *endHeap) Pop() any {
	v := h.ks[len(h.ks)-1]
	h.ks = h.ks[:len(h.ks)-1]
	return v
}

// sentenceStart finds where the sentence ending at or running past end
// begins, searching back no further than lo.
func sentenceStart(text string, lo, end int) int {
	for j := end - 1; j > lo; j-- {
		c := text[j]
		if (c == '.' || c == '!' || c == '?') && j+1 < end && text[j+1] == ' ' {
			if word, _ := prevWord(text[lo:j+1], j+1-lo); c == '.' && abbreviation(word) {
				continue
			}
			return j + 2
		}
	}
	return lo
}

// endsOpen reports whether quoted content ends as a sentence continues
// after it: with a comma, dash, or a question or exclamation mark.
func endsOpen(content string) bool {
	r, _ := utf8.DecodeLastRuneInString(content)
	return strings.ContainsRune(",!?—–-…", r)
}

// startsLower reports whether the text after a quote continues in lower
// case ("he said"), so it is the same sentence.
func startsLower(s string) bool {
	s = strings.TrimLeft(s, " ")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
