// Package tui is Rostrum's terminal interface, built on Bubble Tea. App is
// the root Bubble Tea model; "model" in this project always means the
// domain package, never a Bubble Tea model.
package tui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	state "rostrum/internal/readstate"
	"rostrum/model"
	"rostrum/tui/box"
)

// Theme chooses the colours: follow the terminal, or force one.
type Theme int

// The themes. ThemeAuto starts dark and follows the terminal's reported
// background colour once it answers.
const (
	ThemeAuto Theme = iota
	ThemeDark
	ThemeLight
)

// Options configure a new App.
type Options struct {
	Theme     Theme
	Clipboard Clipboard // the system clipboard; nil for none (OSC 52 only)
	Topics    []string  // topic IDs to filter on at start
	AnyOf     bool      // documents with any of Topics, not all
	Warning   string    // shown in the status line at start (a broken topics file)
	// Loading, when set, brings the documents of a load in progress; the
	// corpus given to New then grows as they arrive.
	Loading <-chan model.Progress
	// Reload, when set, starts reading the opened paths again (r, and
	// after files change or an editor returns).
	Reload func() <-chan model.Progress
	// Changes, when set, says which opened files were added, changed or
	// removed.
	Changes <-chan []string
	// State, when set, keeps read marks, starred quotes and the last
	// reading position between runs.
	State *state.Store
	// ExportDir is where the quote browser's E writes; "" is the working
	// folder.
	ExportDir string
	// MaxWidth caps the reading column; 0 means MaxReadingWidth.
	MaxWidth int
	// Keys replace the default keys of the actions named (see Rebind).
	Keys map[string][]string
	// Terminal, when set, is the terminal the keys are read from, given
	// to the editor and the pager as their standard input (the program's
	// own input is a filter over it, which they must not read through).
	Terminal *os.File
}

// pane names a pane that can have the keyboard focus.
type pane int

const (
	paneList pane = iota
	paneReader
)

// renderCacheSize bounds the number of cached renderings.
const renderCacheSize = 64

// App is the root Bubble Tea model: it owns the layout, routes keys and
// messages to the panes, and starts renders.
//
// Display state is kept in a few orthogonal fields: focus (which pane has
// the keys), readerOpen (which pane a one-pane layout shows), filtering (the
// filter input has the keys) and showHelp (the help screen covers the
// panes).
type App struct {
	corpus *model.Corpus
	keys   KeyMap
	styles Styles
	theme  Theme

	ready          bool // a window size has arrived; nothing is drawn before
	lay            layout
	focus          pane
	readerOpen     bool
	filtering      bool
	searching      bool // the search input has the keys
	showHelp       bool
	showProbs      bool // the problems screen covers the panes
	problemsOffset int

	filter textinput.Model
	search textinput.Model // the search in the open document
	edits  inputEdits      // edits of the text inputs waiting for typing to pause
	// idle says the last message changed nothing drawn (a key dropped by
	// a full input), so View gives frame, the last frame drawn, again.
	idle   bool
	frame  tea.View
	framed bool // frame holds a frame
	list   listPane
	reader readerPane
	help   help.Model // the full help screen
	hints  help.Model // the key hints in the status line
	status status
	// failedAt is the status generation of the last failure of the
	// editor or pager, which a reload's message does not replace.
	failedAt int
	browser  *quoteBrowser // the quote browser, nil when closed
	picker   *topicPicker  // the topic picker, nil when closed
	tags     tagFilter     // topics and facets the list is narrowed to
	chips    []chip        // the topic bar
	base     struct {      // topic counts of the text-filtered result
		text   string
		counts []model.Count
	}

	clipboard Clipboard
	cache     *renderCache
	inflight  renderKey // the render running, zero when none

	// after schedules a delayed message; tests replace it to run without
	// waiting.
	after func(time.Duration, tea.Msg) tea.Cmd
	// exec runs an outside program with the terminal (tea.ExecProcess);
	// env reads the environment. Tests replace both.
	exec func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	env  func(string) string

	warning string // said in the status line once the screen is up

	load struct { // a load in progress
		ch          <-chan model.Progress // nil when there is none
		done, total int
	}
	reloadFn func() <-chan model.Progress
	reload   reloadState
	changes  <-chan []string

	store      *state.Store // nil: nothing is kept between runs
	stateQ     stateQueue   // the store's reads and writes, in order
	saved      stateView
	restore    *lastPosition // the reading position to restore, until done
	lastMarked string        // the document last marked read on opening
	exportDir  string
	terminal   *os.File // the editor's and pager's standard input; nil: Bubble Tea's input
	clock      func() time.Time
	maxWidth   int
}

