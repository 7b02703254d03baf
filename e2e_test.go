package main

// End-to-end tests: the real binary, built once, run in a pseudo-terminal
// of 120×40 and driven by key presses. The screen is read from the pty
// master; escape sequences are stripped and white space removed before
// matching, so text wrapped over lines or padded by the layout still
// matches. Each wait looks only at the output after a mark (taken before
// the key that should cause it), because Bubble Tea repaints changed lines
// only.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// Timeouts are generous: the suite must pass on a loaded machine, and a
// wait ends as soon as its text appears.
const (
	waitTimeout = 5 * time.Second
	exitTimeout = 5 * time.Second
)

// Sequences the tests look for.
const (
	seqAltScreenOn  = "\x1b[?1049h"
	seqAltScreenOff = "\x1b[?1049l"
	seqShowCursor   = "\x1b[?25h"
	seqHideCursor   = "\x1b[?25l"
	seqQueryBg      = ptyterm.QueryBackground
	seqOurQuery     = "\x1b]11;?\x07\x1b[6n"   // theme.go
	seqInitQuery    = "\x1b]11;?\x1b\\\x1b[6n" // termenv, from bubbletea's init
)

var (
	buildOnce sync.Once
	buildDir  string
	buildBin  string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// binary builds the real macun-tui once per test binary and returns its
// path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			buildErr = fmt.Errorf("go tool not found: %v", err)
			return
		}
		buildDir, buildErr = os.MkdirTemp("", "macun-tui-e2e-")
		if buildErr != nil {
			return
		}
		buildBin = filepath.Join(buildDir, "github.com/macun-tui/macun-tui")
		start := time.Now()
		out, err := exec.Command(goTool, "build", "-o", buildBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
		t.Logf("built %s in %v", buildBin, time.Since(start).Round(time.Millisecond))
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildBin
}

// needPTY skips the test where there are no pseudo-terminals.
func needPTY(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
}

// baseEnv is the environment of every run: nothing inherited but PATH, so
// that the tester's locale, COLORFGBG or NO_COLOR change nothing. extra
// entries (KEY=VALUE) replace or add.
func baseEnv(t *testing.T, extra ...string) []string {
	env := map[string]string{
		"PATH": os.Getenv("PATH"),
		"HOME": t.TempDir(),
		"TERM": "xterm-256color",
		"LANG": "en_US.UTF-8",
	}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	var out []string
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return out
}

// termOpts says how to start the binary in a pty.
type termOpts struct {
	args []string
	env  []string // KEY=VALUE over baseEnv
	// answer makes the test terminal answer the background colour and
	// cursor position requests, as a real terminal does.
	answer bool
	// keepTTY keeps the slave side open in the test, to read its termios
	// before and after the run.
	keepTTY bool
}

// ptyRun is the binary running in a pseudo-terminal, with helpers that
// fail the test.
type ptyRun struct {
	*ptyterm.Term
	t *testing.T
}

var winsize = &pty.Winsize{Cols: 120, Rows: 40}

// startTerm starts the binary in a 120×40 pty.
func startTerm(t *testing.T, o termOpts) *ptyRun {
	t.Helper()
	needPTY(t)
	cmd := exec.Command(binary(t), o.args...)
	cmd.Env = baseEnv(t, o.env...)
	cmd.Dir = t.TempDir()
	term, err := ptyterm.Start(cmd, ptyterm.Options{Size: winsize, Answer: o.answer, KeepTTY: o.keepTTY})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Stop(0) })
	return &ptyRun{Term: term, t: t}
}

// press writes keys to the terminal and returns the mark before them.
func (s *ptyRun) press(keys string) int {
	s.t.Helper()
	m, err := s.Press(keys)
	if err != nil {
		s.t.Fatal(err)
	}
	return m
}

// waitFor waits until every text appears (white space ignored) in the
// output after mark, and fails the test if it does not in time.
func (s *ptyRun) waitFor(mark int, texts ...string) {
	s.t.Helper()
	s.waitForWithin(waitTimeout, mark, texts...)
}

func (s *ptyRun) waitForWithin(timeout time.Duration, mark int, texts ...string) {
	s.t.Helper()
	if _, err := s.WaitFor(timeout, mark, texts...); err != nil {
		s.t.Fatal(err)
	}
}

// waitExit waits for the process to exit, then for the reader to drain
// the pty, and returns the exit code.
func (s *ptyRun) waitExit() int {
	s.t.Helper()
	state, err := s.WaitExit(exitTimeout)
	if err != nil {
		s.t.Fatal(err)
	}
	code := state.ExitCode()
	if code < 0 {
		s.t.Fatalf("process ended by %v", state)
	}
	return code
}

// quit presses q and waits for the dashboard to exit with code 0.
func (s *ptyRun) quit() {
	s.t.Helper()
	s.press("q")
	if code := s.waitExit(); code != 0 {
		s.t.Fatalf("exit code %d, want 0", code)
	}
}

// drain closes the kept slave and waits for the reader to read all the
// output (keepTTY only).
func (s *ptyRun) drain() {
	s.t.Helper()
	if err := s.Drain(exitTimeout); err != nil {
		s.t.Fatal(err)
	}
}

