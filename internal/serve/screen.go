package serve

import (
	"hash/maphash"
	"io"
	"strings"
	"sync"
	"time"

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
// never otherwise: no timer, and a key's frame goes out at once instead
// of at the next tick.
//
// It keeps one hash a row of what the terminal shows, and writes the rows
// that changed, each positioned on its own. The bytes are written by a
// goroutine that runs only while there are bytes to write, so that the
// program never waits for the client: a client that stops reading (its
// SSH window full) would otherwise stop the program, then wish's
// window-change loop, then the connection's request loop, which would
// then never see the connection close. What such a client has not taken
// is dropped past maxPending, and the screen repainted whole when it
// reads again.
type screen struct {
	mu      sync.Mutex
	out     io.Writer
	w, h    int
	rows    []uint64 // hashes of the rows shown; nil: repaint all
	started bool     // the terminal modes are set (or queued)
	stopped bool     // given back: nothing more is drawn
	broken  bool     // a write failed: the client is gone
	// prefix goes out with the first frame (a question to the terminal).
	prefix  string
	pending []byte        // drawn and not yet written
	flushed chan struct{} // closed when the writer has written all; nil when idle
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

// maxPending bounds what a screen holds for a client that does not read:
// some frames of the largest terminals.
const maxPending = 1 << 20

// stopWait is how long stop waits for the last bytes to reach a client.
const stopWait = 2 * time.Second

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
// what the terminal shows are queued, nothing else.
func (s *screen) draw(frame string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.broken || s.w <= 0 || s.h <= 0 {
		return
	}
	b := s.buffer()
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
	s.pending = b
	switch {
	case len(b) == 0: // nothing changed: no buffer is kept
		recycle(b)
		s.pending = nil
	case len(b) > maxPending:
		// The client has not read for a long while: start again from
		// nothing when it does.
		s.drop()
	default:
		s.kick()
	}
}

// blankRow is the hash of an erased row that the frame does not cover.
const blankRow uint64 = 2

// buffer is where the next bytes go: the pending ones, or a pooled buffer.
func (s *screen) buffer() []byte {
	if s.pending != nil {
		return s.pending
	}
	return (*bufs.Get().(*[]byte))[:0]
}

// drop forgets the pending bytes and repaints everything, modes too,
// with the next frame.
func (s *screen) drop() {
	recycle(s.pending)
	s.pending = nil
	s.rows = nil
	s.started = false
}

func recycle(b []byte) {
	if b != nil && cap(b) <= 64<<10 {
		bufs.Put(&b)
	}
}

// kick starts the writer if it is not running; s.mu is held.
func (s *screen) kick() {
	if s.flushed == nil && len(s.pending) > 0 {
		s.flushed = make(chan struct{})
		go s.flush(s.flushed)
	}
}

// flush writes the pending bytes until there are none, then ends.
func (s *screen) flush(done chan struct{}) {
	defer close(done)
	for {
		s.mu.Lock()
		b := s.pending
		s.pending = nil
		if len(b) == 0 || s.broken {
			s.flushed = nil
			s.mu.Unlock()
			recycle(b)
			return
		}
		s.mu.Unlock()
		_, err := s.out.Write(b)
		recycle(b)
		if err != nil {
			s.mu.Lock()
			s.broken = true
			recycle(s.pending)
			s.pending = nil
			s.mu.Unlock()
		}
	}
}

// Write queues p for the terminal between two frames; it is dropped if
// the client has much left to read.
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.broken {
		return 0, io.ErrClosedPipe
	}
	if len(s.pending)+len(p) > maxPending {
		return 0, io.ErrShortWrite
	}
	s.pending = append(s.buffer(), p...)
	s.kick()
	return len(p), nil
}

// stop gives the terminal back as it was (main screen, cursor, no mouse)
// and writes msg, if any, on a line of its own; nothing is drawn after.
// It waits, a little, for the client to have it all.
func (s *screen) stop(msg string) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	s.stopped = true
	b := s.buffer()
	if s.started {
		b = append(b, leaveModes...)
	}
	if msg != "" {
		b = append(b, msg+"\r\n"...)
	}
	s.pending = b
	if len(b) == 0 {
		recycle(b)
		s.pending = nil
	}
	s.kick()
	done := s.flushed
	s.mu.Unlock()
	if done != nil {
		select {
		case <-done:
		case <-time.After(stopWait):
		}
	}
}
