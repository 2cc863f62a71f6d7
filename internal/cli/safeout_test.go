package cli

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"rostrum/tui"
)

// hostileField holds, in one string, what a state or topics file may carry:
// OSC 0 (title), OSC 52 (clipboard), OSC 8 (link), CSI, C1 controls as
// runes, DEL, bidi overrides, a zero-width space and Markdown character
// references for ESC and BEL. Every marker "PWN…" is inside something that
// must not come out.
const hostileField = "A\x1b]0;PWNTITLE\x07 \x1b]52;c;UFdOQ0xJUA==\x07B\x1b[2J\x1b]8;;http://x/PWNLINK\x1b\\C" +
	"\u009b2J\u009d0;PWNC1\u009c \x7f\u202eD\u202c\u200bE &#x1b;]0;PWNREF&#x7; &#27;[31m"

// writeState writes a state file by hand, as anyone could, and returns the
// environment that points the command line at it.
func writeState(t *testing.T, stars []map[string]any) []string {
	t.Helper()
	dir := t.TempDir()
	data, err := json.Marshal(map[string]any{"version": 1, "read": map[string]any{}, "stars": stars})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "rostrum"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rostrum", "state.json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"XDG_STATE_HOME=" + dir}
}

// TestStarredQuotesAreSanitisedInEveryFormat: strings from the state file
// reach no format raw; JSON escapes what it must keep (the path).
func TestStarredQuotesAreSanitisedInEveryFormat(t *testing.T) {
	hostilePath := "/tmp/a\x1b[1m\u009d\u202eb.txt"
	env := writeState(t, []map[string]any{{
		"doc": "=1+2" + hostileField, "path": hostilePath, "title": hostileField, "date": "2025-01-01",
		"speaker": "@SUM(A1)" + hostileField, "text": "+cmd|' /C calc'!A0" + hostileField,
		"citation": "“" + hostileField + "” — " + hostileField, "start": 1, "end": 9,
		"starred": "2025-01-02T00:00:00Z",
	}})
	for _, f := range []string{"text", "md", "csv", "json"} {
		r := runCLI(t, env, "", "quotes", "--starred", "-f", f)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, r.code, r.err)
		}
		if bad := firstUnsafe(strings.ReplaceAll(r.out, "PWNREF", ""), false); bad != "" {
			t.Errorf("%s: %s in the output:\n%q", f, bad, r.out)
		}
		if f == "text" || f == "md" {
			if !strings.Contains(r.out, `&amp;#x1b;]0;PWNREF&amp;#x7; &amp;#27;[31m`) {
				t.Errorf("%s: character references should be escaped for Markdown:\n%s", f, r.out)
			}
			// Rendered, the references are shown, not turned into ESC and BEL.
			out, err := tui.RenderMarkdown(r.out, 200, "notty")
			if err != nil || strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "&#x1b;]0;PWNREF&#x7;") {
				t.Errorf("%s: rendered Markdown should show the references as text (%v):\n%q", f, err, out)
			}
		}
	}
	r := runCLI(t, env, "", "quotes", "--starred", "-f", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || len(got) != 1 {
		t.Fatalf("json: %v\n%s", err, r.out)
	}
	if got[0]["path"] != hostilePath {
		t.Errorf("path should be as the state file has it, escaped: %q", got[0]["path"])
	}
	if !strings.Contains(r.out, `\u009d`) || !strings.Contains(r.out, `\u202e`) || !strings.Contains(r.out, `\u001b[1m`) {
		t.Errorf("the path's controls should be escaped in the JSON text:\n%s", r.out)
	}
	for _, k := range []string{"doc", "display_path", "title", "speaker", "text", "citation"} {
		v, _ := got[0][k].(string)
		if bad := firstUnsafe(strings.ReplaceAll(v, "PWNREF", ""), false); bad != "" || v == "" {
			t.Errorf("json %s: %s in %q", k, bad, v)
		}
	}
	r = runCLI(t, env, "", "quotes", "--starred", "-f", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v\n%s", err, r.out)
	}
	for i, cell := range rows[1] {
		if strings.ContainsAny(cell[:1], "=+-@\t\r") {
			t.Errorf("csv column %s starts a formula: %q", rows[0][i], cell)
		}
	}
	if !strings.HasPrefix(rows[1][0], "'=1+2A BC DE &#x1b;") {
		t.Errorf("a formula cell keeps its text after an apostrophe: %q", rows[1][0])
	}
}

func TestCSVCells(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"\rx": "\nx", "\x1b[0m=1": "'=1", "plain": "plain", "": "", "1-2": "1-2", "a=b": "a=b",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQuotesCSVDefusesFormulas: a quote from a document that starts like a
// formula is written as text.
func TestQuotesCSVDefusesFormulas(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "formula.txt")
	text := "Formulas\n\n“=HYPERLINK(\"http://x\",\"y\") is what we will all type tomorrow,” said John Smith.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "", "quotes", "-f", "csv", path)
	rows, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v\n%s", err, r.out)
	}
	if text := rows[1][len(rows[1])-1]; !strings.HasPrefix(text, `'=HYPERLINK("http://x","y") is`) {
		t.Errorf("the quote should be text, not a formula: %q", text)
	}
}

