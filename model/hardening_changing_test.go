package model_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"rostrum/model"
)

// hardFS is an fs.FS over a MapFS whose files can change between the walk
// and the read: a vanished file is listed but does not open, a grown file
// opens with more bytes than the walk saw, and an endless or failing file
// never ends or fails part way.
type hardFS struct {
	fstest.MapFS
	vanished map[string]bool
	grown    map[string][]byte
	endless  map[string]bool
	failing  map[string]error
	opens    atomic.Int64
	// Opens after the first gateAfter wait until gate is closed, when
	// gate is set: a slow disk.
	gate    chan struct{}
	ungated string       // the one file read at once when gate is set
	waiting atomic.Int64 // opens waiting at the gate
}

func (h *hardFS) Open(name string) (fs.File, error) {
	h.opens.Add(1)
	if h.gate != nil && name != h.ungated {
		h.waiting.Add(1)
		<-h.gate
	}
	switch {
	case h.vanished[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case h.grown[name] != nil:
		return &hardFile{name: name, r: bytes.NewReader(h.grown[name]), size: int64(len(h.MapFS[name].Data))}, nil
	case h.endless[name]:
		return &hardFile{name: name, r: hardEndless{}, size: 10}, nil
	}
	if err := h.failing[name]; err != nil {
		// The open succeeds; reading fails with err after some text.
		return &hardFile{name: name, r: io.MultiReader(strings.NewReader("Some text first. "), hardFailing{err}), size: 100}, nil //nolint:nilerr // err is for the read, not the open
	}
	return h.MapFS.Open(name)
}

type hardFile struct {
	name string
	r    io.Reader
	size int64
}

func (f *hardFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *hardFile) Close() error               { return nil }
func (f *hardFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{f.name: &fstest.MapFile{Data: make([]byte, f.size)}}.Stat(f.name)
}

// hardEndless reads as prose for ever.
type hardEndless struct{}

func (hardEndless) Read(p []byte) (int, error) {
	const s = "and on and on "
	for i := range p {
		p[i] = s[i%len(s)]
	}
	return len(p), nil
}

type hardFailing struct{ err error }

func (r hardFailing) Read([]byte) (int, error) { return 0, r.err }

func TestHardeningChangingFiles(t *testing.T) {
	t.Parallel()
	small := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	cases := []struct {
		name     string
		fsys     *hardFS
		opts     model.LoadOptions
		docs     int
		problems map[string]string // path (with prefix) → part of the reason
		check    func(t *testing.T, c *model.Corpus)
	}{
		{
			name: "file vanishes while loading",
			fsys: &hardFS{
				MapFS:    fstest.MapFS{"good.txt": small(hardGood), "gone.txt": small(hardGood + "gone")},
				vanished: map[string]bool{"gone.txt": true},
			},
			docs:     1,
			problems: map[string]string{"mem/gone.txt": "no such file"},
		},
		{
			name: "file grows while loading",
			fsys: &hardFS{
				MapFS: fstest.MapFS{"good.txt": small(hardGood), "grows.txt": small("Short.")},
				grown: map[string][]byte{"grows.txt": []byte("Short.\n\nBut then it grew a second paragraph while the walk was done.\n")},
			},
			docs: 2,
			check: func(t *testing.T, c *model.Corpus) {
				for _, d := range c.Docs {
					if d.Path == "mem/grows.txt" && !strings.Contains(d.Body, "grew a second paragraph") {
						t.Errorf("grown file: body %q lacks the bytes added after the walk", d.Body)
					}
				}
			},
		},
		{
			name: "file grows past the size cap while loading",
			fsys: &hardFS{
				MapFS: fstest.MapFS{"good.txt": small(hardGood), "grows.txt": small("Short.")},
				grown: map[string][]byte{"grows.txt": []byte(hardProse(4096))},
			},
			opts:     model.LoadOptions{MaxFileSize: 1024},
			docs:     1,
			problems: map[string]string{"mem/grows.txt": "1024 bytes limit"},
		},
		{
			name: "endless file stops at the size cap",
			fsys: &hardFS{
				MapFS:   fstest.MapFS{"good.txt": small(hardGood), "endless.txt": small("x")},
				endless: map[string]bool{"endless.txt": true},
			},
			opts:     model.LoadOptions{MaxFileSize: 64 << 10},
			docs:     1,
			problems: map[string]string{"mem/endless.txt": "limit"},
		},
		{
			name: "read fails part way with a multi-line error",
			fsys: &hardFS{
				MapFS:   fstest.MapFS{"good.txt": small(hardGood), "fails.txt": small("x")},
				failing: map[string]error{"fails.txt": errors.New("input/output error\nat sector 7\x1b[31m\u202e")},
			},
			docs:     1,
			problems: map[string]string{"mem/fails.txt": "input/output error"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			var progressProbs []model.Problem
			var mu sync.Mutex
			tc.opts.Progress = func(p model.Progress) {
				mu.Lock()
				defer mu.Unlock()
				progressProbs = append(progressProbs, p.Problems...)
			}
			c, err := model.LoadFS(ctx, tc.fsys, "mem", tc.opts)
			if err != nil {
				t.Fatalf("LoadFS: %v", err)
			}
			hardCheckProblems(t, c.Problems)
			if c.Len() != tc.docs {
				t.Errorf("loaded %d documents, want %d", c.Len(), tc.docs)
			}
			got := map[string]string{}
			for _, p := range c.Problems {
				got[p.Path] = p.Reason
			}
			for name, want := range tc.problems {
				if reason, ok := got[name]; !ok || !strings.Contains(reason, want) {
					t.Errorf("problem for %s = %q (present %v), want it to mention %q; all %q", name, reason, ok, want, c.Problems)
				}
			}
			if len(got) != len(tc.problems) {
				t.Errorf("problems %q, want only %v", c.Problems, tc.problems)
			}
			// The problems a reader sees while the load runs, once added
			// to its corpus, must be as clean as the finished corpus's.
			// (TestHardeningProgressIsClean checks them as handed over.)
			mu.Lock()
			live := model.NewCorpus(nil, nil)
			live.Append(nil, progressProbs)
			hardCheckProblems(t, live.Problems)
			mu.Unlock()
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}
