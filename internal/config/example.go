package config

// Example is a commented config file, printed by `rostrum config --example`.
// As written it sets the defaults; a line commented out with "#" and no
// space after it is a setting to try by removing the "#".
const Example = `# Rostrum's config file: $XDG_CONFIG_HOME/rostrum/config.yaml
# (~/.config/rostrum/config.yaml when XDG_CONFIG_HOME is unset).
# Every setting is optional. rostrum config --check checks this file.

# Colours: auto (follow the terminal's background), dark or light.
# The --style flag overrides it.
theme: auto

# The widest the text is set in the reader and by rostrum show, in
# columns; 0 keeps the default (100).
max_width: 0
#max_width: 100

# Files or folders to open when rostrum is given none (instead of the
# embedded seeds). ~ is your home folder; relative paths start from this
# file's folder.
paths: []
#paths: [~/speeches, ~/wires/2025]

# Your own topics (see "Topics and facets" in the README). The default is
# topics.yaml beside this file.
#topics: ~/notes/rostrum-topics.yaml

# Keys: an action's keys replace its default keys; actions not listed keep
# theirs. A key is written as Rostrum shows it: j, J, ctrl+n, alt+x, pgdown,
# pgup, home, end, enter, esc, tab, shift+tab, space, up, down, f1…
# Actions: up, down, top, bottom, page_up, page_down, open, back, focus,
# next_doc, prev_doc, filter, search, next_match, prev_match, next_quote,
# prev_quote, copy_quote, copy_citation, quotes, star, mark_read, topics,
# problems, edit, pager, reload, help, quit.
keys:
  #next_doc: [J, ctrl+n]
  #prev_doc: [K, ctrl+p]
  #next_quote: ["]"]
  #prev_quote: ["["]
  #quit: [q, ctrl+c]
`
