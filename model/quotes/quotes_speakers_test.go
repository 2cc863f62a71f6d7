package quotes

import (
	"fmt"
	"testing"
)

// ---------------------------------------------------------------------------
// 8. Interrupted quotes

// piecesAre checks that Pieces covers exactly the quoted parts, marks
// included, and not the words interrupting them.
func piecesAre(k int, pieces ...string) check {
	return onSpan(k, func(text string, s Span) string {
		ps := s.Pieces(text)
		if len(ps) != len(pieces) {
			return fmt.Sprintf("%d pieces, want %d", len(ps), len(pieces))
		}
		for i, p := range ps {
			if got := text[p.Start:p.End]; got != pieces[i] {
				return fmt.Sprintf("piece %d holds %q, want %q", i, got, pieces[i])
			}
		}
		return ""
	})
}

var interruptedCases = []tcase{
	{name: "structure",
		in:   "“A, b c,” Tokayev said, “D e f g.”",
		want: nil,
		check: all(
			func(text string, r Result) []string {
				if len(r.Spans) != 1 || r.Spans[0].Kind != Quote || r.Spans[0].Rule != RuleAdjacent {
					return []string{"want exactly one quote, rule adjacent"}
				}
				if got := r.Spans[0].Text(text); got != "A, b c, D e f g." {
					return []string{fmt.Sprintf("text %q, want %q", got, "A, b c, D e f g.")}
				}
				return nil
			},
			segments(0, []string{"A, b c,", "D e f g."}, []bool{false, false}),
			piecesAre(0, "“A, b c,”", "“D e f g.”"),
			outerIs(0, "“A, b c,” Tokayev said, “D e f g.”"),
			mention(0, "Tokayev"), cue(0, "said"))},
	{name: "speaker when Tokayev is the only person",
		in:   "“A, b c,” Tokayev said, “D e f g.”",
		want: []want{quote("A, b c, D e f g.", "Tokayev", RuleAdjacent)}},
	// The case above guards a fixed bug: a lone surname named with a cue (“Tokayev said”) is never made a person, so Speaker stays "" (people.go addShortNames only creates one-word people that carry a role).
	{name: "speaker with the full name earlier",
		in:    "Kassym-Jomart Tokayev spoke in Tianjin.\n\n“A, b c,” Tokayev said, “D e f g.”",
		want:  []want{quote("A, b c, D e f g.", "Kassym-Jomart Tokayev", RuleAdjacent)},
		check: piecesAre(0, "“A, b c,”", "“D e f g.”")},
	{name: "cue before the name",
		in:    "“We will win,” said John Smith, “and we will never give up.”",
		want:  []want{quote("We will win, and we will never give up.", "John Smith", RuleAdjacent)},
		check: all(segments(0, []string{"We will win,", "and we will never give up."}, []bool{false, false}), piecesAre(0, "“We will win,”", "“and we will never give up.”"))},
	{name: "full stop after the first part: two quotes",
		in: "“We will win,” said John Smith. “And we will never give up on anything at all, ever.”",
		want: []want{
			quote("We will win,", "John Smith", RuleAdjacent),
			quote("And we will never give up on anything at all, ever.", "John Smith", RuleContinuation),
		}},
}

func TestInterrupted(t *testing.T) { runCases(t, interruptedCases) }

// ---------------------------------------------------------------------------
// 9. Terms and 10. titles

var termTitleCases = []tcase{
	{name: "so-called", in: "Smith warned about the so-called “three evils” in the region.", want: []want{term("three evils")}},
	{name: "so-called single marks", in: "Smith warned about the so-called ‘three evils’ in the region.", want: []want{term("three evils")}},
	{name: "known as", in: "She was known as “the Iron Lady” in Britain.", want: []want{term("the Iron Lady")}},
	{name: "dubbed",
		in: "The army launched what was dubbed “Operation X” last week.",
		check: onSpan(0, func(_ string, s Span) string {
			if s.Kind == Quote {
				return "dubbed “Operation X” is a quote, want term or title"
			}
			return ""
		})},
	{name: "scare quote one word", in: "He called it a “historic” moment.", want: []want{term("historic")}},
	{name: "scare quotes one to three words",
		in:   "It was a “historic” moment and a “real turning point” for the “whole region”.",
		want: []want{term("historic"), term("real turning point"), term("whole region")}},
	{name: "report title", in: "Smith presented the report “Global Trends in Energy” on Monday.", want: []want{title("Global Trends in Energy")}},
	{name: "operation title", in: "The army launched the operation “Desert Storm” in January.", want: []want{title("Desert Storm")}},
	{name: "book title by capitals", in: "Smith read “The Art of the Deal” on the plane.", want: []want{title("The Art of the Deal")}},
	{name: "film title", in: "They watched the film “Gone with the Wind” again.", want: []want{title("Gone with the Wind")}},
}

