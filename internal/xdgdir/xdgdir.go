// Package xdgdir finds the XDG base folders Rostrum keeps its files in.
package xdgdir

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// Home is the folder named by the XDG variable name (XDG_CONFIG_HOME,
// XDG_STATE_HOME or XDG_DATA_HOME) when it holds an absolute path, as the
// specification asks, else the platform's default from adrg/xdg. The
// variable is read at each call, so a changed environment is followed.
func Home(name string) string {
	if dir := os.Getenv(name); filepath.IsAbs(dir) {
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
