package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"rostrum/internal/readstate"
)

// result is what one run of the command line produced.
type result struct {
	code     int
	out, err string
}

// runCLI runs the command line with the given environment and standard
// input, capturing its output. Output is a buffer, never a terminal.
func runCLI(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{In: strings.NewReader(stdin), Out: &out, Err: &errb, Environ: env})
	return result{code: code, out: out.String(), err: errb.String()}
}

func TestListJSONOnSeeds(t *testing.T) {
	r := runCLI(t, nil, "", "list", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &docs); err != nil {
		t.Fatalf("output is not one JSON array: %v\n%s", err, r.out)
	}
	if len(docs) != 1 {
		t.Fatalf("want 1 seed document, got %d", len(docs))
	}
	d := docs[0]
	want := map[string]any{"date": "2025-09-01", "place": "Tianjin, China", "source": "Trend",
		"speaker": "Kassym-Jomart Tokayev", "format": "wire", "quotes": float64(2)}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("%s = %v, want %v", k, d[k], v)
		}
	}
	for _, k := range []string{"id", "path", "title", "date", "place", "source", "speaker", "words", "quotes", "problems"} {
		if _, ok := d[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	title, _ := d["title"].(string)
	if !strings.HasPrefix(title, "President of Kazakhstan Kassym-Jomart Tokayev presented") || len([]rune(title)) > 80 {
		t.Errorf("title %q should be the lead's first sentence cut to 80 runes", title)
	}
	if words, _ := d["words"].(float64); words < 300 {
		t.Errorf("words = %v", d["words"])
	}
}

func TestListText(t *testing.T) {
	r := runCLI(t, nil, "", "list")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	ls := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(ls) != 2 || !strings.HasPrefix(ls[0], "ID") {
		t.Fatalf("want a header and one row, got:\n%s", r.out)
	}
	for _, s := range []string{"2025-09-01", "Tianjin, China", "President of Kazakhstan"} {
		if !strings.Contains(ls[1], s) {
			t.Errorf("row lacks %q: %s", s, ls[1])
		}
	}
}

// seedID is the ID of the seed document, from `list --format json`.
func seedID(t *testing.T) string {
	t.Helper()
	var docs []struct{ ID string }
	if err := json.Unmarshal([]byte(runCLI(t, nil, "", "list", "-f", "json").out), &docs); err != nil || len(docs) == 0 {
		t.Fatalf("listing seeds: %v", err)
	}
	return docs[0].ID
}

func TestShowPipedIsPlain(t *testing.T) {
	id := seedID(t)
	for _, target := range []string{id, id[:6]} {
		r := runCLI(t, []string{"TERM=xterm-256color"}, "", "show", target)
		if r.code != 0 {
			t.Fatalf("show %s: exit %d: %s", target, r.code, r.err)
		}
		if strings.ContainsRune(r.out, '\x1b') {
			t.Fatalf("piped output holds an escape byte")
		}
		for _, s := range []string{"President of Kazakhstan", "Trend reports.", "said the President of Kazakhstan."} {
			if !strings.Contains(strings.Join(strings.Fields(r.out), " "), s) {
				t.Errorf("output lacks %q", s)
			}
		}
	}
}

func TestShowColourSwitches(t *testing.T) {
	id := seedID(t)
	forced := runCLI(t, []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}, "", "show", id)
	if !strings.Contains(forced.out, "\x1b[38;5;") {
		t.Fatal("CLICOLOR_FORCE=1 should give coloured output through a pipe")
	}
	noColor := runCLI(t, []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1", "NO_COLOR=yes"}, "", "show", id)
	if strings.Contains(noColor.out, "\x1b[38;") || strings.Contains(noColor.out, "\x1b[48;") {
		t.Fatal("NO_COLOR must remove colours even when CLICOLOR_FORCE is set")
	}
	if ansi.Strip(noColor.out) == "" {
		t.Fatal("NO_COLOR output should still hold the text")
	}
}

func TestShowWidth(t *testing.T) {
	r := runCLI(t, nil, "", "show", seedID(t), "--width", "40")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	for _, l := range strings.Split(r.out, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("line wider than 40: %q", l)
		}
	}
}

