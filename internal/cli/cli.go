package cli

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"rostrum/internal/crashguard"
	"rostrum/internal/readstate"
	"rostrum/internal/ttyin"
	"rostrum/model"
	"rostrum/model/topics"
	"rostrum/seeds"
	"rostrum/tui"
)

// globalFlags are the flags every command takes.
type globalFlags struct {
	Log     string
	MaxSize byteSize
}

// newRootCmd builds the command line. The reader is the root command's
// own, so `rostrum PATH...` opens it (and `rostrum read PATH...` too);
// the other commands print for scripts and pipes.
func newRootCmd(s *session) *cobra.Command {
	g := &globalFlags{MaxSize: 16 << 20}
	read := &ReadCmd{}
	const short = "A terminal reader for speeches and news wires: quotes, speakers and topics at a glance."
	const long = short + "\n\n" +
		"With paths, or without arguments on the documents embedded in it, rostrum opens the reader: " +
		"a list of documents beside a reading pane, every quotation highlighted and attributed to its speaker. " +
		"A path is a file, a folder (read recursively) or - for standard input."
	root := pathsCmd(s, "rostrum", short, long, &read.Paths, read.Run)
	root.Example = "rostrum ~/speeches wires.txt\ncat item.txt | rostrum -\nrostrum list --format json\n" +
		"rostrum quotes --speaker tokayev --format md"
	root.ValidArgsFunction = completeRootArgs
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return s.setUp(cmd, g) }
	root.SetVersionTemplate("rostrum {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.Log, "log", "", "Write a debug log to FILE (nothing is ever logged to the terminal).")
	nameValue(root, "log", "FILE")
	pf.Var(&g.MaxSize, "max-size", "Skip files larger than SIZE, as problems (such as 16MiB or 500KB; or $ROSTRUM_MAX_SIZE).")
	read.flags(root)
	root.AddCommand(
		newReadCmd(s),
		newListCmd(s),
		newShowCmd(s),
		newQuotesCmd(s),
		newTopicsCmd(s),
		newConfigCmd(s),
		newCompletionCmd(s),
		newManCmd(s),
	)
	return root
}

// ReadCmd opens the interactive reader.
type ReadCmd struct {
	Paths []string
	Style string
	TopicFilter
}

// newReadCmd is `rostrum read PATH...`, the root command by its name.
func newReadCmd(s *session) *cobra.Command {
	r := &ReadCmd{}
	cmd := pathsCmd(s, "read", "Open the reader on PATHs (default: the embedded seeds); the default command.", "", &r.Paths, r.Run)
	r.flags(cmd)
	return cmd
}

// flags declares the reader's flags on cmd.
func (r *ReadCmd) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&r.Style, "style", "", "Colours: auto (follow the terminal), dark or light (default: the config's theme, else auto).")
	completeValues(cmd, "style", "auto", "dark", "light")
	nameValue(cmd, "style", "auto|dark|light")
	r.TopicFilter.flags(cmd)
}

