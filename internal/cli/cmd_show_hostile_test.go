package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"rostrum/internal/termcheck"
)

// TestShowHostileMarkdown: `rostrum show FILE.md` piped, with colours
// forced and in every style, writes only text, SGR and hyperlinks whose
// text is their address; the references show as written.
func TestShowHostileMarkdown(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "hostile.md")
	if err := os.WriteFile(path, []byte(termcheck.HostileMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		name string
		env  []string
		args []string
		sgr  bool
	}{
		{"piped", []string{"TERM=xterm-256color"}, nil, false},
		{"colour forced", []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, nil, true},
		{"colour forced, light", []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, []string{"--style", "light"}, true},
		{"piped, dark style asked", []string{"TERM=xterm-256color"}, []string{"--style", "dark"}, false},
		{"piped, notty", nil, []string{"--style", "notty"}, false},
		{"colour forced, NO_COLOR", []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=1"}, nil, false},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			r := runCLI(t, run.env, "", append([]string{"show", path}, run.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			if err := termcheck.Check(r.out); err != nil {
				t.Fatalf("%v\nin %q", err, r.out)
			}
			if err := termcheck.Check(r.err); err != nil {
				t.Errorf("standard error: %v", err)
			}
			switch {
			case run.sgr && !strings.Contains(r.out, "\x1b[38;5;"):
				t.Errorf("colours were forced, but the output has none")
			case !run.sgr && (strings.Contains(r.out, "\x1b[38;") || strings.Contains(r.out, "\x1b[48;")):
				t.Errorf("output without colours holds colours: %q", r.out)
			case run.env == nil || !strings.Contains(strings.Join(run.env, " "), "CLICOLOR_FORCE"):
				if strings.ContainsRune(r.out, 0x1b) {
					t.Errorf("piped output holds an escape sequence: %q", r.out)
				}
			}
			plain := strings.Join(strings.Fields(ansi.Strip(r.out)), " ")
			for _, want := range []string{
				"&#x1b;]0;TITLE&#x07;", "&#x1b;]52;c;UFdORUQ=&#x07;", "&#27;[2J", "&#x1b;[6n",
				"&#x1b;P+q544e&#x1b;\\", "&#x9d;0;T&#x9c;", "&#7;", "&#13;", "&#127;", "&#x202e;evil",
				"&#xE0051;forged&#xE0071;", "The harbour will reopen next spring",
				"https://bank.example/login", "https://evil.example",
			} {
				if !strings.Contains(plain, want) {
					t.Errorf("the output should show %q as written:\n%s", want, plain)
				}
			}
			if strings.Contains(r.out, "evil.example\a\x1b[") && strings.Contains(r.out, "bank.example/login\x1b[m\x1b]8;;") {
				t.Errorf("the bank address is linked to evil.example: %q", r.out)
			}
		})
	}
}
