package model_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"rostrum/model"
	"rostrum/seeds"
)

// writeTree creates files under dir; a name ending in "/" is a folder.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rel returns the slash-separated paths of docs relative to dir.
func relPaths(t *testing.T, dir string, docs []*model.Document) []string {
	t.Helper()
	var out []string
	for _, d := range docs {
		r, err := filepath.Rel(dir, d.Path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

// problemMap maps slash-separated paths relative to dir to reasons.
func problemMap(t *testing.T, dir string, probs []model.Problem) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range probs {
		r, err := filepath.Rel(dir, p.Path)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(r)] = p.Reason
	}
	return out
}

func checkProblemReasons(t *testing.T, probs []model.Problem) {
	t.Helper()
	for _, p := range probs {
		if strings.TrimSpace(p.Reason) == "" || strings.Contains(p.Reason, "\n") {
			t.Errorf("problem %s: reason is not one non-empty line: %q", p.Path, p.Reason)
		}
		if p.String() != p.Path+": "+p.Reason {
			t.Errorf("Problem.String() = %q", p.String())
		}
	}
}

const goodText = "A headline for %s\n\nThe body of %s has a sentence. It has another one.\n"

func good(name string) string { return fmt.Sprintf(goodText, name, name) }

func TestLoadTree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":             good("a"),
		"z.md":              good("z"),
		"b/c.txt":           good("c"),
		"b/d/e.txt":         good("e"),
		"b/d/f/":            "",
		"b/empty.txt":       "",
		"b/blank.txt":       " \n\n\t\n",
		"b/bin.txt":         "GIF89a\x00\x01\x02\x03",
		".secret.txt":       good("secret"),
		".git/x.txt":        good("git"),
		".git/objects/y":    "\x00\x01",
		"._a.txt":           "\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ATTR",
		"b/._c.txt":         "\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ATTR",
		"b/d/.hidden/g.txt": good("g"),
	})
	for _, workers := range []int{0, 1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			t.Parallel()
			c, err := model.Load(context.Background(), []string{dir}, model.LoadOptions{Workers: workers})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			wantDocs := []string{"a.txt", "b/c.txt", "b/d/e.txt", "z.md"}
			if got := relPaths(t, dir, c.Docs); !slices.Equal(got, wantDocs) {
				t.Errorf("documents = %q, want %q", got, wantDocs)
			}
			if c.Len() != len(c.Docs) {
				t.Errorf("Len() = %d, len(Docs) = %d", c.Len(), len(c.Docs))
			}
			probs := problemMap(t, dir, c.Problems)
			wantProbs := map[string]string{
				"b/bin.txt":   "binary",
				"b/empty.txt": "empty",
				"b/blank.txt": "empty",
			}
			if len(probs) != len(wantProbs) || len(c.Problems) != len(wantProbs) {
				t.Errorf("problems = %v, want one each for %v", c.Problems, wantProbs)
			}
			for p, word := range wantProbs {
				if !strings.Contains(probs[p], word) {
					t.Errorf("problem for %s = %q, want it to mention %q", p, probs[p], word)
				}
			}
			checkProblemReasons(t, c.Problems)
			for _, d := range c.Docs {
				checkDoc(t, d)
				if d.Title == "" || !strings.HasPrefix(d.Title, "A headline for ") {
					t.Errorf("%s: title %q", d.Path, d.Title)
				}
			}
		})
	}
}

func TestLoadPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"one.txt":     good("one"),
		"two.txt":     good("two"),
		"sub/3.txt":   good("three"),
		".hidden.txt": good("hidden"),
	})
	missing := filepath.Join(dir, "does-not-exist")
	c, err := model.Load(context.Background(), []string{
		filepath.Join(dir, "two.txt"), missing, filepath.Join(dir, "sub"), filepath.Join(dir, "one.txt"),
		filepath.Join(dir, ".hidden.txt"),
	}, model.LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	// Arguments keep the order given; an explicitly named hidden file is read.
	want := []string{"two.txt", "sub/3.txt", "one.txt", ".hidden.txt"}
	if got := relPaths(t, dir, c.Docs); !slices.Equal(got, want) {
		t.Errorf("documents = %q, want %q", got, want)
	}
	if len(c.Problems) != 1 || c.Problems[0].Path != missing || c.Problems[0].Reason != "no such file or folder" {
		t.Errorf("problems = %v, want %s: no such file or folder", c.Problems, missing)
	}
}

