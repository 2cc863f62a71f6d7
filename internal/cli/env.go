package cli

import (
	"io"
	"os"

	"rostrum/internal/config"
)

// Env is everything a command may touch of the outside world: standard
// input, output and error, and the environment variables, which also
// say where the config, state and export folders are. Tests run
// commands with one of their own, without a terminal.
type Env struct {
	In       io.Reader
	Out, Err io.Writer
	Environ  []string // NAME=value, as os.Environ gives them
}

// OSEnv is the process's own Env.
func OSEnv() Env {
	return Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Environ: os.Environ()}
}

// Getenv looks a variable up in the Env's environment ("" when unset);
// the last setting of a name wins, as in exec.Cmd.Env.
func (e Env) Getenv(name string) string {
	for i := len(e.Environ) - 1; i >= 0; i-- {
		kv := e.Environ[i]
		if len(kv) > len(name) && kv[len(name)] == '=' && kv[:len(name)] == name {
			return kv[len(name)+1:]
		}
	}
	return ""
}

// session is one run of the command line: its Env (standard error
// sanitised), what the global flags set and the config file, read once.
type session struct {
	Env
	// maxFileSize is the global --max-size, for the commands that load.
	maxFileSize int64
	cfg         *config.Config // read by settings, once
	closeLog    func()         // stops the --log file
}
