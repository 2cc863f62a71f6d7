package model_test

// Hardening tests: broken, hostile and changing files must each load what
// they can or become one Problem with a one-line reason, while the rest of
// the corpus still loads; and a cancelled load must return promptly and
// leave no goroutine behind.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"go.uber.org/goleak"

	"rostrum/model"
	"rostrum/model/quotes"
)

// hardGood is the well-formed file loaded next to every broken one.
const hardGood = "Good neighbour\n\nThe good file loads whatever its neighbours hold. It has two sentences.\n"

// hardUnsafe reports the first character a field shown on a terminal must
// not hold: C0 controls (but newline and tab when multiline), DEL, C1
// controls, and bidirectional overrides and isolates.
func hardUnsafe(s string, multiline bool) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			if !multiline {
				return r, true
			}
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// hardCheckProblems checks that every problem has a path and a reason of
// one non-empty line with no control character.
func hardCheckProblems(t testing.TB, probs []model.Problem) {
	t.Helper()
	for _, p := range probs {
		if strings.TrimSpace(p.Reason) == "" {
			t.Errorf("problem %q has an empty reason", p.Path)
		}
		if r, bad := hardUnsafe(p.Reason, false); bad {
			t.Errorf("problem %q: reason holds %U (not one clean line): %q", p.Path, r, p.Reason)
		}
		if r, bad := hardUnsafe(p.Path, false); bad {
			t.Errorf("problem path holds %U: %q", r, p.Path)
		}
	}
}

// hardInBody reports whether r is a well-formed range of body whose ends
// fall on rune boundaries.
func hardInBody(body string, r struct{ Start, End int }) bool {
	if r.Start < 0 || r.End < r.Start || r.End > len(body) {
		return false
	}
	return (r.Start == len(body) || utf8.RuneStart(body[r.Start])) &&
		(r.End == len(body) || utf8.RuneStart(body[r.End]))
}

// hardCheckOffsets checks that every quote, term, mention, cue and topic
// match of d lies inside its body, on rune boundaries.
func hardCheckOffsets(t testing.TB, d *model.Document) {
	t.Helper()
	bad := func(what string, r struct{ Start, End int }) {
		t.Helper()
		if !hardInBody(d.Body, r) {
			t.Errorf("%s: %s [%d,%d) is not a rune-aligned range of the %d-byte body", d.Path, what, r.Start, r.End, len(d.Body))
		}
	}
	for kind, spans := range map[string][]quotes.Span{"quote": d.Quotes, "term": d.Terms} {
		for i, s := range spans {
			bad(fmt.Sprintf("%s %d outer", kind, i), s.Outer)
			for j, seg := range s.Segments {
				bad(fmt.Sprintf("%s %d segment %d", kind, i, j), seg.Range)
			}
			if s.MentionAt.End != 0 {
				bad(fmt.Sprintf("%s %d mention", kind, i), s.MentionAt)
			}
			if s.CueAt.End != 0 {
				bad(fmt.Sprintf("%s %d cue", kind, i), s.CueAt)
			}
		}
	}
	for i, p := range d.People {
		for j, m := range p.Mentions {
			bad(fmt.Sprintf("person %d (%q) mention %d", i, p.Name, j), m)
		}
	}
	for i, m := range d.TopicMatches {
		bad(fmt.Sprintf("topic match %d (%s)", i, m.Topic), struct{ Start, End int }{m.Start, m.End})
	}
}

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

