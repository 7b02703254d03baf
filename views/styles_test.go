package views

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/macun-tui/macun-tui/data"
)

// The styles are checked as a reader sees them: each style's text is
// rendered for a colour profile, its escape codes are read back as a
// terminal reads them, and the colours the terminal would show are
// measured with the WCAG contrast ratio.

// rgb is a colour as a terminal shows it.
type rgb struct{ r, g, b uint8 }

func hexRGB(s string) rgb {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		panic(s)
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

func (c rgb) String() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// luminance is WCAG 2's relative luminance.
func (c rgb) luminance() float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is WCAG 2's contrast ratio, from 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// xterm16 is xterm's default palette of the 16 ANSI colours.
var xterm16 = [16]string{
	"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
	"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
}

// xterm256 is colour i of xterm's 256: the 16, the 6×6×6 cube, the greys.
func xterm256(i int) rgb {
	switch {
	case i < 16:
		return hexRGB(xterm16[i])
	case i < 232:
		level := func(v int) uint8 {
			if v == 0 {
				return 0
			}
			return uint8(55 + 40*v)
		}
		i -= 16
		return rgb{level(i / 36), level(i / 6 % 6), level(i % 6)}
	default:
		g := uint8(8 + 10*(i-232))
		return rgb{g, g, g}
	}
}

// pen is a colour an SGR sequence sets: the terminal's own (def), an
// index into its palette, or a direct colour.
type pen struct {
	def   bool
	index int
	rgb   rgb
}

// cellLook is how the first printed cell of s is drawn.
type cellLook struct {
	fg, bg        pen
	bold, reverse bool
}

var sgrRE = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// lookOf reads the SGR sequences in front of the first printed character
// of s as a terminal would; an SGR it does not know fails the test.
func lookOf(t *testing.T, s string) cellLook {
	t.Helper()
	l := cellLook{fg: pen{def: true}, bg: pen{def: true}}
	for {
		loc := sgrRE.FindStringSubmatchIndex(s)
		if loc == nil || loc[0] != 0 {
			return l
		}
		params := strings.Split(s[loc[2]:loc[3]], ";")
		s = s[loc[1]:]
		for i := 0; i < len(params); i++ {
			n, _ := strconv.Atoi(params[i]) // "" is 0
			switch {
			case n == 0:
				l = cellLook{fg: pen{def: true}, bg: pen{def: true}}
			case n == 1:
				l.bold = true
			case n == 22:
				l.bold = false
			case n == 3 || n == 23: // italic
			case n == 7:
				l.reverse = true
			case n == 27:
				l.reverse = false
			case n >= 30 && n <= 37:
				l.fg = pen{index: n - 30}
			case n >= 90 && n <= 97:
				l.fg = pen{index: n - 90 + 8}
			case n >= 40 && n <= 47:
				l.bg = pen{index: n - 40}
			case n >= 100 && n <= 107:
				l.bg = pen{index: n - 100 + 8}
			case n == 39:
				l.fg = pen{def: true}
			case n == 49:
				l.bg = pen{def: true}
			case (n == 38 || n == 48) && i+2 < len(params) && params[i+1] == "5":
				v, _ := strconv.Atoi(params[i+2])
				p := pen{index: v}
				i += 2
				if n == 38 {
					l.fg = p
				} else {
					l.bg = p
				}
			case (n == 38 || n == 48) && i+4 < len(params) && params[i+1] == "2":
				var c [3]uint8
				for k := range c {
					v, _ := strconv.Atoi(params[i+2+k])
					c[k] = uint8(v)
				}
				p := pen{index: -1, rgb: rgb{c[0], c[1], c[2]}}
				i += 4
				if n == 38 {
					l.fg = p
				} else {
					l.bg = p
				}
			default:
				t.Fatalf("unknown SGR parameter %d in %q", n, s)
			}
		}
	}
}

// terminal is a reader's terminal: its own colours and whether it shows
// bold text in colours 0–7 with colours 8–15 (xterm's boldColors, on by
// default; many terminals do not).
type terminal struct {
	name       string
	fg, bg     rgb
	boldBright bool
}

// show is the foreground and background a terminal draws a cell with.
func (tm terminal) show(l cellLook) (fg, bg rgb) {
	fg, bg = tm.fg, tm.bg
	if !l.fg.def {
		i := l.fg.index
		if l.bold && tm.boldBright && i >= 0 && i < 8 {
			i += 8
		}
		fg = l.fg.rgb
		if i >= 0 {
			fg = xterm256(i)
		}
	}
	if !l.bg.def {
		bg = l.bg.rgb
		if l.bg.index >= 0 {
			bg = xterm256(l.bg.index)
		}
	}
	if l.reverse {
		fg, bg = bg, fg
	}
	return fg, bg
}

// terminals are the terminals a profile is measured on. A profile of
// direct or 256 colours is shown the same whatever the theme, on any
// background; the 16 colours are the theme's own, measured with xterm's
// default palette on xterm's background (dark is xterm -rv).
func terminals(p termenv.Profile, dark bool) []terminal {
	var ts []terminal
	add := func(name, fg, bg string) {
		for _, bright := range []bool{true, false} {
			ts = append(ts, terminal{fmt.Sprintf("%s (bold bright %v)", name, bright), hexRGB(fg), hexRGB(bg), bright})
		}
	}
	switch {
	case dark:
		add("xterm -rv", "#ffffff", "#000000")
	default:
		add("xterm", "#000000", "#ffffff")
	}
	if p == termenv.ANSI {
		return ts
	}
	if dark {
		add("grey 11%", "#d0d0d0", "#1c1c1c")
		add("One Dark", "#abb2bf", "#282c34")
	} else {
		add("Solarized light", "#586e75", "#fdf6e3")
		add("grey 93%", "#1c1c1c", "#eeeeee")
	}
	return ts
}

// Contrast floors: WCAG AA for text, and for graphics (bars, rules).
const (
	textContrast    = 4.5
	graphicContrast = 3.0
)

var profiles = []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii}

