package main

// Terminal cases, signals and exit codes of the real binary. The helpers
// (binary, startTerm, ptyRun) are in e2e_test.go.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/macun-tui/macun-tui/cmd"
	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// sgrRE matches Select Graphic Rendition sequences.
var sgrRE = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourSGRs returns the SGR sequences of out that set a colour:
// foreground 30–39 and 90–97, background 40–49 and 100–107.
func colourSGRs(out []byte) []string {
	var bad []string
	for _, m := range sgrRE.FindAllSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ';' || r == ':' }) {
			n := 0
			for _, c := range p {
				n = n*10 + int(c-'0')
			}
			if (n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				bad = append(bad, string(m[0]))
				break
			}
		}
	}
	return bad
}

// TestTerminalNoColour: with NO_COLOR the dashboard works and writes no
// colour at all.
func TestTerminalNoColour(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
	}{
		{"NO_COLOR=1", []string{"NO_COLOR=1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Answer like a terminal, so that a query made anyway costs
			// nothing here; the test counts it.
			s := startTerm(t, termOpts{env: tc.env, answer: true})
			s.waitFor(0, "[1 Overview]")
			s.waitFor(s.press("2"), "[2 Industry]")
			s.waitFor(s.press("/"), "search figures and projects")
			s.waitFor(s.press("2406"), "Micro-grid workers")
			s.waitFor(s.press("\r"), "> Micro-grid workers")
			s.quit()
			out := s.Output()
			checkRestored(t, out)
			if bad := colourSGRs(out); len(bad) > 0 {
				t.Errorf("%d colour sequences, first %q", len(bad), bad[:min(len(bad), 5)])
			}
			if n := s.Count(seqOurQuery); n != 0 {
				t.Errorf("theme.go asked the terminal %d times, want none", n)
			}
			if n := s.Count(seqInitQuery); n > 0 {
				// Not theme.go: bubbletea v1's package init, see
				// TestE2ESilentTerminal.
				t.Logf("the terminal was asked %d times by bubbletea's init", n)
			}
		})
	}
}

// TestTerminalDumb: a terminal that says it is dumb (TERM=dumb: Emacs's
// shell, some consoles) gets the text export of every tab at its width,
// as a pipe does, not a full-screen program: no escape sequence, no
// question to the terminal, exit 0. It had the alternate screen, mouse
// tracking and cursor addressing, without colour.
func TestTerminalDumb(t *testing.T) {
	s := startTerm(t, termOpts{env: []string{"TERM=dumb"}})
	if code := s.waitExit(); code != 0 {
		t.Fatalf("exit code %d; output %q", code, ptyterm.Tail(string(s.Output())))
	}
	out := string(s.Output())
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("escape byte at %d: %q", i, out[max(i-20, 0):min(i+20, len(out))])
	}
	for _, want := range []string{"[1 Overview]", "[5 Projects]", "Micro-grid workers", "Sources"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	widest := 0
	for _, l := range strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n") {
		widest = max(widest, ansi.StringWidth(l))
	}
	if widest > int(winsize.Cols) || widest < int(winsize.Cols)*3/4 {
		t.Errorf("widest line %d cells, want the terminal's %d or a little less", widest, winsize.Cols)
	}
}

