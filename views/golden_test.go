package views_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// screen is the real root model with plain styles at a size, on a tab.
func screen(t *testing.T, l data.Lang, w, h, tab int) *model.Model {
	t.Helper()
	m := model.New(model.NewCommon(data.Default(), views.PlainStyles(), false), l)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + tab)}})
	if got := m.Tab(); got != data.Tabs()[tab].ID {
		t.Fatalf("tab = %q, want %q", got, data.Tabs()[tab].ID)
	}
	return m
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// pin checks a plain view against its golden file and that it fits.
func pin(t *testing.T, m *model.Model, w, h int) {
	t.Helper()
	v := m.View()
	if strings.ContainsRune(v, 0x1b) {
		t.Errorf("plain view contains an escape code")
	}
	s := ansi.Strip(v)
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide (> %d): %q", i, lw, w, l)
		}
	}
	golden.RequireEqual(t, []byte(s))
}

var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// tabSizes are the sizes of the tabs' goldens: one, two and three columns of panels.
var tabSizes = [][2]int{{80, 24}, {120, 40}, {160, 48}}

func TestGoldenTabs(t *testing.T) {
	for _, l := range data.Langs() {
		for ti, tab := range data.Tabs() {
			for _, sz := range tabSizes {
				t.Run(fmt.Sprintf("%s/%s/%dx%d", l, tab.ID, sz[0], sz[1]), func(t *testing.T) {
					pin(t, screen(t, l, sz[0], sz[1], ti), sz[0], sz[1])
				})
			}
		}
	}
}

func TestGoldenTable(t *testing.T) {
	for _, l := range data.Langs() {
		for ti, tab := range data.Tabs() {
			t.Run(fmt.Sprintf("%s/%s", l, tab.ID), func(t *testing.T) {
				m := screen(t, l, 120, 40, ti)
				m.Update(runes("t"))
				if m.Mode() != views.ModeTable {
					t.Fatalf("mode = %v after t", m.Mode())
				}
				pin(t, m, 120, 40)
			})
		}
	}
}

func TestGoldenHelp(t *testing.T) {
	for _, l := range data.Langs() {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", l, sz[0], sz[1]), func(t *testing.T) {
				m := screen(t, l, sz[0], sz[1], 0)
				m.Update(runes("?"))
				pin(t, m, sz[0], sz[1])
			})
		}
	}
}

func TestGoldenDetail(t *testing.T) {
	for _, l := range data.Langs() {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", l, sz[0], sz[1]), func(t *testing.T) {
				m := screen(t, l, sz[0], sz[1], 0)
				m.Update(tea.KeyMsg{Type: tea.KeyEnter})
				pin(t, m, sz[0], sz[1])
			})
		}
	}
}

func TestGoldenSearch(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := screen(t, l, 80, 24, 0)
			m.Update(runes("/"))
			for _, r := range "grid" {
				m.Update(runes(string(r)))
			}
			pin(t, m, 80, 24)
		})
	}
}
