package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// queryTimeout bounds the one question put to the terminal (its background
// colour). A terminal that never answers costs this once, at start.
const queryTimeout = 200 * time.Millisecond

// darkBackground decides the background once, before the program starts,
// so that nothing queries the terminal while the dashboard runs. An
// explicit --theme wins; then COLORFGBG; TERM=dumb, NO_COLOR and
// MACUN_NO_QUERY ask nothing (dark); else the terminal is asked, with a
// short timeout.
func darkBackground(theme string, tty *os.File) bool {
	switch theme {
	case "dark":
		return true
	case "light":
		return false
	}
	if v := os.Getenv("COLORFGBG"); strings.Contains(v, ";") {
		parts := strings.Split(v, ";")
		if n, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return n < 7 || n == 8
		}
	}
	if os.Getenv("TERM") == "dumb" || os.Getenv("NO_COLOR") != "" || os.Getenv("MACUN_NO_QUERY") != "" {
		return true
	}
	dark, ok := queryBackground(tty, queryTimeout)
	return dark || !ok
}

// queryBackground asks the terminal for its background colour (OSC 11)
// followed by a cursor position request, which every terminal answers:
// when that answer comes first, the terminal does not know OSC 11. It
// gives up after timeout.
func queryBackground(tty *os.File, timeout time.Duration) (dark, ok bool) {
	fd := tty.Fd()
	old, err := term.MakeRaw(fd)
	if err != nil {
		return false, false
	}
	defer term.Restore(fd, old) //nolint:errcheck
	if _, err := tty.WriteString("\x1b]11;?\x07\x1b[6n"); err != nil {
		return false, false
	}
	deadline := time.Now().Add(timeout)
	var buf []byte
	chunk := make([]byte, 256)
	for time.Now().Before(deadline) {
		var fds unix.FdSet
		fds.Set(int(fd))
		tv := unix.NsecToTimeval(int64(time.Until(deadline)))
		n, err := unix.Select(int(fd)+1, &fds, nil, nil, &tv)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		k, err := tty.Read(chunk)
		if err != nil {
			break
		}
		buf = append(buf, chunk[:k]...)
		if bytes.HasSuffix(bytes.TrimRight(buf, "\x00"), []byte("R")) && bytes.Contains(buf, []byte("\x1b[")) {
			break
		}
	}
	return parseOSC11(buf)
}

// parseOSC11 reads "ESC ] 11 ; rgb:RRRR/GGGG/BBBB" from a reply and says
// whether that colour is dark.
func parseOSC11(b []byte) (dark, ok bool) {
	i := bytes.Index(b, []byte("]11;rgb:"))
	if i < 0 {
		return false, false
	}
	s := string(b[i+len("]11;rgb:"):])
	if j := strings.IndexAny(s, "\x07\x1b"); j >= 0 {
		s = s[:j]
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return false, false
	}
	var rgb [3]float64
	for k, p := range parts {
		v, err := strconv.ParseUint(p, 16, 32)
		if err != nil || len(p) == 0 || len(p) > 4 {
			return false, false
		}
		rgb[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return lum < 0.5, true
}
