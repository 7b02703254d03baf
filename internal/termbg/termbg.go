// Package termbg asks a terminal for its background colour once, before a
// full-screen program takes the terminal over, and keeps a late answer
// from reaching that program as key presses.
//
// The question is OSC 11 followed by a cursor position request (CSI 6n),
// which every terminal answers: when only the cursor position comes back,
// the terminal does not know OSC 11. Ask waits a short time for both
// answers. A terminal that answers after that (a slow remote link) would
// put them in the program's input, where Bubble Tea v1 reads the OSC
// reply as alt+] and a run of keys; Result.Input wraps the input so that
// those answers are dropped when they come.
//
// Watch is for a terminal at the other end of a stream (an SSH session):
// the question goes out, the program starts without waiting, and the
// answers are taken out of the input when they come.
//
// On Windows the console is not asked (reading it with a timeout needs
// another mechanism than select(2)); Ask reports no answer there.
package termbg

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"time"
)

// Query is what Ask writes to the terminal.
const Query = "\x1b]11;?\x07\x1b[6n"

// LateWindow is how long after Ask a late answer is still looked for in
// the input; the same patience termenv gives its own query (OSCTimeout).
const LateWindow = 5 * time.Second

// Result is what the terminal answered.
type Result struct {
	// Dark says whether the background is dark; Known whether the
	// terminal said so.
	Dark, Known bool
	// Still due when Ask gave up: the OSC 11 answer and the cursor
	// position, and until when to look for them.
	oscDue, cprDue bool
	until          time.Time
}

// Late reports whether some answer was still due when Ask gave up.
func (r Result) Late() bool { return r.oscDue || r.cprDue }

// Ask asks the terminal tty for its background colour and waits at most
// timeout for the answer. It puts tty in raw mode meanwhile and restores
// it. A tty that is not a terminal, or a platform where Ask cannot wait
// with a timeout, gives a Result with Known false and nothing due.
func Ask(tty *os.File, timeout time.Duration) Result {
	buf, asked := ask(tty, timeout)
	if !asked {
		return Result{}
	}
	return answer(buf, time.Now().Add(LateWindow))
}

// answer reads what the terminal sent back (buf) in time.
func answer(buf []byte, until time.Time) Result {
	r := Result{oscDue: true, cprDue: true, until: until}
	for len(buf) > 0 {
		i := bytes.IndexByte(buf, 0x1b)
		if i < 0 {
			break
		}
		buf = buf[i:]
		if n, dark, ok := oscReply(buf); n > 0 {
			r.oscDue = false
			r.Dark, r.Known = dark, ok
			buf = buf[n:]
			continue
		}
		if n := cprReply(buf); n > 0 {
			// The cursor position is answered after OSC 11: a terminal
			// that has not answered OSC 11 by now never will.
			r.cprDue, r.oscDue = false, false
			buf = buf[n:]
			continue
		}
		buf = buf[1:]
	}
	return r
}

// oscReply reads "ESC ] 11 ; COLOUR (BEL | ESC \)" at the start of b and
// returns its length (0 if b does not start with a whole one) and whether
// the colour is a dark rgb: colour.
func oscReply(b []byte) (n int, dark, ok bool) {
	const head = "\x1b]11;"
	if !bytes.HasPrefix(b, []byte(head)) {
		return 0, false, false
	}
	end := bytes.IndexAny(b[len(head):], "\x07\x1b")
	if end < 0 {
		return 0, false, false
	}
	end += len(head)
	n = end + 1
	if b[end] == 0x1b {
		if end+1 >= len(b) || b[end+1] != '\\' {
			return 0, false, false
		}
		n = end + 2
	}
	dark, ok = darkRGB(string(b[len(head):end]))
	return n, dark, ok
}

// cprReply reads a cursor position report, "ESC [ ROW ; COL R", at the
// start of b and returns its length, or 0.
func cprReply(b []byte) int {
	if !bytes.HasPrefix(b, []byte("\x1b[")) {
		return 0
	}
	digits, semis := 0, 0
	for i := 2; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ';' && digits > 0 && semis == 0:
			semis++
		case c == 'R' && semis == 1 && b[i-1] != ';':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// darkRGB says whether "rgb:RRRR/GGGG/BBBB" (1 to 4 hex digits each) is
// dark: relative luminance under one half.
func darkRGB(s string) (dark, ok bool) {
	s, found := strings.CutPrefix(s, "rgb:")
	if !found {
		return false, false
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return false, false
	}
	var rgb [3]float64
	for k, p := range parts {
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil || len(p) == 0 || len(p) > 4 {
			return false, false
		}
		rgb[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return lum < 0.5, true
}

// ColorFGBG reads the COLORFGBG variable some terminals set
// ("15;0", foreground;background as ANSI colour numbers): whether the
// background is dark, and whether v says.
func ColorFGBG(v string) (dark, known bool) {
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false, false
	}
	n, err := strconv.Atoi(v[i+1:])
	if err != nil {
		return false, false
	}
	return n < 7 || n == 8, true
}
