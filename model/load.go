package model

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/sync/errgroup"

	"rostrum/internal/safefile"
	"rostrum/model/topics"
)

// DefaultMaxFileSize is the largest file the loader reads (16 MiB).
const DefaultMaxFileSize = 16 << 20

// StdinPath is the path that stands for standard input.
const StdinPath = "-"

// LoadOptions tune Load. The zero value is usable.
type LoadOptions struct {
	MaxFileSize int64     // files larger than this become problems; 0 means the default
	Stdin       io.Reader // read for the path "-"; nil means no standard input
	Workers     int       // files read in parallel; 0 means one per CPU
	// Lexicon tags the documents; nil means the built-in lexicon.
	Lexicon *topics.Lexicon
	// Progress, when set, receives the documents as they are read, in
	// corpus order, so a reader can show them before the load ends. It is
	// called from one goroutine at a time and may block to slow the load.
	Progress func(Progress)
}

// Progress is a batch of newly read documents and problems, in order.
type Progress struct {
	Docs        []*Document
	Problems    []Problem
	Done, Total int // sources read so far, and in all
}

// source is one thing to read: a file on disk, a file in an fs.FS, or
// standard input.
type source struct {
	path string
	fsys fs.FS  // nil for the OS file system
	root string // the folder opened, whose sidecars apply; "" for none
}

// Load reads every path (files, folders recursively, or "-" for standard
// input) concurrently and returns the corpus in a stable order: arguments
// in the order given, files within a folder in lexical order. A path or
// file that cannot be read becomes a Problem; Load itself only fails when
// ctx is cancelled.
func Load(ctx context.Context, paths []string, opts LoadOptions) (*Corpus, error) {
	var srcs []source
	var problems []Problem
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	sc := newSidecars(opts.MaxFileSize)
	stdinSeen := false
	for _, p := range paths {
		if p == StdinPath {
			if stdinSeen {
				problems = append(problems, Problem{Path: p, Reason: "standard input named more than once; read once"})
				continue
			}
			stdinSeen = true
		}
		found, probs := expand(p, sc)
		srcs = append(srcs, found...)
		problems = append(problems, probs...)
	}
	return loadSources(ctx, srcs, problems, sc, "", opts)
}

// LoadFS reads every document in fsys (recursively from its root), as
// Load does for a folder. Paths are recorded as prefix + "/" + name.
func LoadFS(ctx context.Context, fsys fs.FS, prefix string, opts LoadOptions) (*Corpus, error) {
	var srcs []source
	var problems []Problem
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Path: p, Reason: describeErr(err)})
			return nil
		}
		if p != "." && skipName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			srcs = append(srcs, source{path: p, fsys: fsys})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return loadSources(ctx, srcs, problems, nil, prefix, opts)
}

// finish gives documents and problems their final, printable paths (under
// prefix when there is one) and one-line reasons, before anyone sees them.
func finish(prefix string, docs []*Document, problems []Problem) {
	final := func(p string) string {
		if prefix != "" {
			p = path.Join(prefix, p)
		}
		return OneLine(p)
	}
	for _, d := range docs {
		d.Path = final(d.Path)
	}
	for i := range problems {
		if p := problems[i].Path; prefix == "" && p != StdinPath && problems[i].File == "" {
			problems[i].File = p
		}
		problems[i].Path = final(problems[i].Path)
		problems[i].Reason = OneLine(problems[i].Reason)
	}
}

// handOff copies what a load reports to Progress, so that the reader's
// corpus and the one Load returns never share a Document or a Problem
// they may each write to (IDs made unique, index words taken).
func handOff(docs []*Document, problems []Problem) ([]*Document, []Problem) {
	out := make([]*Document, len(docs))
	for i, d := range docs {
		cp := *d
		out[i] = &cp
	}
	return out, slices.Clone(problems)
}

// textExtensions are the file types read when walking a folder; a file
// named on the command line is read whatever its name.
var textExtensions = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true, ".markdown": true,
	".jsonl": true, ".ndjson": true, ".sgm": true,
}

// readableName reports whether a file found in a folder is read: text,
// Markdown, JSON Lines or Reuters SGML. Spreadsheets, annotation files,
// metadata sidecars and the like are left alone.
func readableName(name string) bool {
	return textExtensions[strings.ToLower(filepath.Ext(name))]
}

// skipName reports whether the loader skips a file or folder: hidden names,
// which include AppleDouble "._" companion files.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".")
}