// New builds the App for a corpus.
func New(c *model.Corpus, opts Options) *App {
	a := &App{
		corpus: c,
		keys:   DefaultKeyMap(),
		theme:  opts.Theme,
		filter: newTextInput(),
		search: newTextInput(),
		reader: newReaderPane(),
		help:   help.New(),
		hints:  help.New(),
		cache:  newRenderCache(renderCacheSize),
		after:  after,
		exec:   tea.ExecProcess,
		env:    os.Getenv,
	}
	a.clipboard = opts.Clipboard
	if a.clipboard == nil {
		a.clipboard = noClipboard{}
	}
	a.filter.Prompt = "/ "
	a.filter.Placeholder = "filter titles, places, text"
	a.search.Prompt = searchPrompt
	a.search.Placeholder = "search in this document"
	a.applyTheme(opts.Theme != ThemeLight)
	a.tags = tagFilter{topics: opts.Topics, anyOf: opts.AnyOf}
	a.applyFilter()
	a.warning = opts.Warning
	a.load.ch = opts.Loading
	a.reloadFn, a.changes = opts.Reload, opts.Changes
	a.exportDir = opts.ExportDir
	a.terminal = opts.Terminal
	a.maxWidth = MaxReadingWidth
	if opts.MaxWidth > 0 {
		a.maxWidth = opts.MaxWidth
	}
	for action, keys := range opts.Keys {
		a.keys.Rebind(action, keys)
	}
	if opts.State != nil {
		// Read by Init's first job, off the UI goroutine.
		a.store = opts.State
		a.saved = stateView{read: map[string]bool{}, stars: map[string]bool{}}
		a.restore = &lastPosition{pending: true}
	}
	a.list.unread = a.unread
	return a
}

// Init asks the terminal for its background colour, to pick the theme.
func (a *App) Init() tea.Cmd {
	var cmds []tea.Cmd
	if a.warning != "" {
		cmds = append(cmds, a.setStatus(a.warning))
	}
	if a.theme == ThemeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if a.load.ch != nil {
		cmds = append(cmds, waitLoad(a.load.ch))
	}
	if a.store != nil {
		cmds = append(cmds, a.loadState())
	}
	if a.changes != nil {
		cmds = append(cmds, waitChanges(a.changes))
	}
	return tea.Batch(cmds...)
}

// applyTheme rebuilds every style for a dark or light background.
func (a *App) applyTheme(dark bool) {
	a.styles = DefaultStyles(dark)
	a.help.Styles = a.styles.Help
	a.hints.Styles = a.styles.Help
	a.filter.SetStyles(a.styles.Filter)
	a.search.SetStyles(a.styles.Filter)
	a.reader.search = a.styles.Search
	a.reader.SetPaintStyles(a.styles.Paint)
}

// View draws the whole screen. Nothing is drawn before the first size.
func (a *App) View() tea.View {
	if a.idle && a.framed {
		return a.frame
	}
	a.frame, a.framed = a.draw(), true
	return a.frame
}

// draw draws the whole screen.
func (a *App) draw() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if !a.ready {
		return v
	}
	l := a.lay
	parts := make([]string, 0, 3)
	if l.headerH > 0 {
		parts = append(parts, box.Fit(a.headerView(), l.width, l.headerH))
	}
	if l.barH > 0 {
		parts = append(parts, box.Fit(a.topicBarView(l.width), l.width, l.barH))
	}
	if body := a.bodyView(); body != "" {
		parts = append(parts, body)
	}
	if l.statusH > 0 {
		parts = append(parts, box.Fit(a.statusView(), l.width, l.statusH))
	}
	v.Content = strings.Join(parts, "\n")
	return v
}

