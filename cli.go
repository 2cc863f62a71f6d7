package main

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
	"github.com/alecthomas/kong"
	"github.com/charmbracelet/x/term"

	"rostrum/internal/readstate"
	"rostrum/model"
	"rostrum/model/topics"
	"rostrum/seeds"
	"rostrum/tui"
)

// CLI is the command line, parsed by kong. The reader is the default
// command, so `rostrum PATH...` opens it.
type CLI struct {
	Version kong.VersionFlag `help:"Print the version and exit."`
	Log     string           `help:"Write a debug log to FILE (nothing is ever logged to the terminal)." placeholder:"FILE" type:"path"`
	MaxSize byteSize         `help:"Skip files larger than SIZE, as problems (16MiB, 500KB…)." default:"16MiB" env:"ROSTRUM_MAX_SIZE" placeholder:"SIZE"`

	Read   ReadCmd   `cmd:"" default:"withargs" help:"Open the reader on PATHs (default: the embedded seeds)."`
	List   ListCmd   `cmd:"" help:"List documents: id, date, place or source, title."`
	Show   ShowCmd   `cmd:"" help:"Print one document, rendered, to standard output."`
	Quotes QuotesCmd `cmd:"" help:"List quotations with their speakers (text, json, csv or md)."`
	Topics TopicsCmd `cmd:"" help:"Count the topic tags of the documents, or explain one document's tags."`

	Config     ConfigCmd     `cmd:"" help:"Show where the config file is and whether it is valid; --example prints one."`
	Completion CompletionCmd `cmd:"" help:"Print a completion script for bash, zsh or fish (source <(rostrum completion bash))."`
	Man        ManCmd        `cmd:"" help:"Print the manual page (roff): rostrum man | man -l -"`
}

// ReadCmd opens the interactive reader.
type ReadCmd struct {
	Paths []string `arg:"" optional:"" name:"path" help:"Files or folders to read (recursively); - reads standard input."`
	Style string   `help:"Colours: auto (follow the terminal), dark or light (default: the config's theme, else auto)." placeholder:"auto|dark|light"`
	TopicFilter
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
	opts := []tea.ProgramOption{tea.WithOutput(s.Out), tea.WithEnvironment(s.Environ)}
	if in, ok := s.In.(*os.File); ok && !term.IsTerminal(in.Fd()) {
		// Standard input was a document (or a pipe); read keys from the terminal.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return fmt.Errorf("no terminal to read keys from: %w", err)
		}
		defer tty.Close()
		opts = append(opts, tea.WithInput(tty))
	}
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
	}
	if canReload(r.Paths) {
		rl := &reloader{ctx: ctx, paths: r.Paths, s: s, lx: lx}
		topts.Reload, topts.Changes = rl.reload, watchPaths(ctx, r.Paths)
	}
	app := tui.New(model.NewCorpus(nil, nil), topts)
	if _, err := tea.NewProgram(app, opts...).Run(); err != nil {
		return fmt.Errorf("running the reader: %w", err)
	}
	cancel()
	reportProblems(s, app.Corpus().Problems)
	return nil
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
