package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"rostrum/internal/config"
)

// ConfigCmd tells where the config file is and whether it is valid, checks
// it, or prints a commented example.
type ConfigCmd struct {
	Example bool `help:"Print a commented example config file." xor:"mode"`
	Check   bool `help:"Check the config file: exit 1 with the error when it is invalid, silently 0 otherwise." xor:"mode"`
}

// Run prints the example, checks, or reports the path and its state.
func (c *ConfigCmd) Run(s *session) error {
	if c.Example {
		_, err := fmt.Fprint(s.Out, config.Example)
		return err
	}
	path := config.Path(s.Getenv)
	_, err := config.Load(path)
	if c.Check {
		return err
	}
	state := "valid"
	switch _, statErr := os.Stat(path); {
	case errors.Is(statErr, fs.ErrNotExist):
		state = "not found: the defaults apply (rostrum config --example prints a commented example)"
	case err != nil:
		state = "invalid: " + err.Error()
	}
	return writeText(s, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%s\n%s\n", oneLine(path), oneLine(state))
		return err
	})
}
