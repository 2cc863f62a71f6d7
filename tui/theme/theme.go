// Package theme holds the styles every pane draws with, built from a few
// semantic colour tokens for a dark or a light background. There are no
// package-level styles: a theme change builds a new Styles.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Palette holds the semantic colour tokens every style is built from.
type Palette struct {
	Text, Muted, Subtle, Accent, AccentText, Warn, SelBg color.Color
	Quote, QuoteSel, QuoteSelBg, Term                    color.Color
}

// NewPalette returns the colours for a dark or light background.
func NewPalette(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	return Palette{
		Text:       ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#DDDDDD")),
		Muted:      ld(lipgloss.Color("#6A6A6A"), lipgloss.Color("#8C8C8C")),
		Subtle:     ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A")),
		Accent:     ld(lipgloss.Color("#7B3FC4"), lipgloss.Color("#B48EF0")),
		AccentText: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1A1A1A")),
		Warn:       ld(lipgloss.Color("#B35C00"), lipgloss.Color("#F0A050")),
		SelBg:      ld(lipgloss.Color("#EEE8F8"), lipgloss.Color("#2A2438")),
		Quote:      ld(lipgloss.Color("#8A5300"), lipgloss.Color("#E8C07D")),
		QuoteSel:   ld(lipgloss.Color("#5C3700"), lipgloss.Color("#FFE0A3")),
		QuoteSelBg: ld(lipgloss.Color("#E4E4E4"), lipgloss.Color("#3A3A3A")),
		Term:       ld(lipgloss.Color("#5E6E80"), lipgloss.Color("#9FB3C8")),
	}
}

// Styles holds the lipgloss styles the panes, the overlays and the
// header and status lines draw with. Build it with New.
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
	Filter textinput.Styles // every text input; the cursor never blinks
	Unread lipgloss.Style
}

// New returns the styles for a dark or light background.
func New(isDark bool) Styles {
	p := NewPalette(isDark)
	s := lipgloss.NewStyle()
	st := Styles{
		Dark:              isDark,
		Brand:             s.Bold(true).Foreground(p.Accent),
		HeaderText:        s.Foreground(p.Muted),
		HeaderWarn:        s.Foreground(p.Warn),
		ListTitle:         s.Foreground(p.Text),
		ListMeta:          s.Foreground(p.Muted),
		ListSelTitle:      s.Bold(true).Foreground(p.Accent),
		ListSelMeta:       s.Foreground(p.Muted),
		ListBar:           s.Foreground(p.Accent),
		ListBarBlurred:    s.Foreground(p.Muted),
		ListEmpty:         s.Foreground(p.Muted).Italic(true),
		Separator:         s.Foreground(p.Subtle),
		SeparatorFocused:  s.Foreground(p.Accent),
		ReaderTitle:       s.Bold(true).Foreground(p.Text),
		ReaderMeta:        s.Foreground(p.Muted),
		Rule:              s.Foreground(p.Subtle),
		ReaderPlaceholder: s.Foreground(p.Muted).Italic(true),
		StatusMsg:         s.Foreground(p.Accent),
		StatusRt:          s.Foreground(p.Muted),
		Chip:              s.Foreground(p.Text).Background(p.Subtle),
		ChipActive:        s.Foreground(p.AccentText).Background(p.Accent).Bold(true),
		Tags:              s.Foreground(p.Term),
		Match:             s.Underline(true).Foreground(p.Quote),
		Help:              help.DefaultStyles(isDark),
		Filter:            textinput.DefaultStyles(isDark),
		Unread:            s.Foreground(p.Accent).Bold(true),
	}
	st.Help.ShortKey = st.Help.ShortKey.Foreground(p.Text)
	st.Help.ShortDesc = st.Help.ShortDesc.Foreground(p.Muted)
	st.Help.FullDesc = st.Help.FullDesc.Foreground(p.Muted)
	st.Help.FullKey = st.Help.FullKey.Foreground(p.Accent)
	st.Filter.Focused.Prompt = st.Filter.Focused.Prompt.Foreground(p.Accent)
	st.Filter.Blurred.Prompt = st.Filter.Blurred.Prompt.Foreground(p.Muted)
	st.Filter.Cursor.Blink = false // a steady cursor, and no timer while typing
	return st
}