// Run starts the reader at once and loads the corpus behind it: the list
// fills in as documents are read. Problems met while loading are printed
// after the screen is restored.
func (r *ReadCmd) Run(s *session) error {
	if !isTerminal(s.Out) {
		return errors.New("the reader needs a terminal; for output to a pipe use `rostrum list` or `rostrum show`")
	}
	cfg, err := s.settings()
	if err != nil {
		return err
	}
	if r.Paths, err = s.defaultPaths(r.Paths); err != nil {
		return err
	}
	if err := checkPaths(r.Paths, s); err != nil {
		return err
	}
	lx, warning, err := s.lexicon()
	if err != nil {
		return err
	}
	var ids []string
	for _, name := range r.Topic {
		t, ok := lx.Topic(name)
		if !ok {
			return fmt.Errorf("unknown topic %q (rostrum topics lists them)", name)
		}
		ids = append(ids, t.ID)
	}
	keyboard, closeKeyboard, err := keyboardInput(s)
	if err != nil {
		return err
	}
	defer func() {
		// A read-only /dev/tty whose close fails has lost nothing; the
		// debug log notes it.
		if err := closeKeyboard(); err != nil {
			log.Printf("closing the keyboard: %v", err)
		}
	}()
	opts := []tea.ProgramOption{tea.WithOutput(s.Out), tea.WithEnvironment(s.Environ), tea.WithInput(keyboard)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan model.Progress)
	go streamLoad(ctx, r.Paths, s, lx, ch)
	style := r.Style
	switch style {
	case "":
		style = cfg.Theme
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("--style must be auto, dark or light, not %q", style)
	}
	theme := map[string]tui.Theme{"auto": tui.ThemeAuto, "dark": tui.ThemeDark, "light": tui.ThemeLight}[style]
	// The reader reads the state file itself, after its first frame.
	store := readstate.New(readstate.DefaultPath(s.Getenv))
	topts := tui.Options{
		Theme: theme, Clipboard: tui.NativeClipboard{}, Topics: ids, AnyOf: r.Any, Warning: warning, Loading: ch,
		State: store, ExportDir: readstate.ExportDir(s.Getenv), MaxWidth: cfg.MaxWidth, Keys: cfg.Keys,
		Terminal: keyboard.Unfiltered(),
	}
	if canReload(r.Paths) {
		rl := &reloader{ctx: ctx, paths: r.Paths, s: s, lx: lx}
		topts.Reload, topts.Changes = rl.reload, watchPaths(ctx, r.Paths)
	}
	app := tui.New(model.NewCorpus(nil, nil), topts)
	// A crash Bubble Tea cannot catch (a panic outside Update and View, a
	// fatal error, a kill) would leave the terminal raw in the alternate
	// screen: a guard process puts it back.
	if out, ok := s.Out.(*os.File); ok {
		if stopGuard, err := crashguard.Start(out); err != nil {
			log.Printf("no crash guard: %v", err)
		} else {
			defer func() {
				// The screen is back by now; the debug log is where this goes.
				if err := stopGuard(); err != nil {
					log.Printf("stopping the crash guard: %v", err)
				}
			}()
		}
	}
	if _, err := tea.NewProgram(app, opts...).Run(); err != nil {
		return readerRunError(err)
	}
	cancel()
	reportProblems(s, app.Corpus().Problems)
	return nil
}

// readerRunError is the error the reader's program ended with, in plain
// words when it was a panic (Bubble Tea caught it, restored the terminal
// and printed the panic and its stack).
func readerRunError(err error) error {
	if errors.Is(err, tea.ErrProgramPanic) {
		return errors.New("the reader crashed (the report is above); the terminal was restored. Please report this bug")
	}
	return fmt.Errorf("running the reader: %w", err)
}

// keyboardInput is the terminal the reader takes its keys from, read
// through ttyin's filter (escape sequences that crash the input decoder
// are cut): standard input when it is a terminal, else /dev/tty (standard
// input was a document or a pipe), which the returned function closes.
func keyboardInput(s *session) (*ttyin.File, func() error, error) {
	in, ok := s.In.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) {
		in = os.Stdin
	}
	if term.IsTerminal(in.Fd()) {
		return ttyin.NewFile(in), func() error { return nil }, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return nil, nil, fmt.Errorf("no terminal to read keys from: %w", err)
	}
	return ttyin.NewFile(tty), tty.Close, nil
}

// streamLoad loads paths (or the seeds) and sends the documents to ch as
// they are read, closing it at the end; it stops when ctx is cancelled.
func streamLoad(ctx context.Context, paths []string, s *session, lx *topics.Lexicon, ch chan<- model.Progress) {
	defer close(ch)
	start := time.Now()
	opts := model.LoadOptions{Stdin: s.In, Lexicon: lx, MaxFileSize: s.maxFileSize, Progress: func(p model.Progress) {
		select {
		case ch <- p:
		case <-ctx.Done():
		}
	}}
	var c *model.Corpus
	var err error
	if len(paths) == 0 {
		c, err = model.LoadFS(ctx, seeds.FS(), "seeds", opts)
	} else {
		c, err = model.Load(ctx, paths, opts)
	}
	if err == nil {
		log.Printf("loaded %d documents with %d problems from %v in %v", c.Len(), len(c.Problems), paths, time.Since(start).Round(time.Millisecond))
	}
}