func TestLoadMissing(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "nope", "nothing.txt")
	c, err := model.Load(context.Background(), []string{missing}, model.LoadOptions{})
	if err != nil {
		t.Fatalf("Load returned error %v; a missing path should be a problem", err)
	}
	if c.Len() != 0 {
		t.Errorf("loaded %d documents", c.Len())
	}
	want := []model.Problem{{Path: missing, File: missing, Reason: "no such file or folder"}}
	if !slices.Equal(c.Problems, want) {
		t.Errorf("problems = %v, want %v", c.Problems, want)
	}
}

func TestLoadNoPaths(t *testing.T) {
	t.Parallel()
	c, err := model.Load(context.Background(), nil, model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 0 || len(c.Problems) != 0 || len(c.Filter("")) != 0 {
		t.Errorf("empty Load gave %d docs, problems %v", c.Len(), c.Problems)
	}
}

func TestLoadMaxFileSize(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	small := "Small file. " + strings.Repeat("x", 100-len("Small file. "))
	writeTree(t, dir, map[string]string{
		"big.txt":   "Big file. " + strings.Repeat("word ", 40),
		"limit.txt": small,
	})
	if len(small) != 100 {
		t.Fatalf("fixture is %d bytes", len(small))
	}
	c, err := model.Load(context.Background(), []string{dir}, model.LoadOptions{MaxFileSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if got := relPaths(t, dir, c.Docs); !slices.Equal(got, []string{"limit.txt"}) {
		t.Errorf("documents = %q, want only limit.txt (exactly at the limit)", got)
	}
	probs := problemMap(t, dir, c.Problems)
	reason, ok := probs["big.txt"]
	if len(probs) != 1 || !ok {
		t.Fatalf("problems = %v, want one for big.txt", c.Problems)
	}
	if !strings.Contains(reason, "limit") {
		t.Errorf("reason %q does not mention the limit", reason)
	}
	checkProblemReasons(t, c.Problems)

	t.Run("reason states the limit", func(t *testing.T) {
		if !strings.Contains(reason, "100") {
			t.Errorf("reason %q does not state the 100-byte limit", reason)
		}
	})
}

func TestLoadDefaultMaxFileSize(t *testing.T) {
	t.Parallel()
	if model.DefaultMaxFileSize != 16<<20 {
		t.Errorf("DefaultMaxFileSize = %d", model.DefaultMaxFileSize)
	}
	dir := t.TempDir()
	big := make([]byte, model.DefaultMaxFileSize+1)
	for i := range big {
		big[i] = 'a' + byte(i%26)
		if i%80 == 79 {
			big[i] = '\n'
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "huge.txt"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := model.Load(context.Background(), []string{dir}, model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 0 || len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Reason, "16 MiB") {
		t.Errorf("docs %d, problems %v; want one problem mentioning the 16 MiB limit", c.Len(), c.Problems)
	}
}

func TestLoadStdin(t *testing.T) {
	t.Parallel()
	t.Run("reader", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{model.StdinPath},
			model.LoadOptions{Stdin: strings.NewReader("date 2025-08-30 ASTANA, August 30. /TASS/. Hello from stdin. More.")})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 1 || len(c.Problems) != 0 {
			t.Fatalf("docs %d, problems %v; want one document", c.Len(), c.Problems)
		}
		d := c.Docs[0]
		if d.Path != "-" || d.Title != "Hello from stdin" || d.Place != "Astana" {
			t.Errorf("got path %q title %q place %q", d.Path, d.Title, d.Place)
		}
	})
	t.Run("nil reader", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{"-"}, model.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 0 || len(c.Problems) != 1 || c.Problems[0].Path != "-" ||
			!strings.Contains(c.Problems[0].Reason, "standard input") {
			t.Errorf("docs %d, problems %v; want one problem for -", c.Len(), c.Problems)
		}
	})
	t.Run("over the limit", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{"-"},
			model.LoadOptions{MaxFileSize: 10, Stdin: strings.NewReader(strings.Repeat("long text ", 10))})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 0 || len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Reason, "limit") {
			t.Errorf("docs %d, problems %v; want one limit problem", c.Len(), c.Problems)
		}
	})
	t.Run("read error", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{"-"},
			model.LoadOptions{Stdin: errReader{errors.New("device on fire")}})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 0 || len(c.Problems) != 1 || c.Problems[0].Reason != "device on fire" {
			t.Errorf("docs %d, problems %v; want the read error as a problem", c.Len(), c.Problems)
		}
	})
}

