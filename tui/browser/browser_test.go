package browser

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/tui/internal/testkit"
	"rostrum/tui/theme"
)

func docs(t *testing.T) []*model.Document {
	t.Helper()
	var out []*model.Document
	for i, text := range []string{
		"Harvest News\n\n“The grain is in,” said Ann Smith.",
		"Port News\n\n“The harbour reopens today,” said Bob Jones.",
		"Crowd News\n\nNobody was named. “This quote has no speaker at all here,” the crowd chanted.",
	} {
		d, err := model.ParseText(string(rune('a'+i))+".txt", text)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func TestGroupsBySpeakerUnattributedLast(t *testing.T) {
	b := New(docs(t), nil, DefaultKeyMap(), theme.New(true))
	b.SetSize(100, 20)
	var who []string
	for _, q := range b.Shown() {
		who = append(who, q.Span().Speaker)
	}
	if len(who) != 3 || who[0] != "Ann Smith" || who[1] != "Bob Jones" || who[2] != "" {
		t.Fatalf("by speaker, unattributed last: %q", who)
	}
	b, _ = testkit.Send(b, testkit.Press("S"))
	if b.BySpeaker() || b.Shown()[0].Doc.Title != "Harvest News" || b.Shown()[2].Doc.Title != "Crowd News" {
		t.Fatal("S sorts by document")
	}
}

func TestFilterTakesEveryKey(t *testing.T) {
	b := New(docs(t), nil, DefaultKeyMap(), theme.New(true))
	b.SetSize(100, 20)
	b, facts := testkit.Send(b, testkit.Press("/"), testkit.Press("h"), testkit.Press("a"), testkit.Press("r"), testkit.Press("b"), testkit.Press("Q"), testkit.Press("q"), testkit.Press("y"))
	if len(facts) != 0 || !b.Filtering() || b.Value() != "harbQqy" {
		t.Fatalf("every key is typed while filtering: %q, facts %v", b.Value(), facts)
	}
	for range 3 {
		b, _ = testkit.Send(b, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	b, _ = testkit.Send(b, testkit.Press("enter"))
	if b.Filtering() || len(b.Shown()) != 1 || b.Shown()[0].Span().Speaker != "Bob Jones" {
		t.Fatalf("enter keeps the filter: %q, %d shown", b.Value(), len(b.Shown()))
	}
	b, facts = testkit.Send(b, testkit.Press("esc"))
	if len(facts) != 0 || b.Value() != "" || len(b.Shown()) != 3 {
		t.Fatal("esc clears the filter before it closes the browser")
	}
	_, facts = testkit.Send(b, testkit.Press("esc"))
	if _, ok := facts[0].(ClosedMsg); !ok {
		t.Fatalf("esc with no filter closes: %v", facts)
	}
	if err := b.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestKeysReportWhatTheUserAsked(t *testing.T) {
	b := New(docs(t), nil, DefaultKeyMap(), theme.New(true))
	b.SetSize(100, 20)
	b, facts := testkit.Send(b, testkit.Press("j"), testkit.Press("y"), testkit.Press("Y"), testkit.Press("s"), testkit.Press("E"), testkit.Press("enter"), testkit.Press("Q"))
	second := b.Shown()[1]
	want := []tea.Msg{
		CopyAskedMsg{Quote: second},
		CopyAskedMsg{Quote: second, Cite: true},
		StarAskedMsg{Quote: second},
		nil, // the export, checked below
		QuoteChosenMsg{Quote: second},
		ClosedMsg{},
	}
	if len(facts) != len(want) {
		t.Fatalf("%d facts, want %d: %v", len(facts), len(want), facts)
	}
	for i, w := range want {
		if w == nil {
			if e, ok := facts[i].(ExportAskedMsg); !ok || len(e.Quotes) != 3 {
				t.Errorf("E asks to export the 3 quotes shown: %v", facts[i])
			}
			continue
		}
		if facts[i] != w {
			t.Errorf("fact %d = %+v, want %+v", i, facts[i], w)
		}
	}
}
