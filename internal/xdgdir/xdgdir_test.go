package xdgdir

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestHome(t *testing.T) {
	for _, name := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"} {
		dir := t.TempDir()
		env := map[string]string{name: dir}
		getenv := func(k string) string { return env[k] }
		if got := Home(getenv, name); got != dir {
			t.Errorf("%s set: Home = %q, want %q", name, got, dir)
		}
		env[name] = "relative/path" // ignored, as the specification says
		if got := Home(getenv, name); !filepath.IsAbs(got) || strings.Contains(got, "relative") {
			t.Errorf("%s relative: Home = %q, want the absolute default", name, got)
		}
	}
}

// The lookup given is the one asked, not the process's environment.
func TestHomeUsesTheLookupGiven(t *testing.T) {
	process, own := t.TempDir(), t.TempDir()
	t.Setenv("XDG_STATE_HOME", process)
	got := Home(func(k string) string {
		if k == "XDG_STATE_HOME" {
			return own
		}
		return ""
	}, "XDG_STATE_HOME")
	if got != own {
		t.Errorf("Home = %q, want the lookup's %q, not the process's %q", got, own, process)
	}
}
