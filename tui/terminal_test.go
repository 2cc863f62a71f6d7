package tui

import (
	"os"
	"os/exec"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// TestOutsideProgramsGetTheTerminal: the editor and the pager read the
// terminal itself (Options.Terminal), not the program's filtered input,
// which exec would copy to them through a pipe that outlives them.
func TestOutsideProgramsGetTheTerminal(t *testing.T) {
	tty, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	d, err := model.ParseText("test/a.txt", seedText(t))
	if err != nil {
		t.Fatal(err)
	}
	d.File = "/tmp/speech.txt"
	h := harnessFor(t, New(model.NewCorpus([]*model.Document{d}, nil), Options{Theme: ThemeDark, Terminal: tty})).size(100, 30)
	var ran []*exec.Cmd
	h.app.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		ran = append(ran, c)
		return func() tea.Msg { return fn(nil) }
	}
	h.app.env = func(name string) string { return map[string]string{"EDITOR": "ed", "PAGER": "more"}[name] }
	h.keys("e", "o")
	if len(ran) != 2 {
		t.Fatalf("e and o should run two programs, ran %d", len(ran))
	}
	for _, c := range ran {
		if c.Stdin != tty {
			t.Errorf("%s got standard input %v, want the terminal", c.Args[0], c.Stdin)
		}
	}

	h = newHarness(t, seedText(t)).size(100, 30) // no Terminal: Bubble Tea's input
	h.app.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		ran = append(ran, c)
		return nil
	}
	h.keys("o")
	if c := ran[len(ran)-1]; c.Stdin != nil {
		t.Errorf("without a terminal the pager's input is left to Bubble Tea, got %v", c.Stdin)
	}
}
