package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"github.com/macun-tui/macun-tui/internal/termtext"
)

// blanks is what spaces cuts from.
var blanks = strings.Repeat(" ", 512)

// spaces is n spaces, without allocating for the widths of a screen.
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:max(n, 0)]
	}
	return strings.Repeat(" ", n)
}

// Width is the display width of s in terminal cells (a Chinese character
// is two cells); escape codes count zero. Printable 7-bit text, most of
// what is measured, is one cell a byte.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

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
	sw := Width(s)
	if sw > w {
		s = Fit(s, w)
		sw = Width(s)
	}
	if n := w - sw; n > 0 {
		return s + spaces(n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	sw := Width(s)
	if sw > w {
		s = Fit(s, w)
		sw = Width(s)
	}
	if n := w - sw; n > 0 {
		return spaces(n) + s
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

// ASCIISafe rewrites s for --ascii: no character of ambiguous width
// (termtext.ASCII). It never makes s wider, so a line cut to its width
// before stays within it.
func ASCIISafe(s string) string { return termtext.ASCII(s) }

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
			ls[i] = spaces(pw) + ls[i]
		}
	}
	return ls
}

// wrapText breaks s into lines of at most w cells like Wrap, where the
// Unicode line breaking rules (UAX #14, from uniseg) allow a break, with
// the changes of canBreak, so that numbers and words stay whole ("102.4%",
// an id) and a wrapped Chinese sentence cannot be misread ("1" / "2个村"
// for 12).
func wrapText(s string, w int) []string { return wrapWith(s, w, plainBreaks(s)) }

// wrapWith is wrapText; with plain, s breaks after its runs of spaces only
// (plainBreaks), without UAX #14's state machine.
func wrapWith(s string, w int, plain bool) []string {
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
	// add puts one unbreakable piece on the line, or on the next.
	add := func(t string) {
		t = dropJoiners(t)
		tw := Width(t)
		trimmed := strings.TrimRight(t, " ")
		if lw > 0 && lw+tw-(len(t)-len(trimmed)) > w {
			flush()
			t = strings.TrimLeft(t, " ")
			tw = Width(t)
		}
		if tw <= w {
			line.WriteString(t)
			lw += tw
			return
		}
		// Too long for any line: cut it between characters.
		for g := uniseg.NewGraphemes(t); g.Next(); {
			if cw := Width(g.Str()); lw+cw > w && lw > 0 {
				flush()
			}
			line.WriteString(g.Str())
			lw += Width(g.Str())
		}
	}
	start, state := 0, -1
	cut := func(end int) {
		add(s[start:end])
		start = end
	}
	if plain {
		// 7-bit text breaks only after its runs of spaces (canBreak), as
		// UAX #14 would break it: no need to run its state machine.
		for i := 1; i < len(s); i++ {
			if s[i-1] == ' ' && s[i] != ' ' {
				cut(i)
			}
		}
		add(s[start:])
		if lw > 0 || len(out) == 0 {
			flush()
		}
		return out
	}
	for rest := s; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		at := len(s) - len(rest) - len(seg)
		if strings.ContainsAny(seg, "“‘”’") { // where canBreak allows more than UAX #14
			prev := rune(-1)
			for i, r := range seg {
				if prev >= 0 && canBreak(prev, r, false) {
					cut(at + i)
				}
				prev = r
			}
		}
		a, _ := utf8.DecodeLastRuneInString(seg)
		if b, _ := utf8.DecodeRuneInString(rest); rest != "" && canBreak(a, b, true) {
			cut(at + len(seg))
		}
	}
	if s != "" {
		add(s[start:])
	}
	if lw > 0 || len(out) == 0 {
		flush()
	}
	return out
}

// plainBreaks reports whether s is printable 7-bit text whose break
// opportunities are exactly those after its runs of spaces: UAX #14
// breaks 7-bit text after spaces (LB18), and canBreak allows no other
// break between 7-bit characters; but not after an opening bracket and
// its spaces (LB14), nor between a quotation mark and its spaces and an
// opening bracket (LB15), which s must then not have.
func plainBreaks(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e {
			return false
		}
		if (c == '(' || c == '[' || c == '{' || c == '"' || c == '\'') && i+1 < len(s) && s[i+1] == ' ' {
			return false
		}
	}
	return true
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

// Punctuation that opens or closes, in Chinese and ASCII.
const (
	opening = "（「『“‘《〈(["
	closing = "，。、；：！？）」』”’》〉,.;:!?)]%…"
)

// canBreak reports whether a line may break between a and b, where uax
// says whether UAX #14 allows it. It follows UAX #14 but for these rules:
//   - text glued with wordJoiner never breaks;
//   - a run of 7-bit characters never breaks: UAX #14 breaks after '-',
//     '/' and ',' ("gdp-" / "growth", "村," / "6个");
//   - as Chinese is set, a line may break before an opening quotation
//     mark and after a closing one ("占比" / "“药、铝、材”" / "主导"),
//     where UAX #14 keeps quotation marks with both neighbours; not next to
//     an ASCII letter or digit, where ’ is an apostrophe ("District’s"),
//     nor after an opening or before a closing mark.
func canBreak(a, b rune, uax bool) bool {
	alnum := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	switch {
	case a == wordJoiner || b == wordJoiner:
		return false
	case a == ' ' || b == ' ':
		return uax
	case a < 0x80 && b < 0x80:
		return false
	case b == '“' || b == '‘':
		return !strings.ContainsRune(opening, a) && !alnum(a)
	case a == '”' || a == '’':
		return !strings.ContainsRune(closing, b) && !alnum(b)
	}
	return uax
}
