package readstate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"rostrum/internal/safefile"
)

// Seams for tests.
var (
	now    = time.Now
	rename = os.Rename
)

// MaxSize is the largest state file read or written (64 MiB; a year of
// heavy reading with thousands of stars is well under 1 MiB).
const MaxSize = 64 << 20

// badFileError means the file exists but is not a state we can use.
type badFileError struct {
	// damaged: a regular file that does not parse or is over MaxSize,
	// which may be set aside. Otherwise (a pipe, device or folder, or a
	// file that cannot be read) it is left where it is.
	damaged bool
	err     error
}

func (e *badFileError) Error() string { return e.err.Error() }

// empty is a fresh state.
func empty() State {
	return State{Version: Version, Read: map[string]time.Time{}}
}

// readState reads and parses the file at path, opening only a regular
// file and without blocking (see package safefile). A missing file is an
// error satisfying errors.Is(err, fs.ErrNotExist); any other failure is a
// *badFileError.
func readState(path string) (State, error) {
	data, err := safefile.ReadFile(path, MaxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return empty(), err
	}
	if err != nil {
		return empty(), &badFileError{damaged: errors.As(err, new(*safefile.TooLargeError)), err: errors.New(safefile.Reason(err))}
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return empty(), &badFileError{damaged: true, err: err}
	}
	if strings.TrimSpace(string(data)) == "null" { // parses, but is no state
		return empty(), &badFileError{damaged: true, err: errors.New("file holds null")}
	}
	if st.Read == nil {
		st.Read = map[string]time.Time{}
	}
	return st, nil
}

// writeState replaces the file at path atomically: it writes a temporary
// file in the same folder, fsyncs it, renames it over path and then fsyncs
// the folder. The file is always left with mode 0600.
func writeState(path string, st State) error {
	st.Version = Version
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if len(data) > MaxSize {
		return fmt.Errorf("the state would be larger than the %s limit", safefile.FormatSize(MaxSize))
	}
	dir := filepath.Dir(path)
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(dir), renameio.WithStaticPermissions(0o600))
	if err != nil {
		return err
	}
	// Cleanup does nothing after CloseAtomicallyReplace succeeded; after a
	// failure, which is returned, it removes the temporary file. If that
	// fails too, the stray file beside the state is harmless and the error
	// already says the state was not saved.
	defer func() { _ = f.Cleanup() }()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// mkdir creates the folder holding the file at path, private to the user.
func mkdir(path string) error {
	return os.MkdirAll(filepath.Dir(path), 0o700)
}

// syncDir makes a rename in dir durable. Not every system can fsync a
// folder, so failure is ignored: the rename itself has already happened.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// setAside renames a damaged state file to path.corrupt-YYYYMMDD-HHMMSS
// (with -2, -3, ... added if that is taken) so it is kept for the user and
// never overwritten. It returns a one-line warning naming where the file
// went. The caller must hold the lock, so no other instance picks the
// same name.
func setAside(path string, bad *badFileError) (string, error) {
	base := path + ".corrupt-" + now().Format("20060102-150405")
	dst := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = base + "-" + strconv.Itoa(n)
	}
	if err := rename(path, dst); err != nil {
		return "", fmt.Errorf("state file %s is damaged (%s) and could not be set aside: %w", path, oneLine(bad.err), err)
	}
	syncDir(filepath.Dir(path))
	return fmt.Sprintf("state file %s is damaged (%s); kept it as %s and started afresh", path, oneLine(bad.err), dst), nil
}

// leftInPlace says that a bad file was left as it is: damaged, for a
// command that only reads, or not a file Rostrum can use at all.
func leftInPlace(path string, bad *badFileError) string {
	if bad.damaged {
		return fmt.Sprintf("state file %s is damaged (%s); left it in place", path, oneLine(bad.err))
	}
	return fmt.Sprintf("state file %s cannot be used (%s); left it in place", path, oneLine(bad.err))
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
