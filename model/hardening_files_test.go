package model_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"rostrum/model"
)

// hardCase is one broken file (or several) written next to good.txt.
type hardCase struct {
	name  string
	setup func(t *testing.T, dir string) // writes the broken files into dir
	opts  model.LoadOptions
	// args are the paths passed to Load besides the folder, relative to it.
	args []string
	// docs is the number of documents wanted besides good.txt.
	docs int
	// problems maps a file (relative to dir, slash-separated) to a part of
	// its reason; "" accepts any reason.
	problems map[string]string
	check    func(t *testing.T, c *model.Corpus, dir string)
	slow     bool // skipped with -short
}

func TestHardeningBrokenFiles(t *testing.T) {
	t.Parallel()
	unbalanced, marks := hardUnbalanced(50_000)
	cases := []hardCase{
		{
			name: "binary file with NUL bytes",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "bin.txt", []byte("ELF\x00\x01\x02\x00\x00text\x00"))
			},
			problems: map[string]string{"bin.txt": "binary"},
		},
		{
			name: "NUL after the binary sniff window loads, NUL removed",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "late-nul.txt", []byte(hardProse(9000)+"\x00tail words here."))
			},
			docs: 1,
			check: func(t *testing.T, c *model.Corpus, dir string) {
				if d := hardDoc(t, c, dir, "late-nul.txt"); strings.ContainsRune(d.Body, 0) {
					t.Error("body keeps a NUL byte")
				}
			},
		},
		{
			name:     "empty file",
			setup:    func(t *testing.T, dir string) { hardWrite(t, dir, "empty.txt", nil) },
			problems: map[string]string{"empty.txt": "empty"},
		},
		{
			name: "whitespace-only file",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "blank.txt", []byte(" \n\t\r\n   \r\r\n\u00a0\u3000\n"))
			},
			problems: map[string]string{"blank.txt": "empty"},
		},
		{
			name: "control characters only",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "controls.txt", []byte("\x1b[2J\x1b]0;title\x07\x7f\u202e\u2066\r\n"))
			},
			problems: map[string]string{"controls.txt": "empty"},
		},
		{
			name: "empty JSON Lines and SGML files",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "empty.jsonl", []byte("\n\n  \n"))
				hardWrite(t, dir, "empty.sgm", nil)
			},
			problems: map[string]string{"empty.jsonl": "empty", "empty.sgm": "empty"},
		},
		{
			name: "5 MB single line of prose",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "long.txt", []byte(hardProse(5<<20)))
			},
			docs: 1,
			slow: true,
			check: func(t *testing.T, c *model.Corpus, dir string) {
				d := hardDoc(t, c, dir, "long.txt")
				if len(d.Body) < 5<<20-100 {
					t.Errorf("body is %d bytes, want the whole 5 MB line", len(d.Body))
				}
				if len(d.Quotes)+len(d.Terms) == 0 {
					t.Error("no quotation found in 5 MB of quoted prose")
				}
				if utf8.RuneCountInString(d.Title) > model.MaxTitleRunes {
					t.Errorf("title has %d runes, want at most %d", utf8.RuneCountInString(d.Title), model.MaxTitleRunes)
				}
			},
		},
		{
			name: "50,000 unbalanced quotation marks",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "marks.txt", []byte(unbalanced))
			},
			docs: 1,
			slow: true,
			check: func(t *testing.T, c *model.Corpus, dir string) {
				d := hardDoc(t, c, dir, "marks.txt")
				// Each mark opens or closes at most one span, or is stray.
				spans := len(d.Quotes) + len(d.Terms)
				if spans+d.StrayMarks > marks {
					t.Errorf("%d quotes, %d terms and %d stray marks from only %d marks", len(d.Quotes), len(d.Terms), d.StrayMarks, marks)
				}
			},
		},
		{
			name: "invalid YAML front matter",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "bad-front.md", []byte("---\ntitle: [unclosed\ndate: {{\n\tspeaker: x\n---\n# Heading\n\nThe body survives the broken front matter.\n"))
			},
			docs: 1,
			check: func(t *testing.T, c *model.Corpus, dir string) {
				d := hardDoc(t, c, dir, "bad-front.md")
				found := false
				for _, p := range d.Problems {
					if strings.Contains(p, "front matter") {
						found = true
					}
				}
				if !found {
					t.Errorf("no front-matter problem on the document: %q", d.Problems)
				}
				if !strings.Contains(d.Body, "The body survives") {
					t.Errorf("body lost: %q", d.Body)
				}
			},
		},
		{
			name: "front matter that never closes",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "open-front.md", []byte("---\ntitle: Never closed\n\nBody text of a file whose front matter runs on.\n"))
			},
			docs: 1,
		},
		{
			name: "JSON Lines with broken records",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "mixed.jsonl", []byte(strings.Join([]string{
					`{"title":"One","text":"The first record loads."}`,
					`{"title":"Two","text":"unterminated`,
					`[1,2,3]`,
					`{"title":"No text"}`,
					``,
					`{"text":"a"} {"text":"b"}`,
					`{"text": 42}`,
					"\x1b[31m{\"text\":\"escape before the object\"}",
					`{"title":"Six","text":"The sixth record loads too."}`,
					`null`,
				}, "\n")))
			},
			docs: 2,
			problems: map[string]string{
				"mixed.jsonl:2":  "not a JSON object",
				"mixed.jsonl:3":  "not a JSON object",
				"mixed.jsonl:4":  "no text",
				"mixed.jsonl:6":  "more than one",
				"mixed.jsonl:7":  "field \"text\" holds a number",
				"mixed.jsonl:8":  "",
				"mixed.jsonl:10": "",
			},
		},
		{
			name: "SGML with a broken story",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "reut.sgm", []byte(`<REUTERS NEWID="1"><TEXT><TITLE>GOOD STORY</TITLE><BODY>A story that loads.
 Reuter</BODY></TEXT></REUTERS>
<REUTERS NEWID="2"><TEXT></TEXT></REUTERS>
<REUTERS NEWID="3"><TEXT><TITLE>CUT OFF`))
			},
			docs:     1,
			problems: map[string]string{"reut.sgm#2": "no title", "reut.sgm#3": "cut off"},
		},
		{
			name: "dangling symlink",
			setup: func(t *testing.T, dir string) {
				hardSymlink(t, dir, filepath.Join(dir, "nowhere.txt"), "dangling.txt")
			},
			problems: map[string]string{"dangling.txt": "broken symbolic link"},
		},
		{
			name: "symlink loop",
			setup: func(t *testing.T, dir string) {
				hardSymlink(t, dir, "loop-b.txt", "loop-a.txt")
				hardSymlink(t, dir, "loop-a.txt", "loop-b.txt")
				hardSymlink(t, dir, "self.txt", "self.txt")
			},
			problems: map[string]string{"loop-a.txt": "", "loop-b.txt": "", "self.txt": ""},
		},
		{
			name: "symlink loop named as an argument",
			setup: func(t *testing.T, dir string) {
				hardSymlink(t, dir, "arg-loop", "arg-loop")
			},
			args: []string{"arg-loop"},
			// Found twice: in the folder walk and as the argument.
			problems: map[string]string{"arg-loop": ""},
		},
		{
			name: "folder symlink cycle is not followed",
			setup: func(t *testing.T, dir string) {
				if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
					t.Fatal(err)
				}
				hardSymlink(t, dir, "..", "sub/up")
				hardSymlink(t, dir, ".", "sub/here.txt")
			},
		},
		{
			name: "named pipe in a folder is a problem, not opened",
			setup: func(t *testing.T, dir string) {
				hardFifo(t, dir, "pipe.txt")
				hardFifo(t, dir, "pipe.csv") // not a name the loader reads
			},
			problems: map[string]string{"pipe.txt": "a named pipe, not a regular file"},
		},
		{
			name: "named pipe and device named on the command line",
			setup: func(t *testing.T, dir string) {
				hardFifo(t, dir, "arg.pipe")
				hardSymlink(t, dir, "/dev/zero", "arg.zero")
			},
			args: []string{"arg.pipe", "arg.zero"},
			problems: map[string]string{
				"arg.pipe": "a named pipe, not a regular file",
				"arg.zero": "a character device, not a regular file",
			},
		},
		{
			name: "link to a device in a folder",
			setup: func(t *testing.T, dir string) {
				hardSymlink(t, dir, "/dev/zero", "zero.txt")
				hardSymlink(t, dir, "/dev/null", "null.md")
			},
			problems: map[string]string{
				"zero.txt": "symbolic link to a character device",
				"null.md":  "symbolic link to a character device",
			},
		},
		{
			name: "socket in a folder",
			setup: func(t *testing.T, dir string) {
				l, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
				if err != nil {
					t.Skipf("unix socket: %v", err)
				}
				t.Cleanup(func() { l.Close() })
			},
			problems: map[string]string{"sock.txt": "a socket, not a regular file"},
		},
		{
			name: "metadata sidecars that are a pipe, a device or too large",
			setup: func(t *testing.T, dir string) {
				for _, sub := range []string{"p", "z", "big"} {
					hardWrite(t, dir, sub+"/story.txt", []byte(hardGood))
				}
				hardFifo(t, dir, "p/metadata.tsv")
				hardSymlink(t, dir, "/dev/zero", "z/metadata.csv")
				hardWrite(t, dir, "big/metadata.csv", []byte("file,title\nstory,"+hardProse(2048)+"\n"))
			},
			opts: model.LoadOptions{MaxFileSize: 1024},
			docs: 3,
			problems: map[string]string{
				"p/metadata.tsv":   "metadata file not read: a named pipe, not a regular file",
				"z/metadata.csv":   "metadata file not read: a character device, not a regular file",
				"big/metadata.csv": "metadata file not read: larger than the 1024 bytes limit",
			},
		},
		{
			name: "file over the size cap",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "big.txt", []byte(hardProse(2048)))
				hardWrite(t, dir, "big.jsonl", []byte(`{"text":"`+hardProse(2048)+`"}`))
				hardWrite(t, dir, "exact.txt", []byte(hardProse(2000)[:1024]))
			},
			opts: model.LoadOptions{MaxFileSize: 1024},
			docs: 1, // exact.txt: at the cap is allowed
			problems: map[string]string{
				"big.txt":   "1024 bytes limit",
				"big.jsonl": "1024 bytes limit",
			},
		},
		{
			name: "invalid UTF-8 and odd-length UTF-16",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "latin1.txt", []byte("Caf\xe9 au lait \x9b31m costs \xa35.\n"))
				hardWrite(t, dir, "utf16.txt", []byte("\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00!"))
				hardWrite(t, dir, "surrogate.txt", []byte("\xff\xfe\x00\xd8A\x00 \x00w\x00o\x00r\x00d\x00"))
			},
			docs: 3,
		},
		{
			name: "hostile file name",
			setup: func(t *testing.T, dir string) {
				hardWrite(t, dir, "evil\x1b]0;pwned\x07\u202e.txt", []byte(hardGood))
				hardWrite(t, dir, "line\nbreak.txt", nil)
			},
			docs:     1,
			problems: map[string]string{"line break.txt": "empty"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.slow && testing.Short() {
				t.Skip("slow with -short")
			}
			dir := t.TempDir()
			hardWrite(t, dir, "good.txt", []byte(hardGood))
			tc.setup(t, dir)
			args := []string{dir}
			for _, a := range tc.args {
				args = append(args, filepath.Join(dir, a))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			c, err := model.Load(ctx, args, tc.opts)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			hardCheckProblems(t, c.Problems)
			for _, p := range c.Problems {
				t.Logf("problem %s", p)
			}
			hardDoc(t, c, dir, "good.txt")
			if got := c.Len() - 1; got != tc.docs {
				t.Errorf("loaded %d documents besides good.txt, want %d", got, tc.docs)
				for _, d := range c.Docs {
					t.Logf("  document %s", d.Path)
				}
			}
			got := map[string]string{}
			for _, p := range c.Problems {
				rel, err := filepath.Rel(dir, p.Path)
				if err != nil {
					rel = p.Path
				}
				rel = filepath.ToSlash(rel)
				if _, dup := got[rel]; dup && len(tc.args) == 0 {
					t.Errorf("%s reported twice", rel)
				}
				got[rel] = p.Reason
			}
			for name, want := range tc.problems {
				reason, ok := got[name]
				switch {
				case !ok:
					t.Errorf("no problem for %s; problems %q", name, c.Problems)
				case !strings.Contains(reason, want):
					t.Errorf("problem for %s = %q, want it to mention %q", name, reason, want)
				}
			}
			for name, reason := range got {
				if _, ok := tc.problems[name]; !ok {
					t.Errorf("unexpected problem %s: %s", name, reason)
				}
			}
			for _, d := range c.Docs {
				hardCheckOffsets(t, d)
				for _, f := range []struct{ name, v string }{{"Path", d.Path}, {"Title", d.Title}, {"Place", d.Place}, {"Source", d.Source}, {"Speaker", d.Speaker}} {
					if r, bad := hardUnsafe(f.v, false); bad {
						t.Errorf("%s: %s holds %U: %q", d.Path, f.name, r, f.v)
					}
				}
				if r, bad := hardUnsafe(d.Body, true); bad {
					t.Errorf("%s: body holds %U", d.Path, r)
				}
				for _, p := range d.Problems {
					if r, bad := hardUnsafe(p, false); bad || p == "" {
						t.Errorf("%s: document problem holds %U: %q", d.Path, r, p)
					}
				}
			}
			if tc.check != nil {
				tc.check(t, c, dir)
			}
		})
	}
}

