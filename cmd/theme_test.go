package cmd

import (
	"os"
	"testing"
)

// TestDarkBackground: the order of what decides the theme before the
// terminal is asked. The tty is a pipe: were it asked, the answer would be
// unknown (dark), so the light cases show that nothing was asked.
func TestDarkBackground(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, tc := range []struct {
		theme, colorfgbg, noColor, term string
		dark                            bool
	}{
		{"dark", "0;15", "", "xterm-256color", true},
		{"light", "15;0", "", "xterm-256color", false},
		{"auto", "0;15", "", "xterm-256color", false},
		{"auto", "15;0", "", "xterm-256color", true},
		{"auto", "15;default;8", "", "xterm-256color", true},
		{"auto", "0;default;7", "", "xterm-256color", false},
		{"auto", "", "1", "xterm-256color", true},
		{"auto", "", "", "dumb", true},
		{"auto", "", "", "xterm-256color", true}, // asked: a pipe answers nothing
	} {
		t.Setenv("COLORFGBG", tc.colorfgbg)
		t.Setenv("NO_COLOR", tc.noColor)
		t.Setenv("TERM", tc.term)
		t.Setenv("MACUN_NO_QUERY", "")
		dark, res := darkBackground(tc.theme, w)
		if dark != tc.dark || res.Late() {
			t.Errorf("--theme %s COLORFGBG=%q NO_COLOR=%q TERM=%s: dark %v (late %v), want %v",
				tc.theme, tc.colorfgbg, tc.noColor, tc.term, dark, res.Late(), tc.dark)
		}
	}
}