// The widest and narrowest widths accepted render.
func TestShowWidthBounds(t *testing.T) {
	for _, w := range []string{"20", "1000"} {
		if r := runCLI(t, nil, "", "show", seedID(t), "--width", w); r.code != 0 || r.out == "" {
			t.Errorf("--width %s: exit %d: %s", w, r.code, r.err)
		}
	}
}

func TestShowFileAndStdin(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "speech.txt")
	text := "A Headline About Grain\n\nThe minister said the harvest was good.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "", "show", path)
	if r.code != 0 || !strings.Contains(r.out, "A Headline About Grain") || !strings.Contains(r.out, "harvest was good") {
		t.Fatalf("show FILE: exit %d, out:\n%s\nerr: %s", r.code, r.out, r.err)
	}
	r = runCLI(t, nil, text, "list", "-")
	if r.code != 0 || !strings.Contains(r.out, "A Headline About Grain") {
		t.Fatalf("list -: exit %d, out:\n%s\nerr: %s", r.code, r.out, r.err)
	}
}

func TestBadInputGivesOneLineAndExit1(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"list", "--colour"}, "unknown flag"},
		{"bad format", []string{"list", "--format", "xml"}, "--format"},
		{"missing path", []string{"list", missing}, "nothing to read"},
		{"unknown ID", []string{"show", "ffffffffffff"}, "no document with ID"},
		{"negative width", []string{"show", "x", "--width", "-3"}, "--width"},
		{"negative width with =", []string{"show", "x", "--width=-3"}, "--width must be 20 to 1000 columns, not -3"},
		{"narrow width", []string{"show", "x", "--width", "19"}, "--width must be 20 to 1000 columns, not 19"},
		{"wide width", []string{"show", "x", "--width", "1001"}, "--width must be 20 to 1000 columns, not 1001"},
		{"huge width", []string{"show", "x", "--width", "100000000"}, "not 100000000"},
		{"largest width", []string{"show", "x", "--width", "9223372036854775807"}, "not 9223372036854775807"},
		{"reader without terminal", []string{}, "needs a terminal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, nil, "", c.args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			errLines := strings.Split(strings.TrimSpace(r.err), "\n")
			if len(errLines) != 1 || !strings.Contains(r.err, c.want) || !strings.HasPrefix(r.err, "rostrum: ") {
				t.Errorf("stderr should be one line containing %q, got:\n%s", c.want, r.err)
			}
		})
	}
}

func TestProblemsAreReportedAndTheRestLoads(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":   []byte("date 2025-01-01 BAKU, January 1. Good text here, Trend reports.\n"),
		"binary.txt": {0x00, 0x01, 0x02, 0xff},
		"empty.txt":  {},
		"._good.txt": {0x00, 0x05},
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runCLI(t, nil, "", "list", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	if !strings.Contains(r.out, "Good text here") {
		t.Errorf("the good file should be listed:\n%s", r.out)
	}
	for _, s := range []string{"binary.txt: binary file", "empty.txt: empty file"} {
		if !strings.Contains(r.err, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.err)
		}
	}
	if strings.Contains(r.err, "._good") || strings.Contains(r.out, "._good") {
		t.Error("AppleDouble files should be skipped silently")
	}
}

func TestVersionAndHelp(t *testing.T) {
	r := runCLI(t, nil, "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.out, "rostrum ") {
		t.Fatalf("--version: exit %d, out %q", r.code, r.out)
	}
	r = runCLI(t, nil, "", "--help")
	if r.code != 0 || !strings.Contains(r.out, "USAGE") || !strings.Contains(r.out, "rostrum [command] [path...]") || !strings.Contains(r.out, "show") {
		t.Fatalf("--help: exit %d, out %q", r.code, r.out)
	}
}

