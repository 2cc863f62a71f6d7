package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"rostrum/model"
	"rostrum/tui"
)

// ShowCmd prints one document rendered with Glamour, like `glow FILE`.
type ShowCmd struct {
	Target string   `arg:"" name:"id|path" help:"A document ID (or a unique prefix of one) from 'rostrum list', or a file."`
	Paths  []string `arg:"" optional:"" name:"path" help:"Where to look the ID up (default: the embedded seeds)."`
	Width  int      `help:"Wrap width in columns (default: the terminal's, at most 100; 80 when not a terminal)." default:"0"`
	Style  string   `help:"Colours: auto, dark, light, or notty (plain)." enum:"auto,dark,light,notty" default:"auto"`
}

// Run finds the document and writes its rendering. Output is plain when
// standard output is not a terminal, and NO_COLOR and CLICOLOR_FORCE are
// honoured.
func (c *ShowCmd) Run(s *stdio) error {
	if c.Width < 0 {
		return fmt.Errorf("--width must be positive, not %d", c.Width)
	}
	d, err := c.find(s)
	if err != nil {
		return err
	}
	profile := outputProfile(s)
	style := c.style(s, profile)
	md := tui.DocumentMarkdown(d)
	if style == "notty" {
		// Plain output: the title and metadata as lines of text, not as
		// Markdown syntax.
		md = tui.BodyMarkdown(d)
	}
	out, err := tui.RenderMarkdown(md, c.width(s), style)
	if err != nil {
		return fmt.Errorf("rendering %s: %w", d.Path, err)
	}
	if style == "notty" {
		out = plainHeader(d, c.width(s)) + out
	}
	// The last step before output: only text, SGR and hyperlinks whose
	// text is their address reach the terminal or the pipe.
	out = tui.TerminalSafe(out)
	w := &colorprofile.Writer{Forward: s.out, Profile: profile}
	_, err = fmt.Fprintln(w, out)
	return err
}

// find resolves the target: an existing file is read directly, anything
// else is looked up as an ID in the given paths or the seeds.
func (c *ShowCmd) find(s *stdio) (*model.Document, error) {
	info, statErr := os.Stat(c.Target)
	if statErr == nil && info.IsDir() {
		return nil, fmt.Errorf("%s is a folder: show takes one file or a document ID (see rostrum list %s)", c.Target, c.Target)
	}
	if (statErr == nil || c.Target == model.StdinPath) && len(c.Paths) == 0 {
		corpus, err := model.Load(context.Background(), []string{c.Target}, model.LoadOptions{Stdin: s.in})
		if err != nil {
			return nil, err
		}
		if corpus.Len() == 0 {
			return nil, errors.New(corpus.Problems[0].String())
		}
		return corpus.Docs[0], nil
	}
	corpus, err := loadCorpus(c.Paths, s)
	if err != nil {
		return nil, err
	}
	return corpus.Find(c.Target)
}

// width is the wrap width: the flag, else the terminal's capped at 100,
// else 80.
func (c *ShowCmd) width(s *stdio) int {
	if c.Width > 0 {
		return c.Width
	}
	if f, ok := s.out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return min(w, s.maxWidth())
		}
	}
	return 80
}

// style picks the Glamour style: plain when colours are off, else the
// flag, else the terminal's background (dark when it cannot be asked).
func (c *ShowCmd) style(s *stdio, p colorprofile.Profile) string {
	if c.Style != "auto" {
		return c.Style
	}
	if p <= colorprofile.NoTTY {
		return "notty"
	}
	in, inOK := s.in.(*os.File)
	out, outOK := s.out.(*os.File)
	if inOK && outOK && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd()) && !lipgloss.HasDarkBackground(in, out) {
		return "light"
	}
	return "dark"
}

// outputProfile is the colour profile for standard output: none when it is
// not a terminal (unless CLICOLOR_FORCE is set), no colours when NO_COLOR
// is set to anything.
func outputProfile(s *stdio) colorprofile.Profile {
	p := colorprofile.Detect(s.out, s.environ)
	if s.getenv("NO_COLOR") != "" && p > colorprofile.ASCII {
		p = colorprofile.ASCII
	}
	return p
}

// plainHeader is the title and metadata of a document for plain output,
// wrapped to the width with the body's two-column margin.
func plainHeader(d *model.Document, width int) string {
	wrap := func(s string) string {
		return "  " + strings.ReplaceAll(ansi.Wordwrap(s, max(width-2, 1), ""), "\n", "\n  ")
	}
	return wrap(d.Title) + "\n" + wrap(tui.MetaLine(d)) + "\n\n"
}
