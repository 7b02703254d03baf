// Package ptyterm runs a program in a pseudo-terminal for tests and
// benchmarks: it keeps what the program writes, answers the terminal
// queries a real terminal answers (background colour, cursor position),
// presses keys and waits for texts to appear on the screen.
//
// Positions in the output are marks (Mark, Press): a wait looks only at
// what comes after its mark, because a terminal program repaints changed
// lines only. Texts are matched with escape sequences stripped and all
// white space removed (Squeeze), so that a text wrapped over lines or
// padded by the layout still matches.
//
// Nothing here depends on package testing: failures are errors, for the
// caller to report.
package ptyterm

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// The queries a Term answers, and its answers: a black background and the
// cursor in the top left corner.
const (
	QueryBackground = "\x1b]11;?"
	QueryCursor     = "\x1b[6n"
	ReplyBackground = "\x1b]11;rgb:0000/0000/0000\x07"
	ReplyCursor     = "\x1b[1;1R"
)

// afterKill bounds the waits of Stop once the process was killed.
const afterKill = 5 * time.Second

// Options says how to start a program in a pseudo-terminal.
type Options struct {
	// Size is the terminal's size; nil leaves the pty's default.
	Size *pty.Winsize
	// Answer makes the terminal answer the background colour and cursor
	// position queries, in order, as a real terminal does. Without it
	// the queries are only recorded (see Count).
	Answer bool
	// KeepTTY keeps the slave side open in the caller (TTY), to read its
	// modes after the run and compare them with InitialModes. The program
	// then runs in a new session with the pty as its controlling
	// terminal, and the output ends only when the caller closes the slave
	// (Drain, Stop).
	KeepTTY bool
}

// Term is a program running in a pseudo-terminal and what it wrote.
type Term struct {
	cmd     *exec.Cmd
	ptmx    *os.File
	tty     *os.File      // slave side, with KeepTTY
	modes   *unix.Termios // its modes before the program started
	answer  bool
	started time.Time

	mu      sync.Mutex
	out     []byte
	scanned int       // out[:scanned] has been searched for queries
	first   time.Time // when the first byte came

	note     chan struct{} // a token after new output
	readDone chan struct{} // closed when the pty's output ended
	exited   chan struct{} // closed when the process ended
	waitErr  error         // cmd.Wait's, once exited is closed
}

// Start starts cmd, which must not have been started, with the pty's
// slave side as its standard input, output and error. The caller sets
// the command's environment and directory. Call Stop when done.
func Start(cmd *exec.Cmd, o Options) (*Term, error) {
	t := &Term{
		cmd:      cmd,
		answer:   o.Answer,
		note:     make(chan struct{}, 1),
		readDone: make(chan struct{}),
		exited:   make(chan struct{}),
	}
	var err error
	if o.KeepTTY {
		if t.ptmx, t.tty, err = pty.Open(); err != nil {
			return nil, err
		}
		if o.Size != nil {
			if err := pty.Setsize(t.ptmx, o.Size); err != nil {
				t.tty.Close()
				t.ptmx.Close()
				return nil, err
			}
		}
		// Read before the program starts: it changes them at once.
		if t.modes, err = Modes(t.tty); err != nil {
			t.tty.Close()
			t.ptmx.Close()
			return nil, err
		}
		cmd.Stdin, cmd.Stdout, cmd.Stderr = t.tty, t.tty, t.tty
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
		t.started = time.Now()
		if err := cmd.Start(); err != nil {
			t.tty.Close()
			t.ptmx.Close()
			return nil, err
		}
	} else {
		t.started = time.Now()
		if t.ptmx, err = pty.StartWithSize(cmd, o.Size); err != nil {
			return nil, err
		}
	}
	go t.read()
	go func() {
		t.waitErr = cmd.Wait()
		close(t.exited)
	}()
	return t, nil
}

// Cmd is the running command, for its process.
func (t *Term) Cmd() *exec.Cmd { return t.cmd }

// TTY is the slave side kept open with KeepTTY, nil without it or after
// Drain.
func (t *Term) TTY() *os.File { return t.tty }

// InitialModes are the terminal modes of the pty (with KeepTTY) as they
// were before the program started, which it must give back when it ends.
func (t *Term) InitialModes() *unix.Termios { return t.modes }

// Modes reads the terminal modes of a pty's slave side.
func Modes(tty *os.File) (*unix.Termios, error) {
	return unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
}

// ForegroundGroup is the terminal's foreground process group: the job a
// shell in it runs, which the terminal sends ctrl+z's SIGTSTP to. It is
// asked of the master side: the slave answers only its own session.
func (t *Term) ForegroundGroup() (int, error) {
	return unix.IoctlGetInt(int(t.ptmx.Fd()), unix.TIOCGPGRP)
}

// Started is when the program was started: just before the pty was made
// (or, with KeepTTY, the process was started).
func (t *Term) Started() time.Time { return t.started }

// FirstOutput is when the first output came; zero before.
func (t *Term) FirstOutput() time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.first
}

