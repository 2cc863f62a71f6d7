// Package e2e holds the end-to-end tests: they build the rostrum binary
// from the module's root and drive it in a real terminal (a tmux server
// of their own), reading the screen, tmux's paste buffer and the exit
// status. They need tmux and skip in -short mode; .ci/run runs them with
// go test -run '^TestE2E' ./internal/e2e.
package e2e
