package xdgdir

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestHome(t *testing.T) {
	for _, name := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"} {
		dir := t.TempDir()
		t.Setenv(name, dir)
		if got := Home(name); got != dir {
			t.Errorf("%s set: Home = %q, want %q", name, got, dir)
		}
		t.Setenv(name, "relative/path") // ignored, as the specification says
		if got := Home(name); !filepath.IsAbs(got) || strings.Contains(got, "relative") {
			t.Errorf("%s relative: Home = %q, want the absolute default", name, got)
		}
	}
}
