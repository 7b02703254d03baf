package model

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// On a small screen the help does not fit; it scrolls, so that every key
// can be read.
func TestHelpScrollsOnSmallScreens(t *testing.T) {
	for _, l := range data.Langs() {
		m := New(NewCommon(data.Default(), views.PlainStyles(), false), l)
		m.Update(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}})
		quit := m.c.Keys.Quit.Help().Desc
		if strings.Contains(ansi.Strip(m.View()), quit) {
			t.Fatalf("%s: the whole help fits %d×%d; the test needs a smaller screen", l, MinWidth, MinHeight)
		}
		m.Update(tea.KeyMsg{Type: tea.KeyEnd})
		if v := ansi.Strip(m.View()); !strings.Contains(v, quit) {
			t.Errorf("%s: after end the help does not show %q:\n%s", l, quit, v)
		}
		// home goes back: the first key shows again, quit no longer (the
		// title shows all along).
		m.Update(tea.KeyMsg{Type: tea.KeyHome})
		first := m.c.Keys.FullHelp()[0][0].Help().Desc
		if v := ansi.Strip(m.View()); !strings.Contains(v, first) || strings.Contains(v, quit) {
			t.Errorf("%s: after home the help does not show %q first:\n%s", l, first, v)
		}
		m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		if m.over != overlayNone {
			t.Errorf("%s: esc did not close the help", l)
		}
	}
}

// The help is laid out when it opens and again when the screen changes
// size while it is open; View only draws it.
func TestHelpFollowsResize(t *testing.T) {
	m := New(NewCommon(data.Default(), views.PlainStyles(), false), data.EN)
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 40})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}})
	wide := len(m.helpPage.lines)
	m.Update(tea.WindowSizeMsg{Width: 50, Height: 40})
	if len(m.helpPage.lines) <= wide {
		t.Errorf("the help has %d lines at 50 columns, %d at 160: not laid out again", len(m.helpPage.lines), wide)
	}
	for _, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w > 50 {
			t.Errorf("a line of the help is %d wide at 50 columns: %q", w, l)
		}
	}
}
