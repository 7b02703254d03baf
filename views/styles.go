package views

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles holds every style of the dashboard. All colours live here.
type Styles struct {
	Plain     bool // no escape codes at all (exports, golden tests)
	Title     lipgloss.Style
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	Rule      lipgloss.Style
	Heading   lipgloss.Style
	Label     lipgloss.Style
	Selected  lipgloss.Style
	Value     lipgloss.Style
	Muted     lipgloss.Style
	Derived   lipgloss.Style
	Bar       lipgloss.Style
	BarAlt    lipgloss.Style
	Status    lipgloss.Style
	Error     lipgloss.Style
	Key       lipgloss.Style
	TileValue lipgloss.Style // the value of a tile, large: bold, in the accent colour
	Track     lipgloss.Style // the rest of a bar on a 0–100 scale
}

// NewStyles returns the colour styles for a renderer, adapted to a light
// or dark background (decided once, before the program starts).
func NewStyles(r *lipgloss.Renderer, dark bool) *Styles {
	pick := func(light, darkc string) lipgloss.Color {
		if dark {
			return lipgloss.Color(darkc)
		}
		return lipgloss.Color(light)
	}
	accent := pick("#1f5fbf", "#7aa2f7")
	muted := pick("#6b6b6b", "#8a8f98")
	bar := pick("#2f7d32", "#9ece6a")
	barAlt := pick("#b35900", "#e0af68")
	sel := pick("#ffffff", "#1a1b26")
	selBg := pick("#1f5fbf", "#7aa2f7")
	return &Styles{
		Title:     r.NewStyle().Bold(true).Foreground(accent),
		Tab:       r.NewStyle().Foreground(muted),
		TabActive: r.NewStyle().Bold(true).Foreground(accent),
		Rule:      r.NewStyle().Foreground(muted),
		Heading:   r.NewStyle().Bold(true),
		Label:     r.NewStyle(),
		Selected:  r.NewStyle().Foreground(sel).Background(selBg).Bold(true),
		Value:     r.NewStyle().Bold(true),
		Muted:     r.NewStyle().Foreground(muted),
		Derived:   r.NewStyle().Italic(true).Foreground(barAlt),
		Bar:       r.NewStyle().Foreground(bar),
		BarAlt:    r.NewStyle().Foreground(barAlt),
		Status:    r.NewStyle().Foreground(muted),
		Error:     r.NewStyle().Bold(true).Foreground(pick("#b00020", "#f7768e")),
		Key:       r.NewStyle().Bold(true).Foreground(accent),
		TileValue: r.NewStyle().Bold(true).Foreground(accent),
		Track:     r.NewStyle().Foreground(muted),
	}
}

// PlainStyles returns styles that emit no escape codes: the same layout as
// the screen, for exports and golden tests.
func PlainStyles() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	s := NewStyles(r, true)
	s.Plain = true
	return s
}