// expand lists the files a path argument stands for, and reads the
// metadata sidecars of the folders it opens into sc: a folder's and its
// subfolders', or, for a file, its own folder's; never those above.
func expand(p string, sc *sidecars) ([]source, []Problem) {
	if p == StdinPath {
		return []source{{path: StdinPath}}, nil
	}
	info, err := os.Stat(p)
	if err != nil {
		return nil, []Problem{{Path: p, Reason: describeErr(err)}}
	}
	if !info.IsDir() {
		// A pipe or device named here is refused when it is read, as a
		// problem that says what it is, without being opened.
		dir := filepath.Dir(p)
		return []source{{path: p, root: dir}}, sc.load(dir)
	}
	var srcs []source
	var problems []Problem
	root := p
	if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a symbolic link at its root; a trailing
		// separator makes it resolve the link and walk the folder.
		root = p + string(filepath.Separator)
	}
	top := filepath.Clean(root)
	_ = filepath.WalkDir(root, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Path: fp, Reason: describeErr(err)})
			return nil
		}
		if fp != root && skipName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			problems = append(problems, sc.load(filepath.Clean(fp))...)
			return nil
		}
		if !readableName(d.Name()) {
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
			srcs = append(srcs, source{path: fp, root: top})
		case t&fs.ModeSymlink != 0:
			// Follow a link only to a regular file: a link to a pipe or
			// device would block, and one to a folder could loop.
			switch info, err := os.Stat(fp); {
			case errors.Is(err, syscall.ELOOP):
				problems = append(problems, Problem{Path: fp, Reason: "symbolic link loop"})
			case err != nil:
				problems = append(problems, Problem{Path: fp, Reason: "broken symbolic link"})
			case info.Mode().IsRegular():
				srcs = append(srcs, source{path: fp, root: top})
			case !info.IsDir():
				problems = append(problems, Problem{Path: fp, Reason: "symbolic link to " + notRegular(info.Mode())})
			}
		default:
			problems = append(problems, Problem{Path: fp, Reason: notRegular(t)})
		}
		return nil
	})
	return srcs, problems
}

// notRegular says what a file that is not read is: "a named pipe, not a
// regular file; not opened".
func notRegular(m fs.FileMode) string {
	return (&safefile.NotRegularError{Mode: m.Type()}).Error() + "; not opened"
}

// loadSources reads and parses srcs with a bounded pool of workers.
// sc holds the sidecars of the folders opened (nil for none).
func loadSources(ctx context.Context, srcs []source, problems []Problem, sc *sidecars, prefix string, opts LoadOptions) (*Corpus, error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	docs := make([][]*Document, len(srcs))
	probs := make([][]Problem, len(srcs))
	finish(prefix, nil, problems)
	_, early := handOff(nil, problems)
	fl := newFlusher(len(srcs), early, opts.Progress)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, src := range srcs {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			ds, ps, err := readSource(src, opts)
			if err != nil {
				ps = []Problem{{Path: src.path, Reason: describeErr(err)}}
			}
			for _, d := range ds {
				if src.fsys == nil && src.path != StdinPath {
					d.File = src.path
					sc.apply(d, src.path, src.root)
				}
				d.analyse(opts.Lexicon)
			}
			finish(prefix, ds, ps)
			docs[i], probs[i] = ds, ps
			if opts.Progress != nil {
				hd, hp := handOff(ds, ps)
				fl.done(i, hd, hp)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	fl.finish()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var loaded []*Document
	for i := range srcs {
		loaded = append(loaded, docs[i]...)
		problems = append(problems, probs[i]...)
	}
	return NewCorpus(loaded, problems), nil
}

// readSource reads and parses (but does not analyse) one source, enforcing
// the size cap: one document, or one per good line of a JSON Lines file
// with a problem for each bad line.
func readSource(src source, opts LoadOptions) ([]*Document, []Problem, error) {
	raw, err := readLimited(src, opts)
	if err != nil {
		return nil, nil, err
	}
	if isJSONL(src.path) || isSGML(src.path) {
		split := jsonlDocs
		if isSGML(src.path) {
			split = sgmlDocs
		}
		docs, probs := parseMany(src.path, raw, split)
		if len(docs) == 0 && len(probs) == 0 {
			return nil, nil, ErrEmpty
		}
		return docs, probs, nil
	}
	d, err := parseRaw(src.path, raw)
	if err != nil {
		return nil, nil, err
	}
	return []*Document{d}, nil, nil
}

// readLimited reads a source whole, up to the size cap. A file on disk is
// opened without blocking and only when it is a regular file (see package
// safefile), so a pipe or device, even one swapped in while loading, is a
// problem rather than a hang.
func readLimited(src source, opts LoadOptions) ([]byte, error) {
	var r io.Reader
	switch {
	case src.path == StdinPath && src.fsys == nil:
		if opts.Stdin == nil {
			return nil, errors.New("standard input is not available")
		}
		r = opts.Stdin
	case src.fsys == nil:
		return safefile.ReadFile(src.path, opts.MaxFileSize)
	default:
		f, err := src.fsys.Open(src.path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, &safefile.NotRegularError{Mode: info.Mode().Type()}
		}
		r = f
	}
	return safefile.ReadAll(r, opts.MaxFileSize)
}

// describeErr turns an error into a short reason without repeating the
// path, which the Problem already carries.
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}
