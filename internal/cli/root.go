// Package cli is Rostrum's command line: a cobra command tree run by fang,
// with the reader as the root command and one file per command. Main runs
// it with an Env (standard input, output, error and the environment), so
// tests run every command without a terminal.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

// version is set at build time with
// -ldflags "-X rostrum/internal/cli.version=…"; without it the module
// version or VCS revision from the build info is used.
var version = ""

// Main parses args, runs the chosen command and returns the exit status:
// 0 on success, 1 on a bad argument or when nothing could be loaded. Every
// failure is reported on one line of standard error, which is sanitised
// (a bad flag is echoed, and may hold escape sequences).
func Main(args []string, env Env) int {
	s := &session{Env: env, closeLog: func() {}}
	s.Err = safeWriter{s.Err}
	root := newRootCmd(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	defer s.closeLog()
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(versionString()),
		fang.WithErrorHandler(printError),
		// The completion and man commands are Rostrum's own (see
		// cmd_completion.go and cmd_man.go): they write to the command's
		// output, where fang's man page goes to os.Stdout.
		fang.WithoutCompletions(),
		fang.WithoutManpage(),
	)
	if err != nil {
		return 1
	}
	return 0
}

// usageError is a mistake on the command line (an unknown flag, a bad
// value, a missing argument), as opposed to a failure of the command.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// printError is fang's error handler: one line, "rostrum: " and the
// error, pointing to --help after a mistake on the command line. w is
// standard error, sanitised, so no style is kept; the line is plain.
func printError(w io.Writer, _ fang.Styles, err error) {
	if errors.As(err, new(usageError)) {
		fmt.Fprintf(w, "rostrum: %v (see rostrum --help)\n", err)
		return
	}
	fmt.Fprintf(w, "rostrum: %v\n", err)
}

// setUp applies the global flags before any command runs: the file size
// cap (from --max-size, else $ROSTRUM_MAX_SIZE, else 16 MiB) and the
// debug log. Shell completion requests (cobra's hidden __complete) skip
// it, so a bad value never breaks completing.
func (s *session) setUp(cmd *cobra.Command, g *globalFlags) error {
	if cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd {
		return nil
	}
	if v := s.Getenv("ROSTRUM_MAX_SIZE"); v != "" && !cmd.Flags().Changed("max-size") {
		if err := g.MaxSize.Set(v); err != nil {
			return usageError{fmt.Errorf("$ROSTRUM_MAX_SIZE: %w", err)}
		}
	}
	s.maxFileSize = int64(g.MaxSize)
	closeLog, err := startLog(g.Log)
	if err != nil {
		return err
	}
	s.closeLog = closeLog
	return nil
}

// startLog sends the standard logger to path (appending), or nowhere when
// path is empty: nothing is ever logged to the terminal.
func startLog(path string) (func(), error) {
	if path == "" {
		log.SetOutput(io.Discard)
		return func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening log file: %w", err)
	}
	log.SetOutput(f)
	log.SetPrefix("rostrum ")
	return func() { log.SetOutput(io.Discard); f.Close() }, nil
}

// versionString is the version set at build time, else the module version,
// else the VCS revision, else "dev".
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev+" + s.Value[:12]
		}
	}
	return "dev"
}
