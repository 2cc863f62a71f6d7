package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rostrum/internal/config"
	"rostrum/tui"
)

// Tests of the commands that set Rostrum up: config, completion and man.

// commandNames are the names of all the visible commands.
func commandNames(t *testing.T) []string {
	var names []string
	for _, c := range newRootCmd(&session{}).Commands() {
		if !c.Hidden {
			names = append(names, c.Name())
		}
	}
	if len(names) < 8 {
		t.Fatalf("only %d commands: %v", len(names), names)
	}
	return names
}

// The shells' scripts complete by running rostrum __complete, so the
// binary is built once for the tests that run them, and put first on
// their PATH.
var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// binaryDir builds rostrum into a folder of its own, once per test run.
func binaryDir(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "rostrum-bin-"); binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "rostrum"), "rostrum").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + dir}
	path := filepath.Join(dir, "rostrum", "config.yaml")

	r := runCLI(t, env, "", "config")
	if r.code != 0 || r.out != path+"\nnot found: the defaults apply (rostrum config --example prints a commented example)\n" {
		t.Errorf("missing file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := runCLI(t, env, "", "config", "--check"); r.code != 0 || r.out != "" || r.err != "" {
		t.Errorf("--check, missing file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}

	r = runCLI(t, env, "", "config", "--example")
	if r.code != 0 || r.out != config.Example {
		t.Errorf("--example: exit %d, err %q, out\n%s", r.code, r.err, r.out)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(r.out), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, env, "", "config"); r.code != 0 || r.out != path+"\nvalid\n" {
		t.Errorf("example file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := runCLI(t, env, "", "config", "--check"); r.code != 0 || r.out != "" || r.err != "" {
		t.Errorf("--check, example file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}

	if err := os.WriteFile(path, []byte("theme: dark\nmax_width: 80\n\ncolour: red\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	msg := path + `:4: unknown key "colour" (known: theme, max_width, paths, topics, keys)`
	if r := runCLI(t, env, "", "config"); r.code != 0 || r.out != path+"\ninvalid: "+msg+"\n" {
		t.Errorf("bad file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := runCLI(t, env, "", "config", "--check"); r.code != 1 || r.out != "" || r.err != "rostrum: "+msg+"\n" {
		t.Errorf("--check, bad file: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
	if r := runCLI(t, env, "", "config", "--check", "--example"); r.code != 1 || !strings.Contains(r.err, "can't be used together") {
		t.Errorf("--check --example: exit %d, err %q", r.code, r.err)
	}
}

// shellRun runs script (a file) in dir with the shell and args, failing
// the test on a timeout.
func shellRun(t *testing.T, dir string, shell string, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, shell, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"), "XDG_DATA_HOME="+filepath.Join(dir, ".data"),
		"PATH="+binaryDir(t)+string(os.PathListSeparator)+os.Getenv("PATH"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %v timed out", shell, args)
	}
	return out.String(), errb.String(), err
}

// completionScript writes `rostrum completion SHELL` to a file in a new
// folder that also holds speech.txt, notes.md and a folder spdir.
func completionScript(t *testing.T, shell string) (dir, script string) {
	t.Helper()
	r := runCLI(t, nil, "", "completion", shell)
	if r.code != 0 || r.err != "" {
		t.Fatalf("completion %s: exit %d: %s", shell, r.code, r.err)
	}
	// cobra's scripts ask the binary for the candidates.
	if !strings.Contains(r.out, "__complete") {
		t.Errorf("the %s script does not run rostrum __complete", shell)
	}
	dir = t.TempDir()
	for _, f := range []string{"speech.txt", "notes.md"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "spdir"), 0o700); err != nil {
		t.Fatal(err)
	}
	script = filepath.Join(t.TempDir(), "rostrum."+shell)
	if err := os.WriteFile(script, []byte(r.out), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, script
}

// completionCases are command lines (completing at the end) and the
// completions wanted, in order; "" wants none. zsh, when set, is what zsh
// offers instead.
var completionCases = []struct{ line, want, zsh string }{
	{"rostrum li", "list", ""},
	{"rostrum ", "completion config help list man notes.md quotes read show spdir speech.txt topics", ""},
	{"rostrum sp", "spdir speech.txt", ""},
	{"rostrum s", "show spdir speech.txt", ""},
	{"rostrum list --format ", "json text", ""},
	{"rostrum quotes -f ", "csv json md text", ""},
	{"rostrum --style=", "auto dark light", ""},
	{"rostrum show --style=n", "notty", ""},
	{"rostrum completion ", "bash fish powershell zsh", ""},
	{"rostrum completion bash ", "", ""},
	{"rostrum list --fo", "--format", ""},
	{"rostrum config --ex", "--example", ""},
	{"rostrum speech.txt li", "", ""},
	{"rostrum --log ", "notes.md spdir speech.txt", ""},
	{"rostrum show --width ", "", ""},
	{"rostrum show --width 80 n", "notes.md", ""},
	{"rostrum list --topic x s", "spdir speech.txt", ""},
	{"rostrum list --any --topic=x s", "spdir speech.txt", ""},
	{"rostrum speech.txt --any --st", "--style", ""},
	// After a flag of the reader's only paths can follow: a command
	// named there would refuse the flag.
	{"rostrum --any s", "spdir speech.txt", ""},
	{"rostrum --max-size 1KiB li", "list", ""},
}

// sortedWords sorts and joins completions, without fish's descriptions and
// the slash it puts after folders.
func sortedWords(out string) string {
	var words []string
	for line := range strings.SplitSeq(strings.ReplaceAll(out, "\r", ""), "\n") {
		w, _, _ := strings.Cut(line, "\t")
		w = strings.TrimSuffix(w, "/")
		if w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// bashCompletionLib is bash-completion's library, whose
// _get_comp_words_by_ref cobra's bash script needs.
const bashCompletionLib = "/usr/share/bash-completion/bash_completion"

// bashCapture completes one line as bash would, in a non-interactive
// bash: COMP_* set as readline sets them, then the function cobra's script
// registered for rostrum. compopt only works while bash itself completes,
// so the options the script asks for are recorded; when it offers nothing
// and leaves "-o default" on, readline would complete file names, and so
// does this (compgen -f).
const bashCapture = `source "$BASH_COMPLETION_LIB"
source "$1"
type() { if [[ $1 == -t && $2 == compopt ]]; then echo builtin; else builtin type "$@"; fi; }
compopt() { opts+=" $*"; }
fn=$(complete -p rostrum | sed -n 's/.*-F \([^ ]*\) rostrum$/\1/p')
[[ $(complete -p rostrum) == *"-o default"* ]] || { echo "rostrum is not completed with -o default" >&2; exit 1; }
capture() { # LINE WORD...
    COMP_LINE=$1 COMP_POINT=${#1}; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=(); opts=
    $fn rostrum "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    if ((${#COMPREPLY[@]} == 0)) && [[ $opts != *"+o default"* ]]; then
        local cur=${COMP_WORDS[COMP_CWORD]}
        [[ $cur == = ]] && cur=
        compgen -f -- "$cur"
    else
        printf '%s\n' "${COMPREPLY[@]}"
    fi
    echo '<END>'
}
`

func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	if _, err := os.Stat(bashCompletionLib); err != nil {
		t.Skip("no bash-completion (apt-get install bash-completion)")
	}
	dir, script := completionScript(t, "bash")
	if _, stderr, err := shellRun(t, dir, "bash", "-n", script); err != nil {
		t.Fatalf("bash -n: %v: %s", err, stderr)
	}
	// The line is split into COMP_WORDS as readline splits it (at spaces
	// and at '=').
	var b strings.Builder
	b.WriteString(bashCapture)
	for _, tc := range completionCases {
		words := []string{}
		for _, w := range strings.Split(tc.line, " ") {
			before, after, ok := strings.Cut(w, "=")
			switch {
			case !ok:
				words = append(words, w)
			case after == "":
				words = append(words, before, "=")
			default:
				words = append(words, before, "=", after)
			}
		}
		quoted := []string{shellQuote(tc.line)}
		for _, w := range words {
			quoted = append(quoted, shellQuote(w))
		}
		b.WriteString("capture " + strings.Join(quoted, " ") + "\n")
	}
	test := filepath.Join(t.TempDir(), "test.bash")
	if err := os.WriteFile(test, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BASH_COMPLETION_LIB", bashCompletionLib)
	out, stderr, err := shellRun(t, dir, "bash", test, script)
	if err != nil || stderr != "" {
		t.Fatalf("bash: %v: %s", err, stderr)
	}
	results := strings.Split(out, "<END>\n")
	for i, tc := range completionCases {
		if got := sortedWords(results[i]); got != tc.want {
			t.Errorf("bash: %q completes to %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestFishCompletion(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("no fish")
	}
	dir, script := completionScript(t, "fish")
	if _, stderr, err := shellRun(t, dir, "fish", "--no-execute", script); err != nil {
		t.Fatalf("fish --no-execute: %v: %s", err, stderr)
	}
	var b strings.Builder
	b.WriteString("source " + shellQuote(script) + "\n")
	for _, tc := range completionCases {
		b.WriteString("complete -C " + shellQuote(tc.line) + "; echo '<END>'\n")
	}
	out, stderr, err := shellRun(t, dir, "fish", "-c", b.String())
	if err != nil || stderr != "" {
		t.Fatalf("fish: %v: %s", err, stderr)
	}
	results := strings.Split(out, "<END>\n")
	for i, tc := range completionCases {
		got := sortedWords(results[i])
		// fish completes --style= with the flag in front of each value.
		got = regexp.MustCompile(`--[a-z-]+=`).ReplaceAllString(got, "")
		if got != tc.want {
			t.Errorf("fish: %q completes to %q, want %q", tc.line, got, tc.want)
		}
	}
}

// zshCapture drives an interactive zsh in a pseudo-terminal (zsh/zpty),
// loads compinit and the script, and prints every completion offered for
// the line in $2, one a line, then <END>.
const zshCapture = `zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PROMPT= ; autoload -U compinit; compinit -u -D; source $1"
zpty -w z 'compadd () { builtin compadd -O __hits "$@"; local h; for h in $__hits; do print -r -- "<HIT>$h</HIT>"; done; builtin compadd "$@" }'
zpty -w z 'comptest () { zle -C complete-word _main_complete; zle complete-word; print "<END>" }; zle -N comptest; bindkey "^T" comptest'
zpty -n -w z "$2"$'\C-T'
while zpty -r z ln; do
  [[ $ln == *'<END>'* ]] && break
  [[ $ln == *'<HIT>'* && $ln != *'$h'* ]] && print -r -- ${${ln#*<HIT>}%%</HIT>*}
done
zpty -d z
`

func TestZshCompletion(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("no zsh")
	}
	dir, script := completionScript(t, "zsh")
	if _, stderr, err := shellRun(t, dir, "zsh", "-n", script); err != nil {
		t.Fatalf("zsh -n: %v: %s", err, stderr)
	}
	capture := filepath.Join(t.TempDir(), "capture.zsh")
	if err := os.WriteFile(capture, []byte(zshCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range completionCases {
		t.Run(tc.line, func(t *testing.T) {
			// Each line starts an interactive zsh in a pseudo-terminal. On
			// a loaded machine the shell can miss the typed line while it
			// starts, and prints nothing at all: that is tried once more.
			var out, stderr string
			var err error
			for try := 0; try < 2 && (try == 0 || strings.TrimSpace(out) == ""); try++ {
				out, stderr, err = shellRun(t, dir, "zsh", "-f", capture, script, tc.line)
			}
			if err != nil {
				t.Fatalf("zsh: %v: %s", err, stderr)
			}
			want := tc.want
			if tc.zsh != "" {
				want = tc.zsh
			}
			if got := sortedWords(out); got != want {
				t.Errorf("zsh: %q completes to %q, want %q", tc.line, got, want)
			}
		})
	}
}

func TestCompletionUnknownShell(t *testing.T) {
	r := runCLI(t, nil, "", "completion", "tcsh")
	if r.code != 1 || !strings.Contains(r.err, `must be one of "bash","zsh","fish","powershell" but got "tcsh"`) {
		t.Errorf("exit %d, err %q", r.code, r.err)
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func TestManPage(t *testing.T) {
	r := runCLI(t, nil, "", "man")
	if r.code != 0 || r.err != "" {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	page := r.out
	bold := func(s string) string { return `\fB` + strings.ReplaceAll(s, "-", `\-`) }
	for _, name := range commandNames(t) {
		if !strings.Contains(page, bold(name)+`\fP`) {
			t.Errorf("no entry for the command %s", name)
		}
	}
	root := newRootCmd(&session{})
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(page, bold("--"+f.Name)) {
				t.Errorf("%s: flag --%s is missing", c.Name(), f.Name)
			}
		})
	}
	for _, want := range []string{".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS",
		".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS", `config\&.yaml`, `topics\&.yaml`,
		`$XDG_STATE_HOME/rostrum/state\&.json`, "ROSTRUM_MAX_SIZE", "NO_COLOR", "CLICOLOR_FORCE", "XDG_CONFIG_HOME",
		"q, ctrl+c: quit", bold("--format=text|json, -f"), bold("--max-size=SIZE"), bold("--log=FILE"), bold("--version, -v"),
		`.TH ROSTRUM 1 "" "rostrum `} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	keys, _, _ := strings.Cut(page[strings.Index(page, ".SH KEYS"):], ".SH FILES")
	if n := strings.Count(keys, ".IP"); n < 10 {
		t.Errorf("only %d keys", n)
	}
	for i, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, "'") || regexp.MustCompile(`[^\x00-\x7f]`).MatchString(line) {
			t.Errorf("line %d not escaped: %q", i+1, line)
		}
	}

	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("no groff to render the page")
	}
	for _, args := range [][]string{{"-man", "-Tutf8", "-ww", "-z"}, {"-man", "-Tutf8", "-ww", "-rLL=60n"}} {
		cmd := exec.Command("groff", args...)
		cmd.Stdin = strings.NewReader(page)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || errb.Len() > 0 {
			t.Errorf("groff %v: %v: %s", args, err, errb.String())
		}
		if args[len(args)-1] == "-z" {
			continue
		}
		text := strings.Join(strings.Fields(regexp.MustCompile(`.\x08`).ReplaceAllString(out.String(), "")), " ")
		for _, want := range []string{"list [path...] List documents", "--format=text|json, -f", "Q: quote browser",
			"↑/k: up", "1…9: toggle topic chip", "rostrum [options...] [argument...]"} {
			if !strings.Contains(text, want) {
				t.Errorf("the rendered page lacks %q", want)
			}
		}
	}
}

func TestRoffASCII(t *testing.T) {
	for in, want := range map[string]string{
		`\fB--format\fP`:  `\fB\-\-format\fP`,
		"“quote” — 1…9":   `\[u201C]quote\[u201D] \[u2014] 1\[u2026]9`,
		".TP\nplain text": ".TP\nplain text",
	} {
		if got := roffASCII(in); got != want {
			t.Errorf("roffASCII(%q) = %q, want %q", in, got, want)
		}
	}
}

// The KEYS section lists every binding of the key map, bindings with the
// same action together.
func TestManKeys(t *testing.T) {
	km := tui.DefaultKeyMap()
	items := keyItems(km)
	for _, b := range []key.Binding{km.Up, km.Quotes, km.Chips, km.Export, km.Help} {
		if !strings.Contains(items, "* "+b.Help().Key+": "+b.Help().Desc+"\n") {
			t.Errorf("no item for %q: %s", b.Help().Key, b.Help().Desc)
		}
	}
	if !strings.HasSuffix(items, "* q, ctrl+c: quit") {
		t.Errorf("q and ctrl+c should be one item, last:\n%s", items)
	}
}

// readme is the README, at the module's root.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const readmePath = "../../README.md"

// TestReadmeCommandLine checks that the README's command line block names
// every command.
func TestReadmeCommandLine(t *testing.T) {
	_, block, _ := strings.Cut(readme(t), "## Command line\n\n```\n")
	block, _, _ = strings.Cut(block, "```")
	for _, name := range commandNames(t) {
		if name == "read" {
			continue // the default command: rostrum [PATH...]
		}
		if !strings.Contains(block, "rostrum "+name+" ") && !strings.Contains(block, "rostrum "+name+"\n") {
			t.Errorf("README's Command line block does not show rostrum %s", name)
		}
	}
}