func TestQuotesJSONSchema(t *testing.T) {
	r := runCLI(t, nil, "", "quotes", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var qs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &qs); err != nil {
		t.Fatalf("not one JSON array: %v", err)
	}
	if len(qs) != 2 {
		t.Fatalf("the seed has two quotes, got %d", len(qs))
	}
	for i, q := range qs {
		for _, k := range []string{"doc", "path", "text", "speaker", "mention", "rule", "confidence", "start", "end", "paragraph"} {
			if _, ok := q[k]; !ok {
				t.Errorf("quote %d lacks %q", i, k)
			}
		}
		if q["speaker"] != "Kassym-Jomart Tokayev" || q["rule"] != "adjacent" {
			t.Errorf("quote %d: speaker %v rule %v", i, q["speaker"], q["rule"])
		}
		text, _ := q["text"].(string)
		if strings.HasPrefix(text, "“") || strings.HasSuffix(text, "”") {
			t.Errorf("text should be without marks: %q", text)
		}
	}
	if qs[1]["mention"] != "the President of Kazakhstan" {
		t.Errorf("second mention = %v", qs[1]["mention"])
	}
	// Offsets point into the body that `show` renders: the quote's words
	// are in the document between start and end.
	start, end := int(qs[0]["start"].(float64)), int(qs[0]["end"].(float64))
	if end-start < len(qs[0]["text"].(string)) {
		t.Errorf("offsets %d..%d are shorter than the text", start, end)
	}
}

func TestQuotesFiltersAndFormats(t *testing.T) {
	if r := runCLI(t, nil, "", "quotes", "--speaker", "TOKAYEV", "-f", "json"); !strings.Contains(r.out, "Kassym-Jomart Tokayev") {
		t.Errorf("--speaker should match any part of the name in any case:\n%s", r.out)
	}
	if r := runCLI(t, nil, "", "quotes", "--speaker", "nobody", "-f", "json"); strings.TrimSpace(r.out) != "[]" || r.code != 0 {
		t.Errorf("no match should print an empty array, got %q (exit %d)", r.out, r.code)
	}
	r := runCLI(t, nil, "", "quotes", "-f", "csv")
	rows := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(rows) < 3 || !strings.HasPrefix(rows[0], "doc,path,date,speaker") {
		t.Errorf("csv: header and two rows expected:\n%s", r.out)
	}
	r = runCLI(t, nil, "", "quotes", "-f", "md")
	if !strings.Contains(r.out, "> “In the context") || !strings.Contains(r.out, "importance” — Kassym-Jomart Tokayev, Tianjin, China, 2025-09-01 (Trend)") {
		t.Errorf("md should give block-quoted citations:\n%s", r.out)
	}
	r = runCLI(t, nil, "", "quotes")
	if !strings.Contains(r.out, "Kassym-Jomart Tokayev · ") || !strings.Contains(r.out, "  “Such threats") {
		t.Errorf("text output:\n%s", r.out)
	}
}

func TestHostileFileNamesNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	evil := "bin\x1b]0;PWN\x07\x1b[2J.txt"
	if err := os.WriteFile(filepath.Join(dir, evil), []byte{0, 1, 2}, 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	good := "plain\x1b[31m.txt"
	if err := os.WriteFile(filepath.Join(dir, good), []byte("Some text here."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list", dir}, {"list", "-f", "json", dir}, {"quotes", "-f", "csv", dir}} {
		r := runCLI(t, nil, "", args...)
		if strings.ContainsAny(r.out+r.err, "\x1b\x07") {
			t.Errorf("%v: an escape sequence from a file name reached the output:\nout %q\nerr %q", args, r.out, r.err)
		}
		if !strings.Contains(r.err, "skipped") {
			t.Errorf("%v: the binary file should be reported: %q", args, r.err)
		}
	}
}

func TestTopicsCommandAndFilters(t *testing.T) {
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir()} // no user topics
	r := runCLI(t, env, "", "list", "--topic", "security", "-f", "json")
	var docs []map[string]any
	if err := json.Unmarshal([]byte(r.out), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("--topic security should list the seed: %v\n%s", err, r.out)
	}
	tags, _ := docs[0]["topics"].([]any)
	ids := map[string]bool{}
	for _, tg := range tags {
		m := tg.(map[string]any)
		ids[m["id"].(string)] = true
		for _, k := range []string{"id", "label", "iptc", "top", "score", "terms"} {
			if _, ok := m[k]; !ok {
				t.Errorf("topic lacks %q: %v", k, m)
			}
		}
	}
	if !ids["security"] || !ids["terrorism"] {
		t.Errorf("the seed should be tagged security and terrorism: %v", ids)
	}
	ents, _ := docs[0]["entities"].(map[string]any)
	for kind, want := range map[string]string{"people": "Kassym-Jomart Tokayev", "organisations": "SCO", "places": "Afghanistan"} {
		if !strings.Contains(fmt.Sprint(ents[kind]), want) {
			t.Errorf("entities.%s = %v, want %s in it", kind, ents[kind], want)
		}
	}
	first := tags[0].(map[string]any)["id"].(string)
	if r := runCLI(t, env, "", "list", "--topic", first, "-f", "json"); !strings.Contains(r.out, `"id": "489a4ff9bf77"`) {
		t.Errorf("--topic %s (the first tag) should return the seed", first)
	}
	if r := runCLI(t, env, "", "list", "--topic", "Sport"); r.code != 0 || strings.Contains(r.out, "489a") {
		t.Errorf("--topic Sport (a label) should list nothing, exit 0: %d\n%s", r.code, r.out)
	}
	if r := runCLI(t, env, "", "list", "--topic", "astrology"); r.code != 1 || !strings.Contains(r.err, "unknown topic") {
		t.Errorf("an unknown topic should fail with one line: %d %q", r.code, r.err)
	}
	r = runCLI(t, env, "", "topics")
	if !strings.Contains(r.out, "security") || !strings.Contains(r.out, "medtop:") {
		t.Errorf("topics should list tags with IPTC codes:\n%s", r.out)
	}
	r = runCLI(t, env, "", "topics", "--explain", "489a")
	if !strings.Contains(r.out, "matched: ") || !strings.Contains(r.out, "three evils") || !strings.Contains(r.out, "Organisations: SCO") {
		t.Errorf("--explain should say why:\n%s", r.out)
	}
}

