package cli

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
	"github.com/spf13/cobra"

	"rostrum/model"
	"rostrum/tui"
)

// The widths show accepts: wider than any terminal in use, and narrow
// enough that rendering stays quick (at 100,000,000 columns Glamour took
// 14 s and 1 GB, and at the largest integer never finished).
const (
	minShowWidth = 20
	maxShowWidth = 1000
)

// ShowCmd prints one document rendered with Glamour, like `glow FILE`.
type ShowCmd struct {
	Target string
	Paths  []string
	Width  int
	Style  string
}

func newShowCmd(s *session) *cobra.Command {
	c := &ShowCmd{}
	cmd := &cobra.Command{
		Use:   "show id|path [path...]",
		Short: "Print one document, rendered, to standard output.",
		Long: "Print one document, rendered, to standard output.\n\n" +
			"The document is a document ID (or a unique prefix of one) from 'rostrum list', " +
			"looked up in the PATHs that follow (default: the embedded seeds), or a file.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("show needs a document ID or a file: rostrum show ID|PATH [PATH...]")}
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			c.Target, c.Paths = args[0], args[1:]
			return c.Run(s)
		},
	}
	cmd.Flags().IntVar(&c.Width, "width", 0, "Wrap width in columns, 20 to 1000 (default: the terminal's, at most 100; 80 when not a terminal).")
	noValueCompletion(cmd, "width")
	nameValue(cmd, "width", "N")
	addEnum(cmd, &c.Style, "style", "", "Colours: auto, dark, light, or notty (plain).", "auto", "dark", "light", "notty")
	return cmd
}

// Run finds the document and writes its rendering. Output is plain when
// standard output is not a terminal, and NO_COLOR and CLICOLOR_FORCE are
// honoured.
func (c *ShowCmd) Run(s *session) error {
	if c.Width != 0 && (c.Width < minShowWidth || c.Width > maxShowWidth) {
		return fmt.Errorf("--width must be %d to %d columns, not %d", minShowWidth, maxShowWidth, c.Width)
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
		// RenderMarkdown's output is filtered already; the header is
		// filtered the same way, so only text, SGR and hyperlinks whose
		// text is their address reach the terminal or the pipe.
		out = tui.TerminalSafe(plainHeader(d, c.width(s))) + out
	}
	w := &colorprofile.Writer{Forward: s.Out, Profile: profile}
	_, err = fmt.Fprintln(w, out)
	return err
}

// find resolves the target: an existing file is read directly, anything
// else is looked up as an ID in the given paths or the seeds.
func (c *ShowCmd) find(s *session) (*model.Document, error) {
	info, statErr := os.Stat(c.Target)
	if statErr == nil && info.IsDir() {
		return nil, fmt.Errorf("%s is a folder: show takes one file or a document ID (see rostrum list %s)", c.Target, c.Target)
	}
	if (statErr == nil || c.Target == model.StdinPath) && len(c.Paths) == 0 {
		corpus, err := model.Load(context.Background(), []string{c.Target}, model.LoadOptions{Stdin: s.In})
		if err != nil {
			return nil, err
		}
		if corpus.Len() == 0 {
			// The file's own problem comes last, after any with the
			// metadata sidecar beside it.
			return nil, errors.New(corpus.Problems[len(corpus.Problems)-1].String())
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
func (c *ShowCmd) width(s *session) int {
	if c.Width > 0 {
		return c.Width
	}
	if f, ok := s.Out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return min(w, s.maxWidth())
		}
	}
	return 80
}

// style picks the Glamour style: plain when colours are off, else the
// flag, else the terminal's background (dark when it cannot be asked).
func (c *ShowCmd) style(s *session, p colorprofile.Profile) string {
	if c.Style != "auto" {
		return c.Style
	}
	if p <= colorprofile.NoTTY {
		return "notty"
	}
	in, inOK := s.In.(*os.File)
	out, outOK := s.Out.(*os.File)
	if inOK && outOK && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd()) && !lipgloss.HasDarkBackground(in, out) {
		return "light"
	}
	return "dark"
}

// outputProfile is the colour profile for standard output: none when it is
// not a terminal (unless CLICOLOR_FORCE is set), no colours when NO_COLOR
// is set to anything.
func outputProfile(s *session) colorprofile.Profile {
	p := colorprofile.Detect(s.Out, s.Environ)
	if s.Getenv("NO_COLOR") != "" && p > colorprofile.ASCII {
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
