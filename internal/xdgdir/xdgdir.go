// Package xdgdir finds the XDG base folders Rostrum keeps its files in.
package xdgdir

import (
	"path/filepath"

	"github.com/adrg/xdg"
)

// Home is the folder named by the XDG variable name (XDG_CONFIG_HOME,
// XDG_STATE_HOME or XDG_DATA_HOME), looked up with getenv, when it holds
// an absolute path, as the specification asks; else the platform's
// default from adrg/xdg, for the user's home folder. The variable is
// looked up at each call, so a changed environment is followed, and a
// caller with an environment of its own (a test, the command line's Env)
// passes its lookup rather than the process's.
func Home(getenv func(string) string, name string) string {
	if dir := getenv(name); filepath.IsAbs(dir) {
		return dir
	}
	xdg.Reload()
	switch name {
	case "XDG_CONFIG_HOME":
		return xdg.ConfigHome
	case "XDG_STATE_HOME":
		return xdg.StateHome
	case "XDG_DATA_HOME":
		return xdg.DataHome
	}
	panic("xdgdir: unknown variable " + name)
}