func TestUserTopicsFile(t *testing.T) {
	home := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + home}
	dir := filepath.Join(home, "rostrum")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "topics.yaml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("topics:\n  - name: Central Asia\n    strong: [central asia, almaty, shanghai cooperation]\n")
	r := runCLI(t, env, "", "list", "--topic", "central-asia", "-f", "json")
	if r.code != 0 || !strings.Contains(r.out, `"central-asia"`) {
		t.Fatalf("a user topic should tag the seed: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	write("topics:\n  - name: Broken\n    terms: [the]\n  - oops")
	r = runCLI(t, env, "", "list", "--topic", "security")
	if r.code != 0 || !strings.Contains(r.err, "topics.yaml") || !strings.Contains(r.out, "489a") {
		t.Fatalf("a broken topics file should be reported and the built-in topics still work: %d\n%s\n%s", r.code, r.out, r.err)
	}
}

func TestListProblems(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bin.txt"), []byte{0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Fine text here."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\ntitle: [unclosed\n---\nThe body still loads."), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "", "list", "--problems", dir)
	if r.code != 0 || !strings.Contains(r.out, "bin.txt: binary file") || strings.Contains(r.out, "ok.txt") {
		t.Fatalf("--problems should list the unreadable file and no good one: %d\n%s\n%s", r.code, r.out, r.err)
	}
	if !regexp.MustCompile(`bad\.md: .*front matter.* \(read\)\n`).MatchString(r.out) {
		t.Errorf("--problems should list the note on the document that loaded:\n%s", r.out)
	}
	r = runCLI(t, nil, "", "list", "--problems", "-f", "json", dir)
	if !strings.Contains(r.out, `"reason": "binary file`) || !strings.Contains(r.out, `"read": true`) {
		t.Fatalf("json problems: %s", r.out)
	}
}

// Pipes and devices, in a folder or named on the command line, are
// problems that say what they are; nothing waits for a writer.
func TestPipesAndDevicesAreProblems(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"pipe.txt", "metadata.tsv", "arg.pipe"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Fine text here."), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "", "list", "--problems", dir)
	for _, want := range []string{
		"pipe.txt: a named pipe, not a regular file",
		"metadata.tsv: metadata file not read: a named pipe, not a regular file",
		"zero.md: symbolic link to a character device, not a regular file",
	} {
		if r.code != 0 || !strings.Contains(r.out, want) {
			t.Errorf("list --problems should say %q: exit %d\n%s\n%s", want, r.code, r.out, r.err)
		}
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "arg.pipe"), "arg.pipe: a named pipe, not a regular file"},
		{"/dev/zero", "/dev/zero: a character device, not a regular file"},
	} {
		r := runCLI(t, nil, "", "show", c.path)
		if r.code != 1 || !strings.Contains(r.err, c.want) || strings.Count(r.err, "\n") != 1 {
			t.Errorf("show %s: exit %d, stderr %q; want one line saying %q", c.path, r.code, r.err, c.want)
		}
	}
}