// TestLoadStdinTwice: "-" named twice must not have two workers read
// standard input at once and split its text between two documents.
func TestLoadStdinTwice(t *testing.T) {
	t.Parallel()
	const text = "Standard input holds one document. It must arrive in one piece."
	r := &slowReader{data: []byte(text)}
	c, err := model.Load(context.Background(), []string{"-", "-"}, model.LoadOptions{Stdin: r, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	whole := 0
	for _, d := range c.Docs {
		if d.Body == text {
			whole++
		}
	}
	if whole != 1 {
		t.Errorf("%d documents hold the whole input, want 1 (docs %d, problems %v)", whole, c.Len(), c.Problems)
	}
	for _, d := range c.Docs {
		if d.Body != text {
			t.Errorf("document %s holds part of the input: %q", d.ID, d.Body)
		}
	}
}

// slowReader is a goroutine-safe reader that returns one byte per call
// after a short pause, as a terminal or pipe may.
type slowReader struct {
	mu   sync.Mutex
	data []byte
}

func (r *slowReader) Read(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.data[0]
	r.data = r.data[1:]
	return 1, nil
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestLoadSymlinks(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"real/a.txt": good("a"),
		"tree/b.txt": good("b"),
	})
	symlink := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dangling := symlink(filepath.Join(dir, "gone.txt"), "dangling.txt")
	symlink(filepath.Join(dir, "gone.txt"), "tree/dangling.txt")
	symlink(filepath.Join(dir, "real", "a.txt"), "tree/link.txt")
	linkDir := symlink(filepath.Join(dir, "real"), "linkdir")

	t.Run("dangling argument", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{dangling}, model.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 0 || len(c.Problems) != 1 || c.Problems[0].Reason != "no such file or folder" {
			t.Errorf("docs %d, problems %v; want one no-such-file problem", c.Len(), c.Problems)
		}
	})
	t.Run("links inside a folder", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{filepath.Join(dir, "tree")}, model.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := relPaths(t, dir, c.Docs); !slices.Equal(got, []string{"tree/b.txt", "tree/link.txt"}) {
			t.Errorf("documents = %q, want tree/b.txt and tree/link.txt", got)
		}
		want := map[string]string{"tree/dangling.txt": "broken symbolic link"}
		if got := problemMap(t, dir, c.Problems); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("problems = %v, want %v", got, want)
		}
	})
	t.Run("link to a pipe inside a folder is skipped, not read", func(t *testing.T) {
		t.Parallel()
		pipeDir := t.TempDir()
		if err := syscall.Mkfifo(filepath.Join(pipeDir, "p"), 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		if err := os.Symlink(filepath.Join(pipeDir, "p"), filepath.Join(pipeDir, "x.txt")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pipeDir, "ok.txt"), []byte("Plain text here."), 0o644); err != nil {
			t.Fatal(err)
		}
		// Opening the pipe would block for ever; the loader must not try.
		c, err := model.Load(context.Background(), []string{pipeDir}, model.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 1 {
			t.Errorf("want only ok.txt, got %d documents", c.Len())
		}
	})
	t.Run("symlinked folder argument", func(t *testing.T) {
		t.Parallel()
		c, err := model.Load(context.Background(), []string{linkDir}, model.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 1 || len(c.Problems) != 0 {
			t.Errorf("docs %d, problems %v; want the folder's one document", c.Len(), c.Problems)
		}
	})
}

func TestLoadCancelled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": good("a"), "b.txt": good("b")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, paths := range map[string][]string{"folder": {dir}, "no paths": nil} {
		c, err := model.Load(ctx, paths, model.LoadOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: Load with a cancelled context: err = %v, want context.Canceled", name, err)
		}
		if c != nil {
			t.Errorf("%s: corpus returned with an error: %d docs", name, c.Len())
		}
	}
	c, err := model.LoadFS(ctx, seeds.FS(), "seeds", model.LoadOptions{})
	if !errors.Is(err, context.Canceled) || c != nil {
		t.Errorf("LoadFS with a cancelled context: %v, %v", c, err)
	}
}