// TestHostileTopicNames: topic names from topics.yaml, written with YAML
// escapes, come out clean in every topics and list format.
func TestHostileTopicNames(t *testing.T) {
	home := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + home}
	dir := filepath.Join(home, "rostrum")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	yaml := "topics:\n  - name: \"Central \\e]8;;http://x/PWNLINK\\aAsia\\u009d0;PWNC1\\u009c \\u202eevil\\x7f &#x1b;\"\n" +
		"    strong: [central asia, almaty, shanghai cooperation]\n"
	if err := os.WriteFile(filepath.Join(dir, "topics.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	id := seedID(t)
	runs := [][]string{
		{"topics"}, {"topics", "-f", "json"}, {"topics", "--explain", id}, {"topics", "--explain", id, "-f", "json"},
		{"list"}, {"list", "-f", "json"},
	}
	sawLabel := false
	for _, args := range runs {
		r := runCLI(t, env, "", args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		if bad := firstUnsafe(r.out+r.err, false); bad != "" {
			t.Errorf("%v: %s in the output:\n%q", args, bad, r.out)
		}
		sawLabel = sawLabel || strings.Contains(r.out, "Central Asia")
	}
	if !sawLabel {
		t.Error("the topic's label should still be shown, cleaned")
	}
}

// TestJSONPathIsTheRealPath: path in JSON is the file's exact path, which
// a script can open; display_path is what the text output shows. Two
// files whose display names are the same stay apart.
func TestJSONPathIsTheRealPath(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a\x1b[1m.txt", "a.txt", "b\u009d\u202e.txt", "c\xff\xfe.txt", "-c", "+!touch OWNED"}
	for i, n := range names {
		body := "Story " + string(rune('A'+i)) + "\n\n“We will build the new road before the winter comes,” said John Smith.\n"
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			t.Skipf("this file system refuses %q: %v", n, err)
		}
	}
	for _, args := range [][]string{{"list", "-f", "json", dir}, {"quotes", "-f", "json", dir}} {
		r := runCLI(t, nil, "", args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		if bad := firstUnsafe(r.out, false); bad != "" {
			t.Errorf("%v: %s in the JSON text", args, bad)
		}
		var got []struct {
			Path        string `json:"path"`
			DisplayPath string `json:"display_path"`
			PathBytes   string `json:"path_bytes"`
		}
		if err := json.Unmarshal([]byte(r.out), &got); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		seen := map[string]bool{}
		for _, e := range got {
			exact := e.Path
			if e.PathBytes != "" {
				b, err := base64.StdEncoding.DecodeString(e.PathBytes)
				if err != nil || utf8.Valid(b) {
					t.Errorf("path_bytes should be there only for a path that is not UTF-8: %q %v", b, err)
				}
				exact = string(b)
			}
			if _, err := os.Stat(exact); err != nil {
				t.Errorf("%v: path %q is not the file: %v", args, e.Path, err)
			}
			if bad := firstUnsafe(e.DisplayPath, false); bad != "" {
				t.Errorf("display_path %q: %s", e.DisplayPath, bad)
			}
			seen[exact] = true
		}
		if len(seen) != len(names) {
			t.Errorf("%v: %d distinct paths for %d files", args, len(seen), len(names))
		}
	}
	r := runCLI(t, nil, "", "list", "--problems", "-f", "json", filepath.Join(dir, "missing\x1b[1m.txt"), dir)
	var probs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &probs); err != nil || len(probs) != 1 {
		t.Fatalf("problems: %v\n%s", err, r.out)
	}
	if probs[0]["path"] != filepath.Join(dir, "missing\x1b[1m.txt") || strings.Contains(probs[0]["display_path"].(string), "\x1b") {
		t.Errorf("a problem's path should be exact, its display path clean: %v", probs[0])
	}
}

// TestJSONEscapesWhatTheSanitiserRemoves: DEL, C1, bidi and invisible
// characters come out as \u escapes, characters beyond the BMP as
// surrogate pairs, and everything else as it was.
func TestJSONEscapesWhatTheSanitiserRemoves(t *testing.T) {
	var out bytes.Buffer
	type entry struct {
		Raw   string `out:"raw"`
		Clean string
	}
	raw := "x\x7f\u009d\u202e\u200b\U000E0041é“”\x1b"
	if err := writeJSON(&session{Env: Env{Out: &out}}, []entry{{raw, raw}}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "Raw": "x\u007f\u009d\u202e\u200b\udb40\udc41é“”\u001b",
    "Clean": "xé“”"
  }
]
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	var back []entry
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back[0].Raw != raw {
		t.Errorf("the raw field should decode to what it was: %q %v", back, err)
	}
}

// TestCleanWriterSeesSequencesSplitAcrossWrites: a sequence or a
// character cut between two writes is still removed or kept whole.
func TestCleanWriterSeesSequencesSplitAcrossWrites(t *testing.T) {
	var out bytes.Buffer
	cw := &cleanWriter{w: &out}
	for _, p := range []string{"a\x1b", "]0;PWN\x07b “", "\x9d", "quote” \xe2", "\x80\x9c\n", "tail\x1b[", "2J"} {
		if _, err := cw.Write([]byte(p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "ab “quote” “\ntail" {
		t.Errorf("got %q", got)
	}
}

// TestConfigOutputIsClean: the config command prints a path and an error
// from the config file; neither may carry a sequence.
func TestConfigOutputIsClean(t *testing.T) {
	home := filepath.Join(t.TempDir(), "cfg\x1b]0;PWNDIR\x07")
	env := []string{"XDG_CONFIG_HOME=" + home}
	if err := os.MkdirAll(filepath.Join(home, "rostrum"), 0o755); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	if err := os.WriteFile(filepath.Join(home, "rostrum", "config.yaml"), []byte("keys:\n  \"\\e]0;PWNKEY\\a\": [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, env, "", "config")
	// The parser quotes the key (%q), so its marker is shown as text.
	if bad := firstUnsafe(strings.ReplaceAll(r.out+r.err, "PWNKEY", ""), false); bad != "" || !strings.Contains(r.out, "invalid") {
		t.Errorf("config: %s in the output:\n%q\n%q", bad, r.out, r.err)
	}
}
