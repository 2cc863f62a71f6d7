// Package watch tells the reader when files under the paths it opened are
// added, changed or removed, so the list can reload.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Change lists the paths that changed during one quiet-ended burst of
// events, or carries an error from the watcher (Paths is then empty).
type Change struct {
	Paths []string
	Err   error
}

// textExtensions is a copy of model/load.go's list of the file types read
// when walking a folder.
var textExtensions = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true, ".markdown": true,
	".jsonl": true, ".ndjson": true, ".sgm": true,
}

func hidden(name string) bool { return strings.HasPrefix(filepath.Base(name), ".") }

func readable(name string) bool { return textExtensions[strings.ToLower(filepath.Ext(name))] }

// watcher is owned by the single goroutine started by Watch.
type watcher struct {
	fs      *fsnotify.Watcher
	dirs    map[string]bool     // watched folders; true if watched recursively
	files   map[string]bool     // files named directly
	roots   map[string]bool     // folders named directly, watched through their parent too
	pending map[string]struct{} // paths changed since the last flush
	err     error               // the first error, until it is sent
	failed  bool                // an error has been seen
}

// Watch watches paths (files and folders; folders recursively, including
// folders created later) and sends one Change after a burst of events has
// been quiet for quiet, listing the paths that changed. Hidden names are
// skipped, and so are files inside folders whose extension the reader does
// not read. The standard input path "-" and missing paths are ignored. A file
// named directly is watched through its parent folder, so it survives editors
// that replace it by rename; a folder named directly is watched through its
// parent as well, so one deleted (or moved away) and made again is noticed
// and watched again. The first error (such as hitting the inotify
// watch limit) is sent once as a Change with Err set; watching goes on. The
// channel is closed when ctx is cancelled.
func Watch(ctx context.Context, paths []string, quiet time.Duration) (<-chan Change, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &watcher{fs: fw, dirs: map[string]bool{}, files: map[string]bool{}, roots: map[string]bool{}, pending: map[string]struct{}{}}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		p = filepath.Clean(p)
		info, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case info.IsDir():
			// WalkDir does not enter a symbolic link at its root: watch
			// the folder the link points to.
			if real, err := filepath.EvalSymlinks(p); err == nil {
				p = real
			}
			w.addTree(p, false)
			// Its parent too, to see it deleted and made again (or
			// another folder moved into its place).
			w.roots[p] = true
			w.addDir(filepath.Dir(p), false)
		default:
			w.files[p] = true
			w.addDir(filepath.Dir(p), false)
		}
	}
	out := make(chan Change)
	go w.run(ctx, quiet, out)
	return out, nil
}

// addDir watches one folder, recording the first error worth reporting.
func (w *watcher) addDir(dir string, recursive bool) {
	if was, ok := w.dirs[dir]; ok {
		w.dirs[dir] = was || recursive
		return
	}
	if err := w.fs.Add(dir); err != nil {
		if errors.Is(err, syscall.ENOSPC) {
			err = fmt.Errorf("watch limit reached (raise fs.inotify.max_user_watches): %w", err)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			w.fail(fmt.Errorf("watch %s: %w", dir, err))
		}
		return
	}
	w.dirs[dir] = recursive
}

// addTree watches root and every folder under it that is not hidden. When
// found is set, readable files already inside are recorded as changed, since
// they may have been written before the folder was watched.
func (w *watcher) addTree(root string, found bool) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			// A root that has gone, or a folder that cannot be listed (it
			// was already given to addDir, which reports what matters):
			// skip it and watch the rest of the tree.
			return nil //nolint:nilerr // skipping unreadable entries is the point
		case p != root && hidden(p):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case d.IsDir():
			w.addDir(p, true)
		case found && readable(p):
			w.pending[p] = struct{}{}
		}
		return nil
	})
}

func (w *watcher) fail(err error) {
	if !w.failed {
		w.err, w.failed = err, true
	}
}

// handle records an event if it concerns a path the reader cares about.
func (w *watcher) handle(ev fsnotify.Event) bool {
	p := filepath.Clean(ev.Name)
	gone := ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if w.files[p] {
		w.pending[p] = struct{}{}
		return true
	}
	if _, watched := w.dirs[p]; w.roots[p] && !watched && ev.Has(fsnotify.Create) {
		// A folder named directly was deleted (or moved away) and is
		// back, seen from its parent: watch it again; what is in it
		// has changed.
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			w.addTree(p, true)
		}
		w.pending[p] = struct{}{}
		return true
	}
	if recursive, ok := w.dirs[p]; ok && gone {
		for d := range w.dirs {
			if d == p || strings.HasPrefix(d, p+string(filepath.Separator)) {
				delete(w.dirs, d)
				_ = w.fs.Remove(d)
			}
		}
		if recursive {
			w.pending[p] = struct{}{}
		}
		return recursive
	}
	if !w.dirs[filepath.Dir(p)] || hidden(p) {
		return false
	}
	isDir := false
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			w.addTree(p, true)
			isDir = true
		}
	}
	if !isDir && !readable(p) {
		return false
	}
	w.pending[p] = struct{}{}
	return true
}

// run debounces events into Changes until ctx is cancelled. A Change that is
// ready but not yet received keeps absorbing later paths.
func (w *watcher) run(ctx context.Context, quiet time.Duration, out chan<- Change) {
	defer close(out)
	defer w.fs.Close()
	timer := time.NewTimer(quiet)
	timer.Stop()
	ready := map[string]struct{}{}
	for {
		var send chan<- Change
		var next Change
		switch {
		case w.err != nil:
			send, next = out, Change{Err: w.err}
		case len(ready) > 0:
			send, next = out, Change{Paths: slices.Sorted(maps.Keys(ready))}
		}
		select {
		case <-ctx.Done():
			return
		case send <- next:
			if next.Err != nil {
				w.err = nil
			} else {
				clear(ready)
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.handle(ev) {
				timer.Reset(quiet)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.fail(fmt.Errorf("watch: %w", err))
		case <-timer.C:
			for p := range w.pending {
				ready[p] = struct{}{}
			}
			clear(w.pending)
		}
	}
}
