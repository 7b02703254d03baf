package cmd

import (
	"os"
	"time"

	"github.com/macun-tui/macun-tui/internal/termbg"
)

// queryTimeout bounds the one question put to the terminal (its background
// colour). A terminal that never answers costs this once, at start; one
// that answers later has its answer dropped from the dashboard's input.
const queryTimeout = 200 * time.Millisecond

// darkBackground decides the background once, before the dashboard
// starts, so that nothing queries the terminal while it runs. An explicit
// --theme wins; then COLORFGBG; TERM=dumb, NO_COLOR and MACUN_NO_QUERY
// ask nothing (dark); else the terminal is asked, with a short timeout
// (not on Windows: dark). The result's Input wraps the dashboard's input
// when the terminal's answer is still due.
func darkBackground(theme string, tty *os.File) (bool, termbg.Result) {
	switch theme {
	case "dark":
		return true, termbg.Result{}
	case "light":
		return false, termbg.Result{}
	}
	if dark, ok := termbg.ColorFGBG(os.Getenv("COLORFGBG")); ok {
		return dark, termbg.Result{}
	}
	if os.Getenv("TERM") == "dumb" || os.Getenv("NO_COLOR") != "" || os.Getenv("MACUN_NO_QUERY") != "" {
		return true, termbg.Result{}
	}
	r := termbg.Ask(tty, queryTimeout)
	return r.Dark || !r.Known, r
}
