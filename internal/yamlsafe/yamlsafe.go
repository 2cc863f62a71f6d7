// Package yamlsafe parses the YAML Rostrum reads (the config file, the
// topics file, a document's front matter) with a guard against alias
// bombs ("billion laughs"), and writes yaml.v3's errors on one line.
//
// yaml.v3 parses aliases into a node tree without expanding them, and its
// decoder stops an expansion only once it is well under way, with a
// message that does not say where. The tree is checked first: the values
// the aliases would add are counted (each anchored value counted once
// and remembered, so the check is linear in the text), and past
// MaxAliasValues, or on an alias inside the value it names, the text is
// refused before anything is decoded.
package yamlsafe

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// MaxAliasValues is how many values aliases may add to a YAML text in all.
// A hand-written file sharing a few lists stays far below it; a billion
// laughs of nine levels would add 387 million.
const MaxAliasValues = 100_000

// AliasError is a YAML text whose aliases would expand too far, or loop.
type AliasError struct {
	Line int    // the line of the alias where the limit was passed
	Msg  string // what is wrong
}

func (e *AliasError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse parses the first YAML document of data into a node tree and
// checks its aliases (see Check).
func Parse(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if err := Check(&doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Decode decodes the first YAML document of data into out, once its
// aliases have been checked; with knownFields, a key out does not have
// is an error.
func Decode(data []byte, out any, knownFields bool) error {
	if _, err := Parse(data); err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(knownFields)
	return dec.Decode(out)
}

// Check returns an *AliasError when the aliases under n would add more
// than MaxAliasValues values once expanded, or an alias is inside the
// value it names.
func Check(n *yaml.Node) error {
	c := checker{size: map[*yaml.Node]int64{}, open: map[*yaml.Node]bool{}}
	_, err := c.walk(n)
	return err
}

type checker struct {
	size  map[*yaml.Node]int64 // values in the expansion of an anchored node
	open  map[*yaml.Node]bool  // anchored nodes being walked
	added int64                // values the aliases add, so far
}

// walk returns how many values n stands for once its aliases are expanded.
func (c *checker) walk(n *yaml.Node) (int64, error) {
	if n == nil {
		return 0, nil
	}
	if n.Kind == yaml.AliasNode {
		target := n.Alias
		if target == nil {
			return 1, nil
		}
		if c.open[target] {
			return 0, &AliasError{Line: n.Line, Msg: fmt.Sprintf("alias *%s is inside the value it names", n.Value)}
		}
		size, ok := c.size[target]
		if !ok {
			var err error
			if size, err = c.walk(target); err != nil {
				return 0, err
			}
		}
		c.added += size
		if c.added > MaxAliasValues {
			return 0, &AliasError{Line: n.Line, Msg: fmt.Sprintf(
				"too many aliases: expanding them would add more than %d values", MaxAliasValues)}
		}
		return size, nil
	}
	if s, ok := c.size[n]; ok {
		return s, nil // an anchored value met again in its place: counted
	}
	if n.Anchor != "" {
		c.open[n] = true
		defer delete(c.open, n)
	}
	var total int64 = 1
	for _, child := range n.Content {
		s, err := c.walk(child)
		if err != nil {
			return 0, err
		}
		total += s
	}
	if n.Anchor != "" {
		c.size[n] = total
	}
	return total, nil
}

// yamlLine finds a line number in yaml.v3's errors ("line 3: …").
var yamlLine = regexp.MustCompile(`^line (\d+): `)

// Message writes a YAML error as one line without yaml.v3's "yaml: "
// prefix: the several lines of "unmarshal errors" become one, separated
// by semicolons, and a value yaml.v3 quotes with its line breaks (`0\n00`)
// has them folded to spaces.
func Message(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	return strings.Join(strings.Fields(strings.Map(printable, msg)), " ")
}

// printable keeps the characters of a message that print, so a value
// yaml.v3 quotes in its error (a NUL, an escape) cannot reach a
// terminal through it; a space stands for any other white space.
func printable(r rune) rune {
	switch {
	case unicode.IsSpace(r):
		return ' '
	case unicode.IsPrint(r):
		return r
	}
	return -1
}

// lineRef finds every line number in a message.
var lineRef = regexp.MustCompile(`\bline (\d+)`)

// ShiftLines adds by to every line number in msg, for YAML that starts on
// line by+1 of its file (front matter after its "---").
func ShiftLines(msg string, by int) string {
	return lineRef.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(m[len("line "):])
		return "line " + strconv.Itoa(n+by)
	})
}

// Line is the line a YAML error names, or 0.
func Line(err error) int {
	var ae *AliasError
	if errors.As(err, &ae) {
		return ae.Line
	}
	if m := yamlLine.FindStringSubmatch(Message(err)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}