func hardWrite(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func hardSymlink(t *testing.T, dir, target, name string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// hardDoc returns the one document loaded from the file named name.
func hardDoc(t *testing.T, c *model.Corpus, dir, name string) *model.Document {
	t.Helper()
	want := filepath.Join(dir, filepath.FromSlash(name))
	for _, d := range c.Docs {
		if d.File == want {
			return d
		}
	}
	t.Fatalf("no document loaded from %s", name)
	return nil
}

// hardProse is n bytes (about) of prose on one line, with balanced quotes.
func hardProse(n int) string {
	const sentence = `The minister said “we will build the road this year” and the governor agreed. `
	return strings.Repeat(sentence, n/len(sentence)+1)
}

// hardUnbalanced is prose with n quotation marks, “ and " alternating, at
// irregular places and mostly unpaired.
func hardUnbalanced(n int) (string, int) {
	var b strings.Builder
	marks := 0
	words := []string{"delegates", "argued", "over", "the", "budget", "while", "observers", "waited", "Minister", "Smith", "said"}
	for i := 0; marks < n; i++ {
		b.WriteString(words[i%len(words)])
		switch {
		case i%7 == 3:
			b.WriteString(" “")
			marks++
		case i%5 == 1:
			b.WriteString(` "`)
			marks++
		case i%11 == 0:
			b.WriteString(`" `)
			marks++
		default:
			b.WriteByte(' ')
		}
		if i%97 == 96 {
			b.WriteString(".\n\n")
		}
	}
	return b.String(), marks
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
			name: "named pipe is not opened",
			setup: func(t *testing.T, dir string) {
				if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
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

// hardFS is an fs.FS over a MapFS whose files can change between the walk
// and the read: a vanished file is listed but does not open, a grown file
// opens with more bytes than the walk saw, and an endless or failing file
// never ends or fails part way.
type hardFS struct {
	fstest.MapFS
	vanished map[string]bool
	grown    map[string][]byte
	endless  map[string]bool
	failing  map[string]error
	opens    atomic.Int64
	// Opens after the first gateAfter wait until gate is closed, when
	// gate is set: a slow disk.
	gate    chan struct{}
	ungated string       // the one file read at once when gate is set
	waiting atomic.Int64 // opens waiting at the gate
}

func (h *hardFS) Open(name string) (fs.File, error) {
	h.opens.Add(1)
	if h.gate != nil && name != h.ungated {
		h.waiting.Add(1)
		<-h.gate
	}
	switch {
	case h.vanished[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case h.grown[name] != nil:
		return &hardFile{name: name, r: bytes.NewReader(h.grown[name]), size: int64(len(h.MapFS[name].Data))}, nil
	case h.endless[name]:
		return &hardFile{name: name, r: hardEndless{}, size: 10}, nil
	case h.failing[name] != nil:
		return &hardFile{name: name, r: io.MultiReader(strings.NewReader("Some text first. "), hardFailing{h.failing[name]}), size: 100}, nil
	}
	return h.MapFS.Open(name)
}

type hardFile struct {
	name string
	r    io.Reader
	size int64
}

func (f *hardFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *hardFile) Close() error               { return nil }
func (f *hardFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{f.name: &fstest.MapFile{Data: make([]byte, f.size)}}.Stat(f.name)
}

// hardEndless reads as prose for ever.
type hardEndless struct{}

func (hardEndless) Read(p []byte) (int, error) {
	const s = "and on and on "
	for i := range p {
		p[i] = s[i%len(s)]
	}
	return len(p), nil
}

type hardFailing struct{ err error }

func (r hardFailing) Read([]byte) (int, error) { return 0, r.err }

func TestHardeningChangingFiles(t *testing.T) {
	t.Parallel()
	small := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	cases := []struct {
		name     string
		fsys     *hardFS
		opts     model.LoadOptions
		docs     int
		problems map[string]string // path (with prefix) → part of the reason
		check    func(t *testing.T, c *model.Corpus)
	}{
		{
			name: "file vanishes while loading",
			fsys: &hardFS{
				MapFS:    fstest.MapFS{"good.txt": small(hardGood), "gone.txt": small(hardGood + "gone")},
				vanished: map[string]bool{"gone.txt": true},
			},
			docs:     1,
			problems: map[string]string{"mem/gone.txt": "no such file"},
		},
		{
			name: "file grows while loading",
			fsys: &hardFS{
				MapFS: fstest.MapFS{"good.txt": small(hardGood), "grows.txt": small("Short.")},
				grown: map[string][]byte{"grows.txt": []byte("Short.\n\nBut then it grew a second paragraph while the walk was done.\n")},
			},
			docs: 2,
			check: func(t *testing.T, c *model.Corpus) {
				for _, d := range c.Docs {
					if d.Path == "mem/grows.txt" && !strings.Contains(d.Body, "grew a second paragraph") {
						t.Errorf("grown file: body %q lacks the bytes added after the walk", d.Body)
					}
				}
			},
		},
		{
			name: "file grows past the size cap while loading",
			fsys: &hardFS{
				MapFS: fstest.MapFS{"good.txt": small(hardGood), "grows.txt": small("Short.")},
				grown: map[string][]byte{"grows.txt": []byte(hardProse(4096))},
			},
			opts:     model.LoadOptions{MaxFileSize: 1024},
			docs:     1,
			problems: map[string]string{"mem/grows.txt": "1024 bytes limit"},
		},
		{
			name: "endless file stops at the size cap",
			fsys: &hardFS{
				MapFS:   fstest.MapFS{"good.txt": small(hardGood), "endless.txt": small("x")},
				endless: map[string]bool{"endless.txt": true},
			},
			opts:     model.LoadOptions{MaxFileSize: 64 << 10},
			docs:     1,
			problems: map[string]string{"mem/endless.txt": "limit"},
		},
		{
			name: "read fails part way with a multi-line error",
			fsys: &hardFS{
				MapFS:   fstest.MapFS{"good.txt": small(hardGood), "fails.txt": small("x")},
				failing: map[string]error{"fails.txt": errors.New("input/output error\nat sector 7\x1b[31m\u202e")},
			},
			docs:     1,
			problems: map[string]string{"mem/fails.txt": "input/output error"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			var progressProbs []model.Problem
			var mu sync.Mutex
			tc.opts.Progress = func(p model.Progress) {
				mu.Lock()
				defer mu.Unlock()
				progressProbs = append(progressProbs, p.Problems...)
			}
			c, err := model.LoadFS(ctx, tc.fsys, "mem", tc.opts)
			if err != nil {
				t.Fatalf("LoadFS: %v", err)
			}
			hardCheckProblems(t, c.Problems)
			if c.Len() != tc.docs {
				t.Errorf("loaded %d documents, want %d", c.Len(), tc.docs)
			}
			got := map[string]string{}
			for _, p := range c.Problems {
				got[p.Path] = p.Reason
			}
			for name, want := range tc.problems {
				if reason, ok := got[name]; !ok || !strings.Contains(reason, want) {
					t.Errorf("problem for %s = %q (present %v), want it to mention %q; all %q", name, reason, ok, want, c.Problems)
				}
			}
			if len(got) != len(tc.problems) {
				t.Errorf("problems %q, want only %v", c.Problems, tc.problems)
			}
			// The problems a reader sees while the load runs, once added
			// to its corpus, must be as clean as the finished corpus's.
			// (TestHardeningProgressIsClean checks them as handed over.)
			mu.Lock()
			live := model.NewCorpus(nil, nil)
			live.Append(nil, progressProbs)
			hardCheckProblems(t, live.Problems)
			mu.Unlock()
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

// hardManyFS is a MapFS of n small documents in a few folders.
func hardManyFS(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for i := range n {
		m[fmt.Sprintf("d%02d/doc%05d.txt", i%20, i)] = &fstest.MapFile{
			Data: fmt.Appendf(nil, "Story number %d\n\nThe council met on day %d and said “we will decide soon”. Nothing else happened.\n", i, i),
		}
	}
	return m
}

// TestHardeningCancelNoLeak cancels large loads from their first progress
// report and checks that they stop early, return context.Canceled and
// leave no goroutine running. It must not run in parallel with other
// tests, whose goroutines goleak would count.
func TestHardeningCancelNoLeak(t *testing.T) {
	const n = 3000
	t.Run("LoadFS", func(t *testing.T) {
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		// Every read but the first file's blocks, as on a slow disk, until a
		// second after the cancellation: longer than goleak waits for
		// goroutines to end, so a load that returned without waiting for
		// its readers would leave them behind and fail VerifyNone.
		const workers = 4
		fsys := &hardFS{MapFS: hardManyFS(n), gate: make(chan struct{}), ungated: "d00/doc00000.txt"}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var calls atomic.Int64
		c, err := model.LoadFS(ctx, fsys, "mem", model.LoadOptions{
			Workers: workers,
			Progress: func(p model.Progress) {
				if calls.Add(1) != 1 {
					return
				}
				// Cancel once the other workers are blocked reading.
				for deadline := time.Now().Add(5 * time.Second); fsys.waiting.Load() < workers-1 && time.Now().Before(deadline); {
					time.Sleep(time.Millisecond)
				}
				cancel()
				time.AfterFunc(time.Second, func() { close(fsys.gate) })
			},
		})
		if calls.Load() == 0 {
			close(fsys.gate)
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("LoadFS cancelled from Progress: err = %v, want context.Canceled", err)
		}
		if c != nil {
			t.Errorf("LoadFS returned a corpus of %d documents with its error", c.Len())
		}
		if calls.Load() == 0 {
			t.Fatal("Progress never called")
		}
		// The walk opens the folders; reading opens each file once. A
		// load that ignored the cancellation would open all n files.
		if opens := fsys.opens.Load(); opens > n/2 {
			t.Errorf("%d opens of %d files: the load went on after the cancellation", opens, n)
		}
	})
	t.Run("Load", func(t *testing.T) {
		if testing.Short() {
			t.Skip("writes thousands of files")
		}
		dir := t.TempDir()
		for i := range n {
			hardWrite(t, dir, fmt.Sprintf("d%02d/doc%05d.txt", i%20, i),
				fmt.Appendf(nil, "Story number %d\n\nThe council met on day %d. Nothing else happened.\n", i, i))
		}
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var done atomic.Int64
		c, err := model.Load(ctx, []string{dir}, model.LoadOptions{
			Workers: 4,
			Progress: func(p model.Progress) {
				done.Store(int64(p.Done))
				cancel()
			},
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Load cancelled from Progress: err = %v, want context.Canceled", err)
		}
		if c != nil {
			t.Errorf("Load returned a corpus of %d documents with its error", c.Len())
		}
		if d := done.Load(); d > n/2 {
			t.Errorf("Progress reported %d of %d files done: the load went on after the cancellation", d, n)
		}
	})
}

// TestHardeningProgressIsClean checks what Progress hands over before any
// corpus has cleaned it: Problem promises a one-line reason, and a
// document's Path is documented as "made safe to print".
func TestHardeningProgressIsClean(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hardWrite(t, dir, "evil\x1b]0;pwned\x07\u202e.txt", []byte(hardGood))
	hardWrite(t, dir, "empty\nname\x1b[31m.txt", nil)
	fsys := &hardFS{
		MapFS:   fstest.MapFS{"good.txt": {Data: []byte(hardGood)}, "fails.txt": {Data: []byte("x")}},
		failing: map[string]error{"fails.txt": errors.New("input/output error\nat sector 7\x1b[31m")},
	}
	load := map[string]func(model.LoadOptions) (*model.Corpus, error){
		"Load": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.Load(context.Background(), []string{dir}, o)
		},
		"LoadFS": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.LoadFS(context.Background(), fsys, "mem", o)
		},
	}
	for name, fn := range load {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var probs []model.Problem
			var paths []string
			_, err := fn(model.LoadOptions{Progress: func(p model.Progress) {
				probs = append(probs, p.Problems...)
				for _, d := range p.Docs {
					paths = append(paths, d.Path)
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			hardCheckProblems(t, probs)
			for _, p := range paths {
				if r, bad := hardUnsafe(p, false); bad {
					t.Errorf("Progress document path holds %U: %q", r, p)
				}
			}
		})
	}
}

// TestHardeningLoadFSProgressPaths checks that LoadFS hands Progress the
// documents and problems with the paths they end with, and does not
// change a document after handing it over (the reader owns it then).
func TestHardeningLoadFSProgressPaths(t *testing.T) {
	t.Parallel()
	fsys := &hardFS{MapFS: fstest.MapFS{
		"a.txt":    {Data: []byte(hardGood)},
		"b.txt":    {Data: nil},
		"sub/c.md": {Data: []byte("# C\n\nThe third document.")},
	}}
	seen := map[*model.Document]string{}
	var probs []string
	c, err := model.LoadFS(context.Background(), fsys, "mem", model.LoadOptions{Progress: func(p model.Progress) {
		for _, d := range p.Docs {
			seen[d] = d.Path
		}
		for _, pr := range p.Problems {
			probs = append(probs, pr.Path)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for d, was := range seen {
		if d.Path != was {
			t.Errorf("document handed to Progress as %q was changed to %q after the hand-off", was, d.Path)
		}
	}
	for _, d := range c.Docs {
		if !strings.HasPrefix(d.Path, "mem/") {
			t.Errorf("final document path %q lacks the prefix", d.Path)
		}
	}
	for _, p := range probs {
		if !strings.HasPrefix(p, "mem/") {
			t.Errorf("problem handed to Progress with path %q, without the prefix the corpus gives it", p)
		}
	}
}

// TestHardeningProgressHandOffRace hands each Progress batch to another
// goroutine that appends it to its own corpus and reads the documents
// while the load goes on, as the reader does. Under -race it fails if the
// loader still writes to documents it has handed over (their Path, ID or
// word index when it builds its own corpus at the end).
func TestHardeningProgressHandOffRace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range 40 {
		hardWrite(t, dir, fmt.Sprintf("doc%02d.txt", i), []byte(hardGood)) // duplicates: IDs get suffixes
	}
	for name, load := range map[string]func(model.LoadOptions) (*model.Corpus, error){
		"Load": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.Load(context.Background(), []string{dir}, o)
		},
		"LoadFS": func(o model.LoadOptions) (*model.Corpus, error) {
			return model.LoadFS(context.Background(), hardManyFS(40), "mem", o)
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ch := make(chan model.Progress, 100)
			done := make(chan int)
			go func() {
				live := model.NewCorpus(nil, nil)
				n := 0
				for p := range ch {
					live.Append(p.Docs, p.Problems)
					for _, d := range live.Docs {
						n += len(d.Path) + len(d.ID)
					}
					time.Sleep(time.Millisecond)
				}
				done <- n
			}()
			_, err := load(model.LoadOptions{Workers: 2, Progress: func(p model.Progress) { ch <- p }})
			close(ch)
			<-done
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
