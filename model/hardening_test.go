package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// TestExportKeyErrorNamesTarget: the e key's error names the file it
// meant to write, not the temporary file (".macun-export-911134136").
func TestExportKeyErrorNamesTarget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	c := NewCommon(data.Default(), views.PlainStyles(), false)
	c.ExportDir = dir
	c.Now = func() time.Time { return time.Date(2024, 10, 1, 9, 30, 5, 0, time.Local) }
	m := New(c, data.EN)
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 24})
	runExportKey(t, m)
	want := "export failed: write " + filepath.Join(dir, "macun-overview-en-20241001-093005.txt") + ": no such file or directory"
	if m.statusText() != want || m.status.kind != statusError {
		t.Errorf("status %q, want %q", m.statusText(), want)
	}
}

// TestExportKeyTooSmall: e on a screen too small to show the dashboard
// exports the tab at the smallest width the dashboard has, not at one
// cell.
func TestExportKeyTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {10, 30}, {120, 3}} {
		t.Chdir(t.TempDir())
		c := NewCommon(data.Default(), views.PlainStyles(), false)
		m := New(c, data.EN)
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		msg := runExportKey(t, m)
		if msg.err != nil {
			t.Fatal(msg.err)
		}
		b, err := os.ReadFile(msg.path)
		if err != nil {
			t.Fatal(err)
		}
		w := max(sz[0], MinWidth)
		if want := views.ExportText(c.DS, []string{"overview"}, views.Options{Width: w, Lang: data.EN}); string(b) != want {
			t.Errorf("%dx%d: the file is not the overview at %d cells:\n%.300s", sz[0], sz[1], w, b)
		}
	}
}

// TestSearchInputClean: what is typed or pasted into the search field is
// cleaned as any text bound for the terminal: no format characters, no
// cluster drawn wider than measured.
func TestSearchInputClean(t *testing.T) {
	m := newModel(t, data.EN, 80, 24, false)
	press(m, keyRunes("/"))
	press(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("gro\u00adwth\u202e 👍🏽\u200b"), Paste: true})
	if got, want := m.search.input.Value(), "growth 👍"; got != want {
		t.Errorf("search input %q, want %q", got, want)
	}
	for _, r := range ansi.Strip(m.View()) {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			t.Fatalf("the screen shows %U", r)
		}
	}
}

// TestTooSmallReadable: below the minimum size the screen says which size
// is needed, whole, as long as there are five cells for "40x10"; it was
// cut below 39 columns.
func TestTooSmallReadable(t *testing.T) {
	for _, l := range data.Langs() {
		for _, w := range []int{5, 6, 10, 12, 20, 30, 38, 39, 60} {
			for _, h := range []int{1, 2, 3, 5, 9} {
				m := newModel(t, l, w, h, false)
				s := ansi.Strip(m.View())
				lines := strings.Split(s, "\n")
				if len(lines) > h {
					t.Errorf("%s %dx%d: %d lines", l, w, h, len(lines))
				}
				for _, line := range lines {
					if views.Width(line) > w {
						t.Errorf("%s %dx%d: line %q is wider", l, w, h, line)
					}
				}
				if !strings.Contains(strings.ReplaceAll(s, "\n", " "), "40x10") {
					t.Errorf("%s %dx%d: the size needed is not shown whole: %q", l, w, h, s)
				}
			}
		}
	}
}

// TestSuspendKey: ctrl+z suspends, in every overlay, where the process
// can be stopped; where it cannot (no shell with job control), it says
// so instead of stopping for good.
func TestSuspendKey(t *testing.T) {
	instantTicks(t)
	for _, can := range []bool{true, false} {
		for _, keys := range []string{"", "?", "/", "j\r"} {
			m := newModel(t, data.EN, 100, 30, false)
			m.c.CanSuspend = func() bool { return can }
			for _, k := range keys {
				if k == '\r' {
					press(m, tea.KeyMsg{Type: tea.KeyEnter})
				} else {
					press(m, keyRunes(string(k)))
				}
			}
			cmd := press(m, tea.KeyMsg{Type: tea.KeyCtrlZ})
			switch {
			case can && (cmd == nil || cmd() != tea.Suspend()):
				t.Errorf("after %q: ctrl+z did not suspend", keys)
			case !can && cmd != nil && cmd() != (statusExpiredMsg{m.status.id}):
				t.Errorf("after %q: ctrl+z returned a command other than its message's tick where the process cannot stop", keys)
			case !can && (m.statusText() != MsgNoSuspend.In(data.EN) || !strings.Contains(ansi.Strip(m.View()), "cannot suspend")):
				t.Errorf("after %q: status %q", keys, m.statusText())
			}
		}
	}
	// Back from a suspend, the mouse is turned on again: Bubble Tea v1
	// does not.
	m := newModel(t, data.EN, 100, 30, false)
	if cmd := press(m, tea.ResumeMsg{}); cmd == nil || cmd() != tea.EnableMouseCellMotion() {
		t.Error("ResumeMsg did not turn the mouse back on")
	}
	// The help lists it.
	m = newModel(t, data.EN, 200, 60, false)
	press(m, keyRunes("?"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "ctrl+z") {
		t.Errorf("the help does not list ctrl+z:\n%s", v)
	}
}
