package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadGood(t *testing.T) {
	home, _ := os.UserHomeDir()
	for _, tc := range []struct {
		name, text string
		check      func(t *testing.T, c *Config, dir string)
	}{
		{"empty", "", func(t *testing.T, c *Config, dir string) {
			want := &Config{Theme: "auto", Topics: filepath.Join(dir, "topics.yaml")}
			if !reflect.DeepEqual(c, want) {
				t.Errorf("got %+v, want %+v", c, want)
			}
		}},
		{"comments only", "# nothing yet\n", func(t *testing.T, c *Config, _ string) {
			if c.Theme != "auto" || c.MaxWidth != 0 || c.Paths != nil || c.Keys != nil {
				t.Errorf("got %+v", c)
			}
		}},
		{"everything", `theme: light
max_width: 88
paths: [~/speeches, /srv/wires, notes]
topics: ~/t.yaml
keys:
  next_doc: [J, ctrl+n]
  quit: ["q", "f10"]
  copy_quote: [y]
`, func(t *testing.T, c *Config, dir string) {
			want := &Config{
				Theme: "light", MaxWidth: 88,
				Paths:  []string{filepath.Join(home, "speeches"), "/srv/wires", filepath.Join(dir, "notes")},
				Topics: filepath.Join(home, "t.yaml"),
				Keys:   map[string][]string{"next_doc": {"J", "ctrl+n"}, "quit": {"q", "f10"}, "copy_quote": {"y"}},
			}
			if !reflect.DeepEqual(c, want) {
				t.Errorf("got  %+v\nwant %+v", c, want)
			}
		}},
		{"null values keep defaults", "theme:\nmax_width:\npaths:\nkeys:\n", func(t *testing.T, c *Config, _ string) {
			if c.Theme != "auto" || c.MaxWidth != 0 || c.Paths != nil || c.Keys != nil {
				t.Errorf("got %+v", c)
			}
		}},
		{"block list and relative topics", "paths:\n  - /a\n  - /b\ntopics: mine.yaml\n", func(t *testing.T, c *Config, dir string) {
			if !reflect.DeepEqual(c.Paths, []string{"/a", "/b"}) || c.Topics != filepath.Join(dir, "mine.yaml") {
				t.Errorf("got %+v", c)
			}
		}},
		{"empty list", "paths: []\nmax_width: 0\n", func(t *testing.T, c *Config, _ string) {
			if len(c.Paths) != 0 || c.MaxWidth != 0 {
				t.Errorf("got %+v", c)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t, tc.text)
			c, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, c, filepath.Dir(path))
		})
	}
}

func TestLoadBad(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		msg        string // a part of the message
	}{
		{"unknown key", "theme: dark\nmax_width: 80\n\ncolour: red\n", 4,
			`unknown key "colour" (known: theme, max_width, paths, topics, keys)`},
		{"bad theme", "# colours\ntheme: blue\n", 2, `theme must be auto, dark or light, not "blue"`},
		{"theme list", "theme: [dark]\n", 1, `theme must be auto, dark or light, not a list`},
		{"negative width", "max_width: -3\n", 1, "max_width must be 0 (the default) or more columns, not -3"},
		{"width not a number", "\nmax_width: wide\n", 2, `max_width must be a whole number of columns (0 for the default), not "wide"`},
		{"width float", "max_width: 80.5\n", 1, `not "80.5"`},
		{"paths a string", "paths: ~/speeches\n", 1, `paths must be a list of files or folders, as in [~/speeches], not "~/speeches"`},
		{"paths item a list", "paths:\n  - /a\n  - [/b]\n", 3, "paths must be a list of files or folders, but one item is a list"},
		{"paths item a number", "paths: [/a, 3]\n", 1, `but one item is "3"`},
		{"paths stdin", "paths: [-]\n", 1, "paths cannot name standard input (-)"},
		{"topics a list", "topics: [a]\n", 1, "topics must be the path of a topics file, not a list"},
		{"keys a list", "keys: [j, k]\n", 1, "keys must map actions to lists of keys"},
		{"keys value a string", "keys:\n  quit: q\n", 2, `keys: quit must be a list of keys, as in [q], not "q"`},
		{"keys value a mapping", "keys:\n  quit: {a: b}\n", 2, "keys: quit must be a list of keys, as in [ctrl+n], not a mapping"},
		{"unknown action", "keys:\n  down: [j]\n  jump: [x]\n", 3, `unknown action "jump" in keys (known: up, down, top,`},
		{"key with a space", "keys:\n  quit:\n    - q\n    - ctrl c\n", 4, `keys: quit: a key is a name like ctrl+n, J, pgdown or space, not "ctrl c"`},
		{"empty key", "keys:\n  quit: [\"\"]\n", 2, `not ""`},
		{"no keys", "keys:\n  quit: []\n", 2, "keys: quit needs at least one key"},
		{"key twice", "keys:\n  up: [k]\n  down: [j, k]\n", 3, `keys: "k" is given to both up and down`},
		{"action twice", "keys:\n  up: [k]\n  up: [K]\n", 3, "keys for up are set twice"},
		{"setting twice", "theme: dark\nmax_width: 3\ntheme: light\n", 3, "theme is set twice (first on line 1)"},
		{"not a mapping", "- theme\n", 1, "the config must be a mapping of settings"},
		{"unclosed list", "theme: dark\nkeys: [a\n", 2, "not valid YAML: did not find expected ',' or ']'"},
		{"list in a mapping", "theme: dark\n- x\n", 2, "not valid YAML: did not find expected key"},
		{"list in a mapping on line 1", "- x\ntheme: dark\n", 2, "not valid YAML"},
		{"bad indent", "theme: dark\nkeys: x\n  quit: [q]\n", 3, "not valid YAML: mapping values are not allowed in this context"},
		{"tab indent", "keys:\n\tquit: [q]\n", 2, "not valid YAML: found character that cannot start any token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t, tc.text)
			c, err := Load(path)
			if err == nil {
				t.Fatalf("no error; got %+v", c)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			if ce.Line != tc.line || ce.Path != path {
				t.Errorf("error at %s:%d, want line %d: %v", ce.Path, ce.Line, tc.line, err)
			}
			prefix := path + ":"
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q\nwant %q after %q", err, tc.msg, prefix)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has several lines: %q", err)
			}
		})
	}
}

