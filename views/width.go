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

// Wrap breaks s into lines of at most w cells: at spaces, between Chinese
// characters, never inside a number or word and never before closing
// punctuation (see wrapText).
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	ls := wrapText(s, w)
	for i := range ls {
		ls[i] = Fit(ls[i], w)
	}
	return ls
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

// hanging wraps s to w cells after prefix, indenting the lines after the
// first by the prefix's width.
func hanging(prefix, s string, w int) []string {
	pw := Width(prefix)
	if w-pw < 1 {
		return Wrap(prefix+s, w)
	}
	ls := wrapText(s, w-pw)
	for i := range ls {
		if i == 0 {
			ls[i] = prefix + ls[i]
		} else {
			ls[i] = strings.Repeat(" ", pw) + ls[i]
		}
	}
	return ls
}

// wrapText breaks s into lines of at most w cells like Wrap, but keeps
// numbers and words whole ("102.4%", an id) and never starts a line with
// closing punctuation or ends one with an opening mark, so that a wrapped
// Chinese sentence cannot be misread ("1" / "2个村" for 12).
func wrapText(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	var line strings.Builder
	lw := 0
	flush := func() {
		out = append(out, strings.TrimRight(line.String(), " "))
		line.Reset()
		lw = 0
	}
	// add puts one unbreakable token on the line, or on the next.
	add := func(t string) {
		t = dropJoiners(t)
		tw := Width(t)
		if lw > 0 && lw+Width(strings.TrimRight(t, " ")) > w {
			flush()
			t = strings.TrimLeft(t, " ")
			tw = Width(t)
		}
		if tw > w {
			// Too long for any line: cut it by characters.
			for _, r := range t {
				rw := Width(string(r))
				if lw+rw > w && lw > 0 {
					flush()
				}
				line.WriteRune(r)
				lw += rw
			}
			return
		}
		line.WriteString(t)
		lw += tw
	}
	start, prev := 0, rune(-1)
	for i, r := range s {
		if prev >= 0 && canBreak(prev, r) {
			add(s[start:i])
			start = i
		}
		prev = r
	}
	if s != "" {
		add(s[start:])
	}
	if lw > 0 || len(out) == 0 {
		flush()
	}
	return out
}

// wordJoiner glues the characters around it for wrapText, which drops it.
const wordJoiner = '\u2060'

// dropJoiners removes the word joiners of a token.
func dropJoiners(t string) string {
	if !strings.ContainsRune(t, wordJoiner) {
		return t
	}
	return strings.ReplaceAll(t, string(wordJoiner), "")
}

// glue makes s one unbreakable piece for wrapText.
func glue(s string) string {
	return strings.Join(strings.Split(s, ""), string(wordJoiner))
}

// canBreak reports whether a line may break between a and b: after a
// space, not inside a run of 7-bit characters (a number, a word, an id),
// not before closing punctuation or after an opening mark.
func canBreak(a, b rune) bool {
	switch {
	case a == wordJoiner || b == wordJoiner:
		return false
	case a == ' ':
		return b != ' '
	case b == ' ':
		return false
	case a < 0x80 && b < 0x80:
		return false
	case strings.ContainsRune("，。、；：！？）」』”’》〉,.;:!?)%…", b):
		return false
	case strings.ContainsRune("（「『“‘《〈(", a):
		return false
	}
	return true
}