func TestLoadDuplicates(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	same := good("same")
	writeTree(t, dir, map[string]string{
		"1.txt": same,
		"2.txt": same,
		"3.txt": good("other"),
		"4.txt": strings.ReplaceAll(same, "\n", "\r\n"), // same text once sanitised
	})
	c, err := model.Load(context.Background(), []string{dir}, model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 4 {
		t.Fatalf("loaded %d documents, want 4", c.Len())
	}
	base := c.Docs[0].ID
	want := []string{base, base + "-2", c.Docs[2].ID, base + "-3"}
	var got []string
	for _, d := range c.Docs {
		got = append(got, d.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("IDs = %q, want %q", got, want)
	}
	if c.Docs[2].ID == base || !idPattern.MatchString(c.Docs[2].ID) {
		t.Errorf("third document ID %q", c.Docs[2].ID)
	}
	seen := map[string]bool{}
	for _, id := range got {
		if seen[id] {
			t.Errorf("duplicate ID %s", id)
		}
		seen[id] = true
		if d, err := c.Find(id); err != nil || d.ID != id {
			t.Errorf("Find(%s) = %v, %v", id, d, err)
		}
	}
}

func TestLoadFSSeeds(t *testing.T) {
	t.Parallel()
	c, err := model.LoadFS(context.Background(), seeds.FS(), "seeds", model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 1 || len(c.Problems) != 0 {
		t.Fatalf("docs %d, problems %v; want one seed", c.Len(), c.Problems)
	}
	d := c.Docs[0]
	if !strings.HasPrefix(d.Path, "seeds/") || d.Path != "seeds/"+seedName {
		t.Errorf("Path = %q, want seeds/%s", d.Path, seedName)
	}
	want, err := model.Parse("x", seedBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != want.ID || d.Title != want.Title || d.Place != "Tianjin, China" {
		t.Errorf("seed loaded as ID %s title %q place %q", d.ID, d.Title, d.Place)
	}
}

func TestLoadFS(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"b.txt":            {Data: []byte(good("b"))},
		"a/z.txt":          {Data: []byte(good("z"))},
		"a/y.txt":          {Data: []byte(good("y"))},
		"bin.txt":          {Data: []byte("\x00\x01")},
		".hidden.txt":      {Data: []byte(good("hidden"))},
		".dir/inside.txt":  {Data: []byte(good("inside"))},
		"a/._y.txt":        {Data: []byte("\x00\x05\x16\x07")},
		"empty":            {Mode: fs.ModeDir},
		"c/deeper/one.txt": {Data: []byte(good("one"))},
	}
	c, err := model.LoadFS(context.Background(), fsys, "pfx", model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range c.Docs {
		got = append(got, d.Path)
	}
	want := []string{"pfx/a/y.txt", "pfx/a/z.txt", "pfx/b.txt", "pfx/c/deeper/one.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("documents = %q, want %q", got, want)
	}
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Reason, "binary") {
		t.Fatalf("problems = %v, want one for bin.txt", c.Problems)
	}
	t.Run("problem path has the prefix", func(t *testing.T) {
		p := c.Problems[0].Path
		if want := path.Join("pfx", "bin.txt"); p != want {
			t.Errorf("problem path = %q, want %q", p, want)
		}
	})
}

// corpusDocs parses texts into documents under the paths doc0.txt, ...
func corpusDocs(t *testing.T, texts ...string) []*model.Document {
	t.Helper()
	var docs []*model.Document
	for i, text := range texts {
		d, err := model.ParseText(fmt.Sprintf("doc%d.txt", i), text)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestCorpusFind(t *testing.T) {
	t.Parallel()
	docs := corpusDocs(t, good("a"), good("a"), good("b"), good("c"))
	c := model.NewCorpus(docs, nil)
	a, a2, b := docs[0].ID, docs[1].ID, docs[2].ID
	if a2 != a+"-2" {
		t.Fatalf("duplicate got ID %q, want %q", a2, a+"-2")
	}
	// A prefix of b that no other ID shares.
	var unique string
	for n := 1; n <= len(b); n++ {
		shared := false
		for _, d := range docs {
			if d.ID != b && strings.HasPrefix(d.ID, b[:n]) {
				shared = true
			}
		}
		if !shared {
			unique = b[:n]
			break
		}
	}
	if len(unique) == len(b) {
		t.Fatalf("no unique prefix shorter than %s", b)
	}
	cases := []struct {
		name, id, want, errHas string
	}{
		{"exact ID", b, b, ""},
		{"exact ID that prefixes another", a, a, ""},
		{"suffixed duplicate", a2, a2, ""},
		{"unique prefix", unique, b, ""},
		{"prefix of the suffixed ID only", a + "-", a2, ""},
		{"ambiguous prefix", a[:6], "", "ambiguous"},
		{"missing", "ffffffffffffff", "", "no document"},
		{"empty", "", "", "no document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := c.Find(tc.id)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Errorf("Find(%q) = %v, %v; want error mentioning %q", tc.id, d, err, tc.errHas)
				}
				if d != nil {
					t.Errorf("Find(%q) returned a document with an error", tc.id)
				}
				return
			}
			if err != nil || d == nil || d.ID != tc.want {
				t.Errorf("Find(%q) = %v, %v; want %s", tc.id, d, err, tc.want)
			}
		})
	}
}

func TestCorpusFilter(t *testing.T) {
	t.Parallel()
	seed, err := model.Parse("seed.txt", seedBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	docs := []*model.Document{
		seed, // 0
		{ID: "bbbbbbbbbbbb", Title: "Zanzibar Headline", Body: "Nothing to see.", Words: 3},        // 1
		{ID: "cccccccccccc", Place: "Timbuktu", Source: "Reuters", Body: "Plain words.", Words: 2}, // 2
		{ID: "dddddddddddd", Speaker: "Ada Lovelace", Body: "Engines and Café culture.", Words: 4}, // 3
	}
	c := model.NewCorpus(docs, nil)
	all := []int{0, 1, 2, 3}
	cases := []struct {
		name, query string
		want        []int
	}{
		{"empty query", "", all},
		{"blank query", "  \t ", all},
		{"body word", "Afghanistan", []int{0}},
		{"case-insensitive", "tIaNjIn", []int{0}},
		{"title only", "zanzibar", []int{1}},
		{"place only", "TIMBUKTU", []int{2}},
		{"source", "reuters", []int{2}},
		{"speaker", "lovelace", []int{3}},
		{"date", "2025-09-01", []int{0}},
		{"all words must match", "kazakhstan sco", []int{0}},
		{"one word missing", "kazakhstan timbuktu", []int{}},
		{"word across documents", "plain", []int{2}},
		{"a word being typed matches word starts", "e", []int{0, 3}},
		{"earlier words are whole words", "plai words", []int{}},
		{"title matches rank first", "headline", []int{1}},
		{"non-ASCII case folding", "CAFÉ", []int{3}},
		{"no match", "xylophone", []int{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := c.Filter(tc.query)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Filter(%q) = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}

func BenchmarkLoadSeeds(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c, err := model.LoadFS(ctx, seeds.FS(), "seeds", model.LoadOptions{})
		if err != nil || c.Len() != 1 {
			b.Fatalf("LoadFS: %v, %v", c, err)
		}
	}
}

func TestFilterRanksTitleMatchesFirst(t *testing.T) {
	c := model.NewCorpus([]*model.Document{
		{ID: "aaaaaaaaaaaa", Title: "Harvest report", Body: "The grain harvest was poor.", Words: 5},
		{ID: "bbbbbbbbbbbb", Title: "Grain prices rise", Body: "Prices rose.", Words: 2},
	}, nil)
	if got := c.Filter("grain"); !slices.Equal(got, []int{1, 0}) {
		t.Fatalf("Filter(grain) = %v, want the title match first", got)
	}
	if got := c.Query(model.Query{Text: "gra"}); !slices.Equal(got, []int{1, 0}) {
		t.Fatalf("Query keeps the rank order: %v", got)
	}
	c.Append([]*model.Document{{ID: "cccccccccccc", Title: "Grain", Body: "Grain again.", Words: 2}}, nil)
	if got := c.Filter("grain"); !slices.Equal(got, []int{1, 2, 0}) {
		t.Fatalf("appended documents are searched too: %v", got)
	}
}

// BenchmarkLoadCorpora loads and analyses every real corpus under
// $ROSTRUM_CORPORA; MB/s is over the bytes of the files read.
func BenchmarkLoadCorpora(b *testing.B) {
	root := os.Getenv("ROSTRUM_CORPORA")
	if root == "" {
		b.Skip("set ROSTRUM_CORPORA to the corpora folder to load the real corpora")
	}
	var size int64
	_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		c, err := model.Load(context.Background(), []string{root}, model.LoadOptions{})
		if err != nil || c.Len() < 1000 {
			b.Fatalf("Load: %v documents, %v", c.Len(), err)
		}
	}
}
