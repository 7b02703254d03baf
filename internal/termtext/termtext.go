// Package termtext makes text safe to put on a terminal: nothing in it is
// acted on (escape sequences, control characters), hidden (format
// characters) or drawn at another width than the program measures
// (Width).
//
// Clean is the one sanitiser of every string that reaches a terminal from
// outside the program: a dataset and its article, the search input, error
// text. Check tells whether Clean would change a string, and why, for
// the dataset's validator, which refuses such strings instead of changing
// them; Visible writes what Clean would remove as escapes, for error
// messages that must show it. ASCII is the --ascii substitution; it never
// makes a string wider.
//
// Widths are those of github.com/charmbracelet/x/ansi (StringWidth, as
// lipgloss measures), with East Asian ambiguous characters one cell wide.
// A terminal draws a string character by character (wcwidth), and a
// character cluster that it draws wider than the program measures it
// (an emoji with a skin-tone modifier: two cells measured, four drawn by
// tmux; a Thai or Devanagari cluster) would push the rest of the line out
// of place; Clean cuts such a cluster to the part that measures true.
package termtext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
	"github.com/mattn/go-runewidth"
)

// Width is the width of s in terminal cells as the program measures it:
// escape sequences and control characters count zero, a Chinese
// character two.
func Width(s string) int { return ansi.StringWidth(s) }

// Clean returns s without what a terminal would act on or draw at
// another width than Width says:
//   - escape sequences (CSI, OSC, DCS, …) are removed whole, and so are
//     control characters (C0, DEL, C1) and bytes that are not UTF-8;
//   - format characters (Unicode category Cf: soft hyphen, zero-width
//     space and joiners, bidirectional controls, byte-order mark, …) are
//     removed, and so are the line and paragraph separators U+2028 and
//     U+2029;
//   - a character cluster that a terminal draws wider than it measures
//     is cut to its longest start that does not: "👍🏽" (with a skin-tone
//     modifier) becomes "👍", a sequence of emoji joined with U+200D its
//     first emoji.
//
// The result is never wider than s, and Clean(Clean(s)) is Clean(s).
func Clean(s string) string {
	for Check(s) != nil {
		s = clean(s)
	}
	return s
}

// clean is one pass of Clean. What is removed may have kept two clusters
// apart (a control character before a combining mark): the start of the
// second that would join the first is removed too, so that nothing
// widens.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	last, gap := "", false // the last cluster written; whether something was removed after it
	scan(s, func(text string, w int) {
		if w < 0 {
			b.WriteString(text)
			last, gap = "", false
			return
		}
		c := cleanCluster(text)
		for gap && last != "" && c != "" && joins(last, c) {
			_, n := utf8.DecodeRuneInString(c)
			c = c[n:]
		}
		b.WriteString(c)
		if c != "" {
			last = lastCluster(c)
		}
		gap = gap || c != text
	}, func(int) { gap = true })
	return b.String()
}

// joins reports whether the cluster a and the start of b would be one
// cluster.
func joins(a, b string) bool {
	c, _ := ansi.FirstGraphemeCluster(a+b, ansi.GraphemeWidth)
	return len(c) > len(a)
}

// lastCluster is the last grapheme cluster of s, which is not empty.
func lastCluster(s string) string {
	for {
		c, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if len(c) == len(s) || c == "" {
			return s
		}
		s = s[len(c):]
	}
}

// scan splits s as ansi.StringWidth does: printable ASCII bytes one by
// one and other characters as grapheme clusters go to text, with their
// width (-1 for an ASCII byte); escape sequences and control bytes go to
// skip, one byte at a time.
func scan(s string, text func(s string, w int), skip func(i int)) {
	state := parser.GroundState
	for i := 0; i < len(s); i++ {
		next, action := parser.Table.Transition(state, s[i])
		if next == parser.Utf8State {
			c, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
			text(c, w)
			i += len(c) - 1
			state = parser.GroundState
			continue
		}
		if action == parser.PrintAction {
			text(s[i:i+1], -1)
		} else {
			skip(i)
		}
		state = next
	}
}

// simple reports whether every character of s is one that Width and
// terminals measure alike and that never joins a neighbour into a
// cluster, which Clean keeps: printable ASCII, Latin-1 letters and signs,
// common punctuation, CJK ideographs and punctuation, fullwidth forms.
// Most text is, and Check need not segment it.
func simple(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xFF && r != 0xAD,
			r >= 0x2010 && r <= 0x2027, r >= 0x3000 && r <= 0x3029,
			r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xFF01 && r <= 0xFF5E:
		default:
			return false
		}
	}
	return true
}

// cleanCluster is the longest start of cluster c, without its control
// and format characters and bytes that are not UTF-8, that is no wider
// than c and that a terminal draws no wider than it measures.
func cleanCluster(c string) string {
	w := Width(c)
	var keep []rune
	for i, r := range c {
		if bad(c, i, r) {
			continue
		}
		if next := string(append(keep, r)); Width(next) > w || drawn(next) > Width(next) {
			break
		}
		keep = append(keep, r)
	}
	return string(keep)
}