// hostileText carries every family of escape sequence and invisible
// character, with marker words only inside the sequences' parameters.
const hostileText = "Budget talks \x1b]0;PWNTITLE\x07resume\n\n" +
	"The minister said: “We will \x1b]52;c;UFdOQ0xJUA==\x07defend the budget\x1b[2J at every step,” " +
	"adding \x1bP+qPWNDCS\x1b\\that \x1b_PWNAPC\x1b\\talks \x1bXPWNSOS\x1b\\would \x1b^PWNPM\x1b\\go on.\n\n" +
	"C1 as runes: \u009b2J\u009d0;PWNC1\u009c done; bell\x07; over\b\b\bprint; cr\roverprint; " +
	"bidi \u202eevil\u202c \u2066iso\u2069; tags \U000E0051\U000E0050\U000E0057\U000E004E\U000E0071; zero\u200bwidth; " +
	"\x1b]8;;http://evil.example/PWNLINK\x1b\\link\x1b]8;;\x1b\\.\n"

// TestHostileDocumentNeverReachesOutput runs every command in every
// output format over a document full of escape sequences: nothing but the
// text may come out, on standard output or standard error.
func TestHostileDocumentNeverReachesOutput(t *testing.T) {
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir()}
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.txt")
	if err := os.WriteFile(path, []byte(hostileText), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		{"list", path}, {"list", "-f", "json", path}, {"list", "--problems", path},
		{"quotes", path}, {"quotes", "-f", "json", path}, {"quotes", "-f", "csv", path}, {"quotes", "-f", "md", path},
		{"topics", path}, {"topics", "-f", "json", path}, {"topics", "--explain", path},
		{"show", path}, {"show", "--style", "notty", path}, {"show", "--style", "dark", path},
		{"list", filepath.Join(dir, "missing\x1b]0;PWNARG\x07.txt")},
		{"list", "--x\x1b[2J\x1b]0;PWNFLAG\x07"}, // kong echoes an unknown flag
	}
	for _, args := range runs {
		r := runCLI(t, env, "", args...)
		for _, s := range []string{r.out, r.err} {
			if bad := firstUnsafe(s, args[0] == "show" && slices.Contains(args, "dark")); bad != "" {
				t.Errorf("%q: %s in the output:\n%q", args, bad, s)
			}
		}
	}
	if r := runCLI(t, env, "", "quotes", "-f", "csv", path); !strings.Contains(r.out, "We will defend the budget at every step,") {
		t.Errorf("the quote should survive with its text whole:\n%s", r.out)
	}
	// Raw 8-bit C1 bytes make a file invalid UTF-8, so they are read as
	// Windows-1252 text: visible characters, never controls.
	raw := filepath.Join(dir, "raw.txt")
	if err := os.WriteFile(raw, []byte("Raw bytes\n\nA \x9b2J b \x9d0;title\x9c c \x90q\x9c d.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", raw}, {"list", "-f", "json", raw}, {"quotes", "-f", "csv", raw}} {
		r := runCLI(t, env, "", args...)
		if bad := firstUnsafe(r.out+r.err, false); bad != "" {
			t.Errorf("%q: %s in the output:\n%q", args, bad, r.out+r.err)
		}
	}
}

// firstUnsafe describes the first byte or rune of s that must never reach
// a terminal; with sgr, colour sequences (ESC [ … m) are allowed.
func firstUnsafe(s string, sgr bool) string {
	if strings.Contains(s, "PWN") {
		return "a marker hidden in an escape sequence"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0x1b && sgr && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return fmt.Sprintf("control byte %#02x", c)
		}
	}
	for _, r := range s {
		switch {
		case r >= 0x80 && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200b, r >= 0xe0000 && r <= 0xe007f:
			return fmt.Sprintf("rune %U", r)
		}
	}
	return ""
}