// checkRestored checks that the output leaves the alternate screen and
// shows the cursor after its last frame, with no text after that.
func checkRestored(t *testing.T, out []byte) {
	t.Helper()
	o := string(out)
	on := strings.LastIndex(o, seqAltScreenOn)
	off := strings.LastIndex(o, seqAltScreenOff)
	if on < 0 {
		t.Fatalf("alternate screen never entered; output ends %q", ptyterm.Tail(o))
	}
	if off < on {
		t.Fatalf("alternate screen not left at exit; output ends %q", ptyterm.Tail(o))
	}
	if rest := ansi.Strip(o[off:]); strings.TrimSpace(rest) != "" {
		t.Errorf("text after leaving the alternate screen: %q", rest)
	}
	if show, hide := strings.LastIndex(o, seqShowCursor), strings.LastIndex(o, seqHideCursor); show < 0 || show < hide {
		t.Errorf("cursor left hidden; output ends %q", o[max(len(o)-200, 0):])
	}
}

// TestE2EDashboard drives the dashboard in English with a terminal that
// answers the background colour request: first frame, tab keys, the
// language key, search, detail with its verbatim source, quit.
func TestE2EDashboard(t *testing.T) {
	s := startTerm(t, termOpts{answer: true})

	s.waitFor(0, "[1 Overview]", "2 Industry", "5 Projects")
	if !bytes.Contains(s.Output(), []byte(seqAltScreenOn)) {
		t.Error("dashboard not on the alternate screen")
	}

	s.waitFor(s.press("2"), "[2 Industry]")
	s.waitFor(s.press("\t"), "[3 Urban-rural]")
	s.waitFor(s.press("\x1b[C"), "[4 Governance]")
	s.waitFor(s.press("\x1b[D"), "[3 Urban-rural]")

	s.waitFor(s.press("L"), "1 总览", "[3 城乡]")
	s.waitFor(s.press("L"), "1 Overview", "[3 Urban-rural]")
	s.waitFor(s.press("1"), "[1 Overview]")

	s.waitFor(s.press("/"), "search figures and projects")
	s.waitFor(s.press("2406"), "matches: 1 · enter to jump", "Micro-grid workers")
	// enter jumps to the figure: the governance tab, with it selected.
	s.waitFor(s.press("\r"), "[4 Governance]", "> Micro-grid workers")
	// enter opens the detail, with the article's sentence verbatim.
	s.waitFor(s.press("\r"), "Source sentence", "选聘2406名党员群众担任微网格员")
	s.waitFor(s.press("\x1b"), "> Micro-grid workers")

	s.quit()
	checkRestored(t, s.Output())
	if n := s.Count(seqOurQuery); n != 1 {
		t.Errorf("theme.go asked the background colour %d times, want once", n)
	}
}

// TestE2EChinese starts in a Chinese locale.
func TestE2EChinese(t *testing.T) {
	s := startTerm(t, termOpts{answer: true, env: []string{"LANG=zh_CN.UTF-8"}})
	s.waitFor(0, "[1 总览]", "2 产业", "5 项目")
	s.waitFor(s.press("/"), "搜索指标与项目")
	s.waitFor(s.press("2406"), "结果:1", "微网格员")
	s.waitFor(s.press("\r"), "[4 治理]", "> 微网格员")
	s.waitFor(s.press("\r"), "原文出处", "选聘2406名党员群众担任微网格员")
	s.waitFor(s.press("\x1b"), "> 微网格员")
	s.waitFor(s.press("L"), "[4 Governance]")
	s.quit()
	checkRestored(t, s.Output())
}

// TestE2ESilentTerminal: a terminal that never answers the background
// colour request (a relayed pty, a serial console) costs bubbletea v1's
// init-time query (termenv's 5 s) and theme.go's 200 ms, not a hang
// (docs/termquery.md).
func TestE2ESilentTerminal(t *testing.T) {
	s := startTerm(t, termOpts{answer: false})
	// Never a hang: the frame comes, even if late. The time counts from
	// the process's start, not the test's (which may build the binary).
	seen, err := s.WaitFor(10*time.Second, 0, "[1 Overview]")
	if err != nil {
		t.Fatal(err)
	}
	took := seen.Sub(s.Started())
	t.Logf("first frame after %v", took.Round(time.Millisecond))
	if n := s.Count(seqOurQuery); n != 1 {
		t.Errorf("theme.go asked the background colour %d times, want once", n)
	}
	if took > 7*time.Second {
		msg := ""
		if s.Count(seqInitQuery) > 0 {
			msg = "; the output starts with termenv's query (ESC ] 11 ; ? ESC \\), made by bubbletea v1's package init " +
				"(tea_init.go: lipgloss.HasDarkBackground, termenv.OSCTimeout 5 s) before main runs"
		}
		t.Errorf("first frame after %v with a silent terminal, want about 5.2 s at most%s", took.Round(time.Millisecond), msg)
	}
	// The dashboard reads keys normally afterwards.
	s.waitFor(s.press("2"), "[2 Industry]")
	s.quit()
	checkRestored(t, s.Output())
}
