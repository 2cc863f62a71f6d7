package yamlsafe

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// laughs is a "billion laughs" of the given depth: each level is a list
// of nine aliases to the level before.
func laughs(levels int, key string) string {
	var b strings.Builder
	b.WriteString(`l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for i := 1; i < levels; i++ {
		a := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Repeat(a+",", 8)+a)
	}
	fmt.Fprintf(&b, "%s: *l%d\n", key, levels-1)
	return b.String()
}

func TestBillionLaughsRefused(t *testing.T) {
	// Thirty levels: 9^30 values, refused before anything is expanded.
	for _, levels := range []int{9, 30} {
		text := laughs(levels, "title")
		_, err := Parse([]byte(text))
		var ae *AliasError
		if !errors.As(err, &ae) || !strings.Contains(err.Error(), "too many aliases") {
			t.Fatalf("%d levels: Parse = %v, want too many aliases", levels, err)
		}
		if ae.Line < 2 || ae.Line > levels+1 || Line(err) != ae.Line {
			t.Errorf("%d levels: the error names line %d", levels, ae.Line)
		}
		var out struct{ Title []any }
		if err := Decode([]byte(text), &out, false); !errors.As(err, &ae) {
			t.Errorf("%d levels: Decode = %v, want the alias error", levels, err)
		}
	}
}

func TestModestAliasesAllowed(t *testing.T) {
	// Fifty uses of a hundred-term list: 5,050 values added.
	terms := make([]string, 100)
	for i := range terms {
		terms[i] = fmt.Sprintf("t%d", i)
	}
	text := "base: &base [" + strings.Join(terms, ", ") + "]\nuses:\n" + strings.Repeat("  - *base\n", 50)
	var out struct {
		Base []string
		Uses [][]string
	}
	if err := Decode([]byte(text), &out, true); err != nil {
		t.Fatal(err)
	}
	if len(out.Uses) != 50 || len(out.Uses[49]) != 100 {
		t.Errorf("decoded %d uses", len(out.Uses))
	}
	// Just over the limit is refused.
	over := "base: &base [" + strings.Join(terms, ", ") + "]\nuses:\n" + strings.Repeat("  - *base\n", MaxAliasValues/101+1)
	if _, err := Parse([]byte(over)); !errors.As(err, new(*AliasError)) {
		t.Errorf("%d uses of a list of 100: %v, want too many aliases", MaxAliasValues/101+1, err)
	}
}

func TestAliasInsideItself(t *testing.T) {
	for _, text := range []string{"a: &a [1, *a]\n", "a: &a {b: {c: *a}}\n"} {
		_, err := Parse([]byte(text))
		if err == nil || !strings.Contains(err.Error(), "alias *a is inside the value it names") {
			t.Errorf("%q: %v", text, err)
		}
	}
}

func TestMessageIsOneLine(t *testing.T) {
	var out struct {
		Title string
		Tags  []string
	}
	err := Decode([]byte("title: [a, b]\ntags: {x: 1}\n"), &out, false)
	msg := Message(err)
	if strings.Contains(msg, "\n") || strings.HasPrefix(msg, "yaml:") ||
		!strings.Contains(msg, "line 1: cannot unmarshal !!seq into string") || !strings.Contains(msg, "; line 2:") {
		t.Errorf("Message = %q", msg)
	}
	err = Decode([]byte("a: [\n"), &out, false)
	if msg := Message(err); strings.HasPrefix(msg, "yaml:") || Line(err) == 0 {
		t.Errorf("syntax error: Message %q, line %d", msg, Line(err))
	}
}

func TestShiftLines(t *testing.T) {
	got := ShiftLines("line 1: cannot unmarshal; line 12: again; no lines here", 3)
	if want := "line 4: cannot unmarshal; line 15: again; no lines here"; got != want {
		t.Errorf("ShiftLines = %q, want %q", got, want)
	}
}

// TestMessageFoldsQuotedLineBreaks: a type error quoting a value that holds a line
// break (found by FuzzFrontMatter) is still one line.
func TestMessageFoldsQuotedLineBreaks(t *testing.T) {
	var out struct{ Tags []string }
	err := Decode([]byte("tags: \"0\\n00\"\n"), &out, false)
	if err == nil {
		t.Fatal("a string where a list belongs decoded")
	}
	if msg := Message(err); strings.ContainsAny(msg, "\n\r") || !strings.Contains(msg, "0 00") {
		t.Errorf("Message = %q, want one line with the value folded", msg)
	}
}

// TestMessageDropsControls: a type error quoting a value that holds a NUL
// or an escape (found by FuzzFrontMatter) prints none of them.
func TestMessageDropsControls(t *testing.T) {
	var out struct{ Tags []string }
	err := Decode([]byte("tags: \"a\\0b\\e[2Jc\"\n"), &out, false)
	if err == nil {
		t.Fatal("a string where a list belongs decoded")
	}
	msg := Message(err)
	if strings.ContainsAny(msg, "\x00\x1b") || !strings.Contains(msg, "ab[2Jc") {
		t.Errorf("Message = %q, want the value without its controls", msg)
	}
}
