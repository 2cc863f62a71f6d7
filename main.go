// Command rostrum is a terminal reader for speeches and news wires.
//
// Run without arguments it opens the reader on the documents embedded from
// seeds/; `rostrum --help` lists the commands.
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version or VCS revision from the build info is used.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], OSEnv()))
}

// exitRequest carries kong's exit code out of its Exit hook (after --help
// or --version) without ending the process, so run stays testable.
type exitRequest int

// run parses args, runs the chosen command and returns the exit status:
// 0 on success, 1 on a bad argument or when nothing could be loaded. Every
// failure is reported on one line of standard error.
func run(args []string, env Env) (code int) {
	s := &session{Env: env}
	defer func() {
		if r := recover(); r != nil {
			req, ok := r.(exitRequest)
			if !ok {
				panic(r)
			}
			code = int(req)
		}
	}()
	s.Err = safeWriter{s.Err}
	var cli CLI
	parser, err := kong.New(&cli,
		kong.Name("rostrum"),
		kong.Description("A terminal reader for speeches and news wires: quotes, speakers and topics at a glance."),
		kong.Writers(s.Out, s.Err),
		kong.Exit(func(c int) { panic(exitRequest(c)) }),
		kong.Vars{"version": "rostrum " + versionString()},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	if err != nil {
		fmt.Fprintf(s.Err, "rostrum: %v\n", err)
		return 1
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(s.Err, "rostrum: %v (see rostrum --help)\n", err)
		return 1
	}
	s.maxFileSize = int64(cli.MaxSize)
	closeLog, err := startLog(cli.Log)
	if err != nil {
		fmt.Fprintf(s.Err, "rostrum: %v\n", err)
		return 1
	}
	defer closeLog()
	if err := kctx.Run(s); err != nil {
		fmt.Fprintf(s.Err, "rostrum: %v\n", err)
		return 1
	}
	return 0
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
