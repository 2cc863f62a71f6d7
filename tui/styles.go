package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// palette holds the few semantic colour tokens every style is built from.
type palette struct {
	text, muted, subtle, accent, accentText, warn, selBg color.Color
	quote, quoteSel, quoteSelBg, term                    color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		text:       ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#DDDDDD")),
		muted:      ld(lipgloss.Color("#6A6A6A"), lipgloss.Color("#8C8C8C")),
		subtle:     ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A")),
		accent:     ld(lipgloss.Color("#7B3FC4"), lipgloss.Color("#B48EF0")),
		accentText: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1A1A1A")),
		warn:       ld(lipgloss.Color("#B35C00"), lipgloss.Color("#F0A050")),
		selBg:      ld(lipgloss.Color("#EEE8F8"), lipgloss.Color("#2A2438")),
		quote:      ld(lipgloss.Color("#8A5300"), lipgloss.Color("#E8C07D")),
		quoteSel:   ld(lipgloss.Color("#5C3700"), lipgloss.Color("#FFE0A3")),
		quoteSelBg: ld(lipgloss.Color("#E4E4E4"), lipgloss.Color("#3A3A3A")),
		term:       ld(lipgloss.Color("#5E6E80"), lipgloss.Color("#9FB3C8")),
	}
}

// Styles holds every style the UI draws with. Build it with DefaultStyles;
// there are no package-level styles, so a theme change rebuilds the lot.
type Styles struct {
	Dark bool // built for a dark background

	Brand, HeaderText, HeaderWarn lipgloss.Style

	ListTitle, ListMeta           lipgloss.Style
	ListSelTitle, ListSelMeta     lipgloss.Style
	ListBar, ListBarBlurred       lipgloss.Style
	ListEmpty                     lipgloss.Style
	Separator, SeparatorFocused   lipgloss.Style
	ReaderTitle, ReaderMeta, Rule lipgloss.Style
	ReaderPlaceholder             lipgloss.Style
	StatusMsg, StatusRt           lipgloss.Style

	Chip, ChipActive, Tags lipgloss.Style
	Match                  lipgloss.Style // filter words in list titles

	Help   help.Styles
	Filter textinput.Styles
	Paint  paintStyles  // quotes, speakers and terms in the reading pane
	Search searchStyles // matches of the search in the document
	Unread lipgloss.Style
}

// DefaultStyles returns the styles for a dark or light background.
func DefaultStyles(isDark bool) Styles {
	p := newPalette(isDark)
	s := lipgloss.NewStyle()
	st := Styles{
		Dark:              isDark,
		Brand:             s.Bold(true).Foreground(p.accent),
		HeaderText:        s.Foreground(p.muted),
		HeaderWarn:        s.Foreground(p.warn),
		ListTitle:         s.Foreground(p.text),
		ListMeta:          s.Foreground(p.muted),
		ListSelTitle:      s.Bold(true).Foreground(p.accent),
		ListSelMeta:       s.Foreground(p.muted),
		ListBar:           s.Foreground(p.accent),
		ListBarBlurred:    s.Foreground(p.muted),
		ListEmpty:         s.Foreground(p.muted).Italic(true),
		Separator:         s.Foreground(p.subtle),
		SeparatorFocused:  s.Foreground(p.accent),
		ReaderTitle:       s.Bold(true).Foreground(p.text),
		ReaderMeta:        s.Foreground(p.muted),
		Rule:              s.Foreground(p.subtle),
		ReaderPlaceholder: s.Foreground(p.muted).Italic(true),
		StatusMsg:         s.Foreground(p.accent),
		StatusRt:          s.Foreground(p.muted),
		Chip:              s.Foreground(p.text).Background(p.subtle),
		ChipActive:        s.Foreground(p.accentText).Background(p.accent).Bold(true),
		Tags:              s.Foreground(p.term),
		Match:             s.Underline(true).Foreground(p.quote),
		Help:              help.DefaultStyles(isDark),
		Filter:            textinput.DefaultStyles(isDark),
	}
	st.Help.ShortKey = st.Help.ShortKey.Foreground(p.text)
	st.Help.ShortDesc = st.Help.ShortDesc.Foreground(p.muted)
	st.Help.FullDesc = st.Help.FullDesc.Foreground(p.muted)
	st.Help.FullKey = st.Help.FullKey.Foreground(p.accent)
	st.Filter.Focused.Prompt = st.Filter.Focused.Prompt.Foreground(p.accent)
	st.Filter.Blurred.Prompt = st.Filter.Blurred.Prompt.Foreground(p.muted)
	st.Filter.Cursor.Blink = false // a steady cursor, and no timer while typing
	st.Unread = s.Foreground(p.accent).Bold(true)
	// Matches get a background of their own; the current one is brighter,
	// bold and underlined, so it shows without colours too.
	matchBg, currentBg := lipgloss.Color("#5f5f00"), lipgloss.Color("#d7af00")
	if !isDark {
		matchBg, currentBg = lipgloss.Color("#ffff87"), lipgloss.Color("#ffaf00")
	}
	st.Search = searchStyles{
		match:   ansi.NewStyle().BackgroundColor(matchBg).ForegroundColor(p.text).String(),
		current: ansi.NewStyle().BackgroundColor(currentBg).ForegroundColor(lipgloss.Color("#000000")).Bold().Underline(true).String(),
	}
	st.Paint = paintStyles{
		quote:    ansi.NewStyle().ForegroundColor(p.quote).String(),
		quoteSel: ansi.NewStyle().ForegroundColor(p.quoteSel).BackgroundColor(p.quoteSelBg).Bold().String(),
		speaker:  ansi.NewStyle().ForegroundColor(p.accent).Italic(true).String(),
		term:     ansi.NewStyle().ForegroundColor(p.term).Italic(true).String(),
		topic:    ansi.NewStyle().UnderlineStyle(ansi.UnderlineDotted).String(),
		quiet:    ansi.NewStyle().ForegroundColor(p.muted).Italic(true).String(),
	}
	return st
}
