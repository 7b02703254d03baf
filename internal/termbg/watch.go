package termbg

import (
	"io"
	"time"
)

// Watch is for a terminal at the other end of a stream, such as an SSH
// session, which cannot be waited on with a timeout before a program
// starts: Query is written to it and the program starts at once. Watch
// wraps the stream's input so that the answers are taken out of it as
// they come (they would reach the program as keys), until both came or
// window is over. When the terminal tells its background, answered is
// called with it, once, on the goroutine that reads. Nothing waits for
// the answer.
func Watch(in io.Reader, window time.Duration, answered func(dark bool)) io.Reader {
	return &watcher{in: in, r: Result{oscDue: true, cprDue: true, until: time.Now().Add(window)}, answered: answered}
}

type watcher struct {
	in       io.Reader
	r        Result
	answered func(dark bool)
}

// Read reads from the stream and drops the answers. A read that held
// only answers returns 0 bytes and no error, which Bubble Tea's input
// loop reads past.
func (w *watcher) Read(p []byte) (int, error) {
	n, err := w.in.Read(p)
	if n == 0 || !w.r.Late() || time.Now().After(w.r.until) {
		return n, err
	}
	n = w.r.drop(p[:n])
	if w.r.Known && w.answered != nil {
		w.answered(w.r.Dark)
		w.answered = nil
	}
	return n, err
}