func hardFifo(t *testing.T, dir, name string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestHardeningFileSwappedForAPipe: a file that turns into a named pipe
// between the walk and the read (as in a watched folder) is a problem;
// the load does not wait for a writer.
func TestHardeningFileSwappedForAPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hardWrite(t, dir, "a.txt", []byte(hardGood))
	hardWrite(t, dir, "b.txt", []byte(hardGood+"Second."))
	hardWrite(t, dir, "c.txt", []byte(hardGood+"Third."))
	var once sync.Once
	opts := model.LoadOptions{Workers: 1, Progress: func(model.Progress) {
		// One worker: b.txt is not opened before the first report.
		once.Do(func() {
			if err := os.Remove(filepath.Join(dir, "b.txt")); err != nil {
				t.Error(err)
			}
			hardFifo(t, dir, "b.txt")
		})
	}}
	done := make(chan *model.Corpus)
	go func() {
		c, err := model.Load(context.Background(), []string{dir}, opts)
		if err != nil {
			t.Error(err)
		}
		done <- c
	}()
	var c *model.Corpus
	select {
	case c = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the load is blocked on a named pipe")
	}
	if c.Len() != 2 || len(c.Problems) != 1 || c.Problems[0].Path != filepath.Join(dir, "b.txt") ||
		!strings.Contains(c.Problems[0].Reason, "a named pipe, not a regular file") {
		t.Fatalf("%d documents, problems %q; want a.txt and c.txt, and b.txt as a named pipe", c.Len(), c.Problems)
	}
}
