package termbg

import (
	"os"
	"time"
)

// Input returns the terminal input a program should read: in itself, or,
// when an answer was still due as Ask gave up, in wrapped so that the
// late answers are dropped. The wrapper is still an *os.File to Bubble
// Tea (it has Fd, Name, Write and Close), so raw mode and cancellable
// reads work as on in itself.
func (r Result) Input(in *os.File) File {
	if !r.Late() {
		return in
	}
	return &lateInput{File: in, r: r}
}

// File is what Bubble Tea v1 and its cancel reader need of a terminal
// input to put it in raw mode and cancel a read.
type File interface {
	Read(p []byte) (int, error)
	Write(p []byte) (int, error)
	Close() error
	Fd() uintptr
	Name() string
}

// lateInput drops the OSC 11 answer and the cursor position report that
// a terminal sends after Ask gave up, until both came or the late window
// is over. An answer is recognised when one read holds it whole, as it
// does when the terminal writes it in one piece; everything else passes
// unchanged.
type lateInput struct {
	*os.File
	r Result
}

// Read reads from the terminal and drops a late answer. A read that held
// only the answer returns 0 bytes and no error, which Bubble Tea's input
// loop reads past; it does not block again, so that the read stays
// cancellable.
func (l *lateInput) Read(p []byte) (int, error) {
	n, err := l.File.Read(p)
	if n == 0 || !l.r.Late() || time.Now().After(l.r.until) {
		return n, err
	}
	return l.r.drop(p[:n]), err
}

// drop removes the due answers from b in place, notes what they said,
// and returns the length of what is left.
func (r *Result) drop(b []byte) int {
	out := 0
	for i := 0; i < len(b); {
		if b[i] == 0x1b {
			if n, dark, ok := oscReply(b[i:]); n > 0 && r.oscDue {
				r.oscDue = false
				r.Dark, r.Known = dark, ok
				i += n
				continue
			}
			if n := cprReply(b[i:]); n > 0 && r.cprDue {
				r.cprDue, r.oscDue = false, false
				i += n
				continue
			}
		}
		b[out] = b[i]
		out++
		i++
	}
	return out
}
