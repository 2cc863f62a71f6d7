package main

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/alecthomas/kong"
)

// ManCmd prints the manual page. The synopsis, commands, flags and
// arguments come from kong's model, so they cannot fall behind the CLI
// struct; the keys come from the table in README.md's Keys section; the
// rest is written below.
type ManCmd struct{}

// readme is the README, for its table of keys.
//
//go:embed README.md
var readme string

// Run writes the page in roff (man macros) to standard output.
func (m *ManCmd) Run(s *session, kctx *kong.Context) error {
	page, err := manPage(cliTree(kctx.Model), versionString(), readme)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(s.Out, page)
	return err
}

// roffText escapes a line of running text for roff: see roffEscape, and
// a '.' or '\” that would start the line, and be taken for a request, is
// preceded by \&.
func roffText(s string) string {
	return lineStart(roffEscape(strings.TrimSpace(s)))
}

func lineStart(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// roffEscape escapes backslashes and non-ASCII characters (as \[uXXXX],
// so that no input encoding is assumed), and makes each run of white space
// one space.
func roffEscape(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '\u00a0':
			b.WriteString(`\~`)
		case r > 0x7e:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffCode is roffText for something typed as is, like an option: its
// hyphens are minus signs, so that copying it works.
func roffCode(s string) string {
	return strings.ReplaceAll(roffText(s), "-", `\-`)
}

// roffArg quotes a macro argument.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\(dq`) + `"`
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// roffMarkdown converts a line of Markdown with `code` spans, as in the
// README's table, to roff text with the code in bold.
func roffMarkdown(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range codeSpan.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(roffEscape(s[last:m[0]]))
		b.WriteString(`\fB` + strings.ReplaceAll(roffEscape(s[m[2]:m[3]]), "-", `\-`) + `\fR`)
		last = m[1]
	}
	b.WriteString(roffEscape(s[last:]))
	return lineStart(strings.TrimSpace(b.String()))
}

// readmeKeys returns the rows (key, action) of the table in the README's
// Keys section.
func readmeKeys(readme string) ([][2]string, error) {
	_, section, ok := strings.Cut(readme, "\n## Keys\n")
	if !ok {
		return nil, fmt.Errorf("README.md has no Keys section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var rows [][2]string
	for line := range strings.SplitSeq(section, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| key ") {
			continue
		}
		cells := splitRow(line)
		if len(cells) != 2 {
			return nil, fmt.Errorf("README.md: Keys: a row with %d cells, not 2: %s", len(cells), line)
		}
		rows = append(rows, [2]string{cells[0], cells[1]})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("README.md: no table in the Keys section")
	}
	return rows, nil
}

// splitRow splits a Markdown table row at the pipes that are outside code
// spans and not escaped.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	var cells []string
	var cell strings.Builder
	code := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] == '|':
			cell.WriteByte('|')
			i++
			continue
		case c == '`':
			code = !code
		case c == '|' && !code:
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
			continue
		}
		cell.WriteByte(c)
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// synopsis is a command's usage line: its words in bold, then its
// arguments, then [flags] (every command takes at least the global ones).
func synopsis(root, n *cliNode) string {
	words := root.Name
	if n.Path != "" {
		words += " " + n.Path
	}
	out := `\fB` + roffCode(words) + `\fR`
	for _, a := range n.Args {
		arg := `\fI` + roffCode(a.Name) + `\fR`
		if a.Repeat {
			arg += " ..."
		}
		if !a.Required {
			arg = "[" + arg + "]"
		}
		out += " " + arg
	}
	return out + ` [\fIflags\fR]`
}

// flagItems writes flags as tagged paragraphs.
func flagItems(b *strings.Builder, flags []cliFlag) {
	for _, f := range flags {
		var names []string
		if f.Short != 0 {
			names = append(names, `\fB`+roffCode("-"+string(f.Short))+`\fR`)
		}
		long := `\fB` + roffCode("--"+f.Long) + `\fR`
		if f.Value {
			long += "=" + `\fI` + roffCode(f.Placeholder) + `\fR`
		}
		names = append(names, long)
		for _, a := range f.Aliases {
			names = append(names, `\fB`+roffCode("--"+a)+`\fR`)
		}
		if f.Negatable {
			names = append(names, `\fB`+roffCode("--no-"+f.Long)+`\fR`)
		}
		fmt.Fprintf(b, ".TP\n%s\n%s", strings.Join(names, ", "), roffText(f.Help))
		var notes []string
		if f.Default != "" && f.Default != "0" && f.Default != "false" {
			notes = append(notes, "default "+roffCode(f.Default))
		}
		for _, e := range f.Envs {
			notes = append(notes, "or "+`\fB$`+roffCode(e)+`\fR`)
		}
		if len(notes) > 0 {
			fmt.Fprintf(b, " (%s)", strings.Join(notes, "; "))
		}
		b.WriteString("\n")
	}
}

