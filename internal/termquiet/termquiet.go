// Package termquiet stops Bubble Tea v1 from asking the terminal for its
// background colour while the program initialises.
//
// bubbletea v1.3's init calls lipgloss.HasDarkBackground(), which asks the
// terminal (OSC 11) and waits up to termenv's fixed 5 s for a terminal that
// never answers (charmbracelet/bubbletea#1771; gone in v2). Go initialises
// packages in import-path order where dependencies allow, so this package,
// whose path sorts before github.com/charmbracelet/…, runs first and tells
// lipgloss the answer in advance. macun-tui then asks the terminal once
// itself, with a 200 ms limit, before the program starts (theme.go).
//
// It is a module of its own only for its import path; go.mod replaces it
// with this directory.
package termquiet

import "github.com/charmbracelet/lipgloss"

func init() {
	// A placeholder: main sets the real value before anything is drawn.
	lipgloss.SetHasDarkBackground(true)
}
