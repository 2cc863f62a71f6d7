package tui

import (
	"slices"
	"strings"
	"testing"

	"rostrum/internal/config"
	"rostrum/model"
)

// TestConfigActionsAreKeys ties the config file's action names to the key
// map: every name a config may use rebinds a key, and no key is missing.
func TestConfigActionsAreKeys(t *testing.T) {
	k := DefaultKeyMap()
	got, want := k.Actions(), slices.Clone(config.Actions)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("key map actions %v, config actions %v", got, want)
	}
}

func TestKeysFromConfig(t *testing.T) {
	d, err := model.ParseText("a.txt", seedText(t))
	if err != nil {
		t.Fatal(err)
	}
	a := New(model.NewCorpus([]*model.Document{d}, nil), Options{Theme: ThemeDark,
		Keys: map[string][]string{"next_quote": {"ctrl+n", "]"}, "quit": {"x"}}, MaxWidth: 50})
	h := harnessFor(t, a).size(120, 30)
	h.keys("enter", "ctrl+n")
	if a.reader.selected != 0 {
		t.Fatal("ctrl+n should select the next quote after rebinding")
	}
	if a.keys.NextQuote.Help().Key != "ctrl+n" {
		t.Fatalf("the help shows the new key: %q", a.keys.NextQuote.Help().Key)
	}
	scr := strings.Split(h.screen(), "\n")
	body := slices.IndexFunc(scr, func(l string) bool { return strings.Contains(l, "────") })
	if body < 0 {
		t.Fatalf("no rule under the reader's header:\n%s", h.screen())
	}
	for _, line := range scr[body+1 : len(scr)-1] {
		if i := strings.Index(line, "│"); i >= 0 && len([]rune(strings.TrimRight(line[i:], " "))) > 50+4 {
			t.Fatalf("max_width 50 should set the text at 50 columns: %q", line)
		}
	}
	h.keys("q")
	if h.quit {
		t.Fatal("q no longer quits once quit is x")
	}
	h.keys("x")
	if !h.quit {
		t.Fatal("x quits")
	}
}
