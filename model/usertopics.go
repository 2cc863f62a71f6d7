package model

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"rostrum/internal/safefile"
	"rostrum/model/topics"
)

// MaxTopicsFileSize is the largest topics file read (1 MiB; the built-in
// lexicon is 42 KiB).
const MaxTopicsFileSize = 1 << 20

// LoadLexicon returns the built-in topic lexicon merged with the user's
// topics file at path, when there is one: a user topic with the ID or
// label of a built-in one replaces it, the others are added. A file that
// cannot be read or does not compile is reported in warning, and the
// built-in lexicon is returned, so the built-in topics always work.
func LoadLexicon(path string) (lx *topics.Lexicon, warning string) {
	builtin, err := topics.Builtin()
	if err != nil {
		// A broken built-in lexicon is a bug caught by the tests.
		panic(err)
	}
	if path == "" {
		return builtin, ""
	}
	data, err := safefile.ReadFile(path, MaxTopicsFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return builtin, ""
	}
	if err != nil {
		return builtin, fmt.Sprintf("topics file %s: %s; using the built-in topics", path, safefile.Reason(err))
	}
	user, err := topics.ParseYAML(data)
	if err == nil {
		lx, err = topics.Compile(topics.Merge(builtin.Topics, user))
	}
	if err != nil {
		first := strings.SplitN(err.Error(), "\n", 2)[0]
		return builtin, fmt.Sprintf("topics file %s: %s; using the built-in topics", path, first)
	}
	return lx, ""
}