// TestTerminalStdoutPipe: `macun-tui | cat` prints the text export of
// every tab, with no escape sequence, and exits 0.
func TestTerminalStdoutPipe(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t))
	cmd.Env = baseEnv(t)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v; stderr:\n%s", err, stderr.String())
	}
	out := stdout.String()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("escape byte at %d: %q", i, out[max(i-20, 0):min(i+20, len(out))])
	}
	for _, want := range []string{"[1 Overview]", "[2 Industry]", "[3 Urban-rural]", "[4 Governance]", "[5 Projects]", "Micro-grid workers"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// TestTerminalStdinNotTerminal: stdin /dev/null, stdout a pty, and no
// controlling terminal: a clear message and exit 2, never a hang.
func TestTerminalStdinNotTerminal(t *testing.T) {
	needPTY(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, winsize); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		out.ReadFrom(ptmx) // ends with EIO when the slave closes
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t))
	cmd.Env = baseEnv(t)
	cmd.Stdout = tty // stdin stays /dev/null
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// A new session without a controlling terminal: /dev/tty cannot be
	// opened.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	err = cmd.Run()
	tty.Close()
	if ctx.Err() != nil {
		t.Fatalf("no exit within 10 s (killed); stderr:\n%s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 2 {
		t.Fatalf("exit code %d (%v), want 2; stderr:\n%s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "standard input is not a terminal") {
		t.Errorf("stderr lacks the reason:\n%s", stderr.String())
	}
	select {
	case <-done:
	case <-time.After(exitTimeout):
		t.Fatal("pty output not closed")
	}
	if bytes.Contains(out.Bytes(), []byte(seqAltScreenOn)) {
		t.Errorf("the dashboard started: %q", out.String())
	}
}

// termios reads the terminal modes of the pty's slave side.
func termios(t *testing.T, f *os.File) *unix.Termios {
	t.Helper()
	tio, err := ptyterm.Modes(f)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

// TestTerminalSignals: SIGTERM, SIGHUP, SIGINT, SIGQUIT and ctrl+c end the dashboard with
// code 0, leave the alternate screen, show the cursor and give back the
// terminal modes it found.
func TestTerminalSignals(t *testing.T) {
	for _, tc := range []struct {
		name string
		stop func(s *ptyRun) error
	}{
		{"SIGTERM", func(s *ptyRun) error { return s.Cmd().Process.Signal(syscall.SIGTERM) }},
		{"SIGHUP", func(s *ptyRun) error { return s.Cmd().Process.Signal(syscall.SIGHUP) }},
		{"SIGINT", func(s *ptyRun) error { return s.Cmd().Process.Signal(syscall.SIGINT) }},
		{"SIGQUIT", func(s *ptyRun) error { return s.Cmd().Process.Signal(syscall.SIGQUIT) }},
		{"ctrl+c", func(s *ptyRun) error { s.press("\x03"); return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startTerm(t, termOpts{answer: true, keepTTY: true})
			// As the pty was before the program started: it changes the
			// modes at once, so reading them now would race with it.
			before := s.InitialModes()
			if before.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
				t.Fatalf("new pty not canonical with echo: lflag %#x", before.Lflag)
			}
			s.waitFor(0, "[1 Overview]")
			if got := termios(t, s.TTY()); got.Lflag&(unix.ICANON|unix.ECHO) != 0 {
				t.Errorf("dashboard running but terminal not raw: lflag %#x", got.Lflag)
			}
			if err := tc.stop(s); err != nil {
				t.Fatal(err)
			}
			if code := s.waitExit(); code != 0 {
				t.Fatalf("exit code %d, want 0", code)
			}
			after := termios(t, s.TTY())
			if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag ||
				after.Cflag != before.Cflag || after.Cc != before.Cc {
				t.Errorf("termios not restored:\nbefore %+v\nafter  %+v", *before, *after)
			}
			s.drain()
			checkRestored(t, s.Output())
		})
	}
}

// runBinary runs the binary without a terminal and returns its exit code,
// stdout and stderr.
func runBinary(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Env = baseEnv(t)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: no exit within 20 s", args)
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("%v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// TestExitCodes: --help, usage errors, validate and a missing dataset.
func TestExitCodes(t *testing.T) {
	t.Run("help", func(t *testing.T) {
		code, out, _ := runBinary(t, "--help")
		if code != 0 || strings.Count(out, "Exit codes") != 1 || !strings.Contains(out, "Usage:") {
			t.Errorf("--help: code %d, stdout:\n%s", code, out)
		}
	})
	t.Run("unknown flag", func(t *testing.T) {
		code, out, errOut := runBinary(t, "--bogus")
		if code != 2 || !strings.Contains(errOut, "bogus") || !strings.Contains(errOut, "--help") {
			t.Errorf("--bogus: code %d, stderr:\n%s", code, errOut)
		}
		if out != "" {
			t.Errorf("--bogus: stdout %q", out)
		}
	})
	t.Run("bad lang", func(t *testing.T) {
		code, _, errOut := runBinary(t, "--lang", "xx")
		if code != 2 || !strings.Contains(errOut, "--lang") {
			t.Errorf("--lang xx: code %d, stderr:\n%s", code, errOut)
		}
	})
	t.Run("validate good", func(t *testing.T) {
		code, out, errOut := runBinary(t, "validate", filepath.Join("data", "macun.json"))
		if code != 0 || out != "ok\n" {
			t.Errorf("validate data/macun.json: code %d, stdout %q, stderr:\n%s", code, out, errOut)
		}
	})
	t.Run("validate bad", func(t *testing.T) {
		path := badDataset(t)
		code, out, errOut := runBinary(t, "validate", path)
		if code != 2 {
			t.Errorf("validate bad: code %d, want 2; stdout %q, stderr:\n%s", code, out, errOut)
		}
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(path) + `:\d+:\d+: .*unknown field "bogus"`)
		if !re.MatchString(errOut) {
			t.Errorf("no FILE:LINE:COL line for the unknown field; stderr:\n%s", errOut)
		}
		if strings.Contains(out, "ok") {
			t.Errorf("stdout %q", out)
		}
	})
	t.Run("missing data", func(t *testing.T) {
		// In a terminal, so that the dashboard would start if it could.
		missing := filepath.Join(t.TempDir(), "missing.json")
		s := startTerm(t, termOpts{args: []string{"--data", missing}, answer: true})
		code := s.waitExit()
		out := s.Output()
		if code != 2 {
			t.Errorf("--data missing: code %d, want 2", code)
		}
		if !bytes.Contains(out, []byte(missing)) {
			t.Errorf("message lacks the path: %q", ansi.Strip(string(out)))
		}
		if bytes.Contains(out, []byte(seqAltScreenOn)) {
			t.Errorf("the dashboard started: %q", out)
		}
	})
}

// TestValidateCorpus: `macun-tui validate` exits 2 for every bad dataset
// of testdata/bad and prints its problems exactly as the loader's tests
// expect them (testdata/TestBadCorpus), one FILE:LINE:COL: message a line
// (FILE: message for a problem of the whole file).
func TestValidateCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.json")
	if err != nil || len(files) < 30 {
		t.Fatalf("%d files in testdata/bad (%v)", len(files), err)
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join("testdata", "TestBadCorpus", strings.TrimSuffix(filepath.Base(f), ".json")+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := cmd.Run([]string{"validate", f}, nil, &out, &errOut); code != 2 || out.Len() > 0 {
			t.Errorf("validate %s: exit %d, stdout %q; want 2 and nothing", f, code, out.String())
		}
		if errOut.String() != string(want) {
			t.Errorf("validate %s prints\n%s\nwant\n%s", f, errOut.String(), want)
		}
		line := regexp.MustCompile(`^` + regexp.QuoteMeta(f) + `(:[1-9][0-9]*:[1-9][0-9]*)?: [^ ]`)
		for _, l := range strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n") {
			if !line.MatchString(l) {
				t.Errorf("validate %s: %q is not FILE:LINE:COL: message", f, l)
			}
		}
	}
}

// badDataset writes the embedded dataset with one unknown field into a
// temporary directory, next to a copy of the article it refers to, and
// returns its path.
func badDataset(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("data", "macun.json"))
	if err != nil {
		t.Fatal(err)
	}
	const at = `{"id": "grid-workers",`
	if !bytes.Contains(src, []byte(at)) {
		t.Fatalf("data/macun.json lacks %s", at)
	}
	bad := bytes.Replace(src, []byte(at), []byte(`{"id": "grid-workers", "bogus": 1,`), 1)
	if err := os.WriteFile(filepath.Join(dir, "macun.json"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "source"), os.DirFS(filepath.Join("data", "source"))); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "macun.json")
}
