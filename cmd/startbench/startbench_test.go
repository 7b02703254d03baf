package startbench

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// Budgets, as in docs/performance.md.
const (
	budgetStartRatio  = 1.5  // first full frame / hello-world's line
	budgetExportRatio = 2.0  // export --tab all / hello-world, whole process
	budgetPeakMB      = 30   // VmHWM after every tab in both languages
	clearlyOver       = 1.25 // fail only past budget × this: noise
	enforceMinN       = 5    // fewer runs: report only
	waitTimeout       = 10 * time.Second
)

// The terminal every process starts in.
var winsize = &pty.Winsize{Cols: 160, Rows: 48}

var (
	buildOnce sync.Once
	binDir    string
	appBin    string
	helloBin  string
	buildErr  error
)

const helloSrc = `package main

import "fmt"

func main() { fmt.Println("hello, world") }
`

// TestMain removes the binaries built by the benchmarks (built on first
// use, so that plain test runs build nothing).
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// build builds macun-tui and the hello-world the same way (go build,
// default flags).
func build() error {
	var err error
	if binDir, err = os.MkdirTemp("", "macun-startbench-"); err != nil {
		return err
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return err
	}
	appBin = filepath.Join(binDir, "macun-tui")
	if out, err := exec.Command(goTool, "build", "-o", appBin, "macun-tui").CombinedOutput(); err != nil {
		return fmt.Errorf("go build macun-tui: %v\n%s", err, out)
	}
	src := filepath.Join(binDir, "hello")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(helloSrc), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	helloBin = filepath.Join(binDir, "hello-world")
	cmd := exec.Command(goTool, "build", "-o", helloBin, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build hello-world: %v\n%s", err, out)
	}
	return nil
}

func needBuild(b *testing.B) {
	b.Helper()
	buildOnce.Do(func() { buildErr = build() })
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		b.Skip("no pseudo-terminals here")
	}
}

// env is the environment of every process: English, a colour terminal,
// and no terminal queries (theme.go); queries are answered anyway.
func env() []string {
	var e []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TERM", "LANG", "LC_ALL", "LC_MESSAGES", "COLORFGBG", "NO_COLOR", "COLUMNS", "LINES":
			continue
		}
		e = append(e, kv)
	}
	return append(e, "TERM=xterm-256color", "LANG=C.UTF-8", "MACUN_NO_QUERY=1")
}

// term is a process in a pseudo-terminal and what it wrote.
type term struct {
	cmd   *exec.Cmd
	ptmx  *os.File
	mu    sync.Mutex
	out   bytes.Buffer
	note  chan struct{}
	done  chan struct{}
	start time.Time
	first time.Time // when the first byte came
}

// startTerm starts bin in a 160×48 pty; start is taken just before.
func startTerm(bin string, args ...string) (*term, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env()
	t := &term{cmd: cmd, note: make(chan struct{}, 1), done: make(chan struct{})}
	t.start = time.Now()
	ptmx, err := pty.StartWithSize(cmd, winsize)
	if err != nil {
		return nil, err
	}
	t.ptmx = ptmx
	go t.read()
	return t, nil
}

