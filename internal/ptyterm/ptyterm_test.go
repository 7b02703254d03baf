package ptyterm

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestGotAnswersInOrder: queries are answered in the order asked, also
// when one is split over two reads.
func TestGotAnswersInOrder(t *testing.T) {
	var term Term
	if r := string(term.got([]byte("a" + QueryCursor + "b\x1b]1"))); r != ReplyCursor {
		t.Errorf("first read: reply %q, want %q", r, ReplyCursor)
	}
	want := ReplyBackground + ReplyCursor
	if r := string(term.got([]byte("1;?\x07" + QueryCursor))); r != want {
		t.Errorf("second read: reply %q, want %q", r, want)
	}
	if term.Count(QueryBackground) != 1 || term.FirstOutput().IsZero() {
		t.Errorf("count %d, first output %v", term.Count(QueryBackground), term.FirstOutput())
	}
}

func TestSqueeze(t *testing.T) {
	if got := Squeeze("\x1b[1m[1 Over\n  view]\x1b[0m"); got != "[1Overview]" {
		t.Errorf("Squeeze: %q", got)
	}
}

// needSh skips a test where there is no pty or no shell to run in it.
func needSh(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh:", err)
	}
}

// TestInitialModes: the modes a program finds are the pty's before it
// started, however fast it changes them (here at once, to raw); reading
// them after Start would race with the program.
func TestInitialModes(t *testing.T) {
	needSh(t)
	term, err := Start(exec.Command("sh", "-c", "stty raw -echo; echo changed; sleep 10"), Options{KeepTTY: true})
	if err != nil {
		t.Fatal(err)
	}
	defer term.Stop(0)
	if _, err := term.WaitFor(5*time.Second, 0, "changed"); err != nil {
		t.Fatal(err)
	}
	if m := term.InitialModes(); m.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
		t.Errorf("initial modes: lflag %#x, want canonical with echo", m.Lflag)
	}
	now, err := Modes(term.TTY())
	if err != nil {
		t.Fatal(err)
	}
	if now.Lflag&(unix.ICANON|unix.ECHO) != 0 {
		t.Errorf("modes after stty raw -echo: lflag %#x", now.Lflag)
	}
}

// TestPressWaitExit: keys reach the program, a wait sees only what comes
// after its mark, and the exit code is the program's.
func TestPressWaitExit(t *testing.T) {
	needSh(t)
	term, err := Start(exec.Command("sh", "-c", `echo first; read -r line; echo "got <$line>"; exit 3`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer term.Stop(0)
	if _, err := term.WaitFor(5*time.Second, 0, "first"); err != nil {
		t.Fatal(err)
	}
	mark, err := term.Press("hello\r")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := term.WaitFor(5*time.Second, mark, "got <hello>"); err != nil {
		t.Fatal(err)
	}
	state, err := term.WaitExit(5 * time.Second)
	if err != nil || state.ExitCode() != 3 {
		t.Errorf("exit: %v, %v; want code 3", state, err)
	}
	if _, err := term.WaitFor(5*time.Second, mark, "first"); err == nil || !strings.Contains(err.Error(), "exited") {
		t.Errorf("a wait for text before its mark: %v, want the process's exit", err)
	}
}
