package model

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// sidecarNames are the metadata files a folder may hold for its documents.
var sidecarNames = []string{"metadata.tsv", "metadata.csv"}

// fileColumns name the column of a sidecar file that names the document.
var fileColumns = []string{"file", "filename", "file_name", "path", "name", "id"}

// sidecars finds and reads the metadata.tsv or metadata.csv files of the
// folders documents come from: a column names the file, and the columns
// the headers know (title, date, speaker, author, publisher, place, …)
// fill the document's metadata. A file applies to its folder and the
// folders below it. It is safe for the loader's goroutines.
type sidecars struct {
	mu     sync.Mutex
	tables map[string]map[string]map[string]string // folder → file key → field → value
}

func newSidecars() *sidecars { return &sidecars{tables: map[string]map[string]map[string]string{}} }

// apply fills d from the nearest sidecar file above path that names it,
// The loader analyses the document afterwards.
func (s *sidecars) apply(d *Document, path string) {
	base := filepath.Base(path)
	key := strings.TrimSuffix(base, filepath.Ext(base))
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if row := s.table(dir)[key]; row != nil {
			for field, value := range row {
				d.setField(field, value)
			}
			return
		}
		if parent := filepath.Dir(dir); parent == dir || len(parent) < 1 {
			return
		}
	}
}

// table reads (once) the sidecar file of a folder, keyed by file name
// without extension.
func (s *sidecars) table(dir string) map[string]map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.tables[dir]; ok {
		return t
	}
	var t map[string]map[string]string
	for _, name := range sidecarNames {
		if t = readSidecar(filepath.Join(dir, name)); t != nil {
			break
		}
	}
	s.tables[dir] = t
	return t
}

// readSidecar reads a CSV or TSV file with a header row; nil when there is
// no such file or it has no column naming files.
func readSidecar(path string) map[string]map[string]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	r := csv.NewReader(f)
	if strings.HasSuffix(path, ".tsv") {
		r.Comma = '\t'
		r.LazyQuotes = true
	}
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		return nil
	}
	head := rows[0]
	fileCol := -1
	for i, h := range head {
		for _, want := range fileColumns {
			if strings.EqualFold(strings.TrimSpace(h), want) && fileCol < 0 {
				fileCol = i
			}
		}
	}
	if fileCol < 0 {
		return nil
	}
	t := map[string]map[string]string{}
	for _, row := range rows[1:] {
		if fileCol >= len(row) {
			continue
		}
		name := filepath.Base(strings.TrimSpace(row[fileCol]))
		fields := map[string]string{}
		for i, h := range head {
			field, ok := headerKeys[strings.ToLower(strings.TrimSpace(strings.ReplaceAll(h, "publication_", "")))]
			if !ok || i >= len(row) || i == fileCol {
				continue
			}
			if v := strings.TrimSpace(row[i]); v != "" && v != "None" {
				fields[field] = Sanitize(v)
			}
		}
		t[strings.TrimSuffix(name, filepath.Ext(name))] = fields
	}
	return t
}
