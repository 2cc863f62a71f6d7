package tui

import (
	"bytes"
	"fmt"
	"log"
	"regexp"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"rostrum/model"
)

// MaxReadingWidth caps the reading column, in cells, for comfortable
// line lengths on wide terminals.
const MaxReadingWidth = 100

// minRenderWidth is the narrowest width handed to Glamour; narrower panes
// show the left part of a render this wide.
const minRenderWidth = 16

// renderKey identifies one rendering of a document. Renders are cached by
// it, and a finished render whose key is no longer wanted is dropped.
type renderKey struct {
	id    string
	width int
	dark  bool
}

// docRenderedMsg reports a finished render, tagged with what it was for.
// A partial render holds the document's first paragraphs only, shown while
// the whole one is made.
type docRenderedMsg struct {
	key     renderKey
	content string
	err     error
	partial bool
}

// firstPaintBytes is how much of a long body the first, partial render
// covers: about two screens, which Glamour renders within a frame.
const firstPaintBytes = 6 << 10

// partialRenderCmd renders the first paragraphs of a long document, so its
// first screen shows within a frame while renderCmd makes the whole.
func partialRenderCmd(key renderKey, d *model.Document) tea.Cmd {
	return func() tea.Msg {
		md := readerMarkdown(d)
		cut, n := 0, 0
		for cut < len(md) && n < firstPaintBytes {
			i := strings.Index(md[cut:], "\n\n")
			if i < 0 {
				cut = len(md)
				break
			}
			cut += i + 2
			n = cut
		}
		style := "light"
		if key.dark {
			style = "dark"
		}
		out, err := renderReader(md[:cut], key.width, style)
		return docRenderedMsg{key: key, content: out, err: err, partial: true}
	}
}

// plainLimit is the body size above which the reader shows wrapped plain
// text instead of a Glamour rendering, which would take many seconds and
// hundreds of megabytes for a document of several megabytes.
const plainLimit = 1 << 20

// renderCmd renders a document for the reader off the UI goroutine. The
// document is immutable once loaded and everything else is captured when
// the command is built; each call makes its own Glamour renderer, so no
// renderer is shared between goroutines.
func renderCmd(key renderKey, d *model.Document) tea.Cmd {
	return func() tea.Msg {
		start := time.Now()
		if len(d.Body) > plainLimit {
			log.Printf("plain text for %s (%d bytes) at %d columns", key.id, len(d.Body), key.width)
			return docRenderedMsg{key: key, content: plainRender(d, key.width)}
		}
		style := "light"
		if key.dark {
			style = "dark"
		}
		out, err := renderReader(readerMarkdown(d), key.width, style)
		log.Printf("rendered %s (%d bytes) at %d columns, %s, in %v (err %v)", key.id, len(d.Body), key.width, style, time.Since(start).Round(time.Microsecond), err)
		return docRenderedMsg{key: key, content: out, err: err}
	}
}

// plainRender wraps the marked-up body as plain text with Glamour's margin,
// for documents too large to render, filtered as renderings are.
func plainRender(d *model.Document, width int) string {
	var b strings.Builder
	for i, p := range strings.Split(readerMarkup(d), "\n\n") {
		if i > 0 {
			b.WriteString("\n\n")
		}
		wrapped := ansi.Wordwrap(strings.ReplaceAll(p, "\n", " "), max(width-2, 1), "")
		b.WriteString("  " + strings.ReplaceAll(wrapped, "\n", "\n  "))
	}
	return safeRender(b.String())
}

// RenderMarkdown renders Markdown with Glamour at the given wrap width and
// style ("dark", "light" or "notty"), without leading or trailing blank
// lines, for printing as it is (`rostrum show`). What Glamour is given is
// guarded first (guardMarkdown: character references to invisible
// characters made literal, nesting capped) and what it writes is filtered
// last (TerminalSafe: only text, SGR and honest hyperlinks). A panic
// inside Glamour is returned as an error, so callers can fall back to
// plain text.
func RenderMarkdown(md string, width int, style string) (string, error) {
	out, err := renderGlamour(md, width, style)
	return TerminalSafe(out), err
}

// renderReader is RenderMarkdown for the reader: the reader's markers in
// md stay in the rendering for the painter, which removes them.
func renderReader(md string, width int, style string) (string, error) {
	out, err := renderGlamour(md, width, style)
	return safeRender(out), err
}

