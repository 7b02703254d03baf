package model

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// newModel is the root model with plain styles at a size.
func newModel(t testing.TB, l data.Lang, w, h int, ascii bool) *Model {
	t.Helper()
	c := NewCommon(data.Default(), views.PlainStyles(), ascii)
	c.ExportDir = t.TempDir()
	m := New(c, l)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func keyRunes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func press(m *Model, msgs ...tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	for _, msg := range msgs {
		_, cmd = m.Update(msg)
	}
	return cmd
}

// screenLines is the view without escape codes, split into lines.
func screenLines(m *Model) []string {
	return strings.Split(ansi.Strip(m.View()), "\n")
}

var (
	sweepW = []int{0, 1, 2, 5, 10, 20, 39, 40, 41, 60, 79, 80, 81, 100, 120, 159, 160, 200, 300}
	sweepH = []int{0, 1, 2, 5, 9, 10, 11, 24, 40, 48, 100}
)

// checkScreen asserts the view of m fits w×h; below the minimum it is one
// line saying so.
func checkScreen(t *testing.T, m *Model, w, h int, ascii bool, what string) {
	t.Helper()
	v := m.View()
	s := ansi.Strip(v)
	lines := strings.Split(s, "\n")
	if w < MinWidth || h < MinHeight {
		if w <= 0 || h <= 0 {
			if s != "" {
				t.Errorf("%s: %dx%d: want an empty view, got %q", what, w, h, s)
			}
			return
		}
		if len(lines) > h {
			t.Fatalf("%s: %dx%d: too small, want at most %d lines, got %d", what, w, h, h, len(lines))
		}
		// The message, or the short one, wrapped; or the size alone, whole
		// from five cells on (TestTooSmallReadable).
		full := views.ASCIISafe(fmt.Sprintf(views.MsgTooSmall.In(m.Lang()), MinWidth, MinHeight))
		short := views.ASCIISafe(fmt.Sprintf(views.MsgTooSmallShort.In(m.Lang()), MinWidth, MinHeight))
		size := fmt.Sprintf("%dx%d", MinWidth, MinHeight)
		if got := strings.Join(lines, ""); strings.ReplaceAll(full, " ", "") != strings.ReplaceAll(got, " ", "") &&
			strings.ReplaceAll(short, " ", "") != strings.ReplaceAll(got, " ", "") && !strings.HasPrefix(size, strings.TrimSuffix(got, "~")) {
			t.Errorf("%s: %dx%d: too-small screen %q is neither %q, %q nor %q", what, w, h, s, full, short, size)
		}
		want := "terminal too small"
		if m.Lang() == data.ZH {
			want = "终端太小"
		}
		if views.Width(full) <= w && !strings.HasPrefix(lines[0], want) {
			t.Errorf("%s: %dx%d: too-small line %q does not say so", what, w, h, lines[0])
		}
	} else if len(lines) != h {
		t.Errorf("%s: %dx%d: %d lines, want %d", what, w, h, len(lines), h)
	}
	if len(lines) > max(h, 1) {
		t.Errorf("%s: %dx%d: %d lines", what, w, h, len(lines))
	}
	eaw := runewidth.Condition{EastAsianWidth: true}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: %dx%d: line %d is %d wide: %q", what, w, h, i, lw, l)
		}
		if !ascii {
			continue
		}
		for _, r := range l {
			if runewidth.IsAmbiguousWidth(r) {
				t.Errorf("%s: %dx%d ascii: line %d has ambiguous %q: %q", what, w, h, i, r, l)
				break
			}
		}
		if lw := eaw.StringWidth(l); lw > w {
			t.Errorf("%s: %dx%d ascii: line %d is %d wide in an East Asian locale: %q", what, w, h, i, lw, l)
		}
	}
}

func TestSizeSweep(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, l := range data.Langs() {
			t.Run(fmt.Sprintf("%s/ascii=%v", l, ascii), func(t *testing.T) {
				m := newModel(t, l, 80, 24, ascii)
				for ti, tab := range data.Tabs() {
					press(m, keyRunes(fmt.Sprint(ti+1)))
					for _, w := range sweepW {
						for _, h := range sweepH {
							press(m, tea.WindowSizeMsg{Width: w, Height: h})
							checkScreen(t, m, w, h, ascii, tab.ID)
						}
					}
				}
			})
		}
	}
}

// The overlays and table mode fit too.
func TestSizeSweepOverlays(t *testing.T) {
	ws := []int{0, 1, 39, 40, 41, 60, 80, 120, 300}
	hs := []int{0, 1, 9, 10, 11, 24, 100}
	type step struct {
		name string
		keys []tea.Msg
	}
	steps := []step{
		{"table", []tea.Msg{keyRunes("t")}},
		{"help", []tea.Msg{keyRunes("?")}},
		{"detail", []tea.Msg{tea.KeyMsg{Type: tea.KeyEnter}}},
		{"detail-end", []tea.Msg{tea.KeyMsg{Type: tea.KeyEnter}, keyRunes("G")}},
		{"search", []tea.Msg{keyRunes("/"), keyRunes("网格")}},
		{"search-none", []tea.Msg{keyRunes("/"), keyRunes("zzzz")}},
		{"search-many", []tea.Msg{keyRunes("/"), keyRunes("a")}},
		{"bottom", []tea.Msg{keyRunes("G")}},
	}
	for _, ascii := range []bool{false, true} {
		for _, l := range data.Langs() {
			for ti, tab := range data.Tabs() {
				for _, s := range steps {
					t.Run(fmt.Sprintf("%s/%s/%s/ascii=%v", l, tab.ID, s.name, ascii), func(t *testing.T) {
						m := newModel(t, l, 80, 24, ascii)
						press(m, keyRunes(fmt.Sprint(ti+1)))
						press(m, s.keys...)
						for _, w := range ws {
							for _, h := range hs {
								press(m, tea.WindowSizeMsg{Width: w, Height: h})
								checkScreen(t, m, w, h, ascii, s.name)
							}
						}
					})
				}
			}
		}
	}
}

func TestKeyHelp(t *testing.T) {
	for _, l := range data.Langs() {
		k := DefaultKeyMap()
		k.Localize(l)
		seen := map[string]string{}
		n := 0
		for _, col := range k.FullHelp() {
			for _, b := range col {
				n++
				h := b.Help()
				if h.Key == "" || h.Desc == "" {
					t.Errorf("%s: binding %v has empty help %+v", l, b.Keys(), h)
				}
				if len(b.Keys()) == 0 {
					t.Errorf("%s: binding %q has no keys", l, h.Desc)
				}
				for _, key := range b.Keys() {
					if other, ok := seen[key]; ok {
						t.Errorf("%s: key %q is bound to both %q and %q", l, key, other, h.Desc)
					}
					seen[key] = h.Desc
				}
			}
		}
		if n != len(k.byName()) {
			t.Errorf("%s: full help shows %d bindings, the key map has %d", l, n, len(k.byName()))
		}
		for _, b := range k.ShortHelp() {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: short help binding %v has no help", l, b.Keys())
			}
		}
	}
	// The two languages differ where they should.
	zh, en := DefaultKeyMap(), DefaultKeyMap()
	zh.Localize(data.ZH)
	if zh.Quit.Help().Desc == en.Quit.Help().Desc {
		t.Errorf("quit help is the same in both languages: %q", zh.Quit.Help().Desc)
	}
	if got := len(DefaultKeyMap().JumpTab.Keys()); got != len(data.Tabs()) {
		t.Errorf("jump keys: %d, want one per tab (%d)", got, len(data.Tabs()))
	}
}