func TestTermsAndTitles(t *testing.T) { runCases(t, termTitleCases) }

// ---------------------------------------------------------------------------
// 11. Two people and a pronoun

var pronounCases = []tcase{
	{name: "two surnames, he abstains",
		in:    "Smith met Jones. “We agreed on nothing at all today,” he said.",
		want:  []want{quote("We agreed on nothing at all today,", "", RuleAdjacent)},
		check: all(mention(0, "he"), cue(0, "said"))},
	{name: "two people with roles, he abstains",
		in:    "President John Smith met Prime Minister Mary Jones. “We agreed on nothing at all today,” he said.",
		want:  []want{quote("We agreed on nothing at all today,", "", RuleAdjacent)},
		check: mention(0, "he")},
	{name: "one person, he resolves",
		in:    "John Smith arrived. “We will win this fight together,” he said.",
		want:  []want{quote("We will win this fight together,", "John Smith", RuleAdjacent)},
		check: mention(0, "he")},
	// The case above guards a fixed bug: a pronoun with exactly one person named before it stays unresolved when that person has no role and was not next to a cue (attribute.go peopleIn counts only Confirmed people, so onlyPersonBefore returns "").
	{name: "one person with a role, he resolves",
		in:    "President John Smith arrived. “We will win this fight together,” he said.",
		want:  []want{quote("We will win this fight together,", "John Smith", RuleAdjacent)},
		check: mention(0, "he")},
	{name: "he added after a named quote",
		in: "“We must act now for peace,” said John Smith.\n\n“It is our duty to act together,” he added.",
		want: []want{
			quote("We must act now for peace,", "John Smith", RuleAdjacent),
			quote("It is our duty to act together,", "John Smith", RuleAdjacent),
		},
		check: all(mention(1, "he"), cue(1, "added"))},
	{name: "another person named between, she abstains",
		in: "“We must act now for peace,” said John Smith. Mary Jones disagreed. “It is wrong to act so fast,” she said.",
		want: []want{
			quote("We must act now for peace,", "John Smith", RuleAdjacent),
			quote("It is wrong to act so fast,", "", RuleAdjacent),
		},
		check: mention(1, "she")},
}

func TestPronouns(t *testing.T) { runCases(t, pronounCases) }

// ---------------------------------------------------------------------------
// 12. Credits

var creditCases = []tcase{
	{name: "Trend reports", in: "The SCO met in Tianjin on Monday, Trend reports.", want: []want{}, check: noPerson("Trend")},
	{name: "TASS", in: "ASTANA, September 1 /TASS/. The SCO met in Tianjin on Monday.", want: []want{}, check: noPerson("TASS")},
	{name: "quote and Trend",
		in:    "“We must act now for peace and security of all,” said Kassym-Jomart Tokayev, Trend reports.",
		want:  []want{quote("We must act now for peace and security of all,", "Kassym-Jomart Tokayev", RuleAdjacent)},
		check: all(noPerson("Trend"), mention(0, "Kassym-Jomart Tokayev"))},
	{name: "quote and TASS",
		in:    "ASTANA, September 1 /TASS/. “We must act now for peace and security of all,” said Kassym-Jomart Tokayev.",
		want:  []want{quote("We must act now for peace and security of all,", "Kassym-Jomart Tokayev", RuleAdjacent)},
		check: noPerson("TASS")},
	{name: "Reuters", in: "The talks ended on Friday, Reuters reports.", want: []want{}, check: noPerson("Reuters")},
}

func TestCredits(t *testing.T) { runCases(t, creditCases) }

// ---------------------------------------------------------------------------
// 13. Attribution forms

const kjt = "Kassym-Jomart Tokayev"