// renderGlamour renders guarded Markdown with Glamour's terminal renderer
// on a Markdown parser set up as glamour.NewTermRenderer sets it up, plus
// the depthCap transformer (NewTermRenderer takes no parser options).
func renderGlamour(md string, width int, style string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("render failed: %v", r)
		}
	}()
	cfg, err := styleConfig(style)
	if err != nil {
		return "", err
	}
	ar := gansi.NewRenderer(gansi.Options{WordWrap: max(width, minRenderWidth), Styles: cfg})
	gm := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(depthCap{limit: maxNesting}, 0)),
		),
	)
	// Set after the extensions, which add HTML renderers to the renderer
	// they find, as glamour.NewTermRenderer does.
	gm.SetRenderer(renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(ar, 1000))))
	var buf bytes.Buffer
	if err := gm.Convert([]byte(guardMarkdown(md)), &buf); err != nil {
		return "", fmt.Errorf("glamour: converting markdown: %w", err)
	}
	return trimPadding(strings.Trim(buf.String(), "\n")), nil
}

// padding is the run of spaces and style sequences Glamour pads each line
// with to the wrap width.
var padding = regexp.MustCompile("(?:\x1b\\[[0-9;]*m| )+$")

// trimPadding removes the padding at the end of every line, so copied or
// piped text has no trailing spaces and highlights stop at the last word.
// Styles are reset where padding held a sequence.
func trimPadding(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if loc := padding.FindStringIndex(l); loc != nil {
			tail := l[loc[0]:]
			l = l[:loc[0]]
			if strings.Contains(tail, "\x1b") {
				l += "\x1b[m"
			}
			lines[i] = l
		}
	}
	return strings.Join(lines, "\n")
}

func styleConfig(name string) (gansi.StyleConfig, error) {
	switch name {
	case "dark":
		return styles.DarkStyleConfig, nil
	case "light":
		return styles.LightStyleConfig, nil
	case "notty":
		return styles.NoTTYStyleConfig, nil
	}
	return gansi.StyleConfig{}, fmt.Errorf("unknown style %q (want dark, light or notty)", name)
}

// BodyMarkdown turns a document's body into Markdown that renders as the
// plain text it is: every paragraph is escaped, so nothing in the text is
// read as Markdown syntax.
func BodyMarkdown(d *model.Document) string {
	if d.Format == model.FormatMarkdown {
		return d.Body // Markdown documents are rendered as Markdown
	}
	var b strings.Builder
	for i, p := range d.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(EscapeMarkdown(p))
	}
	return b.String()
}

// DocumentMarkdown is BodyMarkdown preceded by the title as a heading and a
// line of metadata, for standalone output such as `rostrum show`.
func DocumentMarkdown(d *model.Document) string {
	var b strings.Builder
	b.WriteString("# ")
	b.WriteString(EscapeMarkdown(d.Title))
	b.WriteString("\n\n")
	if meta := MetaLine(d); meta != "" {
		b.WriteString("*")
		b.WriteString(EscapeMarkdown(meta))
		b.WriteString("*\n\n")
	}
	b.WriteString(BodyMarkdown(d))
	return b.String()
}

// MetaLine is a document's date, place, source, speaker and length in one
// line.
func MetaLine(d *model.Document) string {
	var parts []string
	for _, s := range []string{d.DateString(), d.Place, d.Source, d.Speaker} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, fmt.Sprintf("%s words · %s min", thousands(d.Words), thousands(d.ReadingMinutes())))
	return strings.Join(parts, " · ")
}

// EscapeMarkdown makes plain text literal for Glamour's CommonMark and GFM
// parser. Characters that can start Markdown syntax get a backslash where
// Glamour drops the backslash again (it prints it for some punctuation,
// such as ',' and ':', which need none), and '&', '~' and '=' (entities,
// strikethrough, setext headings) become character references. Each line's
// leading spaces are removed so no line becomes a code block. The '.' after
// a number and the dots of a bare domain are escaped too, so no line turns
// into a list and no text is rewritten into a link.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		line = strings.TrimLeft(line, " \t")
		for j := 0; j < len(line); j++ {
			c := line[j]
			switch {
			case strings.IndexByte(markdownEscaped, c) >= 0:
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '&':
				b.WriteString("&amp;")
			case c == '~':
				b.WriteString("&#126;")
			case c == '=':
				b.WriteString("&#61;")
			default:
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// markdownEscaped lists the characters EscapeMarkdown escapes with a
// backslash: those that can begin Markdown syntax and whose backslash
// Glamour removes.
const markdownEscaped = "\\`*_{}[]<>()#+-.!|"

// renderCache keeps finished renders by key, evicting the oldest entry once
// it holds limit entries.
type renderCache struct {
	limit int
	items map[renderKey]string
	order []renderKey
}

func newRenderCache(limit int) *renderCache {
	return &renderCache{limit: limit, items: make(map[renderKey]string)}
}

func (c *renderCache) get(k renderKey) (string, bool) {
	s, ok := c.items[k]
	return s, ok
}

func (c *renderCache) put(k renderKey, s string) {
	if _, ok := c.items[k]; !ok {
		c.order = append(c.order, k)
	}
	c.items[k] = s
	for len(c.order) > c.limit {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}
