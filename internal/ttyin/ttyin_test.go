package ttyin

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// longCSI is the sequence that crashed the reader: 33 parameters.
var longCSI = "\x1b[" + strings.Repeat(";", 32) + "1m"

func filterString(s string) string {
	var f Filter
	return string(f.Apply([]byte(s)))
}

// TestDecoderStillPanics is the reproduction: the unfiltered sequence
// panics in ansi.DecodeSequence. When an upgrade of charmbracelet/x/ansi
// makes this test fail, the bug is fixed upstream and this package can go.
func TestDecoderStillPanics(t *testing.T) {
	for _, seq := range []string{longCSI, "\x1bP" + strings.Repeat(":", 32) + "1q", "\x90" + strings.Repeat(":", 32) + "0"} {
		panicked := func() (p bool) {
			defer func() { p = recover() != nil }()
			ansi.DecodeSequence(seq, ansi.NormalState, ansi.NewParser())
			return false
		}()
		if !panicked {
			t.Errorf("DecodeSequence(%q) no longer panics: the x/ansi bug looks fixed; drop the ttyin guard", seq)
		}
	}
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		var d uv.EventDecoder
		d.Decode([]byte("\x9bM000"))
		return false
	}()
	if !panicked {
		t.Error("ultraviolet no longer panics on an 8-bit CSI X10 mouse report: drop the c1 state of the filter")
	}
}