var attributionCases = []tcase{
	{name: "Q, said S (surname of a full name)",
		in:    "Kassym-Jomart Tokayev arrived in Tianjin.\n\n“We must act now for peace and security,” said Tokayev.",
		want:  []want{quote("We must act now for peace and security,", kjt, RuleAdjacent)},
		check: all(mention(0, "Tokayev"), cue(0, "said"))},
	{name: "Q, said S (lone surname)",
		in:   "“We must act now for peace and security,” said Tokayev.",
		want: []want{quote("We must act now for peace and security,", "Tokayev", RuleAdjacent)}},
	// The case above guards a fixed bug: a lone surname named with a cue (“said Tokayev”) is never made a person, so Speaker stays "" (people.go addShortNames).
	{name: "Q, S said",
		in:    "“We must act now for peace and security,” John Smith said.",
		want:  []want{quote("We must act now for peace and security,", "John Smith", RuleAdjacent)},
		check: mention(0, "John Smith")},
	{name: "Q, he added after a named quote",
		in: "Kassym-Jomart Tokayev arrived.\n\n“We must act now for peace,” said Tokayev.\n\n“It is our duty to act together,” he added.",
		want: []want{
			quote("We must act now for peace,", kjt, RuleAdjacent),
			quote("It is our duty to act together,", kjt, RuleAdjacent),
		}},
	{name: "S said: Q",
		in:    "Kassym-Jomart Tokayev arrived.\n\nTokayev said: “We must act now for peace.”",
		want:  []want{quote("We must act now for peace.", kjt, RuleAdjacent)},
		check: all(mention(0, "Tokayev"), cue(0, "said"))},
	{name: "S told reporters: Q",
		in:   "John Smith told reporters: “We must act now for peace.”",
		want: []want{quote("We must act now for peace.", "John Smith", RuleAdjacent)}},
	{name: "S, appositive, said Q",
		in:    "John Smith, the foreign minister, said: “We must act now for peace.”",
		want:  []want{quote("We must act now for peace.", "John Smith", RuleAdjacent)},
		check: mention(0, "John Smith")},
	{name: "According to S, Q",
		in:    "Kassym-Jomart Tokayev arrived.\n\nAccording to Tokayev, “we must act now for peace.”",
		want:  []want{quote("we must act now for peace.", kjt, RuleAdjacent)},
		check: mention(0, "Tokayev")},
	{name: "Q — S",
		in:    "Kassym-Jomart Tokayev arrived.\n\n“We must act now for peace and security.” — Tokayev",
		want:  []want{quote("We must act now for peace and security.", kjt, RuleAdjacent)},
		check: mention(0, "Tokayev")},
	{name: "the Kazakh leader said",
		in:    "Kazakh President Kassym-Jomart Tokayev spoke in Astana.\n\n“We must act now for peace,” the Kazakh leader said.",
		want:  []want{quote("We must act now for peace,", kjt, RuleAdjacent)},
		check: mention(0, "the Kazakh leader")},
	{name: "said the President of Kazakhstan",
		in:    "President of Kazakhstan Kassym-Jomart Tokayev spoke in Astana.\n\n“We must act now for peace,” said the President of Kazakhstan.",
		want:  []want{quote("We must act now for peace,", kjt, RuleAdjacent)},
		check: mention(0, "the President of Kazakhstan")},
	{name: "the head of state said",
		in:    "President of Kazakhstan Kassym-Jomart Tokayev arrived in Tianjin.\n\n“We must act now for peace and security,” the head of state said.",
		want:  []want{quote("We must act now for peace and security,", kjt, RuleAdjacent)},
		check: mention(0, "the head of state")},
	// The case above guards a fixed bug: the mention “the head of state” is cut to “the head of”: trimMention (cues.go) stops at “state”, which is in the cue-verb list.
	{name: "mention stops at the sentence end",
		in:    "“We must act now for peace,” said John Smith. Mary Jones left.",
		want:  []want{quote("We must act now for peace,", "John Smith", RuleAdjacent)},
		check: mention(0, "John Smith")},
	// The case above guards a fixed bug: the mention runs over the full stop into the next sentence (“John Smith. Mary Jones”): reName (cues.go) allows “.” inside a name word, so “Smith.” continues into “Mary Jones”.
	{name: "run-on mention never names the next sentence's person",
		in: "“We must act now for peace,” said Smith. Mary Jones left the room.",
		check: all(mention(0, "Smith"), onSpan(0, func(_ string, s Span) string {
			if s.Speaker == "Mary Jones" {
				return "speaker Mary Jones, who is only named in the next sentence"
			}
			return ""
		}))},
	// The case above guards a fixed bug: wrong speaker: the mention runs over the full stop (“Smith. Mary Jones”, reName in cues.go allows “.” in a name word) and resolve (attribute.go) picks the first known person overlapping it, Mary Jones.
	{name: "colon lead-in in the previous paragraph",
		in:    "Kassym-Jomart Tokayev spoke in Astana. He told the delegates about the plan. Tokayev said:\n\n“We must act now for peace and security of all.”",
		want:  []want{quote("We must act now for peace and security of all.", kjt, RuleColon)},
		check: mention(0, "Tokayev")},
	{name: "continuation in the next paragraph",
		in: "“We will win this fight together,” said John Smith.\n\n“And we will never give up on anything at all, ever.”",
		want: []want{
			quote("We will win this fight together,", "John Smith", RuleAdjacent),
			quote("And we will never give up on anything at all, ever.", "John Smith", RuleContinuation),
		}},
	{name: "continuation in the same paragraph",
		in: "“We will win,” said John Smith. “And we will never give up on anything at all, ever.”",
		want: []want{
			quote("We will win,", "John Smith", RuleAdjacent),
			quote("And we will never give up on anything at all, ever.", "John Smith", RuleContinuation),
		}},
	{name: "no continuation when another person is named between",
		in: "“We will win this fight together,” said John Smith. President Mary Jones disagreed. “And we will never give up on anything at all, ever.”",
		want: []want{
			quote("We will win this fight together,", "John Smith", RuleAdjacent),
			quote("And we will never give up on anything at all, ever.", "", RuleNone),
		}},
	{name: "single candidate",
		in:   "President John Smith arrived in Astana on Monday. “We will win this fight together and we will never give up.”",
		want: []want{quote("We will win this fight together and we will never give up.", "John Smith", RuleSingle)}},
	{name: "single candidate in the previous paragraph",
		in:   "President John Smith arrived in Astana on Monday.\n\n“We will win this fight together and we will never give up.”",
		want: []want{quote("We will win this fight together and we will never give up.", "John Smith", RuleSingle)}},
	{name: "two candidates: unattributed",
		in:   "President John Smith met Prime Minister Mary Jones. “We will win this fight together and we will never give up.”",
		want: []want{quote("We will win this fight together and we will never give up.", "", RuleNone)}},
	{name: "no one named",
		in:   "The crowd waited outside the hall. “We will win this fight together and we will never give up.”",
		want: []want{quote("We will win this fight together and we will never give up.", "", RuleNone)}},
	{name: "no one named, quote alone",
		in:   "“We will win this fight together and we will never give up on anything.”",
		want: []want{quote("We will win this fight together and we will never give up on anything.", "", RuleNone)}},
}

