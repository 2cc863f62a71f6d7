// Package config reads Rostrum's config file,
// $XDG_CONFIG_HOME/rostrum/config.yaml. It knows nothing of the interface:
// it checks the file and hands back plain values, and every mistake in the
// file is reported with its line.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"rostrum/internal/safefile"
	"rostrum/internal/xdgdir"
	"rostrum/internal/yamlsafe"
)

// Config is the user's configuration. The zero value of each field means
// "not configured": Load fills in the defaults.
type Config struct {
	// Theme is auto (follow the terminal, the default), dark or light.
	Theme string
	// MaxWidth is the maximum reading width in columns; 0 means the default (100).
	MaxWidth int
	// Paths are opened when the reader is given none (~ expanded, relative
	// paths taken from the config file's folder). Empty: the embedded seeds.
	Paths []string
	// Topics is the path of the user's topics file: topics.yaml beside
	// config.yaml unless the file says otherwise.
	Topics string
	// Keys maps an action name (see Actions) to the keys that replace its
	// default keys. Actions not named keep their defaults.
	Keys map[string][]string
}

// Themes are the values theme accepts.
var Themes = []string{"auto", "dark", "light"}

// Actions are the names of the reader's actions that keys may rebind, as
// written in the file.
var Actions = []string{
	"up", "down", "top", "bottom", "page_up", "page_down",
	"open", "back", "focus", "next_doc", "prev_doc",
	"filter", "search", "next_match", "prev_match",
	"next_quote", "prev_quote", "copy_quote", "copy_citation", "quotes",
	"star", "mark_read", "topics", "problems", "edit", "pager", "reload",
	"help", "quit",
}

// fields are the keys of the file, in the order they are listed in errors.
var fields = []string{"theme", "max_width", "paths", "topics", "keys"}

// Path is where the config file lives: $XDG_CONFIG_HOME/rostrum/config.yaml,
// or the platform's config folder (~/.config on Linux) when the variable is
// unset or not absolute. getenv looks the variable up (os.Getenv, or the
// command line's own environment).
func Path(getenv func(string) string) string {
	return filepath.Join(xdgdir.Home(getenv, "XDG_CONFIG_HOME"), "rostrum", "config.yaml")
}

// Default returns the configuration used when there is no file at path:
// auto theme, no width limit, no default paths, topics.yaml beside it.
func Default(path string) *Config {
	return &Config{Theme: "auto", Topics: filepath.Join(filepath.Dir(path), "topics.yaml")}
}

// Error is a mistake in the config file. Line is 0 when the mistake has
// no line (the file could not be read).
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
}

// MaxFileSize is the largest config file read (1 MiB): a pipe, a device
// or a larger file is an error naming the file, never a hang.
const MaxFileSize = 1 << 20

// Load reads the config file at path and checks it, with the key actions
// checked against Actions. A missing file gives the defaults and no error.
// Any other problem is an *Error naming the line.
func Load(path string) (*Config, error) {
	return LoadWith(path, Actions)
}

// LoadWith is Load with the action names that keys accepts.
func LoadWith(path string, actions []string) (*Config, error) {
	data, err := safefile.ReadFile(path, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(path), nil
	}
	if err != nil {
		return nil, &Error{Path: path, Msg: safefile.Reason(err)}
	}
	return Parse(path, data, actions)
}

// yamlLine finds the line in yaml.v3's syntax errors ("yaml: line 3: …").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse checks data, the text of the config file at path (used for the
// defaults and in errors), against the action names in actions.
func Parse(path string, data []byte, actions []string) (*Config, error) {
	c := Default(path)
	root, err := document(path, data)
	if err != nil {
		return nil, err
	}
	if root == nil || isNull(root) {
		return c, nil // empty, only comments, or null
	}
	fail := failAt(path)
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "the config must be a mapping of settings (%s), not %s", strings.Join(fields, ", "), describe(root))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if err := checkField(k, seen, fail); err != nil {
			return nil, err
		}
		if isNull(v) {
			continue // "theme:" with nothing after it keeps the default
		}
		if err := c.set(k.Value, v, path, actions, fail); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// document parses data, the text of the config file at path, and returns