// checkPaths fails with one line when none of the paths exists, so that a
// mistyped path is an error before the screen is taken.
func checkPaths(paths []string, s *session) error {
	if slices.Contains(paths, model.StdinPath) && isTerminal(s.In) {
		return errors.New("standard input (-) is a terminal: pipe a document in, as in cat speech.txt | rostrum -")
	}
	var first error
	for _, p := range paths {
		if p == model.StdinPath {
			return nil
		}
		_, err := os.Stat(p)
		if err == nil {
			return nil
		}
		if first == nil {
			first = fmt.Errorf("nothing to read: %s: %w", p, err)
		}
	}
	if first != nil {
		return errors.New(strings.ReplaceAll(first.Error(), "stat ", ""))
	}
	return nil
}

// loadCorpus loads paths, or the embedded seeds when there are none, and
// tags them with the built-in topics and the user's topics file. A broken
// topics file is reported on standard error and the built-in topics used.
// It fails with one line when nothing at all could be loaded.
func loadCorpus(paths []string, s *session) (*model.Corpus, error) {
	c, _, err := loadTagged(paths, s)
	return c, err
}

// loadTagged is loadCorpus that also returns the lexicon used.
func loadTagged(paths []string, s *session) (*model.Corpus, *topics.Lexicon, error) {
	paths, err := s.defaultPaths(paths)
	if err != nil {
		return nil, nil, err
	}
	lx, warning, err := s.lexicon()
	if err != nil {
		return nil, nil, err
	}
	if warning != "" {
		fmt.Fprintf(s.Err, "rostrum: %s\n", warning)
	}
	c, err := loadWith(paths, s, lx)
	return c, lx, err
}

func loadWith(paths []string, s *session, lx *topics.Lexicon) (*model.Corpus, error) {
	var c *model.Corpus
	var err error
	start := time.Now()
	opts := model.LoadOptions{Stdin: s.In, Lexicon: lx, MaxFileSize: s.maxFileSize}
	if len(paths) == 0 {
		c, err = model.LoadFS(context.Background(), seeds.FS(), "seeds", opts)
	} else if slices.Contains(paths, model.StdinPath) && isTerminal(s.In) {
		return nil, errors.New("standard input (-) is a terminal: pipe a document in, as in cat speech.txt | rostrum -")
	} else {
		c, err = model.Load(context.Background(), paths, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("loading documents: %w", err)
	}
	log.Printf("loaded %d documents with %d problems from %v in %v", c.Len(), len(c.Problems), paths, time.Since(start).Round(time.Millisecond))
	if c.Len() > 0 {
		return c, nil
	}
	switch len(c.Problems) {
	case 0:
		return nil, fmt.Errorf("nothing to read: no documents in %s", quoteList(paths))
	case 1:
		return nil, fmt.Errorf("nothing to read: %s", c.Problems[0])
	}
	return nil, fmt.Errorf("nothing to read: %d files could not be loaded; first %s", len(c.Problems), c.Problems[0])
}

// reportProblems prints the files that could not be loaded, a few at most,
// on standard error.
func reportProblems(s *session, problems []model.Problem) {
	const show = 5
	for i, p := range problems {
		if i == show {
			fmt.Fprintf(s.Err, "rostrum: … and %d more files skipped\n", len(problems)-show)
			break
		}
		fmt.Fprintf(s.Err, "rostrum: skipped %s\n", p)
	}
}

func quoteList(paths []string) string {
	out := ""
	for i, p := range paths {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", p)
	}
	return out
}

// isTerminal reports whether w is a terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
