//go:build unix

package termbg

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/creack/pty"
)

// terminal is the far side of a pty: it reads what the program writes and
// answers the query after delay, or not at all when reply is empty.
func terminal(t *testing.T, reply string, delay time.Duration) (tty *os.File, asked <-chan []byte) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pty:", err)
	}
	t.Cleanup(func() { ptmx.Close(); tty.Close() })
	got := make(chan []byte, 1)
	go func() {
		var seen []byte
		buf := make([]byte, 64)
		for !bytes.Contains(seen, []byte(Query)) {
			n, err := ptmx.Read(buf)
			if err != nil {
				break
			}
			seen = append(seen, buf[:n]...)
		}
		got <- seen
		if reply != "" {
			time.Sleep(delay)
			io.WriteString(ptmx, reply)
		}
	}()
	return tty, got
}

const (
	replyLight = "\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[1;1R"
	limit      = 100 * time.Millisecond
)

func TestAskInTime(t *testing.T) {
	tty, asked := terminal(t, replyLight, 0)
	r := Ask(tty, 5*time.Second)
	if !r.Known || r.Dark || r.Late() {
		t.Errorf("light terminal: %+v", r)
	}
	if q := <-asked; !bytes.Equal(q, []byte(Query)) {
		t.Errorf("the terminal saw %q, want %q", q, Query)
	}
	if in := r.Input(tty); in != File(tty) {
		t.Errorf("nothing due, yet the input is wrapped (%T)", in)
	}
}

// TestAskLateAnswer: the terminal answers after the limit, and then the
// user presses q. Ask gives up at the limit; the program's input, read
// through Input, gets only the q.
func TestAskLateAnswer(t *testing.T) {
	tty, _ := terminal(t, replyLight+"q", 3*limit)
	start := time.Now()
	r := Ask(tty, limit)
	if took := time.Since(start); took > 2*limit+500*time.Millisecond {
		t.Errorf("Ask took %v with a limit of %v", took, limit)
	}
	if r.Known || !r.Late() {
		t.Fatalf("after the limit: %+v, want unknown and late", r)
	}
	// Raw, as Bubble Tea sets it: a canonical terminal would hold the q
	// until a newline.
	old, err := term.MakeRaw(tty.Fd())
	if err != nil {
		t.Fatal(err)
	}
	defer term.Restore(tty.Fd(), old)
	tty.SetReadDeadline(time.Now().Add(10 * time.Second))
	in := r.Input(tty)
	var got []byte
	buf := make([]byte, 256)
	for !bytes.Contains(got, []byte("q")) {
		n, err := in.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != "q" {
		t.Errorf("the program read %q, want only the q", got)
	}
}

// TestAskSilent: a terminal that never answers costs the limit.
func TestAskSilent(t *testing.T) {
	tty, _ := terminal(t, "", 0)
	start := time.Now()
	r := Ask(tty, limit)
	if took := time.Since(start); took < limit {
		t.Errorf("gave up after %v, before the limit %v", took, limit)
	}
	if r.Known || !r.Late() {
		t.Errorf("silent terminal: %+v", r)
	}
}

// TestAskNotTerminal: a pipe is not asked.
func TestAskNotTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if res := Ask(w, limit); res.Known || res.Late() {
		t.Errorf("pipe: %+v", res)
	}
}
