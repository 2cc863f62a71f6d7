// Command rostrum is a terminal reader for speeches and news wires.
//
// Run without arguments it opens the reader on the documents embedded from
// seeds/; `rostrum --help` lists the commands. The command line lives in
// internal/cli.
package main

import (
	"os"

	"rostrum/internal/cli"
	"rostrum/internal/crashguard"
)

func main() {
	if crashguard.IsGuard() { // the reader started this process to watch it
		os.Exit(crashguard.Guard())
	}
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
}
