#!/usr/bin/env bash
# Renders the reader on the embedded seeds to docs/screenshot.png (with the
# second quote selected), as a
# person sees it: the real binary in tmux, captured with colours and drawn
# by charmbracelet/freeze. Needs tmux and ImageMagick (apt-get install tmux
# imagemagick); freeze is run at a pinned version through the Go proxy.
# Usage: scripts/screenshot.sh [dark|light] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
style=${1:-dark}
out=${2:-docs/screenshot.png}
tmp=$(mktemp -d)
trap 'tmux -L rostrum-shot kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/rostrum" .
tmux -L rostrum-shot -f /dev/null new-session -d -x 120 -y 34 \
  "TERM=xterm-256color XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config $tmp/rostrum --style $style"
sleep 1.5
# Select the second quote so the picture shows a highlighted, attributed quote.
tmux -L rostrum-shot send-keys ']' ']'
sleep 0.5
tmux -L rostrum-shot capture-pane -e -p > "$tmp/screen.ansi"
bg=$([ "$style" = light ] && echo '#FAFAFA' || echo '#171717')
go run github.com/charmbracelet/freeze@v0.2.2 "$tmp/screen.ansi" -l ansi \
  --window --background "$bg" --font.size 13 -o "$tmp/full.png" >/dev/null
convert "$tmp/full.png" -resize 1200x -colors 64 -strip "PNG8:$out"
echo "wrote $out"
