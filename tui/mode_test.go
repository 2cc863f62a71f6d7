package tui

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rostrum/tui/internal/testkit"
)

// TestViewDoesNotChangeTheApp draws every mode twice and checks that
// drawing left the App as it was (its fields, printed; pointers are
// compared by address).
func TestViewDoesNotChangeTheApp(t *testing.T) {
	opens := map[string][]string{
		"list": nil, "reader": {"enter", "]"}, "filter": {"/", "w"}, "search": {"enter", "/", "s"},
		"help": {"?"}, "problems": {"!"}, "picker": {"t", "s"}, "browser": {"Q", "/", "s"},
	}
	for name, keys := range opens {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, seedText(t), docA, docB).size(120, 40).keys(keys...)
			before := fmt.Sprintf("%#v", *h.app)
			first := h.app.View().Content
			if after := fmt.Sprintf("%#v", *h.app); after != before {
				t.Fatal("View changed the App")
			}
			if h.app.View().Content != first {
				t.Fatal("two Views of the same App differ")
			}
		})
	}
}

// TestFactsTakeEffectInUpdate: what a pane reports takes effect before
// Update returns, without running the commands it returns, so the next
// key of the same terminal read finds it done.
func TestFactsTakeEffectInUpdate(t *testing.T) {
	h := newHarness(t, docA, docB, docC).size(120, 40)
	a := h.app
	steps := []struct {
		key  string
		want func() bool
		what string
	}{
		{"j", func() bool { return a.list.cursor == 1 && a.reader.doc == a.list.Selected() }, "the reader follows the list"},
		{"enter", func() bool { return a.focus == paneReader }, "enter opens the reader"},
		{"J", func() bool { return a.list.cursor == 2 }, "J moves to the next document"},
		{"esc", func() bool { return a.focus == paneList }, "esc goes back to the list"},
		{"t", func() bool { return a.mode == modePicker }, "t opens the picker"},
		{"esc", func() bool { return a.mode == modePanes }, "esc closes the picker"},
		{"/", func() bool { return a.mode == modeFilter }, "/ opens the filter"},
	}
	for _, s := range steps {
		a.Update(testkit.Press(s.key)) // the commands returned are not run
		if !s.want() {
			t.Fatalf("after %q: %s at once", s.key, s.what)
		}
	}
}

// TestQuitOrTypeQ: q quits where nothing is typed, and types a q in an
// input; ctrl+c always quits.
func TestQuitOrTypeQ(t *testing.T) {
	cases := []struct {
		name  string
		open  []string
		quits bool
	}{
		{"list", nil, true},
		{"reader", []string{"enter"}, true},
		{"help", []string{"?"}, true},
		{"problems", []string{"!"}, true},
		{"browser", []string{"Q"}, true},
		{"filter", []string{"/"}, false},
		{"search", []string{"enter", "/"}, false},
		{"picker", []string{"t"}, false},
		{"browser filter", []string{"Q", "/"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, seedText(t)).size(120, 40).keys(c.open...)
			mode := h.app.mode
			h.keys("q")
			if h.quit != c.quits {
				t.Fatalf("q quits: %v, want %v", h.quit, c.quits)
			}
			if !c.quits && h.app.mode != mode {
				t.Fatalf("q typed in mode %v moved to mode %v", mode, h.app.mode)
			}
			h.keys("ctrl+c")
			if !h.quit {
				t.Fatal("ctrl+c quits")
			}
		})
	}
}

// TestRebindReachesEveryPane: with every action given a new key, no pane
// reacts to the old keys any more: each binding of a pane's key map is
// one of the App's, so a key rebound in the config file is rebound
// wherever it acts. (The topic picker moves with the arrows alone, as
// letters type, and its keys are fixed.)
func TestRebindReachesEveryPane(t *testing.T) {
	k := DefaultKeyMap()
	for i, action := range k.Actions() {
		k.Rebind(action, []string{fmt.Sprintf("f%d", i+1)})
	}
	var root [][]string
	for _, b := range bindings(k) {
		root = append(root, b.Keys())
	}
	pickerFixed := []string{"Up", "Down", "PageUp", "PageDown"}
	for name, km := range map[string]any{"list": k.listKeys(), "reader": k.readerKeys(), "picker": k.pickerKeys(), "browser": k.browserKeys()} {
		for field, b := range bindings(km) {
			if name == "picker" && slices.Contains(pickerFixed, field) {
				continue
			}
			keys := b.Keys()
			if !slices.ContainsFunc(root, func(r []string) bool { return slices.Equal(r, keys) }) {
				t.Errorf("%s.%s has keys %v, which are none of the App's", name, field, keys)
			}
		}
	}
}

// bindings are the key bindings of a key map by field name, the
// embedded movement keys (cursor.Keys) included.
func bindings(km any) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(km)
	for _, f := range reflect.VisibleFields(v.Type()) {
		if b, ok := v.FieldByIndex(f.Index).Interface().(key.Binding); ok {
			out[f.Name] = b
		}
	}
	return out
}

// TestProgramsAreReadiedInACommand: e and o look nothing up in Update
// (the program in $PATH, the file's absolute path, the pager's file):
// the program runs once the command that readies it has reported.
func TestProgramsAreReadiedInACommand(t *testing.T) {
	for _, k := range []string{"e", "o"} {
		h := newHarness(t, docA).size(120, 40)
		var ran []*exec.Cmd
		h.app.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
			ran = append(ran, c)
			return func() tea.Msg { return fn(nil) }
		}
		h.app.list.Selected().File = filepath.Join(t.TempDir(), "a.txt")
		h.app.env = func(string) string { return "true" }
		_, cmd := h.app.Update(testkit.Press(k))
		if len(ran) != 0 || cmd == nil {
			t.Fatalf("%s: the program was readied in Update", k)
		}
		h.run(cmd)
		if len(ran) != 1 || !strings.HasSuffix(ran[0].Path, "true") || !filepath.IsAbs(ran[0].Args[len(ran[0].Args)-1]) {
			t.Fatalf("%s: the readied program should run once on an absolute path: %v", k, ran)
		}
	}
}