func TestLoadWithActions(t *testing.T) {
	path := write(t, "keys:\n  jump: [x]\n")
	c, err := LoadWith(path, []string{"jump"})
	if err != nil || !reflect.DeepEqual(c.Keys, map[string][]string{"jump": {"x"}}) {
		t.Fatalf("got %+v, %v", c, err)
	}
	if _, err := Load(path); err == nil {
		t.Error("jump is not one of Actions")
	}
}

func TestMissingFileGivesDefaults(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rostrum", "config.yaml")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{Theme: "auto", Topics: filepath.Join(dir, "rostrum", "topics.yaml")}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v, want %+v", c, want)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir() // a folder where the file should be
	_, err := Load(dir)
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 0 || !strings.HasPrefix(err.Error(), dir+": ") {
		t.Errorf("got %v", err)
	}
}

// A config file that is a pipe, a device, too large or an alias bomb is
// an error naming the file and what is wrong, at once.
func TestFileBounded(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	var laughs strings.Builder
	laughs.WriteString("theme: dark\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		a := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&laughs, "l%d: &l%d [%s]\n", i, i, strings.Repeat(a+", ", 8)+a)
	}
	laughs.WriteString("paths: *l8\n")
	for _, tc := range []struct{ path, want string }{
		{fifo, fifo + ": a named pipe, not a regular file"},
		{zero, zero + ": a character device, not a regular file"},
		{write(t, "theme: dark\n"+strings.Repeat("#", MaxFileSize)), "config.yaml: larger than the 1 MiB limit"},
		{write(t, laughs.String()), "config.yaml:7: too many aliases"},
		{write(t, "theme: dark\npaths: &a [x, *a]\n"), "config.yaml:2: alias *a is inside the value it names"},
	} {
		_, err := Load(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s) = %v, want %q", filepath.Base(tc.path), err, tc.want)
		}
	}
}

func TestExample(t *testing.T) {
	path := write(t, Example)
	c, err := Load(path)
	if err != nil {
		t.Fatalf("Example does not load: %v", err)
	}
	if want := Default(path); !reflect.DeepEqual(c, want) {
		t.Errorf("as written, Example should set the defaults: got %+v, want %+v", c, want)
	}
	// Commented-out settings ("#key: …", no space) must load when uncommented;
	// the uncommented version replaces the setting above it.
	setting := regexp.MustCompile(`(?m)^(\s*)#(\S.*)$`)
	lines := strings.Split(Example, "\n")
	n := 0
	for i, l := range lines {
		if m := setting.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + m[2]
			n++
			if m[1] == "" { // drop the active top-level setting it replaces
				key := strings.SplitN(m[2], ":", 2)[0] + ":"
				for j := range i {
					if strings.HasPrefix(lines[j], key) {
						lines[j] = ""
					}
				}
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d commented settings in Example", n)
	}
	c, err = Parse(path, []byte(strings.Join(lines, "\n")), Actions)
	if err != nil {
		t.Fatalf("Example uncommented does not load: %v\n%s", err, strings.Join(lines, "\n"))
	}
	if c.MaxWidth != 100 || len(c.Paths) != 2 || len(c.Keys) < 3 || !strings.HasSuffix(c.Topics, "rostrum-topics.yaml") {
		t.Errorf("uncommented Example gives %+v", c)
	}
	// Example lists every action.
	flat := strings.Join(strings.Fields(strings.ReplaceAll(Example, "#", "")), " ")
	for _, a := range Actions {
		if !regexp.MustCompile(`\b` + a + `[,.]`).MatchString(flat) {
			t.Errorf("Example does not list the action %s", a)
		}
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if got, want := Path(os.Getenv), filepath.Join(dir, "rostrum", "config.yaml"); got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", dir)
	if got := Path(os.Getenv); !strings.HasSuffix(got, filepath.Join("rostrum", "config.yaml")) || !filepath.IsAbs(got) {
		t.Errorf("Path() without XDG_CONFIG_HOME = %q", got)
	}
}
