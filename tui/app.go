// Package tui is Rostrum's terminal interface, built on Bubble Tea. App is
// the root Bubble Tea model; "model" in this project always means the
// domain package, never a Bubble Tea model.
//
// App owns the layout, the mode (what has the keys, what covers the
// panes), the filter and search inputs, and everything that reaches
// outside (renders, the state file, the clipboard, programs). The panes
// are components that own their keys: the list (list.go) and the reader
// (reader.go, readerkeys.go) here, the topic picker and the quote
// browser in their own packages, all built on the text input of package
// textin. They report what the App must act on as fact messages, which
// the App delivers at once (see facts.go).
package tui

import (
	"os"
	"os/exec"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	state "rostrum/internal/readstate"
	"rostrum/model"
	"rostrum/tui/browser"
	"rostrum/tui/picker"
	"rostrum/tui/textin"
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
// Display state is a few orthogonal fields: mode (what has the keys and
// what covers the panes, see mode.go), focus (which pane has the keys
// when mode is modePanes) and readerOpen (which pane a one-pane layout
// shows). The picker, the browser and the problems screen hold something
// only while their mode is on. Nothing is drawn before ready.
type App struct {
	corpus *model.Corpus
	keys   KeyMap
	styles Styles
	theme  Theme

	ready      bool // a window size has arrived
	lay        layout
	mode       mode
	focus      pane
	readerOpen bool

	list     listPane
	reader   readerPane
	picker   picker.Model   // while mode is modePicker
	problems problemsScreen // while mode is modeProblems
	browser  browser.Model  // while mode is modeBrowser
	filter   textin.Model   // the list's filter
	search   textin.Model   // the search in the open document
	help     help.Model     // the full help screen
	hints    help.Model     // the key hints in the status line
	status   status
	// failedAt is the status generation of the last failure of the
	// editor or pager, which a reload's message does not replace.
	failedAt int

	// idle says the last message changed nothing drawn (a key dropped by
	// a full input); still is then the frame to draw again, made by
	// Update (see keepFrame), and nil after any other message.
	idle  bool
	still *tea.View

	tags tagFilter // topics and facets the list is narrowed to
	bar  topicBar

	cache    *renderCache
	inflight renderKey // the render running, zero when none
	maxWidth int

	sources
	reading
	outside
}

// sources are where documents come from after the start.
type sources struct {
	warning string   // said in the status line once the screen is up
	load    struct { // a load in progress
		ch          <-chan model.Progress // nil when there is none
		done, total int
	}
	reloadFn func() <-chan model.Progress
	reload   reloadState
	changes  <-chan []string
}

// reading is the reading state kept between runs.
type reading struct {
	store   *state.Store // nil: nothing is kept between runs
	stateQ  stateQueue   // the store's reads and writes, in order
	saved   stateView
	restore *lastPosition // the reading position to restore, until done
	opened  string        // the document open in the focused reader, "" for none
}

// outside is what the App reaches outside itself through. Tests replace
// these.
type outside struct {
	clipboard Clipboard
	// after schedules a delayed message.
	after func(time.Duration, tea.Msg) tea.Cmd
	// exec runs an outside program with the terminal (tea.ExecProcess);
	// env reads the environment.
	exec      func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	env       func(string) string
	clock     func() time.Time // nil: the time now
	terminal  *os.File         // the editor's and pager's standard input; nil: Bubble Tea's input
	exportDir string
}

// New builds the App for a corpus.
func New(c *model.Corpus, opts Options) *App {
	a := &App{
		corpus: c,
		keys:   DefaultKeyMap(),
		theme:  opts.Theme,
		filter: textin.New("/ ", "filter titles, places, text"),
		search: textin.New(searchPrompt, "search in this document"),
		reader: newReaderPane(),
		help:   help.New(),
		hints:  help.New(),
		cache:  newRenderCache(renderCacheSize),
	}
	a.outside = outside{clipboard: opts.Clipboard, after: after, exec: tea.ExecProcess, env: os.Getenv,
		terminal: opts.Terminal, exportDir: opts.ExportDir}
	if a.clipboard == nil {
		a.clipboard = noClipboard{}
	}
	for action, keys := range opts.Keys {
		a.keys.Rebind(action, keys)
	}
	a.list = newListPane(a.keys.listKeys(), a.unread)
	a.reader.SetKeys(a.keys.readerKeys())
	a.applyTheme(opts.Theme != ThemeLight)
	a.tags = tagFilter{topics: opts.Topics, anyOf: opts.AnyOf}
	a.applyFilter()
	a.warning = opts.Warning
	a.load.ch = opts.Loading
	a.reloadFn, a.changes = opts.Reload, opts.Changes
	a.maxWidth = MaxReadingWidth
	if opts.MaxWidth > 0 {
		a.maxWidth = opts.MaxWidth
	}
	if opts.State != nil {
		// Read by Init's first job, off the UI goroutine.
		a.store = opts.State
		a.saved = stateView{read: map[string]bool{}, stars: map[string]bool{}}
		a.restore = &lastPosition{pending: true}
	}
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
	a.list.SetStyles(a.styles)
	a.reader.SetStyles(a.styles)
	switch a.mode {
	case modePicker:
		a.picker.SetStyles(a.styles.Styles)
	case modeBrowser:
		a.browser.SetStyles(a.styles.Styles)
	}
}

// Corpus is the corpus the reader shows, with what a load in progress has
// added.
func (a *App) Corpus() *model.Corpus { return a.corpus }
