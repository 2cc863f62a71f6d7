package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"rostrum/internal/ttyin"
)

// keyModel records the keys it gets, quits on q and panics on !, with
// the alternate screen and mouse tracking on, as the reader has them.
type keyModel struct {
	mu   *sync.Mutex
	keys *[]string
}

func (m keyModel) Init() tea.Cmd { return nil }

func (m keyModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.mu.Lock()
		*m.keys = append(*m.keys, k.String())
		m.mu.Unlock()
		switch k.String() {
		case "q":
			return m, tea.Quit
		case "!":
			panic("boom")
		}
	}
	return m, nil
}

func (m keyModel) View() tea.View {
	v := tea.NewView("keys")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// runProgram runs keyModel on input (read through ttyin, as the reader
// reads the terminal) and returns the keys, the output and its error.
func runProgram(t *testing.T, input string) ([]string, string, error) {
	t.Helper()
	pr, pw := io.Pipe()
	go func() {
		// A read each, as a terminal delivers them.
		for _, part := range strings.SplitAfter(input, "\x00") {
			if _, err := pw.Write([]byte(strings.TrimSuffix(part, "\x00"))); err != nil {
				return // the program has ended and the pipe is closed
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	defer pw.Close()
	var out bytes.Buffer
	var mu sync.Mutex
	var keys []string
	p := tea.NewProgram(keyModel{mu: &mu, keys: &keys},
		tea.WithInput(ttyin.NewReader(pr)), tea.WithOutput(&out),
		tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24), tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	select {
	case err := <-done:
		mu.Lock()
		defer mu.Unlock()
		return keys, out.String(), err
	case <-time.After(20 * time.Second):
		p.Kill()
		t.Fatal("the program never ended")
		return nil, "", nil
	}
}

// TestProgramSurvivesLongSequences: a Bubble Tea program reading through
// ttyin takes the sequences that panicked its input decoder (reached in
// a goroutine nothing recovers: the process died) and the keys after.
func TestProgramSurvivesLongSequences(t *testing.T) {
	input := strings.Join([]string{
		"a",
		"\x1b[" + strings.Repeat(";", 32) + "1m",
		"\x1bP" + strings.Repeat(":", 40) + "1q\x1b\\",
		"\x1b[200~" + "\x1b[" + strings.Repeat("1;", 40) + "1m" + "\x1b[201~",
		"b", "q",
	}, "\x00")
	keys, _, err := runProgram(t, input)
	if err != nil {
		t.Fatalf("the program ended with %v", err)
	}
	if got := strings.Join(keys, " "); got != "a b q" {
		t.Errorf("keys %q, want a b q: the sequences must not arrive as keys", got)
	}
}

// TestPanicRestoresTerminal: a panic in the program (Bubble Tea catches
// those of Update, View and commands) leaves the alternate screen, turns
// mouse tracking off and shows the cursor, and the reader then says what
// happened in plain words.
func TestPanicRestoresTerminal(t *testing.T) {
	// Bubble Tea prints the panic and its stack to the process's stderr.
	stderr := os.Stderr
	devnull, _ := os.Open(os.DevNull)
	os.Stderr = devnull
	_, out, err := runProgram(t, "a\x00!")
	os.Stderr = stderr
	devnull.Close()
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("the program ended with %v, want a caught panic", err)
	}
	last := out[strings.LastIndex(out, "\x1b[?1049h"):] // after entering the alternate screen
	for what, seq := range map[string]string{
		"leave the alternate screen": "\x1b[?1049l",
		"show the cursor":            "\x1b[?25h",
		"stop mouse button tracking": "\x1b[?1002l",
		"stop mouse motion tracking": "\x1b[?1003l",
		"stop SGR mouse reports":     "\x1b[?1006l",
		"stop bracketed paste":       "\x1b[?2004l",
	} {
		if !strings.Contains(last, seq) {
			t.Errorf("after the panic the terminal should %s (%q); output after entering it: %q", what, seq, last)
		}
	}
	if msg := readerRunError(err).Error(); !strings.Contains(msg, "crashed") || !strings.Contains(msg, "terminal was restored") {
		t.Errorf("the reader's message %q should say it crashed and the terminal was restored", msg)
	}
}