// bodyView draws the panes (or the help screen) between header and status.
func (a *App) bodyView() string {
	l := a.lay
	if l.bodyH <= 0 || l.width <= 0 {
		return ""
	}
	if a.showProbs {
		return box.Fit(a.problemsView(l.width), l.width, l.bodyH)
	}
	if a.picker != nil {
		a.picker.width, a.picker.height = l.width, l.bodyH
		return box.Fit(a.picker.View(a.styles), l.width, l.bodyH)
	}
	if a.browser != nil {
		a.browser.width, a.browser.height = l.width, l.bodyH
		return box.Fit(a.browser.View(a.styles), l.width, l.bodyH)
	}
	if a.showHelp {
		return box.Fit("\n"+a.helpScreen(l.width-2), l.width, l.bodyH)
	}
	var blocks []string
	if l.listW > 0 {
		blocks = append(blocks, box.Fit(a.listView(), l.listW, l.bodyH))
	}
	if l.sepW > 0 {
		sep := a.styles.Separator
		if a.focus == paneReader {
			sep = a.styles.SeparatorFocused
		}
		blocks = append(blocks, box.Fit(strings.Repeat(sep.Render("│")+"\n", l.bodyH), l.sepW, l.bodyH))
	}
	if l.readerW > 0 {
		blocks = append(blocks, box.Fit(a.reader.View(a.styles, "No document selected."), l.readerW, l.bodyH))
	}
	return box.Columns(blocks...)
}

// listView is the filter line (while filtering or filtered) and the list.
func (a *App) listView() string {
	empty := "No documents."
	if q := a.filter.Value(); q != "" {
		empty = fmt.Sprintf("No documents match “%s”. Press esc to clear the filter.", q)
	}
	list := a.list.View(a.styles, a.focus == paneList && !a.filtering, empty)
	if !a.filterShown() {
		return list
	}
	return a.filter.View() + "\n" + list
}

// filterShown reports whether the filter line takes the list's first row.
func (a *App) filterShown() bool { return a.filtering || a.filter.Value() != "" }

// headerView is the top line: name, document count, active filter.
func (a *App) headerView() string {
	st := a.styles
	n, total := len(a.list.docs), a.corpus.Len()
	count := plural(total, "document", "documents")
	if a.filter.Value() != "" || !a.tags.empty() {
		count = thousands(n) + " of " + count
	}
	if sum := a.filterSummary(); sum != "" {
		count += " · " + sum
	}
	if a.filter.Value() != "" {
		count += fmt.Sprintf(" · filter “%s”", a.filter.Value())
	}
	if l := a.loadingText() + a.reloadingText(); l != "" {
		count = l + " · " + count
	}
	s := " " + st.Brand.Render("Rostrum") + st.HeaderText.Render(" · "+count)
	if p := len(a.corpus.Problems); p > 0 {
		s += st.HeaderWarn.Render(" · " + plural(p, "problem", "problems"))
	}
	return s
}

// helpKeys is the key map seen from the current context.
func (a *App) helpKeys() contextHelp {
	ctx := ctxList
	switch {
	case a.picker != nil:
		ctx = ctxPicker
	case a.showHelp:
		ctx = ctxHelp
	case a.filtering, a.searching, a.browser != nil && a.browser.filtering:
		ctx = ctxFilter
	case a.focus == paneReader && a.reader.query != "":
		ctx = ctxSearch
	case a.browser != nil:
		ctx = ctxBrowser
	case a.focus == paneReader:
		ctx = ctxReader
	}
	return contextHelp{km: a.keys, ctx: ctx}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// helpScreen lays the full help's columns out in rows of as many columns
// as fit in width, so that no column is cut off on a narrow screen.
func (a *App) helpScreen(width int) string {
	cols := a.helpKeys().FullHelp()
	a.help.SetWidth(0) // measure without cutting
	defer a.help.SetWidth(max(width, 0))
	var blocks []string
	for len(cols) > 0 {
		n := 1
		for n < len(cols) && lipgloss.Width(a.help.FullHelpView(cols[:n+1])) <= width {
			n++
		}
		blocks = append(blocks, "  "+strings.ReplaceAll(a.help.FullHelpView(cols[:n]), "\n", "\n  "))
		cols = cols[n:]
	}
	return strings.Join(blocks, "\n\n")
}
