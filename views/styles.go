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

// A colour is chosen for each colour profile, not degraded from one hex
// value: lipgloss maps a hex colour to the nearest of the 16 ANSI colours
// by a palette no terminal has, and picked grey text on bright blue for
// the selection and bright green for the bars.
//
//   - TrueColor: the hex value.
//   - ANSI256: an index from 16 to 255, the colour cube and the greys,
//     which terminals do not re-theme, so the contrast measured is the
//     contrast shown.
//   - ANSI: an index from 0 to 15, whose colours the terminal's theme
//     sets; the choices are measured against xterm's default palette and
//     stay with the hues every theme keeps (green bars, yellow derived
//     bars, black on cyan for the selection). "" is the terminal's own
//     foreground, for text where no colour of the 16 is legible enough.
//
// xterm draws bold text in colours 0–7 with colours 8–15 ("boldColors",
// on by default): bold black is grey. So bold goes only with an ANSI
// colour whose bright version is legible too.
//
// Labels, headings and values have no colour in any profile: the
// terminal's own foreground on its own background is the most legible
// pair it has.

// tone is one colour in each profile.
type tone struct{ hex, c256, c16 string }

func (t tone) color() lipgloss.TerminalColor {
	return lipgloss.CompleteColor{TrueColor: t.hex, ANSI256: t.c256, ANSI: t.c16}
}

// palette is the colours of one background.
type palette struct {
	accent tone // title, active tab, key hints
	muted  tone // inactive tabs, secondary text, the status message
	rule   tone // rules (not text: it needs less contrast than muted)
	bar    tone
	barAlt tone // derived bars and values
	err    tone
	selFg  tone
	selBg  tone
	// boldErr: the error colour may be bold in 16 colours.
	boldErr bool
}

var (
	darkPalette = palette{
		accent:  tone{"#7aa2f7", "111", "6"},
		muted:   tone{"#9aa0aa", "247", "8"},
		rule:    tone{"#7a7f8c", "244", "8"},
		bar:     tone{"#9ece6a", "149", "2"},
		barAlt:  tone{"#e0af68", "179", "3"},
		err:     tone{"#f7768e", "211", "9"},
		selFg:   tone{"#1a1b26", "234", "0"},
		selBg:   tone{"#7aa2f7", "111", "6"},
		boldErr: true,
	}
	// On white the 16 colours' green (2), yellow (3) and grey (8) are too
	// light for bars or text: bars are blue, derived bars magenta, and
	// muted text the terminal's foreground.
	lightPalette = palette{
		accent: tone{"#1f5fbf", "25", "4"},
		muted:  tone{"#5f6368", "242", ""},
		rule:   tone{"#7a7f87", "244", "8"},
		bar:    tone{"#2f7d32", "28", "4"},
		barAlt: tone{"#9a4f00", "94", "5"},
		err:    tone{"#b00020", "124", "1"},
		selFg:  tone{"#ffffff", "231", "0"},
		selBg:  tone{"#1f5fbf", "25", "6"},
	}
)

// NewStyles returns the colour styles for a renderer, adapted to a light
// or dark background (decided once, before the program starts), with
// colours chosen for the renderer's colour profile. Without colour
// (NO_COLOR, or a terminal that has none) the selection is reverse video
// and emphasis is bold.
func NewStyles(r *lipgloss.Renderer, dark bool) *Styles {
	profile := r.ColorProfile()
	if profile == termenv.Ascii {
		return monoStyles(r)
	}
	p := lightPalette
	if dark {
		p = darkPalette
	}
	ansi := profile == termenv.ANSI
	accent := p.accent.color()
	muted := p.muted.color()
	return &Styles{
		Title:     r.NewStyle().Bold(true).Foreground(accent),
		Tab:       r.NewStyle().Foreground(muted),
		TabActive: r.NewStyle().Bold(true).Foreground(accent),
		Rule:      r.NewStyle().Foreground(p.rule.color()),
		Heading:   r.NewStyle().Bold(true),
		Label:     r.NewStyle(),
		Selected:  r.NewStyle().Foreground(p.selFg.color()).Background(p.selBg.color()).Bold(!ansi),
		Value:     r.NewStyle().Bold(true),
		Muted:     r.NewStyle().Foreground(muted),
		Derived:   r.NewStyle().Italic(true).Foreground(p.barAlt.color()),
		Bar:       r.NewStyle().Foreground(p.bar.color()),
		BarAlt:    r.NewStyle().Foreground(p.barAlt.color()),
		Status:    r.NewStyle().Foreground(muted),
		Error:     r.NewStyle().Bold(!ansi || p.boldErr).Foreground(p.err.color()),
		Key:       r.NewStyle().Bold(true).Foreground(accent),
		TileValue: r.NewStyle().Bold(true).Foreground(accent),
		Track:     r.NewStyle().Foreground(muted),
	}
}

// monoStyles are the styles of a terminal without colour. lipgloss writes
// no escape code at all for it, bold included, which would leave the
// selection marked by its ">" alone; the attributes are added here, and
// no colour: NO_COLOR asks for no colour, not for no emphasis.
func monoStyles(r *lipgloss.Renderer) *Styles {
	bold := r.NewStyle().Transform(sgr("1", "22"))
	plain := r.NewStyle()
	return &Styles{
		Title: bold, Tab: plain, TabActive: bold, Rule: plain, Heading: bold, Label: plain,
		Selected: r.NewStyle().Transform(sgr("7", "27")),
		Value:    bold, Muted: plain, Derived: plain, Bar: plain, BarAlt: plain,
		Status: plain, Error: bold, Key: bold, TileValue: bold, Track: plain,
	}
}

// sgr wraps text in an attribute's SGR sequence and the one that ends it.
func sgr(on, off string) func(string) string {
	return func(s string) string {
		if s == "" {
			return s
		}
		return "\x1b[" + on + "m" + s + "\x1b[" + off + "m"
	}
}

// PlainStyles returns styles that emit no escape codes: the same layout as
// the screen, for exports and golden tests.
func PlainStyles() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	s := r.NewStyle()
	return &Styles{
		Plain: true, Title: s, Tab: s, TabActive: s, Rule: s, Heading: s, Label: s, Selected: s,
		Value: s, Muted: s, Derived: s, Bar: s, BarAlt: s, Status: s, Error: s, Key: s,
		TileValue: s, Track: s,
	}
}