func TestMaxSizeIsConfigurable(t *testing.T) {
	dir := t.TempDir()
	big := "Big file\n\n" + strings.Repeat("The council met again today. ", 100)
	for name, text := range map[string]string{"big.txt": big, "small.txt": "Small file\n\nA short note."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runCLI(t, nil, "", "--max-size", "1KiB", "list", dir)
	if r.code != 0 || !strings.Contains(r.out, "Small file") || strings.Contains(r.out, "Big file") {
		t.Fatalf("--max-size 1KiB should skip only the big file: exit %d\n%s", r.code, r.out)
	}
	if !strings.Contains(r.err, "big.txt: larger than the") {
		t.Errorf("the skipped file should be reported with the limit: %q", r.err)
	}
	if r := runCLI(t, nil, "", "list", dir); !strings.Contains(r.out, "Big file") {
		t.Errorf("the default cap (16 MiB) should read the big file:\n%s", r.out)
	}
	r = runCLI(t, nil, "", "--max-size", "banana", "list", dir)
	if r.code != 1 || !strings.Contains(r.err, `"banana" is not a size`) || strings.Count(strings.TrimSpace(r.err), "\n") != 0 {
		t.Errorf("a bad size should be one line and exit 1: %d %q", r.code, r.err)
	}
}

func TestQuotesStarred(t *testing.T) {
	dir := t.TempDir()
	env := []string{"XDG_STATE_HOME=" + dir}
	r := runCLI(t, env, "", "quotes", "--starred")
	if r.code != 0 || r.out != "" || !strings.Contains(r.err, "no starred quotes yet") {
		t.Fatalf("no stars yet: %d %q %q", r.code, r.out, r.err)
	}
	st, _ := readstate.Open(readstate.DefaultPath(Env{Environ: env}.Getenv))
	if _, err := st.ToggleStar(readstate.Star{Doc: "489a4ff9bf77", Path: "seeds/x.txt", Title: "T", Speaker: "Kassym-Jomart Tokayev",
		Text: "Such threats", Citation: "“Such threats” — Kassym-Jomart Tokayev, Tianjin, China, 2025-09-01 (Trend)", Start: 5, End: 20}); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, env, "", "quotes", "--starred", "-f", "md")
	if r.out != "> “Such threats” — Kassym-Jomart Tokayev, Tianjin, China, 2025-09-01 (Trend)\n\n" {
		t.Errorf("md export of the starred quote: %q", r.out)
	}
	r = runCLI(t, env, "", "quotes", "--starred", "-f", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || len(got) != 1 || got[0]["speaker"] != "Kassym-Jomart Tokayev" {
		t.Errorf("json export: %v %s", err, r.out)
	}
	r = runCLI(t, env, "", "quotes", "--starred", "-f", "csv")
	if !strings.HasPrefix(r.out, "doc,path,date,speaker,start,end,text,citation\n489a4ff9bf77,seeds/x.txt,,Kassym-Jomart Tokayev,5,20,Such threats,") {
		t.Errorf("csv export: %q", r.out)
	}
}

// quotes --starred only reads: a damaged state file is reported and left
// exactly where and as it is, and nothing is written.
func TestQuotesStarredLeavesDamagedStateAlone(t *testing.T) {
	dir := t.TempDir()
	env := []string{"XDG_STATE_HOME=" + dir}
	path := readstate.DefaultPath(Env{Environ: env}.Getenv)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	damaged := `{"version":1,"stars":[{"doc":"a"`
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, env, "", "quotes", "--starred")
	if r.code != 0 || !strings.Contains(r.err, "state file "+path+" is damaged") || !strings.Contains(r.err, "left it in place") {
		t.Errorf("exit %d, stderr %q; want the damage reported and the file left in place", r.code, r.err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != damaged {
		t.Errorf("the state file changed: %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files beside the state file, want none (no copy set aside, no lock)", len(entries)-1)
	}
}

func TestConfigFileApplies(t *testing.T) {
	home := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + home}
	docs := filepath.Join(home, "docs")
	if err := os.MkdirAll(filepath.Join(home, "rostrum"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "a.txt"), []byte("Grain report\n\nThe wheat harvest was good.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(home, "rostrum", "config.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("paths: [../docs]\nmax_width: 40\n")
	if r := runCLI(t, env, "", "list"); r.code != 0 || !strings.Contains(r.out, "Grain report") || strings.Contains(r.out, "Tokayev") {
		t.Fatalf("the config's paths replace the seeds when none are given: %d\n%s%s", r.code, r.out, r.err)
	}
	if r := runCLI(t, env, "", "list", "-"); r.code != 0 && strings.Contains(r.out, "Grain report") {
		t.Fatal("paths on the command line win over the config's")
	}
	write("theme: dark\ncolour: red\n")
	r := runCLI(t, env, "", "list")
	if r.code != 1 || !strings.Contains(r.err, `config.yaml:2: unknown key "colour"`) || strings.Count(strings.TrimSpace(r.err), "\n") != 0 {
		t.Fatalf("a broken config is one line naming the line: %d %q", r.code, r.err)
	}
}

// The command line reads its folders from the Env it is given, never from
// the process's environment.
func TestEnvDecidesTheFolders(t *testing.T) {
	process, own := t.TempDir(), t.TempDir()
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(v, process)
	}
	if err := os.MkdirAll(filepath.Join(process, "rostrum"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(process, "rostrum", "config.yaml"), []byte("colour: red\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_CONFIG_HOME=" + own, "XDG_STATE_HOME=" + own}
	r := runCLI(t, env, "", "config")
	if want := filepath.Join(own, "rostrum", "config.yaml") + "\nnot found:"; r.code != 0 || !strings.HasPrefix(r.out, want) {
		t.Errorf("config: exit %d, out %q; want the Env's folder %s", r.code, r.out, own)
	}
	if r := runCLI(t, env, "", "list"); r.code != 0 {
		t.Errorf("list should not read the process's broken config: exit %d, %s", r.code, r.err)
	}
	if r := runCLI(t, env, "", "quotes", "--starred"); !strings.Contains(r.err, "no starred quotes yet") {
		t.Errorf("quotes --starred: %q", r.err)
	}
	if entries, _ := os.ReadDir(filepath.Join(process, "rostrum")); len(entries) != 1 {
		t.Errorf("%d files in the process's folder, want only its config", len(entries))
	}
}

// The global flags reach every command whichever way they are given, and
// the reader answers to its name too.
func TestGlobalFlagsAndTheReadCommand(t *testing.T) {
	dir := t.TempDir()
	big := "Big file\n\n" + strings.Repeat("The council met again today. ", 100)
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.txt"), []byte("Small file\n\nA short note."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{[]string{"ROSTRUM_MAX_SIZE=1KiB"}, []string{"list", dir}},
		{nil, []string{"list", "--max-size", "1KiB", dir}},
		{nil, []string{"list", dir, "--max-size=1KiB"}},
		{[]string{"ROSTRUM_MAX_SIZE=1GiB"}, []string{"--max-size", "1KiB", "list", dir}}, // the flag wins
	} {
		r := runCLI(t, c.env, "", c.args...)
		if r.code != 0 || strings.Contains(r.out, "Big file") || !strings.Contains(r.err, "big.txt: larger than the") {
			t.Errorf("%v %v: exit %d, out %q, err %q; want big.txt skipped", c.env, c.args, r.code, r.out, r.err)
		}
	}
	r := runCLI(t, []string{"ROSTRUM_MAX_SIZE=lots"}, "", "list", dir)
	if r.code != 1 || r.err != "rostrum: $ROSTRUM_MAX_SIZE: \"lots\" is not a size such as 16MiB or 500KB (see rostrum --help)\n" {
		t.Errorf("a bad $ROSTRUM_MAX_SIZE: exit %d, err %q", r.code, r.err)
	}
	log := filepath.Join(t.TempDir(), "debug.log")
	if r := runCLI(t, nil, "", "--log", log, "list", dir); r.code != 0 {
		t.Fatalf("--log: exit %d: %s", r.code, r.err)
	}
	if b, err := os.ReadFile(log); err != nil || !strings.Contains(string(b), "loaded 2 documents") {
		t.Errorf("the log should say what was loaded: %q, %v", b, err)
	}
	for _, args := range [][]string{{"read", dir}, {dir}, {"read", "--style", "dark", dir}} {
		if r := runCLI(t, nil, "", args...); r.code != 1 || !strings.Contains(r.err, "the reader needs a terminal") {
			t.Errorf("%v: exit %d, err %q; want the reader, refusing a pipe", args, r.code, r.err)
		}
	}
	if r := runCLI(t, nil, "", "show"); r.code != 1 || !strings.Contains(r.err, "show needs a document ID or a file") {
		t.Errorf("show without a target: exit %d, err %q", r.code, r.err)
	}
}
