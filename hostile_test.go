package main

// Hostile input: the datasets and articles of testdata/hostile are built
// to attack the terminal (escape sequences that retitle it, write the
// clipboard or leave the alternate screen; control, format and
// bidirectional characters; clusters terminals draw wider than they
// measure) or its layout (hundreds of combining marks, long unbroken
// text). Each is refused with a message that is itself safe, or shown and
// exported without a byte a terminal would act on and within its width.

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/cmd"
	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/internal/termtext"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// checkSafe fails the test when text, which goes to a terminal, holds a
// byte or character a terminal would act on or hide, other than the line
// breaks between its lines, or a line that Clean would change.
func checkSafe(t *testing.T, what, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("%s: not UTF-8", what)
	}
	for i, r := range text {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			t.Errorf("%s: %U at byte %d: %q", what, r, i, text[max(i-20, 0):min(i+20, len(text))])
			return
		}
	}
	for n, l := range strings.Split(text, "\n") {
		if p := termtext.Check(l); p != nil {
			t.Errorf("%s: line %d: %v: %q", what, n+1, p, l)
			return
		}
	}
}

// checkWidth fails the test when a line of text is wider than w cells,
// or, with ascii, wider than w where ambiguous characters take two.
func checkWidth(t *testing.T, what, text string, w int, ascii bool) {
	t.Helper()
	eaw := runewidth.Condition{EastAsianWidth: true}
	for n, l := range strings.Split(text, "\n") {
		if lw := views.Width(l); lw > w {
			t.Errorf("%s: line %d is %d cells wide, more than %d: %q", what, n+1, lw, w, l)
			return
		}
		if lw := eaw.StringWidth(l); ascii && lw > w {
			t.Errorf("%s: line %d is %d cells wide where ambiguous characters are wide, more than %d: %q", what, n+1, lw, w, l)
			return
		}
	}
}

func hostileFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/hostile/*.json")
	if err != nil || len(files) < 15 {
		t.Fatalf("%d datasets in testdata/hostile (%v)", len(files), err)
	}
	return files
}

// TestHostile validates each hostile dataset as `macun-tui validate` does
// and compares what it prints with testdata/TestHostile/NAME.golden (go
// test -run TestHostile -update rewrites them); the message must be safe
// for the terminal. A dataset it accepts is exported in every format and
// language, with and without --ascii, at three widths, and shown in the
// dashboard: every tab, the detail of every item and a search, at three
// sizes; none of it may hold an unsafe byte or a line too wide.
func TestHostile(t *testing.T) {
	accepted := 0
	for _, f := range hostileFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := cmd.Run([]string{"validate", f}, nil, &out, &errOut)
			golden.RequireEqual(t, fmt.Appendf(nil, "exit %d\n%s%s", code, out.String(), errOut.String()))
			checkSafe(t, "validate", out.String()+errOut.String())
			if code != cmd.ExitOK {
				return
			}
			accepted++
			hostileExports(t, f)
			ds, err := data.LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, ascii := range []bool{false, true} {
				for _, l := range data.Langs() {
					for _, sz := range [][2]int{{40, 10}, {80, 24}, {160, 50}} {
						hostileScreens(t, ds, l, ascii, sz[0], sz[1])
					}
				}
			}
		})
	}
	if accepted == 0 {
		t.Error("no hostile dataset is accepted: nothing was shown")
	}
}

// hostileExports exports the dataset in file in every way.
func hostileExports(t *testing.T, file string) {
	t.Helper()
	for _, format := range cmd.ExportFormats {
		for _, l := range data.Langs() {
			for _, ascii := range []bool{false, true} {
				for _, w := range []int{20, 40, 100} {
					args := []string{"export", "--data", file, "--format", format, "--lang", string(l), "--width", strconv.Itoa(w)}
					if ascii {
						args = append(args, "--ascii")
					}
					var out, errOut bytes.Buffer
					if code := cmd.Run(args, nil, &out, &errOut); code != cmd.ExitOK {
						t.Fatalf("%q: exit %d: %s", args, code, errOut.String())
					}
					what := strings.Join(args[3:], " ")
					checkSafe(t, what, out.String())
					if format == "txt" {
						checkWidth(t, what, strings.TrimSuffix(out.String(), "\n"), w, ascii)
					}
					if format != "txt" {
						break // the width does not apply
					}
				}
			}
		}
	}
}

// hostileScreens shows every tab of ds, the detail of each of its items
// and a search, and checks each screen.
func hostileScreens(t *testing.T, ds *data.Dataset, l data.Lang, ascii bool, w, h int) {
	t.Helper()
	c := model.NewCommon(ds, views.PlainStyles(), ascii)
	c.ExportDir = t.TempDir()
	m := model.New(c, l)
	key := func(k string) {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		}
		m.Update(msg)
	}
	check := func(what string) {
		t.Helper()
		what = fmt.Sprintf("%s %dx%d ascii=%v %s on %s", l, w, h, ascii, what, m.Tab())
		v := m.View()
		checkSafe(t, what, v)
		checkWidth(t, what, v, w, ascii)
		if n := strings.Count(v, "\n") + 1; n > h {
			t.Errorf("%s: %d lines on a screen of %d", what, n, h)
		}
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for i := range data.Tabs() {
		key(strconv.Itoa(i + 1))
		check("tab")
		key("g")
		seen := map[string]bool{}
		for it, ok := m.Selected(); ok && !seen[it.ID]; it, ok = m.Selected() {
			seen[it.ID] = true
			key("enter")
			check("detail of " + it.ID)
			key("esc")
			key("j")
		}
	}
	key("/")
	for _, r := range "GDP增速e" {
		key(string(r))
		check("search")
	}
	key("esc")
}

// TestE2EHostile runs the real binary in a terminal on each hostile
// dataset: a refused one exits 2 before taking the terminal, with nothing
// a terminal would act on in what it printed; the accepted one shows
// every tab and the detail of an item (where the article's paragraphs
// are) without retitling the terminal, writing its clipboard or leaving
// the alternate screen before q.
func TestE2EHostile(t *testing.T) {
	for _, f := range hostileFiles(t) {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			var errOut bytes.Buffer
			accepted := cmd.Run([]string{"validate", f}, nil, &bytes.Buffer{}, &errOut) == cmd.ExitOK
			s := startTerm(t, termOpts{args: []string{"--lang", "en", "--data", abs}, answer: true})
			if !accepted {
				if code := s.waitExit(); code != cmd.ExitUsage {
					t.Fatalf("exit %d, want 2", code)
				}
				// Less Bubble Tea v1's question when it loads (docs/termquery.md).
				out := strings.Replace(string(s.Output()), seqInitQuery, "", 1)
				out = strings.ReplaceAll(out, "\r\n", "\n")
				checkSafe(t, "output", strings.TrimSuffix(out, "\n"))
				return
			}
			s.waitFor(0, "[1 Overview]")
			for i := 1; i < len(data.Tabs()); i++ {
				s.waitFor(s.press(strconv.Itoa(i+1)), fmt.Sprintf("[%d ", i+1))
			}
			s.waitFor(s.press("1"), "[1 Overview]")
			s.waitFor(s.press("\r"), "In context")
			s.quit()
			out := s.Output()
			for _, seq := range []string{"\x1b]0;", "\x1b]2;", "\x1b]52;"} {
				if bytes.Contains(out, []byte(seq)) {
					t.Errorf("output holds %q", seq)
				}
			}
			if off := bytes.Index(out, []byte(seqAltScreenOff)); off < bytes.LastIndex(out, []byte(seqAltScreenOn)) {
				t.Errorf("the alternate screen was left before q")
			}
			checkRestored(t, out)
		})
	}
}
