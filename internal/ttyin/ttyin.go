// Package ttyin guards the keyboard input of the reader against escape
// sequences that crash the terminal input decoder.
//
// github.com/charmbracelet/x/ansi (v0.11.9, reached from ultraviolet's
// input decoder in Bubble Tea v2) indexes a fixed array of 32 parameters
// without a bound check: a CSI (ESC [) or DCS (ESC P) sequence with 32
// parameter separators (';' or ':') followed by one more parameter byte
// panics in a goroutine nothing recovers, and the process dies with the
// terminal left raw, in the alternate screen, with mouse tracking on. Any
// program that can write to the terminal, and anyone who pastes, can send
// one.
//
// A Reader passes the bytes through as they come, holding nothing back
// (so a lone ESC or alt+[ still arrives at once), and drops the parameter
// bytes of a CSI sequence past MaxSeparators separators, of a DCS
// sequence past MaxDCSSeparators: the sequence keeps its final byte and
// reaches the decoder with no more parameters than ultraviolet's parsers
// hold (32 for CSI, 16 for DCS), so it is read as one sequence; past those
// they gave up and the rest of the sequence arrived as key presses (a DCS
// ending in q quit the reader). The scan keeps its state between reads,
// so a sequence split over two reads is cut the same way.
package ttyin

import (
	"io"
	"os"
)

// MaxSeparators is the number of parameter separators a CSI sequence
// keeps: 32 parameters, which x/ansi's and ultraviolet's arrays hold.
const MaxSeparators = 31

// MaxDCSSeparators is the number of parameter separators a DCS sequence
// keeps: 16 parameters, which ultraviolet's DCS parser holds.
const MaxDCSSeparators = 15

const (
	esc   = 0x1b
	c1CSI = 0x9b // the 8-bit CSI, which x/ansi reads as ESC [
	c1DCS = 0x90 // the 8-bit DCS, which x/ansi reads as ESC P
)

// state is where the scan is in an escape sequence.
type state uint8

const (
	normal   state = iota // outside a sequence
	escape                // after ESC, and any intermediate bytes
	c1                    // just after an 8-bit CSI
	prefix                // after ESC [ or ESC P: private prefix bytes (< = > ?)
	params                // in the parameter bytes (0-9 ; :)
	dropping              // past MaxSeparators: parameter bytes are dropped
)

// Filter is the byte scanner a Reader runs; it allocates nothing and can
// be used on its own over any byte stream. The zero Filter is ready.
type Filter struct {
	st    state
	seps  int // separators kept in the sequence
	limit int // the most it may keep
}

// Apply filters p in place and returns the bytes kept (a prefix of p).
func (f *Filter) Apply(p []byte) []byte {
	out := p[:0]
	for _, c := range p {
		if f.keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// keep advances the scan over c and says whether c is passed on.
//
// The states follow ansi.DecodeSequence: any ESC starts a new sequence
// (inside a string an ESC that is not ST cancels it, and decoding starts
// again at that ESC); after ESC, intermediate bytes (0x20–0x2F) keep the
// escape state and '[' or 'P' begins the parameters, after any number of
// private prefix bytes; the parameters end at the first byte that is not
// a digit, ';' or ':'. A byte 0x9B or 0x90 begins parameters too: the
// decoder reads one as the 8-bit CSI or DCS wherever it starts decoding
// (a stray byte, or one after an invalid UTF-8 lead byte). Taken so
// everywhere, a valid character holding such a byte (ě is C4 9B) followed
// by 32 separators in a row loses the digits and separators past them,
// and one ending in 9B loses an M right after it (see c1).
func (f *Filter) keep(c byte) bool {
	switch c {
	case esc:
		f.st = escape
		return true
	case c1CSI:
		f.st, f.seps, f.limit = c1, 0, MaxSeparators
		return true
	case c1DCS:
		f.st, f.seps, f.limit = prefix, 0, MaxDCSSeparators
		return true
	}
	switch f.st {
	case c1:
		// ultraviolet reads an X10 mouse report after CSI M as if the CSI
		// were ESC [, one byte too far: 8-bit CSI M and three bytes panic
		// in parseX10MouseEvent. No terminal sends that: the M goes.
		if c == 'M' {
			f.st = normal
			return false
		}
		f.st = prefix
		return f.keep(c)
	case escape:
		switch {
		case c == '[':
			f.st, f.seps, f.limit = prefix, 0, MaxSeparators
		case c == 'P':
			f.st, f.seps, f.limit = prefix, 0, MaxDCSSeparators
		case c >= 0x20 && c <= 0x2f:
			// an intermediate byte: still an escape sequence
		default:
			f.st = normal
		}
		return true
	case prefix:
		if c >= '<' && c <= '?' {
			return true
		}
		f.st = params
		return f.param(c)
	case params, dropping:
		return f.param(c)
	}
	return true
}

// param handles c in the parameter bytes.
func (f *Filter) param(c byte) bool {
	isSep := c == ';' || c == ':'
	if !isSep && (c < '0' || c > '9') {
		f.st = normal // the parameters end; the rest is not counted
		return true
	}
	if f.st == dropping {
		return false
	}
	if isSep {
		if f.seps == f.limit {
			f.st = dropping
			return false
		}
		f.seps++
	}
	return true
}

// Reader filters the bytes read from an underlying reader.
type Reader struct {
	r io.Reader
	f Filter
}

// NewReader filters r.
func NewReader(r io.Reader) *Reader { return &Reader{r: r} }

// Read reads from the underlying reader and returns the bytes kept. It
// can return 0 bytes and no error when every byte read was dropped: it
// does not read again, as a second read could block where the caller
// (Bubble Tea's cancellable reader) waited for the descriptor to be ready
// only once.
func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	return len(r.f.Apply(p[:n])), err
}

// File is a Reader over a terminal file that still looks like one to
// Bubble Tea: it has the file's descriptor, so the program puts the
// terminal in raw mode, restores it on exit and waits for input with
// epoll, while every byte read goes through the filter.
type File struct {
	Reader
	file *os.File
}

// NewFile filters the terminal file f.
func NewFile(f *os.File) *File { return &File{Reader: Reader{r: f}, file: f} }

// Fd is the file's descriptor.
func (f *File) Fd() uintptr { return f.file.Fd() }

// Write writes to the file.
func (f *File) Write(p []byte) (int, error) { return f.file.Write(p) }

// Close closes the file.
func (f *File) Close() error { return f.file.Close() }

// Unfiltered is the terminal file itself, for an outside program (the
// editor, the pager) that is given the terminal as its standard input.
func (f *File) Unfiltered() *os.File { return f.file }
