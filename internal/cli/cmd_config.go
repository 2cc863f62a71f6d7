package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"rostrum/internal/config"
	"rostrum/model"
)

// ConfigCmd tells where the config file is and whether it is valid, checks
// it, or prints a commented example.
type ConfigCmd struct {
	Example bool
	Check   bool
}

func newConfigCmd(s *session) *cobra.Command {
	c := &ConfigCmd{}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show where the config file is and whether it is valid; --example prints one.",
		Args:  argsUsage(cobra.NoArgs),
		RunE:  func(*cobra.Command, []string) error { return c.Run(s) },
	}
	cmd.Flags().BoolVar(&c.Example, "example", false, "Print a commented example config file.")
	cmd.Flags().BoolVar(&c.Check, "check", false, "Check the config file: exit 1 with the error when it is invalid, silently 0 otherwise.")
	return cmd
}

// Run prints the example, checks, or reports the path and its state.
func (c *ConfigCmd) Run(s *session) error {
	if c.Example && c.Check {
		return usageError{errors.New("--example and --check can't be used together")}
	}
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
		_, err := fmt.Fprintf(w, "%s\n%s\n", model.OneLine(path), model.OneLine(state))
		return err
	})
}
