package model_test

// Hardening tests: broken, hostile and changing files must each load what
// they can or become one Problem with a one-line reason, while the rest of
// the corpus still loads; and a cancelled load must return promptly and
// leave no goroutine behind.

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

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
