package cli

import (
	"context"
	"log"
	"slices"
	"time"

	"rostrum/internal/watch"
	"rostrum/model"
	"rostrum/model/topics"
)

// reloader reads the opened paths again for the reader (r, after an edit,
// after files change); a new reload cancels the one before.
type reloader struct {
	ctx    context.Context
	paths  []string
	s      *session
	lx     *topics.Lexicon
	cancel context.CancelFunc
}

// reload starts reading the paths again and returns the batches' channel.
func (r *reloader) reload() <-chan model.Progress {
	if r.cancel != nil {
		r.cancel()
	}
	ctx, cancel := context.WithCancel(r.ctx)
	r.cancel = cancel
	ch := make(chan model.Progress)
	go streamLoad(ctx, r.paths, r.s, r.lx, ch)
	return ch
}

// canReload reports whether the paths can be read again: not the embedded
// seeds, and not standard input, which is read once.
func canReload(paths []string) bool {
	return len(paths) > 0 && !slices.Contains(paths, model.StdinPath)
}

// watchPaths reports changes to the opened files as lists of paths; a
// watching error is logged and watching stops (the reader still works,
// and r reloads by hand).
func watchPaths(ctx context.Context, paths []string) <-chan []string {
	changes, err := watch.Watch(ctx, paths, 300*time.Millisecond)
	if err != nil {
		log.Printf("not watching %v: %v", paths, err)
		return nil
	}
	out := make(chan []string)
	go func() {
		defer close(out)
		for c := range changes {
			if c.Err != nil {
				log.Printf("watching: %v", c.Err)
				continue
			}
			select {
			case out <- c.Paths:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
