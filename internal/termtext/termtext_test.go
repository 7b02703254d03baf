package termtext

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// hostile are strings built to attack a terminal or its layout, with what
// Clean makes of them.
var hostile = []struct{ in, want string }{
	{"plain 马村区 GDP 6.5%", "plain 马村区 GDP 6.5%"},
	{"title\x1b]0;pwned\x07 after", "title after"},
	{"clip\x1b]52;c;cHduZWQ=\x07 after", "clip after"},
	{"alt\x1b[?1049l screen", "alt screen"},
	{"bell\x07 nul\x00 del\x7f", "bell nul del"},
	{"csi\u009b31m red", "csi31m red"}, // a C1 control as UTF-8 starts nothing: it is removed alone
	{"raw c1 \x9b31m red", "raw c1  red"},
	{"st \x1bP1;2q payload\x1b\\ after", "st  after"},
	{"tab\tnewline\ncr\r", "tabnewlinecr"},
	{"soft\u00adhyphen", "softhyphen"},
	{"zero\u200bwidth\u200c\u200d\u2060", "zerowidth"},
	{"bidi \u202eevil\u202c \u2066iso\u2069 \u200f", "bidi evil iso "},
	{"line\u2028separator\u2029", "lineseparator"},
	{"中文,“引号”…—·×", "中文,“引号”…—·×"},
	{"\ufeffbom", "bom"},
	{"thumbs 👍🏽 up", "thumbs 👍 up"},
	{"family 👨\u200d👩\u200d👧 end", "family 👨 end"},
	{"flag 🇨🇳", "flag 🇨🇳"},
	{"heart ❤\ufe0f", "heart ❤\ufe0f"},
	{"Cafe\u0301", "Cafe\u0301"},
	{"한국어 각", "한국어 각"},
	{"bad \xff\xfe utf8 \xe4A", "bad  utf8 A"},
	{"thai กำ", "thai ก"},
}

func TestClean(t *testing.T) {
	for _, c := range hostile {
		got := Clean(c.in)
		if got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
		checkClean(t, c.in, got)
		if p := Check(c.in); (p == nil) != (c.in == c.want) {
			t.Errorf("Check(%q) = %v, but Clean changes it to %q", c.in, p, got)
		}
	}
}

func TestCheck(t *testing.T) {
	for in, want := range map[string]string{
		"ok":                       "",
		"a\x1b]0;x\x07":            "1: control character U+001B",
		"马\u00ad":                  "3: format character U+00AD (soft hyphen)",
		"x\u200b":                  "1: format character U+200B (zero-width space)",
		"x\u202e":                  "1: format character U+202E (bidirectional override)",
		"x\U000E0041":              "1: format character U+E0041",
		"x\u009b":                  "1: control character U+009B",
		"x\xff":                    "1: byte 0xFF, which is not UTF-8",
		"ab👍🏽":                     "2: the characters U+1F44D U+1F3FD, which terminals draw wider than they measure",
		"\u0915\u094d\u0937\u093f": "0: the characters U+0915 U+094D U+0937 U+093F, which terminals draw wider than they measure",
	} {
		got := ""
		if p := Check(in); p != nil {
			got = strconv.Itoa(p.Offset) + ": " + p.Msg
		}
		if got != want {
			t.Errorf("Check(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkClean checks what Clean promises of out, made from in.
func checkClean(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Clean(%q) = %q: not UTF-8", in, out)
	}
	for _, r := range out {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			t.Fatalf("Clean(%q) = %q keeps %U", in, out, r)
		}
	}
	if Width(out) > Width(in) {
		t.Fatalf("Clean(%q) = %q is %d cells wide, wider than %d", in, out, Width(out), Width(in))
	}
	if d := drawn(out); d > Width(out) {
		t.Fatalf("Clean(%q) = %q is drawn %d cells wide, measured %d", in, out, d, Width(out))
	}
	if p := Check(out); p != nil {
		t.Fatalf("Clean(%q) = %q, which Check refuses: %v", in, out, p)
	}
	if again := Clean(out); again != out {
		t.Fatalf("Clean(%q) = %q, but Clean of that is %q", in, out, again)
	}
	a := ASCII(out)
	if Width(a) > Width(out) {
		t.Fatalf("ASCII(%q) = %q is %d cells wide, wider than %d", out, a, Width(a), Width(out))
	}
	eaw := runewidth.Condition{EastAsianWidth: true}
	if eaw.StringWidth(a) > max(Width(out), eaw.StringWidth(out)) {
		t.Fatalf("ASCII(%q) = %q is %d cells wide with ambiguous characters wide", out, a, eaw.StringWidth(a))
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]string{
		"“quoted” — 6.5% · …": `"quoted" - 6.5% . ~`,
		"Cafe\u0301":          "Cafe\u0301",
		"①②":                  "??",
		"❤\ufe0f":             "❤",
		"马村区 GDP":             "马村区 GDP",
	} {
		if got := ASCII(in); got != want {
			t.Errorf("ASCII(%q) = %q, want %q", in, got, want)
		}
	}
	// 500 combining marks take no cell, with --ascii too.
	s := "Cafe" + strings.Repeat("\u0301", 500)
	if w := Width(ASCII(s)); w != 4 {
		t.Errorf("ASCII of Cafe and 500 combining marks is %d cells wide, want 4", w)
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain 马村":                  "plain 马村",
		"evil\x1b]0;pwned\x07.json": `evil\x1b]0;pwned\a.json`,
		"a\u202eb\u00ad":            `a\u202eb\u00ad`,
		"x\xffy":                    `x\xffy`,
		"👍🏽":                        `\U0001f44d\U0001f3fd`,
	} {
		got := Visible(in)
		if got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
		if Check(got) != nil {
			t.Errorf("Visible(%q) = %q, which Check refuses", in, got)
		}
	}
}

func TestInvisible(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, " \u3000": true, "\u200b": true, "\u3164": true, "\u2800\u2800": true, "\u0301": true,
		"\ufe0f": true, "\u115f\u1160": true, "a": false, "\u200ba": false, "马": false, "-": false,
	} {
		if got := Invisible(s); got != want {
			t.Errorf("Invisible(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzClean: whatever the input, Clean's output holds no control or
// format character and is UTF-8, measures no wider than the input, is
// drawn no wider than it measures, is its own Clean and is what Check
// accepts; Check accepts exactly the strings Clean keeps; ASCII of it is
// no wider.
func FuzzClean(f *testing.F) {
	for _, c := range hostile {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Clean(in)
		checkClean(t, in, out)
		if (Check(in) == nil) != (out == in) {
			t.Fatalf("Check(%q) = %v, Clean = %q", in, Check(in), out)
		}
		if v := Visible(in); Check(v) != nil {
			t.Fatalf("Visible(%q) = %q, which Check refuses", in, v)
		}
		if p := check(in); simple(in) && p != nil {
			t.Fatalf("%q is simple text, but %v", in, p)
		}
	})
}
