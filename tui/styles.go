package tui

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/tui/theme"
)

// Styles holds every style the UI draws with: the lipgloss styles every
// pane shares (package theme), and the SGR sequences the reader paints
// with. Build it with DefaultStyles; there are no package-level styles,
// so a theme change rebuilds the lot.
type Styles struct {
	theme.Styles
	Paint  paintStyles  // quotes, speakers and terms in the reading pane
	Search searchStyles // matches of the search in the document
}

// DefaultStyles returns the styles for a dark or light background.
func DefaultStyles(isDark bool) Styles {
	p := theme.NewPalette(isDark)
	st := Styles{Styles: theme.New(isDark)}
	// Matches get a background of their own; the current one is brighter,
	// bold and underlined, so it shows without colours too.
	matchBg, currentBg := lipgloss.Color("#5f5f00"), lipgloss.Color("#d7af00")
	if !isDark {
		matchBg, currentBg = lipgloss.Color("#ffff87"), lipgloss.Color("#ffaf00")
	}
	st.Search = searchStyles{
		match:   ansi.NewStyle().BackgroundColor(matchBg).ForegroundColor(p.Text).String(),
		current: ansi.NewStyle().BackgroundColor(currentBg).ForegroundColor(lipgloss.Color("#000000")).Bold().Underline(true).String(),
	}
	st.Paint = paintStyles{
		quote:    ansi.NewStyle().ForegroundColor(p.Quote).String(),
		quoteSel: ansi.NewStyle().ForegroundColor(p.QuoteSel).BackgroundColor(p.QuoteSelBg).Bold().String(),
		speaker:  ansi.NewStyle().ForegroundColor(p.Accent).Italic(true).String(),
		term:     ansi.NewStyle().ForegroundColor(p.Term).Italic(true).String(),
		topic:    ansi.NewStyle().UnderlineStyle(ansi.UnderlineDotted).String(),
		quiet:    ansi.NewStyle().ForegroundColor(p.Muted).Italic(true).String(),
	}
	return st
}