// read copies the pty's output and, with answer, answers the queries in
// it.
func (t *Term) read() {
	defer close(t.readDone)
	buf := make([]byte, 32<<10)
	for {
		n, err := t.ptmx.Read(buf)
		if n > 0 {
			if reply := t.got(buf[:n]); len(reply) > 0 && t.answer {
				t.ptmx.Write(reply)
			}
			select {
			case t.note <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// got appends output and returns the replies to the queries in it.
func (t *Term) got(b []byte) []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.out) == 0 {
		t.first = time.Now()
	}
	t.out = append(t.out, b...)
	var reply []byte
	for {
		rest := t.out[t.scanned:]
		bg := bytes.Index(rest, []byte(QueryBackground))
		cur := bytes.Index(rest, []byte(QueryCursor))
		switch {
		case bg >= 0 && (cur < 0 || bg < cur):
			reply = append(reply, ReplyBackground...)
			t.scanned += bg + len(QueryBackground)
		case cur >= 0:
			reply = append(reply, ReplyCursor...)
			t.scanned += cur + len(QueryCursor)
		default:
			// Keep the tail: a query may be split over two reads.
			t.scanned = max(t.scanned, len(t.out)-len(QueryBackground)+1)
			return reply
		}
	}
}

// Output is everything the program wrote so far.
func (t *Term) Output() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.out)
}

// Mark is a position in the output: waits from it look only at what
// comes after.
func (t *Term) Mark() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.out)
}

// Count is the number of times seq occurs in the output.
func (t *Term) Count(seq string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Count(t.out, []byte(seq))
}

// Squeeze strips escape sequences and removes all white space.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, ansi.Strip(s))
}

// ScreenSince is the text written since mark, squeezed.
func (t *Term) ScreenSince(mark int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return Squeeze(string(t.out[mark:]))
}

// Press writes keys to the terminal and returns the mark before them.
func (t *Term) Press(keys string) (int, error) {
	m := t.Mark()
	if _, err := t.ptmx.WriteString(keys); err != nil {
		return m, fmt.Errorf("write %q: %w", keys, err)
	}
	return m, nil
}

// WaitFor waits until every one of texts appears in the output after
// mark (both squeezed) and returns when they were seen. It fails when
// timeout passes first or the process ends without them.
func (t *Term) WaitFor(timeout time.Duration, mark int, texts ...string) (time.Time, error) {
	want := make([]string, len(texts))
	for i, x := range texts {
		want[i] = Squeeze(x)
	}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		screen := t.ScreenSince(mark)
		missing := -1
		for i, x := range want {
			if !strings.Contains(screen, x) {
				missing = i
				break
			}
		}
		if missing < 0 {
			return time.Now(), nil
		}
		select {
		case <-t.note:
		case <-t.exited:
			// Let the reader drain what the process wrote last.
			select {
			case <-t.readDone:
			case <-time.After(time.Second):
			}
			if strings.Contains(t.ScreenSince(mark), want[missing]) {
				continue
			}
			return time.Time{}, fmt.Errorf("process exited (%v) before %q appeared; screen since mark:\n%s",
				t.waitErr, texts[missing], Tail(t.ScreenSince(mark)))
		case <-deadline.C:
			return time.Time{}, fmt.Errorf("%q did not appear within %v; screen since mark:\n%s",
				texts[missing], timeout, Tail(t.ScreenSince(mark)))
		}
	}
}

// WaitExit waits for the process to exit and, without KeepTTY, for the
// pty's output to end, each for at most timeout; it returns the process's
// state.
func (t *Term) WaitExit(timeout time.Duration) (*os.ProcessState, error) {
	select {
	case <-t.exited:
	case <-time.After(timeout):
		return nil, fmt.Errorf("process did not exit within %v; output:\n%s", timeout, Tail(ansi.Strip(string(t.Output()))))
	}
	if t.tty == nil {
		select {
		case <-t.readDone:
		case <-time.After(timeout):
			return nil, errors.New("pty output not closed after exit")
		}
	}
	return t.cmd.ProcessState, nil
}

// Drain closes the kept slave side and waits at most timeout for the
// output to end. Without KeepTTY it does nothing.
func (t *Term) Drain(timeout time.Duration) error {
	if t.tty == nil {
		return nil
	}
	t.tty.Close()
	t.tty = nil
	select {
	case <-t.readDone:
		return nil
	case <-time.After(timeout):
		return errors.New("pty output not closed after exit")
	}
}

// Stop gives the process grace to exit, kills it if it does not, and
// releases the pty.
func (t *Term) Stop(grace time.Duration) {
	if !t.exitedWithin(grace) {
		t.cmd.Process.Kill()
		t.exitedWithin(afterKill)
	}
	if t.tty != nil {
		t.tty.Close()
		t.tty = nil
	}
	t.ptmx.Close()
	select {
	case <-t.readDone:
	case <-time.After(afterKill):
	}
}

// exitedWithin reports whether the process exits within d.
func (t *Term) exitedWithin(d time.Duration) bool {
	select {
	case <-t.exited:
		return true
	default:
	}
	if d <= 0 {
		return false
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-t.exited:
		return true
	case <-timer.C:
		return false
	}
}

// Tail is the end of a long text, for failure messages.
func Tail(s string) string {
	const n = 3000
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
