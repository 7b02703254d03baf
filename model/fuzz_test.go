package model

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// fuzzKeys are the keys a fuzzed session presses: every binding of the
// key map and some that are bound to nothing.
var fuzzKeys = []tea.KeyMsg{
	{Type: tea.KeyTab}, {Type: tea.KeyShiftTab}, {Type: tea.KeyLeft}, {Type: tea.KeyRight},
	{Type: tea.KeyUp}, {Type: tea.KeyDown}, {Type: tea.KeyPgUp}, {Type: tea.KeyPgDown},
	{Type: tea.KeyHome}, {Type: tea.KeyEnd}, {Type: tea.KeyEnter}, {Type: tea.KeyEsc},
	{Type: tea.KeyBackspace}, {Type: tea.KeySpace, Runes: []rune{' '}},
}

const fuzzRunes = "hjkl12345tLg G?/e2406网格gridxq"

// FuzzModel drives the root model with a random sequence of keys, mouse
// events and window sizes (0×0 and 1×1 included): it must never panic and
// never draw a line wider than the terminal or more lines than it has.
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 80, 24, 1, 3, 1, 4, 2, 10, 1, 40})
	f.Add([]byte{0, 0, 0, 1, 1, 0, 1, 1, 1, 2, 2})
	f.Add([]byte{0, 200, 60, 1, 9, 1, 14, 1, 15, 1, 16, 1, 17, 1, 10, 2, 5, 5})
	f.Add([]byte("\x00\x78\x28\x01\x13\x01\x10\x01\x11\x01\x12\x01\x0a"))
	f.Fuzz(runProg)
}

func runProg(t *testing.T, prog []byte) {
	{
		if len(prog) > 150 {
			prog = prog[:150]
		}
		for _, ascii := range []bool{false, true} {
			c := NewCommon(data.Default(), views.PlainStyles(), ascii)
			m := New(c, data.ZH)
			w, h := 80, 24
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			for i := 0; i+2 < len(prog); i += 3 {
				op, a, b := prog[i]%4, int(prog[i+1]), int(prog[i+2])
				switch op {
				case 0:
					w, h = a, b/2
					m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				case 1:
					n := len(fuzzKeys) + len([]rune(fuzzRunes))
					k := a % n
					if k < len(fuzzKeys) {
						m.Update(fuzzKeys[k])
					} else {
						r := []rune(fuzzRunes)[k-len(fuzzKeys)]
						if r == 'q' || r == 'e' {
							continue // quitting and writing files are tested elsewhere
						}
						m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
					}
				case 2:
					btn := []tea.MouseButton{tea.MouseButtonLeft, tea.MouseButtonWheelUp, tea.MouseButtonWheelDown}[b%3]
					m.Update(tea.MouseMsg{X: a % (w + 1), Y: b % (h + 1), Button: btn, Action: tea.MouseActionRelease})
				case 3:
					checkFrame(t, m.View(), w, h)
				}
			}
			checkFrame(t, m.View(), w, h)
		}
	}
}

func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if v != "" && len(lines) > max(h, 1) {
		t.Fatalf("%d lines on a %d×%d screen", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells on a %d-wide screen: %q", i, lw, w, ansi.Strip(l))
		}
	}
}