func stylesFor(p termenv.Profile, dark bool) *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(dark)
	return NewStyles(r, dark)
}

func bg(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// TestStylesContrast: in every colour profile, on dark and light
// backgrounds, every kind of text is legible and every bar and rule
// visible, as the terminal shows them.
func TestStylesContrast(t *testing.T) {
	for _, p := range profiles {
		for _, dark := range []bool{true, false} {
			st := stylesFor(p, dark)
			text := map[string]lipgloss.Style{
				"title": st.Title, "tab": st.Tab, "active tab": st.TabActive, "heading": st.Heading,
				"label": st.Label, "selection": st.Selected, "value": st.Value, "muted": st.Muted,
				"derived": st.Derived, "status": st.Status, "error": st.Error, "key hint": st.Key,
				"tile value": st.TileValue,
			}
			graphic := map[string]lipgloss.Style{"bar": st.Bar, "derived bar": st.BarAlt, "rule": st.Rule, "track": st.Track}
			for _, tm := range terminals(p, dark) {
				where := fmt.Sprintf("%s, %s background, %s", p.Name(), bg(dark), tm.name)
				for name, s := range text {
					fg, bg := tm.show(lookOf(t, s.Render("x")))
					if c := contrast(fg, bg); c < textContrast {
						t.Errorf("%s: %s is %v on %v, contrast %.2f, want ≥ %.1f", where, name, fg, bg, c, textContrast)
					}
				}
				for name, s := range graphic {
					fg, _ := tm.show(lookOf(t, s.Render("█")))
					if c := contrast(fg, tm.bg); c < graphicContrast {
						t.Errorf("%s: %s is %v on %v, contrast %.2f, want ≥ %.1f", where, name, fg, tm.bg, c, graphicContrast)
					}
				}
				// The selection is a band of its own colour, not only
				// text that looks different.
				fg, bg := tm.show(lookOf(t, st.Selected.Render("x")))
				if bg == tm.bg {
					t.Errorf("%s: the selection has the page's background %v (text %v)", where, bg, fg)
				}
			}
		}
	}
}

// TestStylesDistinct: what must be told apart looks different in every
// profile that has colour: the active tab from the others, a derived bar
// from a quoted one, the selection from a label.
func TestStylesDistinct(t *testing.T) {
	for _, p := range profiles {
		for _, dark := range []bool{true, false} {
			st := stylesFor(p, dark)
			pairs := [][2]lipgloss.Style{{st.TabActive, st.Tab}, {st.Selected, st.Label}, {st.Title, st.Label}}
			if p != termenv.Ascii { // without colour, "*" marks a derived bar
				pairs = append(pairs, [2]lipgloss.Style{st.BarAlt, st.Bar})
			}
			for i, pair := range pairs {
				if a, b := lookOf(t, pair[0].Render("x")), lookOf(t, pair[1].Render("x")); a == b {
					t.Errorf("%s, %s background: pair %d looks the same: %+v", p.Name(), bg(dark), i, a)
				}
			}
		}
	}
}

// allowedSGR says whether an SGR parameter list can be shown by a
// profile: 16 colours have no 256 or direct colour, no colour has none.
func allowedSGR(p termenv.Profile, params string) error {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	for i := 0; i < len(ps); i++ {
		n, err := strconv.Atoi(ps[i])
		if err != nil {
			return err
		}
		colour := n >= 30 && n <= 49 || n >= 90 && n <= 97 || n >= 100 && n <= 107
		switch {
		case !colour:
		case p == termenv.Ascii:
			return fmt.Errorf("colour %d without colour", n)
		case n == 38 || n == 48:
			if i+1 >= len(ps) {
				return fmt.Errorf("%d without its colour", n)
			}
			switch {
			case ps[i+1] == "5" && p == termenv.ANSI:
				return fmt.Errorf("a 256-colour colour in 16 colours")
			case ps[i+1] == "2" && p != termenv.TrueColor:
				return fmt.Errorf("a direct colour in %s", p.Name())
			case ps[i+1] == "5":
				i += 2
			case ps[i+1] == "2":
				i += 4
			}
		case n == 39 || n == 49:
			// The terminal's own colour: every profile with colour.
		}
	}
	return nil
}

// screenOf is every line of every tab in both languages, selected and
// not, with the tab bar, in styles st: all the escape codes a screen can
// have from views.
func screenOf(st *Styles) []string {
	var out []string
	ds := data.Default()
	for _, l := range data.Langs() {
		o := Options{Width: 120, Lang: l}
		for _, tab := range data.TabIDs() {
			head, _ := Header(ds, tab, o, st)
			out = append(out, head...)
			for _, mode := range []Mode{ModeCharts, ModeTable} {
				o.Mode = mode
				p := RenderPage(ds, tab, o, st)
				out = append(out, p.Lines()...)
				for k := range p.Items() {
					for i := range p.Len() {
						if s := p.Line(i, k); s != p.Line(i, -1) {
							out = append(out, s)
						}
					}
				}
			}
		}
	}
	for _, s := range []lipgloss.Style{st.Derived, st.Status, st.Error, st.Key, st.Muted} {
		out = append(out, s.Render("x"))
	}
	return out
}

// TestStylesProfileSequences: no profile emits a colour it cannot show:
// 16 colours only 30–37, 90–97, 40–47 and 100–107, no colour none at
// all; and every profile with colour does colour the screen.
func TestStylesProfileSequences(t *testing.T) {
	for _, p := range profiles {
		for _, dark := range []bool{true, false} {
			colours := 0
			for _, line := range screenOf(stylesFor(p, dark)) {
				for _, m := range sgrRE.FindAllStringSubmatch(line, -1) {
					if err := allowedSGR(p, m[1]); err != nil {
						t.Fatalf("%s, %s background: %q: %v", p.Name(), bg(dark), m[0], err)
					}
					if allowedSGR(termenv.Ascii, m[1]) != nil {
						colours++
					}
				}
			}
			if p != termenv.Ascii && colours == 0 {
				t.Errorf("%s, %s background: no colour on the screen", p.Name(), bg(dark))
			}
		}
	}
}

// TestStylesNoColor: NO_COLOR takes every colour away, whatever the
// terminal says it has; the selection still shows (reverse video), and
// emphasis stays.
func TestStylesNoColor(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORTERM", "truecolor")
	t.Setenv("CLICOLOR_FORCE", "")
	for _, noColor := range []string{"", "1"} {
		t.Setenv("NO_COLOR", noColor)
		r := lipgloss.NewRenderer(io.Discard, termenv.WithUnsafe())
		st := NewStyles(r, true)
		colours := 0
		for _, line := range screenOf(st) {
			for _, m := range sgrRE.FindAllStringSubmatch(line, -1) {
				if allowedSGR(termenv.Ascii, m[1]) != nil {
					colours++
				}
			}
		}
		switch {
		case noColor == "" && colours == 0:
			t.Errorf("a true-colour terminal got no colour")
		case noColor != "" && colours > 0:
			t.Errorf("NO_COLOR=%s: %d colour sequences", noColor, colours)
		}
		if l := lookOf(t, st.Selected.Render("x")); !l.reverse && l.bg.def {
			t.Errorf("NO_COLOR=%q: the selection has neither a background nor reverse video: %+v", noColor, l)
		}
	}
}

// TestPlainStylesNoEscapes: the styles of the exports emit nothing but
// the text, and lay it out as the screen's do.
func TestPlainStylesNoEscapes(t *testing.T) {
	plain := screenOf(PlainStyles())
	mono := screenOf(stylesFor(termenv.Ascii, true))
	for i, line := range plain {
		if strings.ContainsRune(line, '\x1b') {
			t.Fatalf("plain line %d has an escape code: %q", i, line)
		}
		if s := sgrRE.ReplaceAllString(mono[i], ""); s != line {
			t.Fatalf("line %d differs from the screen without colour:\n%q\n%q", i, line, s)
		}
	}
}