func TestAttribution(t *testing.T) { runCases(t, attributionCases) }

func TestTranscriptTurns(t *testing.T) {
	text := "THE PRESIDENT: As soon as we heard, I said, “Get out there and help them now.” They did.\n\n" +
		"Q: Did you talk to the governor?\n\n" +
		"THE PRESIDENT: Yes. I said, “We will be with you all the way.”\n\n" +
		"DR. FAUCI: I told him, “The data look better every single day.”"
	r := ExtractWith(text, paragraphs(text), Options{Speaker: "Donald Trump"})
	qs := r.Quotes()
	want := []string{"Donald Trump", "Donald Trump", "Dr. Fauci"}
	if len(qs) != len(want) {
		t.Fatalf("want %d quotes, got%s", len(want), describe(text, r))
	}
	for i, w := range want {
		if qs[i].Speaker != w || qs[i].Rule != RuleTurn {
			t.Errorf("quote %d: speaker %q rule %q, want %q by the turn rule", i, qs[i].Speaker, qs[i].Rule, w)
		}
	}
	// Without a known document speaker the label itself names the turn.
	r = Extract(text, paragraphs(text))
	if got := r.Quotes()[0].Speaker; got != "The President" {
		t.Errorf("without metadata the turn speaker is the label, got %q", got)
	}
}

func TestAppositiveNameIsTheSpeaker(t *testing.T) {
	text := `The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced by the chancellor in his pre-budget review."`
	r := Extract(text, paragraphs(text))
	qs := r.Quotes()
	if len(qs) != 1 || qs[0].Speaker != "Theresa May" || qs[0].Mention != "Theresa May" {
		t.Fatalf("the name in the appositive is the speaker, not the role before it:%s", describe(text, r))
	}
}