func TestFilterCutsLongParameterLists(t *testing.T) {
	keep32 := "\x1b[" + strings.Repeat(";", 31) + "m"
	for _, tc := range []struct{ name, in, want string }{
		{"33 params", longCSI, keep32},
		{"colons", "\x1b[" + strings.Repeat(":", 40) + "5u", "\x1b[" + strings.Repeat(":", 31) + "u"},
		{"digits after the cut", "\x1b[" + strings.Repeat("1;", 40) + "m", "\x1b[" + strings.Repeat("1;", 31) + "1m"},
		{"DCS", "\x1bP" + strings.Repeat(";", 35) + "q", "\x1bP" + strings.Repeat(";", 15) + "q"},
		{"private prefix", "\x1b[?" + strings.Repeat(";", 35) + "1h", "\x1b[?" + strings.Repeat(";", 31) + "h"},
		{"intermediate before [", "\x1b [" + strings.Repeat(";", 35) + "1m", "\x1b [" + strings.Repeat(";", 31) + "m"},
		{"ESC ESC [", "\x1b\x1b[" + strings.Repeat(";", 35) + "1m", "\x1b\x1b[" + strings.Repeat(";", 31) + "m"},
		{"inside an OSC", "\x1b]0;\x1b[" + strings.Repeat(";", 35) + "1m", "\x1b]0;\x1b[" + strings.Repeat(";", 31) + "m"},
		{"text after", longCSI + "abc;;;1", keep32 + "abc;;;1"},
		{"8-bit CSI", "\x9b" + strings.Repeat(";", 35) + "1m", "\x9b" + strings.Repeat(";", 31) + "m"},
		{"8-bit DCS", "\x90" + strings.Repeat(":", 32) + "0", "\x90" + strings.Repeat(":", 15)},
		{"8-bit X10 mouse", "\x9bM000", "\x9b000"},
		{"8-bit CSI in a parameter list", "\x1b[1;\x9b" + strings.Repeat(";", 35) + "1m", "\x1b[1;\x9b" + strings.Repeat(";", 31) + "m"},
	} {
		if got := filterString(tc.in); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFilterKeepsOrdinaryInput(t *testing.T) {
	for _, in := range []string{
		"hello, world; 1;2;3:4",
		"\x1b[A\x1b[1;5C\x1b[<0;12;7M\x1b[<64;3;4m", // arrows, mouse
		"\x1b[97;5:1u\x1b[57441;2u",                 // kitty keys
		"\x1b[200~pasted; text\n\x1b[201~",          // bracketed paste
		"\x1b]11;rgb:0000/0000/0000\x1b\\",          // background colour reply
		"\x1bP>|xterm(390)\x1b\\",                   // XTVERSION
		"\x1b[" + strings.Repeat(";", 31) + "1m",    // 32 parameters: kept
		"\x1bP" + strings.Repeat(";", 15) + "1q",    // 16 in a DCS: kept
		"Grüße — «quoted» \xe2\x80\x9bsmart\xe2\x80\x99 \x9b\x90 日本語",
		"\x1b", "\x1b[", "[;;;;", "\x1bO;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;P",
	} {
		if got := filterString(in); got != in {
			t.Errorf("changed %q to %q", in, got)
		}
	}
}

// TestFilterAcrossReads: a sequence split over reads at any point is cut
// as it is in one read.
func TestFilterAcrossReads(t *testing.T) {
	in := "ab" + longCSI + "\x1bP" + strings.Repeat("1;", 40) + "q" + "\x1b[A" + longCSI + "z"
	want := filterString(in)
	for cut := 0; cut <= len(in); cut++ {
		for cut2 := cut; cut2 <= len(in); cut2 += 7 {
			var f Filter
			got := string(f.Apply([]byte(in[:cut]))) + string(f.Apply([]byte(in[cut:cut2]))) + string(f.Apply([]byte(in[cut2:])))
			if got != want {
				t.Fatalf("split at %d,%d: got %q, want %q", cut, cut2, got, want)
			}
		}
	}
}

// chunkReader returns its chunks one read at a time.
type chunkReader struct{ chunks [][]byte }

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	if n == len(c.chunks[0]) {
		c.chunks = c.chunks[1:]
	} else {
		c.chunks[0] = c.chunks[0][n:]
	}
	return n, nil
}

// decode runs ultraviolet's terminal reader, as Bubble Tea does, over the
// chunks read through a Reader, and returns the events.
func decode(t testing.TB, chunks [][]byte) []uv.Event {
	t.Helper()
	tr := uv.NewTerminalReader(NewReader(&chunkReader{chunks: chunks}), "xterm-256color")
	events := make(chan uv.Event)
	var got []uv.Event
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range events {
			got = append(got, e)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := tr.StreamEvents(ctx, events)
	close(events)
	<-done
	if err != nil {
		t.Fatalf("StreamEvents: %v", err)
	}
	return got
}

// TestDecoderSurvivesFilteredInput: through the filter, the sequences that
// panicked decode as one event each, none of their bytes read as keys,
// and the key after them arrives.
func TestDecoderSurvivesFilteredInput(t *testing.T) {
	for _, tc := range []struct {
		in     string
		events int // the events before the j
	}{
		{longCSI + "j", 1},
		{"\x9bMabcj", 3}, // CSI a (the M dropped), b, c
		{"\x90" + strings.Repeat(":", 40) + "0q\x1b\\j", 1},
		{"\x1b[<" + strings.Repeat("1;", 60) + "2Mj", 1},
		{"\x1bP" + strings.Repeat(":", 32) + "1q\x1b\\j", 1},
		{"\x1bP" + strings.Repeat(";", 20) + "1|abc\x1b\\j", 1},
		{"\x1b[200~" + longCSI + "\x1b[201~j", 3}, // paste start, paste, paste end
	} {
		in := tc.in
		for _, split := range []int{0, 3, min(20, len(in)), len(in) - 1} {
			events := decode(t, [][]byte{[]byte(in[:split]), []byte(in[split:])})
			if len(events) != tc.events+1 || fmt.Sprint(events[len(events)-1]) != "j" {
				t.Errorf("%q split at %d: got events %v, want %d and then j", in, split, events, tc.events)
			}
		}
	}
}

// FuzzInput feeds arbitrary bytes, in reads of the sizes the first byte
// chooses, through the filter and then through the two decoders Bubble
// Tea's input reader runs on them, which must not panic: x/ansi's
// DecodeSequence (ultraviolet runs it over its whole buffer, which can
// start anywhere in the stream, so here from every offset) and
// ultraviolet's EventDecoder. The run is deterministic: StreamEvents,
// which TestDecoderSurvivesFilteredInput runs, has goroutines and timers
// whose varying coverage keeps the fuzzer minimising for a minute.
func FuzzInput(f *testing.F) {
	for _, seed := range []string{
		longCSI, "\x1bP" + strings.Repeat(":", 40) + "1q", "\x1b [" + strings.Repeat(";", 33) + "1m",
		"\x1b[200~paste\x1b[201~", "\x1b[<0;12;7M", "\x1b[97;5:1u", "\x1b]11;rgb:0/0/0\x07", "héllo\x9b;;\x90",
		"\x1b[" + strings.Repeat("1;", 33) + "_", "\x1b[0;0;104;1;0;1_",
	} {
		f.Add(byte(3), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, size byte, data []byte) {
		if len(data) > 512 {
			data = data[:512] // every offset is decoded: keep it quick
		}
		n := int(size%16) + 1
		var fl Filter
		var out []byte
		for len(data) > 0 {
			k := min(n, len(data))
			out = append(out, fl.Apply(bytes.Clone(data[:k]))...)
			data = data[k:]
		}
		p := ansi.NewParser()
		for start := range out {
			var state byte
			for b := out[start:]; len(b) > 0; {
				_, _, m, next := ansi.DecodeSequence(b, state, p)
				state, b = next, b[m:]
			}
		}
		var d uv.EventDecoder
		for b := out; len(b) > 0; {
			m, _ := d.Decode(b)
			if m <= 0 {
				break
			}
			b = b[m:]
		}
	})
}
