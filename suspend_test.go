package main

// Job control: the dashboard under an interactive shell, stopped with
// ctrl+z or a stop signal and brought back with fg. The shell is dash,
// which leaves the terminal's modes as the program left them (bash would
// restore its own), so that what is checked is the program's doing.

import (
	"bytes"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// shellRun is an interactive dash in a pty, and the terminal modes it
// keeps at its prompt: those the dashboard finds, and must give back.
type shellRun struct {
	*ptyRun
	modes *unix.Termios
}

func startShell(t *testing.T) *shellRun {
	t.Helper()
	needPTY(t)
	dash, err := exec.LookPath("dash")
	if err != nil {
		t.Skip("no dash:", err)
	}
	bin := binary(t)
	cmd := exec.Command(dash, "-i")
	cmd.Env = baseEnv(t, "PS1=$ ", "ENV=", "MACUN_BIN="+bin)
	cmd.Dir = t.TempDir()
	term, err := ptyterm.Start(cmd, ptyterm.Options{Size: winsize, Answer: true, KeepTTY: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Stop(0) })
	s := &shellRun{ptyRun: &ptyRun{Term: term, t: t}}
	s.waitFor(0, "$")
	// Read at the prompt, before the dashboard starts: the shell does not
	// change them afterwards, and the dashboard has not started.
	s.modes = termios(t, s.TTY())
	if s.modes.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
		t.Fatalf("the shell's terminal is not canonical with echo: lflag %#x", s.modes.Lflag)
	}
	return s
}

// sameModes fails the test unless the terminal's modes are the shell's.
func (s *shellRun) sameModes(when string) {
	s.t.Helper()
	got := termios(s.t, s.TTY())
	if got.Lflag != s.modes.Lflag || got.Iflag != s.modes.Iflag || got.Oflag != s.modes.Oflag || got.Cflag != s.modes.Cflag || got.Cc != s.modes.Cc {
		s.t.Errorf("%s: terminal modes not the shell's:\nshell %+v\nnow   %+v", when, *s.modes, *got)
	}
}

// raw fails the test unless the terminal is in raw mode.
func (s *shellRun) raw(when string) {
	s.t.Helper()
	if got := termios(s.t, s.TTY()); got.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != 0 {
		s.t.Errorf("%s: terminal not raw: lflag %#x", when, got.Lflag)
	}
}

// waitSeq waits until the output after mark holds the escape sequence
// seq (which waitFor, matching text, cannot see), for at most waitTimeout.
func (s *shellRun) waitSeq(mark int, seq, what string) {
	s.t.Helper()
	for deadline := time.Now().Add(waitTimeout); !bytes.Contains(s.Output()[mark:], []byte(seq)); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			s.t.Fatalf("not %s within %v: no %q", what, waitTimeout, seq)
		}
	}
}

// foreground is the terminal's foreground process group: the dashboard's
// job while it runs.
func (s *shellRun) foreground() int {
	s.t.Helper()
	pgrp, err := s.ForegroundGroup()
	if err != nil {
		s.t.Fatal(err)
	}
	return pgrp
}

// released fails the test unless out, what the dashboard wrote as it was
// stopped, gives the terminal back: the alternate screen left, the mouse
// off and the cursor shown, each after the dashboard last changed it.
func released(t *testing.T, out []byte) {
	t.Helper()
	for _, seq := range []struct{ on, off, what string }{
		{seqAltScreenOn, seqAltScreenOff, "alternate screen"},
		{"\x1b[?1002h", "\x1b[?1002l", "mouse tracking"},
		{seqHideCursor, seqShowCursor, "hidden cursor"},
	} {
		if off := bytes.LastIndex(out, []byte(seq.off)); off < 0 || off < bytes.LastIndex(out, []byte(seq.on)) {
			t.Errorf("%s left on while stopped; output ends %q", seq.what, ptyterm.Tail(string(out)))
		}
	}
}

// TestTerminalSuspend: ctrl+z, a SIGTSTP from elsewhere (kill -TSTP) or
// a SIGSTOP stops the dashboard with the terminal given back to the
// shell; fg brings it back raw and repainted; it still takes keys, and q
// still quits with the terminal restored.
func TestTerminalSuspend(t *testing.T) {
	for _, tc := range []struct {
		name string
		stop func(s *shellRun)
		// released: the dashboard gives the terminal back as it stops (a
		// SIGSTOP cannot be caught: the test restores the shell's modes,
		// as bash does, and the dashboard mends the rest when it goes on).
		released bool
	}{
		{"ctrl+z", func(s *shellRun) { s.press("\x1a") }, true},
		{"SIGTSTP", func(s *shellRun) { syscall.Kill(-s.foreground(), syscall.SIGTSTP) }, true},
		{"SIGSTOP", func(s *shellRun) { syscall.Kill(-s.foreground(), syscall.SIGSTOP) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startShell(t)
			s.waitFor(s.press("\"$MACUN_BIN\" --lang en\r"), "[1 Overview]")
			s.raw("running")
			s.waitFor(s.press("2"), "[2 Industry]")

			mark := s.Mark()
			tc.stop(s)
			s.waitFor(mark, "Stopped")
			if tc.released {
				released(t, s.Output()[mark:])
				s.sameModes("stopped")
			} else {
				// As bash does when a job stops: its own modes back, so that
				// fg can be typed. The dashboard finds them when it goes on.
				if err := unix.IoctlSetTermios(int(s.TTY().Fd()), unix.TCSETS, s.modes); err != nil {
					t.Fatal(err)
				}
			}

			// fg: raw again, the mouse on, repainted whole (the tab bar,
			// which did not change, is drawn again), and keys work.
			mark = s.press("fg\r")
			s.waitFor(mark, "[2 Industry]", "1 Overview", "English")
			s.raw("after fg")
			s.waitSeq(mark, "\x1b[?1002h", "mouse tracking turned back on")
			s.waitFor(s.press("3"), "[3 Urban-rural]")

			mark = s.press("q")
			s.waitFor(mark, "$")
			out := s.Output()[mark:]
			if off := bytes.LastIndex(out, []byte(seqAltScreenOff)); off < 0 || !bytes.Contains(out[off:], []byte("$")) {
				t.Errorf("q did not leave the alternate screen before the prompt: %q", ptyterm.Tail(string(out)))
			}
			if show, hide := bytes.LastIndex(out, []byte(seqShowCursor)), bytes.LastIndex(out, []byte(seqHideCursor)); show < 0 || show < hide {
				t.Errorf("cursor left hidden after q: %q", ptyterm.Tail(string(out)))
			}
			s.sameModes("after q")

			s.press("exit\r")
			if code := s.waitExit(); code != 0 {
				t.Errorf("the shell exited with %d", code)
			}
			if strings.Contains(string(s.Output()), "panic") {
				t.Errorf("output mentions a panic: %q", ptyterm.Tail(string(s.Output())))
			}
		})
	}
}

// TestTerminalSuspendWithoutShell: started without a shell with job
// control (here as the session's leader, as setsid or a container's first
// process runs it), ctrl+z would stop the dashboard for good, with no one
// to continue it: it says it cannot instead, and goes on.
func TestTerminalSuspendWithoutShell(t *testing.T) {
	s := startTerm(t, termOpts{answer: true})
	s.waitFor(0, "[1 Overview]")
	s.waitFor(s.press("\x1a"), "cannot suspend")
	s.waitFor(s.press("2"), "[2 Industry]")
	s.quit()
	checkRestored(t, s.Output())
}