// bad reports whether the character r at i of s is removed whatever its
// neighbours: a control or format character or a byte that is not UTF-8.
func bad(s string, i int, r rune) bool {
	if r == utf8.RuneError {
		if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
			return true
		}
	}
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// cells is the width a terminal gives each character: wcwidth's, with
// ambiguous characters narrow.
var cells = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// drawn is the width of s drawn character by character, as terminals
// such as tmux and xterm do: combining and format characters and the
// vowels and finals of Hangul syllables take no cell.
func drawn(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf),
			r >= 0x1160 && r <= 0x11FF, r >= 0xD7B0 && r <= 0xD7FF:
		default:
			n += cells.RuneWidth(r)
		}
	}
	return n
}

// A Problem is the first thing in a string that Clean would change.
type Problem struct {
	Offset int    // in bytes
	Text   string // what is changed: a character, a byte or a cluster
	Msg    string // what it is, for a message: "control character U+001B"
}

func (p *Problem) Error() string { return p.Msg }

// Check returns the first thing Clean would change in s, or nil when
// Clean(s) is s.
func Check(s string) *Problem {
	if simple(s) {
		return nil
	}
	return check(s)
}

// check is Check without the shortcut for simple text.
func check(s string) *Problem {
	var p *Problem
	at := 0
	scan(s, func(text string, w int) {
		if p == nil && w >= 0 {
			p = checkCluster(at, text, w)
		}
		at += len(text)
	}, func(i int) {
		if p == nil {
			p = &Problem{Offset: i, Text: s[i : i+1], Msg: describe(s[i:])}
		}
		at = i + 1
	})
	return p
}

// checkCluster is the problem of the cluster c, w cells wide, at offset
// at, or nil.
func checkCluster(at int, c string, w int) *Problem {
	// One character, as most are, which no terminal draws wider than two
	// cells: what cleanCluster keeps.
	if r, n := utf8.DecodeRuneInString(c); n == len(c) && !bad(c, 0, r) && (w >= 2 || drawn(c) <= w) {
		return nil
	}
	for i, r := range c {
		if bad(c, i, r) {
			_, n := utf8.DecodeRuneInString(c[i:])
			return &Problem{Offset: at + i, Text: c[i : i+n], Msg: describe(c[i:])}
		}
	}
	if cleanCluster(c) != c {
		var cps []string
		for _, r := range c {
			cps = append(cps, fmt.Sprintf("%U", r))
		}
		return &Problem{Offset: at, Text: c, Msg: fmt.Sprintf("the characters %s, which terminals draw wider than they measure",
			strings.Join(cps, " "))}
	}
	return nil
}

// formatNames are the format characters most often met in text.
var formatNames = map[rune]string{
	0x00AD: "soft hyphen", 0x061C: "Arabic letter mark", 0x180E: "Mongolian vowel separator",
	0x200B: "zero-width space", 0x200C: "zero-width non-joiner", 0x200D: "zero-width joiner",
	0x200E: "left-to-right mark", 0x200F: "right-to-left mark",
	0x202A: "bidirectional embedding", 0x202B: "bidirectional embedding", 0x202C: "bidirectional pop",
	0x202D: "bidirectional override", 0x202E: "bidirectional override",
	0x2060: "word joiner", 0x2066: "bidirectional isolate", 0x2067: "bidirectional isolate",
	0x2068: "bidirectional isolate", 0x2069: "bidirectional isolate", 0xFEFF: "byte-order mark",
}

// describe names the character that starts s, which Clean removes.
func describe(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && n <= 1:
		return fmt.Sprintf("byte 0x%02X, which is not UTF-8", s[0])
	case unicode.In(r, unicode.Zl, unicode.Zp):
		return fmt.Sprintf("line or paragraph separator %U", r)
	case unicode.Is(unicode.Cf, r):
		if name, ok := formatNames[r]; ok {
			return fmt.Sprintf("format character %U (%s)", r, name)
		}
		return fmt.Sprintf("format character %U", r)
	}
	// A control character, or a character of an escape sequence, which
	// starts with one.
	return fmt.Sprintf("control character %U", r)
}

// Invisible reports whether s shows nothing: it is empty, or holds only
// white space, format characters, combining marks on nothing, variation
// selectors and the fillers that take room and draw nothing (U+3164
// HANGUL FILLER, U+2800 BRAILLE PATTERN BLANK, …).
func Invisible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Cc,
			unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) && r != 0x2800 {
			return false
		}
	}
	return true
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

// ASCII rewrites s for a terminal that draws East Asian ambiguous
// characters two cells wide (--ascii): each one that takes a cell becomes
// one 7-bit character ('?' when no better one is known); variation
// selectors, which some such terminals draw, are removed; those that take
// no cell (combining marks, drawn on the character before) stay. The
// result is never wider than s.
func ASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		a, ok := asciiRunes[r]
		switch {
		case ok:
			b.WriteRune(a)
		case unicode.Is(unicode.Variation_Selector, r):
		case runewidth.IsAmbiguousWidth(r) && Width(string(r)) > 0:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Visible returns s with each thing Clean would remove or cut written as
// Go writes it in a quoted string (\x1b, \u202e, \U0001f3fd), so that an
// error message shows what was there, harmlessly: a file name with an
// escape sequence in it. Unlike Clean's, its result may be wider than s.
func Visible(s string) string {
	for p := Check(s); p != nil; p = Check(s) {
		q := strconv.QuoteToASCII(p.Text)
		if !utf8.ValidString(p.Text) { // QuoteToASCII would write \ufffd
			q = strconv.Quote(p.Text)
		}
		s = s[:p.Offset] + q[1:len(q)-1] + s[p.Offset+len(p.Text):]
	}
	return s
}
