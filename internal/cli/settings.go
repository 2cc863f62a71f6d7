package cli

import (
	"rostrum/internal/config"
	"rostrum/model"
	"rostrum/model/topics"
	"rostrum/tui"
)

// settings reads the config file once; a broken one fails the command
// with the line at fault.
func (s *session) settings() (*config.Config, error) {
	if s.cfg == nil {
		cfg, err := config.Load(config.Path(s.Getenv))
		if err != nil {
			return nil, err
		}
		s.cfg = cfg
	}
	return s.cfg, nil
}

// defaultPaths are paths, or the config's paths when none were given.
func (s *session) defaultPaths(paths []string) ([]string, error) {
	cfg, err := s.settings()
	if err != nil || len(paths) > 0 {
		return paths, err
	}
	return cfg.Paths, nil
}

// lexicon is the built-in topics with the config's topics file, and a
// warning when that file is broken.
func (s *session) lexicon() (*topics.Lexicon, string, error) {
	cfg, err := s.settings()
	if err != nil {
		return nil, "", err
	}
	lx, warning := model.LoadLexicon(cfg.Topics)
	return lx, warning, nil
}

// maxWidth is the reading width cap: the config's, else the default.
func (s *session) maxWidth() int {
	if cfg, err := s.settings(); err == nil && cfg.MaxWidth > 0 {
		return cfg.MaxWidth
	}
	return tui.MaxReadingWidth
}
