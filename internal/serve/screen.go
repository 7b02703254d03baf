package serve

import (
	"hash/maphash"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// screen draws a session's frames on its terminal, and takes every other
// write to it (OSC 52) between frames.
//
// It replaces Bubble Tea v1's standard renderer for a session, which
// wakes up at its frame rate (60 or 120 times a second) for as long as
// the program runs, whether anything changed or not, and on every wake-up
// after a frame equal to the one before copies the whole frame again to
// compare it: for a thousand idle sessions, tens of thousands of
// wake-ups and megabytes of garbage a second. A screen draws in the
// program's own goroutine, after the message that changed the frame, and
// never otherwise: no timer, no goroutine, and a key's frame goes out at
// once instead of at the next tick.
//
// It keeps one hash a row of what the terminal shows, and writes the rows
// that changed, each positioned on its own, in one write.
type screen struct {
	mu      sync.Mutex
	out     io.Writer
	w, h    int
	rows    []uint64 // hashes of the rows shown; nil: repaint all
	started bool
	stopped bool
	// prefix goes out with the first frame (a question to the terminal).
	prefix string
}

// Terminal modes of a session: the alternate screen, no cursor, mouse
// clicks and wheel (cell motion, SGR coordinates) and bracketed paste;
// reset in the reverse order.
const (
	enterModes = ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.SetModeMouseButtonEvent +
		ansi.SetModeMouseExtSgr + ansi.SetModeBracketedPaste + ansi.EraseEntireScreen
	leaveModes = ansi.ResetModeBracketedPaste + ansi.ResetModeMouseExtSgr + ansi.ResetModeMouseButtonEvent +
		ansi.ShowCursor + ansi.ResetModeAltScreenSaveCursor
)

var (
	rowSeed = maphash.MakeSeed()
	bufs    = sync.Pool{New: func() any { return new([]byte) }}
)

func newScreen(out io.Writer) *screen { return &screen{out: out} }

// resize sets the terminal's size; a new size repaints every row (the
// terminal has reflowed what it showed).
func (s *screen) resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w == s.w && h == s.h {
		return
	}
	s.w, s.h = w, h
	s.rows = nil
}

// draw shows frame, rows separated by "\n": the rows that differ from
// what the terminal shows are written, nothing else.
func (s *screen) draw(frame string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.w <= 0 || s.h <= 0 {
		return
	}
	bp := bufs.Get().(*[]byte)
	b := (*bp)[:0]
	if !s.started {
		b = append(b, s.prefix...)
		b = append(b, enterModes...)
		s.started = true
		s.rows = nil
	}
	if s.rows == nil {
		// Every row is written again, to its end: no need to erase the
		// screen first (tmux keeps an erased screen in its history).
		s.rows = make([]uint64, s.h)
	}
	y := 0
	for rest := frame; y < s.h && (y == 0 || rest != ""); y++ {
		row, more, _ := strings.Cut(rest, "\n")
		rest = more
		hash := maphash.String(rowSeed, row) | 1 // 0 is a row never drawn
		if s.rows[y] == hash {
			continue
		}
		s.rows[y] = hash
		b = append(b, ansi.CursorPosition(1, y+1)...)
		w := ansi.StringWidth(row)
		if w > s.w {
			row, w = ansi.Truncate(row, s.w, ""), s.w
		}
		b = append(b, row...)
		if w < s.w {
			b = append(b, ansi.EraseLineRight...)
		}
	}
	for ; y < s.h; y++ { // rows the frame no longer has
		if s.rows[y] != blankRow {
			s.rows[y] = blankRow
			b = append(b, ansi.CursorPosition(1, y+1)...)
			b = append(b, ansi.EraseLineRight...)
		}
	}
	if len(b) > 0 {
		_, _ = s.out.Write(b)
	}
	*bp = b
	if cap(b) <= 64<<10 {
		bufs.Put(bp)
	}
}

// blankRow is the hash of an erased row that the frame does not cover.
const blankRow uint64 = 2

// Write writes p to the terminal between two frames.
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return 0, io.ErrClosedPipe
	}
	return s.out.Write(p)
}

// stop gives the terminal back as it was (main screen, cursor, no mouse)
// and writes msg, if any, on a line of its own; nothing is drawn after.
func (s *screen) stop(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	s.stopped = true
	out := ""
	if s.started {
		out = leaveModes
	}
	if msg != "" {
		out += msg + "\r\n"
	}
	if out != "" {
		_, _ = io.WriteString(s.out, out)
	}
}
