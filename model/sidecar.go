package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"rostrum/internal/safefile"
)

// sidecarNames are the metadata files a folder may hold for its documents.
var sidecarNames = []string{"metadata.tsv", "metadata.csv"}

// fileColumns name the column of a sidecar file that names the document.
var fileColumns = []string{"file", "filename", "file_name", "path", "name", "id"}

// sidecars holds the metadata.tsv or metadata.csv tables of the folders
// opened: a column names the file, and the columns the headers know
// (title, date, speaker, author, publisher, place, …) fill the document's
// metadata. A table applies to its folder and the folders below it, down
// from the folder opened (a file named on the command line: its own
// folder); a folder above the one opened is never looked in, so a file
// planted in a shared folder such as /tmp cannot rename what is read
// below it. The tables are read while the paths are expanded, before the
// loader's goroutines start, which then only read them.
type sidecars struct {
	limit  int64                                   // the size cap
	tables map[string]map[string]map[string]string // folder → file key → field → value; nil: none
}

func newSidecars(limit int64) *sidecars {
	return &sidecars{limit: limit, tables: map[string]map[string]map[string]string{}}
}

// load reads the sidecar of dir, once: metadata.tsv, else metadata.csv. A
// sidecar that is not a regular file, is over the size cap or cannot be
// read is a problem, and is not opened or not read.
func (s *sidecars) load(dir string) []Problem {
	if _, ok := s.tables[dir]; ok {
		return nil
	}
	var problems []Problem
	var t map[string]map[string]string
	for _, name := range sidecarNames {
		path := filepath.Join(dir, name)
		data, err := safefile.ReadFile(path, s.limit)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			problems = append(problems, Problem{Path: path, Reason: "metadata file not read: " + describeErr(err)})
			continue
		}
		if t = readSidecar(data, strings.HasSuffix(name, ".tsv")); t != nil {
			break
		}
	}
	s.tables[dir] = t
	return problems
}

// apply fills d, read from path, from the nearest sidecar that names it,
// from path's folder up to root (and no further). The loader analyses the
// document afterwards.
func (s *sidecars) apply(d *Document, path, root string) {
	if s == nil || root == "" {
		return
	}
	base := filepath.Base(path)
	key := strings.TrimSuffix(base, filepath.Ext(base))
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if row := s.tables[dir][key]; row != nil {
			for field, value := range row {
				d.setField(field, value)
			}
			return
		}
		if dir == root || filepath.Dir(dir) == dir {
			return
		}
	}
}

// readSidecar reads a CSV or TSV file with a header row; nil when it does
// not parse or has no column naming files.
func readSidecar(data []byte, tsv bool) map[string]map[string]string {
	r := csv.NewReader(bytes.NewReader(data))
	if tsv {
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