// its root node, or nil when the file is empty or holds only comments.
func document(path string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(path, err)
	}
	// Nothing in Parse expands an alias, but a file whose aliases would
	// expand without bound is refused all the same, saying so.
	if err := yamlsafe.Check(&doc); err != nil {
		var ae *yamlsafe.AliasError
		if errors.As(err, &ae) {
			return nil, &Error{Path: path, Line: ae.Line, Msg: ae.Msg}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// syntaxError is yaml.v3's error for the file at path, with its line.
func syntaxError(path string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if strings.HasPrefix(msg, "did not find expected") {
		// yaml.v3 counts the lines of its parser's errors (unlike its
		// scanner's) from 0, and leaves line 0 out.
		line++
	}
	return &Error{Path: path, Line: line, Msg: "not valid YAML: " + msg}
}

// failAt makes the errors for the file at path, at a node's line (0 for
// a nil node).
func failAt(path string) failFunc {
	return func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
}

// checkField fails on a key of the file that is not one of fields or
// that was set before (seen maps each key to its line).
func checkField(k *yaml.Node, seen map[string]int, fail failFunc) error {
	if k.Kind != yaml.ScalarNode || !slices.Contains(fields, k.Value) {
		return fail(k, "unknown key %q (known: %s)", keyName(k), strings.Join(fields, ", "))
	}
	if first, dup := seen[k.Value]; dup {
		return fail(k, "%s is set twice (first on line %d)", k.Value, first)
	}
	seen[k.Value] = k.Line
	return nil
}

// set checks v, the value of the setting field in the file at path, and
// stores it in c.
func (c *Config) set(field string, v *yaml.Node, path string, actions []string, fail failFunc) error {
	var err error
	switch field {
	case "theme":
		c.Theme, err = parseTheme(v, fail)
	case "max_width":
		c.MaxWidth, err = parseMaxWidth(v, fail)
	case "paths":
		c.Paths, err = parsePaths(v, path, fail)
	case "topics":
		c.Topics, err = parseTopics(v, path, fail)
	case "keys":
		c.Keys, err = parseKeys(v, actions, fail)
	}
	return err
}

type failFunc func(n *yaml.Node, format string, args ...any) error

func parseTheme(v *yaml.Node, fail failFunc) (string, error) {
	if v.Kind != yaml.ScalarNode || !slices.Contains(Themes, v.Value) {
		return "", fail(v, "theme must be auto, dark or light, not %s", describe(v))
	}
	return v.Value, nil
}

func parseMaxWidth(v *yaml.Node, fail failFunc) (int, error) {
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || err != nil {
		return 0, fail(v, "max_width must be a whole number of columns (0 for the default), not %s", describe(v))
	}
	if n < 0 {
		return 0, fail(v, "max_width must be 0 (the default) or more columns, not %d", n)
	}
	return n, nil
}

func parseTopics(v *yaml.Node, path string, fail failFunc) (string, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || v.Value == "" {
		return "", fail(v, "topics must be the path of a topics file, not %s", describe(v))
	}
	return resolve(v.Value, path), nil
}

func parsePaths(v *yaml.Node, path string, fail failFunc) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fail(v, "paths must be a list of files or folders, as in [~/speeches], not %s", describe(v))
	}
	var out []string
	for _, p := range v.Content {
		if p.Kind != yaml.ScalarNode || p.ShortTag() != "!!str" || p.Value == "" {
			return nil, fail(p, "paths must be a list of files or folders, but one item is %s", describe(p))
		}
		if p.Value == "-" {
			return nil, fail(p, "paths cannot name standard input (-)")
		}
		out = append(out, resolve(p.Value, path))
	}
	return out, nil
}

func parseKeys(v *yaml.Node, actions []string, fail failFunc) (map[string][]string, error) {
	if v.Kind != yaml.MappingNode {
		return nil, fail(v, "keys must map actions to lists of keys, as in next_doc: [J, ctrl+n], not %s", describe(v))
	}
	out := map[string][]string{}
	owner := map[string]string{} // key → action, to catch a key given twice
	for i := 0; i+1 < len(v.Content); i += 2 {
		a, list := v.Content[i], v.Content[i+1]
		if a.Kind != yaml.ScalarNode || !slices.Contains(actions, a.Value) {
			return nil, fail(a, "unknown action %q in keys (known: %s)", keyName(a), strings.Join(actions, ", "))
		}
		if _, dup := out[a.Value]; dup {
			return nil, fail(a, "keys for %s are set twice", a.Value)
		}
		if list.Kind != yaml.SequenceNode {
			return nil, fail(list, "keys: %s must be a list of keys, as in [%s], not %s", a.Value, exampleKey(list), describe(list))
		}
		if len(list.Content) == 0 {
			return nil, fail(list, "keys: %s needs at least one key", a.Value)
		}
		keys := []string{}
		for _, k := range list.Content {
			if k.Kind != yaml.ScalarNode || k.Value == "" || strings.ContainsFunc(k.Value, isSpace) {
				return nil, fail(k, "keys: %s: a key is a name like ctrl+n, J, pgdown or space, not %s", a.Value, describe(k))
			}
			if other, dup := owner[k.Value]; dup {
				return nil, fail(k, "keys: %q is given to both %s and %s", k.Value, other, a.Value)
			}
			owner[k.Value] = a.Value
			keys = append(keys, k.Value)
		}
		out[a.Value] = keys
	}
	return out, nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// keyName is how a mapping key is named in an error.
func keyName(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return describe(n)
}

// exampleKey suggests the list form of a key given as a single scalar.
func exampleKey(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Value != "" {
		return n.Value
	}
	return "ctrl+n"
}

// describe names a YAML value for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if isNull(n) {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// resolve expands a leading ~ and makes a relative path relative to the
// folder of the config file at config.
func resolve(p, config string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	if !filepath.IsAbs(p) && !strings.HasPrefix(p, "~") {
		p = filepath.Join(filepath.Dir(config), p)
	}
	return p
}