// manPage is the manual page for the tree, with keys from the README.
func manPage(root *cliNode, version, readme string) (string, error) {
	keys, err := readmeKeys(readme)
	if err != nil {
		return "", err
	}
	name := root.Name
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w(".\\\" Generated by \"%s man\" from its command line; do not edit.\n", name)
	w(".TH %s 1 \"\" %s \"User Commands\"\n", strings.ToUpper(name), roffArg(name+" "+version))
	w(".SH NAME\n%s \\- %s\n", roffCode(name), roffText(strings.TrimSuffix(lowerFirst(strings.SplitN(root.Help, ":", 2)[0]), ".")))

	w(".SH SYNOPSIS\n.nf\n")
	root.walk(func(n *cliNode) { w("%s\n", synopsis(root, n)) })
	w(".fi\n")

	w(`.SH DESCRIPTION
%s
.PP
Run with paths, or without arguments on the documents embedded in the binary, %s opens
the reader: a list of documents beside a reading pane, with every quotation highlighted
and attributed to its speaker, and every document tagged with IPTC Media Topics and the
people, organisations and places it names.
The other commands print to standard output for scripts and pipes.
.PP
A
.I path
is a file, a folder (read recursively; hidden and AppleDouble
.B \&._*
files are skipped) or
.B \-
for standard input.
Agency wire text, plain text, Markdown with front matter, JSON Lines and Reuters-21578 SGML
are read; files that cannot be read are skipped and reported, and the rest loads.
`, roffText(root.Help), roffCode(name))

	w(".SH OPTIONS\nThese flags are accepted by every command.\n")
	flagItems(&b, root.Own)

	w(".SH COMMANDS\n")
	root.walk(func(n *cliNode) {
		if n.Path == "" {
			return
		}
		title := name + " " + n.Path
		if n.Parent.Default == n {
			title += " (the default command)"
		}
		w(".SS %s\n%s\n", roffArg(strings.ReplaceAll(roffText(title), "-", `\-`)), synopsis(root, n))
		w(".PP\n%s\n", roffText(n.Help))
		if len(n.Aliases) > 0 {
			w("Also called %s.\n", roffCode(strings.Join(n.Aliases, ", ")))
		}
		for _, a := range n.Args {
			w(".TP\n\\fI%s\\fR\n%s", roffCode(a.Name), roffText(a.Help))
			if len(a.Enum) > 0 {
				w(" (one of %s)", roffCode(strings.Join(a.Enum, ", ")))
			}
			w("\n")
		}
		flagItems(&b, n.Own)
	})

	w(`.SH KEYS
In the reader:
`)
	for _, k := range keys {
		w(".TP\n%s\n%s\n", roffMarkdown(k[0]), roffMarkdown(k[1]))
	}

	w(`.SH FILES
.TP
.I $XDG_CONFIG_HOME/rostrum/config.yaml
The config file: theme, max_width, default paths, the topics file and key bindings.
.B %[1]s config
tells whether it is valid;
.B %[1]s config \-\-example
prints a commented example.
.TP
.I $XDG_CONFIG_HOME/rostrum/topics.yaml
Your own topics, added to the built-in ones (a topic with the ID or label of a built-in
one replaces it). A broken file is reported and the built-in topics are used.
.TP
.I $XDG_STATE_HOME/rostrum/state.json
Reading state: the documents read, the starred quotes and where reading left off.
.SH ENVIRONMENT
.TP
.B ROSTRUM_MAX_SIZE
Files larger than this are skipped as problems, as with
.BR \-\-max\-size .
.TP
.B NO_COLOR
When set (to any value), no colours.
.TP
.B CLICOLOR_FORCE
When 1, colours even when standard output is not a terminal.
.TP
.B XDG_CONFIG_HOME
Where the config folder is (default
.IR ~/.config ).
.TP
.B XDG_STATE_HOME
Where the state folder is (default
.IR ~/.local/state ).
.SH EXIT STATUS
0 on success; 1 on a bad argument, when nothing could be loaded, or on any other failure,
reported in one line on standard error.
.SH EXAMPLES
.nf
%[1]s ~/speeches wires.txt
cat item.txt | %[1]s \-
%[1]s list \-\-format json
%[1]s quotes \-\-speaker tokayev \-\-format md
source <(%[1]s completion bash)
%[1]s man | man \-l \-
.fi
`, name)
	return b.String(), nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
