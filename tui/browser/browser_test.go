package browser

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/tui/textin"
	"rostrum/tui/theme"
)

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// send gives b the messages and returns it with the facts it reported;
// the pause after an edit comes at once.
func send(b Model, msgs ...tea.Msg) (Model, []tea.Msg) {
	var facts []tea.Msg
	for _, m := range msgs {
		var cmd tea.Cmd
		b, cmd = b.Update(m)
		if cmd == nil {
			continue
		}
		switch f := cmd().(type) {
		case textin.EditedMsg:
			if f.Changed {
				b, _ = b.Update(textin.PausedMsg{ID: f.ID, Seq: f.Seq})
			}
		default:
			facts = append(facts, f)
		}
	}
	return b, facts
}

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
	b, _ = send(b, press("S"))
	if b.BySpeaker() || b.Shown()[0].Doc.Title != "Harvest News" || b.Shown()[2].Doc.Title != "Crowd News" {
		t.Fatal("S sorts by document")
	}
}

func TestFilterTakesEveryKey(t *testing.T) {
	b := New(docs(t), nil, DefaultKeyMap(), theme.New(true))
	b.SetSize(100, 20)
	b, facts := send(b, press("/"), press("h"), press("a"), press("r"), press("b"), press("Q"), press("q"), press("y"))
	if len(facts) != 0 || !b.Filtering() || b.Value() != "harbQqy" {
		t.Fatalf("every key is typed while filtering: %q, facts %v", b.Value(), facts)
	}
	for range 3 {
		b, _ = send(b, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	b, _ = send(b, press("enter"))
	if b.Filtering() || len(b.Shown()) != 1 || b.Shown()[0].Span().Speaker != "Bob Jones" {
		t.Fatalf("enter keeps the filter: %q, %d shown", b.Value(), len(b.Shown()))
	}
	b, facts = send(b, press("esc"))
	if len(facts) != 0 || b.Value() != "" || len(b.Shown()) != 3 {
		t.Fatal("esc clears the filter before it closes the browser")
	}
	_, facts = send(b, press("esc"))
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
	b, facts := send(b, press("j"), press("y"), press("Y"), press("s"), press("E"), press("enter"), press("Q"))
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
