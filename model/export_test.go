package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aymanbagabas/go-udiff"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

func exportKey(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// exportModel is the dashboard with plain styles, on tab i in mode, at
// width w and tall enough that the whole body fits.
func exportModel(t *testing.T, l data.Lang, w, tab int, mode views.Mode) *Model {
	t.Helper()
	c := NewCommon(data.Default(), views.PlainStyles(), false)
	c.ExportDir = t.TempDir()
	m := New(c, l)
	m.Update(tea.WindowSizeMsg{Width: w, Height: 40})
	m.Update(exportKey(string(rune('1' + tab))))
	if mode == views.ModeTable {
		m.Update(exportKey("t"))
	}
	if m.Tab() != data.Tabs()[tab].ID || m.Mode() != mode {
		t.Fatalf("on %s in mode %d, want %s %d", m.Tab(), m.Mode(), data.Tabs()[tab].ID, mode)
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: m.page().Len() + chrome})
	return m
}

// exportScreen is what the screen shows of the tab: no escape codes, no
// rule and footer, no selection mark, trailing spaces and empty lines
// cut.
func exportScreen(t *testing.T, m *Model) string {
	t.Helper()
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if len(lines) != m.height {
		t.Fatalf("%d lines on a screen of %d", len(lines), m.height)
	}
	lines = lines[:len(lines)-2]
	// The selected item is marked on screen and not in an export.
	if it, ok := m.Selected(); ok {
		for _, sp := range it.Spans {
			s := lines[sp.Row+2]
			if ansi.Cut(s, sp.Col, sp.Col+2) != "> " {
				t.Fatalf("selected line %d is not marked at %d: %q", sp.Row, sp.Col, s)
			}
			lines[sp.Row+2] = ansi.Cut(s, 0, sp.Col) + "  " + ansi.TruncateLeft(s, sp.Col+2, "")
		}
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// The text export of a tab is what the dashboard shows for it at the same
// width, then a blank line and the Sources block.
func TestExportTextIsScreen(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, w := range []int{40, 60, 80, 100, 160} {
			for _, mode := range []views.Mode{views.ModeCharts, views.ModeTable} {
				var screens []string
				var tabs []string
				for i, tab := range data.Tabs() {
					m := exportModel(t, l, w, i, mode)
					screen := exportScreen(t, m)
					o := views.Options{Width: w, Lang: l, Mode: mode}
					got := views.ExportText(ds, []string{tab.ID}, o)
					part, _, ok := strings.Cut(got, "\n\n"+views.MsgSources.In(l)+": ")
					if !ok {
						t.Fatalf("%s %d %s: no Sources block", l, w, tab.ID)
					}
					if part != screen {
						t.Errorf("%s w=%d mode=%d %s: export differs from the screen:\n%s", l, w, mode, tab.ID, udiff.Unified("screen", "export", screen, part))
					}
					src := strings.Join(views.SourcesBlock(ds, []string{tab.ID}, o), "\n") + "\n"
					if got != screen+"\n\n"+src {
						t.Errorf("%s w=%d %s: export is not screen + sources", l, w, tab.ID)
					}
					screens = append(screens, screen)
					tabs = append(tabs, tab.ID)
				}
				// All tabs: each screen in turn, one Sources block.
				o := views.Options{Width: w, Lang: l, Mode: mode}
				all := views.ExportText(ds, tabs, o)
				want := strings.Join(screens, "\n\n") + "\n\n" + strings.Join(views.SourcesBlock(ds, tabs, o), "\n") + "\n"
				if all != want {
					t.Errorf("%s w=%d mode=%d: export of all tabs differs:\n%s", l, w, mode, udiff.Unified("want", "got", want, all))
				}
			}
		}
	}
}

// runExportKey presses e and delivers the result, as the program would.
func runExportKey(t *testing.T, m *Model) exportedMsg {
	t.Helper()
	cmd := exportPress(m, exportKey("e"))
	if cmd == nil {
		t.Fatal("e returned no command")
	}
	msg, ok := cmd().(exportedMsg)
	if !ok {
		t.Fatal("the export command did not report")
	}
	m.Update(msg)
	return msg
}

func exportPress(m *Model, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	return cmd
}

func TestExportKeyWritesView(t *testing.T) {
	for _, l := range data.Langs() {
		for _, ascii := range []bool{false, true} {
			c := NewCommon(data.Default(), views.PlainStyles(), ascii)
			// As in the program: files go to the current directory.
			dir := t.TempDir()
			t.Chdir(dir)
			c.Now = func() time.Time { return time.Date(2024, 10, 1, 9, 30, 5, 0, time.Local) }
			m := New(c, l)
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
			m.Update(exportKey("3"))
			m.Update(exportKey("t"))
			msg := runExportKey(t, m)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			want := "macun-urban-rural-" + string(l) + "-20241001-093005.txt"
			if msg.path != want {
				t.Errorf("path %s, want %s", msg.path, want)
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			o := views.Options{Width: 80, Lang: l, Mode: views.ModeTable, ASCII: ascii}
			if string(b) != views.ExportText(c.DS, []string{"urban-rural"}, o) {
				t.Errorf("file is not the export of the view")
			}
			if fi, _ := os.Stat(want); fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", fi.Mode().Perm())
			}
			if m.status.kind == statusError || m.statusText() != fmt.Sprintf(views.MsgExported.In(l), want) {
				t.Errorf("status %q (error %v)", m.statusText(), m.status.kind == statusError)
			}
			// The whole name shows, at 80 columns, in both languages.
			if foot := ansi.Strip(m.footer()); !strings.Contains(foot, want) {
				t.Errorf("footer does not show the path: %q", foot)
			}
			// A second export in the same second gets -2, then -3; the
			// first file is kept.
			for _, suffix := range []string{"-2.txt", "-3.txt"} {
				msg = runExportKey(t, m)
				if msg.err != nil || msg.path != strings.TrimSuffix(want, ".txt")+suffix {
					t.Errorf("next export: %s, %v", msg.path, msg.err)
				}
			}
			if b2, _ := os.ReadFile(want); string(b2) != string(b) {
				t.Error("the first export was replaced")
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 3 {
				t.Errorf("%d files in the export directory, want 3", len(ents))
			}
		}
	}
}

// A directory that cannot be written (here: its parent is a file, which
// stops root too) gives an error status and leaves no file.
func TestExportKeyFailure(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(file, "sub"), filepath.Join(base, "missing")} {
		c := NewCommon(data.Default(), views.PlainStyles(), false)
		c.ExportDir = dir
		m := New(c, data.EN)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		msg := runExportKey(t, m)
		if msg.err == nil {
			t.Fatalf("%s: export did not fail", dir)
		}
		if m.status.kind != statusError || !strings.HasPrefix(m.statusText(), "export failed: ") {
			t.Errorf("status %q (error %v)", m.statusText(), m.status.kind == statusError)
		}
		if foot := ansi.Strip(m.footer()); !strings.Contains(foot, "export failed") {
			t.Errorf("footer: %q", foot)
		}
		// esc clears the message.
		m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		if m.statusText() != "" {
			t.Errorf("status after esc: %q", m.statusText())
		}
	}
	ents, _ := os.ReadDir(base)
	if len(ents) != 1 {
		t.Errorf("%d entries in %s, want only the file", len(ents), base)
	}
}
