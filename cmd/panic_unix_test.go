//go:build unix

package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// TestDashboardPanic: a panic in the dashboard (in Update, in a command,
// or before it starts) ends the program with exit 1 and a message, with
// the terminal restored: the alternate screen left, the cursor shown, the
// modes it found. A panic that Bubble Tea recovered exited 0.
func TestDashboardPanic(t *testing.T) {
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
	for _, how := range []string{"panic", "panic-cmd", "panic-before"} {
		t.Run(how, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "--lang", "en")
			cmd.Env = []string{helperEnv + "=" + how, "TERM=xterm-256color", "LANG=en_US.UTF-8", "MACUN_NO_QUERY=1",
				"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
			cmd.Dir = t.TempDir()
			term, err := ptyterm.Start(cmd, ptyterm.Options{Size: &pty.Winsize{Cols: 100, Rows: 30}, Answer: true, KeepTTY: true})
			if err != nil {
				t.Fatal(err)
			}
			defer term.Stop(0)
			before := term.InitialModes() // read before the program started
			if how != "panic-before" {
				if _, err := term.WaitFor(10*time.Second, 0, "[1 Overview]"); err != nil {
					t.Fatal(err)
				}
				if _, err := term.Press("!"); err != nil {
					t.Fatal(err)
				}
			}
			state, err := term.WaitExit(10 * time.Second)
			if err != nil {
				t.Fatal(err)
			}
			after, err := ptyterm.Modes(term.TTY())
			if err != nil {
				t.Fatal(err)
			}
			if err := term.Drain(5 * time.Second); err != nil {
				t.Fatal(err)
			}
			out := term.Output()
			if code := state.ExitCode(); code != ExitFailure {
				t.Errorf("exit code %d, want 1; output ends %q", code, ptyterm.Tail(string(out)))
			}
			if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag || after.Cc != before.Cc {
				t.Errorf("terminal modes not restored:\nbefore %+v\nafter  %+v", *before, *after)
			}
			if on := bytes.LastIndex(out, []byte("\x1b[?1049h")); on >= 0 && bytes.LastIndex(out, []byte("\x1b[?1049l")) < on {
				t.Errorf("alternate screen not left: %q", ptyterm.Tail(string(out)))
			}
			if hide := bytes.LastIndex(out, []byte("\x1b[?25l")); hide >= 0 && bytes.LastIndex(out, []byte("\x1b[?25h")) < hide {
				t.Errorf("cursor left hidden: %q", ptyterm.Tail(string(out)))
			}
			want := "macun-tui: the dashboard stopped on an internal error, a bug (the panic is above)"
			if how == "panic-before" {
				want = "macun-tui: internal error, a bug: a test's panic before the dashboard starts"
			}
			if !strings.Contains(string(out), want) {
				t.Errorf("output lacks %q; it ends %q", want, ptyterm.Tail(string(out)))
			}
		})
	}
}
