package serve

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// syncWriter records writes.
type syncWriter struct {
	mu sync.Mutex
	b  bytes.Buffer
	n  int
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	return w.b.Write(p)
}

func (w *syncWriter) take() (string, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	s, n := w.b.String(), w.n
	w.b.Reset()
	w.n = 0
	return s, n
}

// settled waits for the screen's writer to finish.
func settled(s *screen) {
	for {
		s.mu.Lock()
		busy := s.flushed != nil
		s.mu.Unlock()
		if !busy {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func frameOf(rows ...string) string { return strings.Join(rows, "\n") }

func TestScreenWritesWhatChanged(t *testing.T) {
	w := &syncWriter{}
	s := newScreen(w)
	s.resize(10, 3)
	s.draw(frameOf("aaaa", "bbbb", "cccc"))
	settled(s)
	first, n := w.take()
	if n != 1 || !strings.HasPrefix(first, enterModes) || !strings.Contains(first, "bbbb") {
		t.Fatalf("first frame: %d writes, %q", n, first)
	}
	s.draw(frameOf("aaaa", "bbbb", "cccc"))
	settled(s)
	if out, n := w.take(); n != 0 {
		t.Errorf("the same frame again wrote %q", out)
	}
	s.draw(frameOf("aaaa", "BBBB", "cccc"))
	settled(s)
	if out, _ := w.take(); out != ansi.CursorPosition(1, 2)+"BBBB"+ansi.EraseLineRight {
		t.Errorf("one changed row wrote %q", out)
	}
	s.draw(frameOf("aaaa"))
	settled(s)
	if out, _ := w.take(); out != ansi.CursorPosition(1, 2)+ansi.EraseLineRight+ansi.CursorPosition(1, 3)+ansi.EraseLineRight {
		t.Errorf("a shorter frame wrote %q", out)
	}
	s.draw(frameOf("0123456789abc", "x", "y"))
	settled(s)
	if out, _ := w.take(); !strings.Contains(out, "0123456789") || strings.Contains(out, "abc") {
		t.Errorf("a row wider than the terminal was not cut: %q", out)
	}
	s.stop("bye")
	if out, _ := w.take(); out != leaveModes+"bye\r\n" {
		t.Errorf("stop wrote %q", out)
	}
	s.draw(frameOf("after"))
	if out, n := w.take(); n != 0 {
		t.Errorf("a frame after stop wrote %q", out)
	}
}

// A client that does not read holds at most maxPending; when it reads
// again it gets the whole screen, modes included.
func TestScreenClientNotReading(t *testing.T) {
	r, pw := io.Pipe()
	s := newScreen(pw)
	s.resize(200, 60)
	row := strings.Repeat("x", 199)
	for i := 0; ; i++ {
		rows := make([]string, 60)
		for j := range rows {
			rows[j] = fmt.Sprint(i) + row
		}
		s.draw(frameOf(rows...)) // never blocks
		s.mu.Lock()
		dropped := !s.started
		pending := len(s.pending)
		s.mu.Unlock()
		if pending > maxPending {
			t.Fatalf("%d bytes pending, more than %d", pending, maxPending)
		}
		if dropped {
			break
		}
		if i > 1000 {
			t.Fatalf("nothing dropped after %d frames", i)
		}
	}
	// The client reads again.
	var got bytes.Buffer
	done := make(chan struct{})
	go func() { _, _ = io.Copy(&got, r); close(done) }()
	s.draw(frameOf("again"))
	settled(s)
	pw.Close()
	<-done
	if !strings.Contains(got.String(), enterModes+ansi.CursorHomePosition+"again") {
		t.Errorf("after the drop the next frame is not whole, with the modes")
	}
}