// read copies the pty's output, answering the background colour and
// cursor position queries as a terminal would.
func (t *term) read() {
	defer close(t.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := t.ptmx.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			if bytes.Contains(chunk, []byte("\x1b]11;?")) {
				t.ptmx.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\")
			}
			if bytes.Contains(chunk, []byte("\x1b[6n")) {
				t.ptmx.WriteString("\x1b[1;1R")
			}
			t.mu.Lock()
			if t.out.Len() == 0 {
				t.first = time.Now()
			}
			t.out.Write(chunk)
			t.mu.Unlock()
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

// mark is the length of the output so far.
func (t *term) mark() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.out.Len()
}

// waitFor waits until the output after mark, without escape sequences,
// holds every one of texts; it returns when they were seen.
func (t *term) waitFor(mark int, texts ...string) (time.Time, error) {
	deadline := time.After(waitTimeout)
	for {
		t.mu.Lock()
		s := ansi.Strip(string(t.out.Bytes()[mark:]))
		t.mu.Unlock()
		all := true
		for _, x := range texts {
			if !strings.Contains(s, x) {
				all = false
				break
			}
		}
		if all {
			return time.Now(), nil
		}
		select {
		case <-t.note:
		case <-t.done:
			t.mu.Lock()
			s = ansi.Strip(string(t.out.Bytes()[mark:]))
			t.mu.Unlock()
			for _, x := range texts {
				if !strings.Contains(s, x) {
					return time.Time{}, fmt.Errorf("process ended before %q; output: %q", x, tail(s))
				}
			}
			return time.Now(), nil
		case <-deadline:
			return time.Time{}, fmt.Errorf("no %q after %v; output: %q", texts, waitTimeout, tail(s))
		}
	}
}

func tail(s string) string {
	if len(s) > 400 {
		return "…" + s[len(s)-400:]
	}
	return s
}

// press writes keys and returns the mark before them.
func (t *term) press(keys string) int {
	m := t.mark()
	t.ptmx.WriteString(keys)
	return m
}

// stop asks the process to quit (q), kills it if it does not, and
// releases the pty.
func (t *term) stop() {
	t.ptmx.WriteString("q")
	exited := make(chan error, 1)
	go func() { exited <- t.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		t.cmd.Process.Kill()
		<-exited
	}
	t.ptmx.Close()
	<-t.done
}

// firstFrame is what marks the first full frame: the tab bar with the
// first tab active, and the footer's language and source.
var firstFrame = []string{"[1 Overview]", "English ·"}

// startApp times macun-tui's start to its first full frame.
func startApp() (time.Duration, *term, error) {
	t, err := startTerm(appBin)
	if err != nil {
		return 0, nil, err
	}
	at, err := t.waitFor(0, firstFrame...)
	if err != nil {
		t.stop()
		return 0, nil, err
	}
	return at.Sub(t.start), t, nil
}

// startHello times the hello-world's start to its line.
func startHello() (time.Duration, error) {
	t, err := startTerm(helloBin)
	if err != nil {
		return 0, err
	}
	defer t.stop()
	at, err := t.waitFor(0, "hello, world")
	if err != nil {
		return 0, err
	}
	return at.Sub(t.start), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

func enforce(b *testing.B) bool { return b.N >= enforceMinN && os.Getenv("MACUN_BENCH_NOFAIL") == "" }

// BenchmarkStartToFirstFrame: macun-tui started in a 160×48 pty until its
// first full frame is on screen, against the hello-world started in the
// same pty until its line is; the two alternate, and the ratio is of
// their medians. An op is one start of each.
func BenchmarkStartToFirstFrame(b *testing.B) {
	needBuild(b)
	var app, hello, first []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h, err := startHello()
		if err != nil {
			b.Fatal(err)
		}
		d, t, err := startApp()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		t.mu.Lock()
		first = append(first, t.first.Sub(t.start))
		t.mu.Unlock()
		t.stop()
		b.StartTimer()
		hello, app = append(hello, h), append(app, d)
	}
	b.StopTimer()
	r := ms(median(app)) / ms(median(hello))
	b.ReportMetric(ms(median(app)), "ms/first-frame")
	b.ReportMetric(ms(median(first)), "ms/first-byte")
	b.ReportMetric(ms(median(hello)), "ms/hello")
	b.ReportMetric(r, "ratio-to-hello")
	if enforce(b) && r > budgetStartRatio*clearlyOver {
		b.Errorf("first frame after %.1f ms, %.2f× the hello-world's %.1f ms; budget %.1f×",
			ms(median(app)), r, ms(median(hello)), budgetStartRatio)
	}
}

// runWhole runs bin to its end with standard output a pipe that is read
// and discarded, and returns how long it took.
func runWhole(bin string, args ...string) (time.Duration, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env()
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	err := cmd.Run()
	d := time.Since(t0)
	if err != nil {
		return 0, fmt.Errorf("%s %v: %v\n%s", filepath.Base(bin), args, err, stderr.String())
	}
	return d, nil
}

// exportArgs is `export --tab all`, or nothing (the same text export, as
// standard output is not a terminal) on a build without the command.
func exportArgs() []string {
	if _, err := runWhole(appBin, "export", "--tab", "all"); err == nil {
		return []string{"export", "--tab", "all"}
	}
	return nil
}

// BenchmarkExportAll: `macun-tui export --tab all` as a whole process,
// against the hello-world run the same way (stdout a pipe); an op is one
// run of each, alternating; the ratio is of their medians.
func BenchmarkExportAll(b *testing.B) {
	needBuild(b)
	args := exportArgs()
	var app, hello []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h, err := runWhole(helloBin)
		if err != nil {
			b.Fatal(err)
		}
		d, err := runWhole(appBin, args...)
		if err != nil {
			b.Fatal(err)
		}
		hello, app = append(hello, h), append(app, d)
	}
	b.StopTimer()
	r := ms(median(app)) / ms(median(hello))
	b.ReportMetric(ms(median(app)), "ms/export")
	b.ReportMetric(ms(median(hello)), "ms/hello")
	b.ReportMetric(r, "ratio-to-hello")
	if enforce(b) && r > budgetExportRatio*clearlyOver {
		b.Errorf("export --tab all takes %.1f ms, %.2f× the hello-world's %.1f ms; budget %.1f×",
			ms(median(app)), r, ms(median(hello)), budgetExportRatio)
	}
}

