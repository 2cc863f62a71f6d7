package picker

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/tui/internal/testkit"
	"rostrum/tui/theme"
)

func items() []Item {
	return []Item{
		{ID: "sport", Label: "Sport", Kind: "topic", Count: 3},
		{ID: "economy", Label: "Economy & markets", Kind: "topic", Count: 2, On: true},
		{ID: "place:Baku", Label: "Baku", Kind: "place", Count: 1},
	}
}

func TestTypingNarrowsAndEveryLetterTypes(t *testing.T) {
	p := New(items(), false, DefaultKeyMap(), theme.New(true))
	p.SetSize(80, 20)
	p, facts := testkit.Send(p, testkit.Press("q"), testkit.Press("b"), testkit.Press("a"))
	if len(facts) != 0 || p.Value() != "qba" {
		t.Fatalf("letters, q included, type: %q, facts %v", p.Value(), facts)
	}
	p, _ = testkit.Send(p, tea.KeyPressMsg{Code: tea.KeyBackspace}, tea.KeyPressMsg{Code: tea.KeyBackspace}, tea.KeyPressMsg{Code: tea.KeyBackspace}, tea.PasteMsg{Content: "BAKU"})
	if shown := p.Shown(); len(shown) != 1 || shown[0].ID != "place:Baku" {
		t.Fatalf("the pause after typing narrows to Baku: %+v", shown)
	}
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestTicksApplyOnEnterOnly(t *testing.T) {
	p := New(items(), false, DefaultKeyMap(), theme.New(true))
	p.SetSize(80, 20)
	p, facts := testkit.Send(p, testkit.Press("space"), testkit.Press("down"), testkit.Press("space"), testkit.Press("down"), testkit.Press("space"), testkit.Press("tab"))
	if len(facts) != 0 {
		t.Fatalf("nothing is applied before enter: %v", facts)
	}
	_, facts = testkit.Send(p, testkit.Press("enter"))
	if len(facts) != 1 {
		t.Fatalf("enter reports one fact, got %v", facts)
	}
	chosen, ok := facts[0].(ChosenMsg)
	want := Choice{Topics: []string{"sport"}, Facets: []model.Facet{{Kind: "place", Value: "Baku"}}, AnyOf: true}
	if !ok || len(chosen.Choice.Topics) != 1 || chosen.Choice.Topics[0] != "sport" || len(chosen.Choice.Facets) != 1 ||
		chosen.Choice.Facets[0] != want.Facets[0] || !chosen.Choice.AnyOf {
		t.Fatalf("enter applies sport and Baku, any of; got %+v", facts[0])
	}
	_, facts = testkit.Send(p, testkit.Press("esc"))
	if _, ok := facts[0].(CanceledMsg); !ok || len(facts) != 1 {
		t.Fatalf("esc cancels: %v", facts)
	}
}
