package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Width is the display width of s in terminal cells (a Chinese character
// is two cells); escape codes count zero.
func Width(s string) int { return ansi.StringWidth(s) }

// Fit truncates s to at most w cells, ending in an ellipsis when cut.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	if w == 1 {
		return ansi.Truncate(s, 1, "")
	}
	return ansi.Truncate(s, w, "…")
}

// Pad truncates or pads s with spaces to exactly w cells.
func Pad(s string, w int) string {
	s = Fit(s, w)
	if n := w - Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	s = Fit(s, w)
	if n := w - Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// Wrap breaks s into lines of at most w cells, at spaces where it can and
// anywhere in Chinese text.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(ansi.Wrap(s, w, ""), "\n") {
		out = append(out, Fit(l, w))
	}
	return out
}

// asciiRunes replaces each character that terminals disagree about (East
// Asian "ambiguous" width) with one 7-bit character, so widths hold in
// every locale.
var asciiRunes = map[rune]rune{
	'“': '"', '”': '"', '‘': '\'', '’': '\'', '·': '.', '…': '~',
	'×': 'x', '²': '2', '—': '-', '–': '-', '─': '-', '│': '|', '█': '#',
	'▉': '#', '▊': '#', '▋': '#', '▌': '#', '▍': ' ', '▎': ' ', '▏': ' ',
	'°': 'o', '±': '+', '※': '*', '→': '>', '←': '<', '↑': '^', '↓': 'v',
	'▶': '>', '•': '*', '≈': '~', '≤': '<', '≥': '>', '†': '+', '¶': '#',
}

// ASCIISafe rewrites s so that it holds no ambiguous-width character.
// Each one becomes a single 7-bit character, so display width is kept.
func ASCIISafe(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if a, ok := asciiRunes[r]; ok {
			b.WriteRune(a)
		} else if runewidth.IsAmbiguousWidth(r) {
			b.WriteByte('?')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