// tabTitles are the tab bar's active labels in each language, in order.
var tabTitles = map[string][]string{
	"en": {"[1 Overview]", "[2 Industry]", "[3 Urban-rural]", "[4 Governance]", "[5 Projects]"},
	"zh": {"[1 总览]", "[2 产业]", "[3 城乡]", "[4 治理]", "[5 项目]"},
}

// visitAll shows every tab in English, switches to Chinese (L) and shows
// every tab again, waiting for each frame.
func visitAll(t *term) error {
	for i, title := range tabTitles["en"][1:] { // the first is on already
		if _, err := t.waitFor(t.press(strconv.Itoa(i+2)), title); err != nil {
			return err
		}
	}
	zh := tabTitles["zh"]
	if _, err := t.waitFor(t.press("L"), zh[len(zh)-1]); err != nil {
		return err
	}
	for i, title := range zh[:len(zh)-1] {
		if _, err := t.waitFor(t.press(strconv.Itoa(i+1)), title); err != nil {
			return err
		}
	}
	return nil
}

// vmHWM reads a process's peak resident set size in kB.
func vmHWM(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	return 0, errors.New("no VmHWM in /proc status")
}

// BenchmarkPeakRSS: the dashboard's peak resident memory (VmHWM) after it
// showed every tab in both languages at 160×48. An op is one such
// session; the median is reported.
func BenchmarkPeakRSS(b *testing.B) {
	needBuild(b)
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc here")
	}
	var peaks []int
	for i := 0; i < b.N; i++ {
		_, t, err := startApp()
		if err != nil {
			b.Fatal(err)
		}
		err = visitAll(t)
		var kb int
		if err == nil {
			kb, err = vmHWM(t.cmd.Process.Pid)
		}
		t.stop()
		if err != nil {
			b.Fatal(err)
		}
		peaks = append(peaks, kb)
	}
	b.StopTimer()
	slices.Sort(peaks)
	mb := float64(peaks[len(peaks)/2]) / 1024
	b.ReportMetric(mb, "MB-VmHWM")
	b.ReportMetric(mb/budgetPeakMB, "ratio-to-budget")
	if enforce(b) && mb > budgetPeakMB*clearlyOver {
		b.Errorf("peak RSS %.1f MB, budget %d MB", mb, budgetPeakMB)
	}
}
