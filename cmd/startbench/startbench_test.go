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

	"github.com/creack/pty"

	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// Budgets, as in docs/performance.md.
const (
	budgetStartRatio  = 3.0  // first full frame / libfloor's line
	budgetExportRatio = 2.0  // export --tab all / hello-world, whole process
	budgetBaseRatio   = 1.25 // export --tab all / the same of MACUN_BENCH_BASE
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
	floorBin  string
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

// build builds macun-tui, libfloor and the hello-world the same way: go
// build with CGO_ENABLED=0, as release builds are (a static binary).
func build() error {
	var err error
	if binDir, err = os.MkdirTemp("", "macun-startbench-"); err != nil {
		return err
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return err
	}
	goBuild := func(dir string, args ...string) *exec.Cmd {
		c := exec.Command(goTool, append([]string{"build"}, args...)...)
		c.Dir = dir
		c.Env = append(os.Environ(), "CGO_ENABLED=0")
		return c
	}
	if appBin = os.Getenv("MACUN_BENCH_BIN"); appBin != "" {
		// A given build, to compare two builds or to profile one.
		if appBin, err = filepath.Abs(appBin); err != nil {
			return err
		}
	} else {
		appBin = filepath.Join(binDir, "github.com/macun-tui/macun-tui")
		if out, err := goBuild("", "-o", appBin, "github.com/macun-tui/macun-tui").CombinedOutput(); err != nil {
			return fmt.Errorf("go build macun-tui: %v\n%s", err, out)
		}
	}
	floorBin = filepath.Join(binDir, "libfloor")
	if out, err := goBuild("", "-o", floorBin, "github.com/macun-tui/macun-tui/cmd/startbench/libfloor").CombinedOutput(); err != nil {
		return fmt.Errorf("go build libfloor: %v\n%s", err, out)
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
	cmd := goBuild(src, "-o", helloBin, ".")
	cmd.Env = append(cmd.Env, "GOWORK=off", "GOFLAGS=")
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

// startTerm starts bin in a 160×48 pty that answers the terminal
// queries; its start time is taken just before.
func startTerm(bin string, args ...string) (*ptyterm.Term, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env()
	return ptyterm.Start(cmd, ptyterm.Options{Size: winsize, Answer: true})
}

// waitFor waits until the output after mark holds every one of texts
// (escape sequences and white space left out); it returns when they were
// seen.
func waitFor(t *ptyterm.Term, mark int, texts ...string) (time.Time, error) {
	return t.WaitFor(waitTimeout, mark, texts...)
}

// pressFor writes keys and waits for text after them.
func pressFor(t *ptyterm.Term, keys, text string) error {
	m, err := t.Press(keys)
	if err != nil {
		return err
	}
	_, err = waitFor(t, m, text)
	return err
}

// stop asks the process to quit (q), kills it if it does not, and
// releases the pty.
func stop(t *ptyterm.Term) {
	t.Press("q")
	t.Stop(3 * time.Second)
}

// firstFrame is what marks the first full frame: the tab bar with the
// first tab active, and the footer's language and source.
var firstFrame = []string{"[1 Overview]", "English ·"}

// startApp times macun-tui's start to its first full frame.
func startApp() (time.Duration, *ptyterm.Term, error) {
	t, err := startTerm(appBin)
	if err != nil {
		return 0, nil, err
	}
	at, err := waitFor(t, 0, firstFrame...)
	if err != nil {
		stop(t)
		return 0, nil, err
	}
	return at.Sub(t.Started()), t, nil
}

// startHello times the hello-world's start to its line.
func startHello() (time.Duration, error) { return startLine(helloBin, "hello, world") }

// startFloor times libfloor's start to its first frame: the texts of
// macun-tui's, drawn by Bubble Tea.
func startFloor() (time.Duration, error) { return startLine(floorBin, firstFrame...) }

func startLine(bin string, texts ...string) (time.Duration, error) {
	t, err := startTerm(bin)
	if err != nil {
		return 0, err
	}
	defer stop(t)
	at, err := waitFor(t, 0, texts...)
	if err != nil {
		return 0, err
	}
	return at.Sub(t.Started()), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

func enforce(b *testing.B) bool { return b.N >= enforceMinN && os.Getenv("MACUN_BENCH_NOFAIL") == "" }

// BenchmarkStartToFirstFrame: macun-tui started in a 160×48 pty until its
// first full frame is on screen, against libfloor (the libraries alone)
// started in the same pty until the same texts are; the budget is the
// ratio of their medians. The hello-world is timed the same way and its
// ratio reported. The three alternate; an op is one start of each.
func BenchmarkStartToFirstFrame(b *testing.B) {
	needBuild(b)
	var app, hello, floor, first []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h, err := startHello()
		if err != nil {
			b.Fatal(err)
		}
		f, err := startFloor()
		if err != nil {
			b.Fatal(err)
		}
		floor = append(floor, f)
		d, t, err := startApp()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		first = append(first, t.FirstOutput().Sub(t.Started()))
		stop(t)
		b.StartTimer()
		hello, app = append(hello, h), append(app, d)
	}
	b.StopTimer()
	b.ReportMetric(ms(median(first)), "ms/first-byte")
	reportProcess(b, "first-frame", "first frame after", app, hello, floor, "libfloor", budgetStartRatio)
}

// reportProcess reports a process benchmark's medians (ms/UNIT, ms/hello,
// ms/libfloor) and its ratios to both yardsticks, and fails it when
// enforced and clearly over budget against the yardstick named by
// against ("hello" or "libfloor"); what names the measure in the failure.
func reportProcess(b *testing.B, unit, what string, app, hello, floor []time.Duration, against string, budget float64) {
	b.Helper()
	a, h, f := ms(median(app)), ms(median(hello)), ms(median(floor))
	b.ReportMetric(a, "ms/"+unit)
	b.ReportMetric(h, "ms/hello")
	b.ReportMetric(f, "ms/libfloor")
	b.ReportMetric(f/h, "libfloor-to-hello")
	b.ReportMetric(a/h, "ratio-to-hello")
	b.ReportMetric(a/f, "ratio-to-libfloor")
	yard := map[string]float64{"hello": h, "libfloor": f}[against]
	if r := a / yard; enforce(b) && r > budget*clearlyOver {
		b.Errorf("%s %.1f ms, %.2f× the %s's %.1f ms; budget %.1f×", what, a, r, against, yard, budget)
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
// against the hello-world run the same way (stdout a pipe); the ratio is
// of their medians. libfloor is run the same way and reported. An op is
// one run of each, alternating. With MACUN_BENCH_BASE=FILE, another build
// (the commit before a change) is run in the same op too, and the ratio
// to it reported and held to budgetBaseRatio: a change to the views is
// measured side by side with what it changes.
func BenchmarkExportAll(b *testing.B) {
	needBuild(b)
	args := exportArgs()
	base := os.Getenv("MACUN_BENCH_BASE")
	var app, hello, floor, prev []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h, err := runWhole(helloBin)
		if err != nil {
			b.Fatal(err)
		}
		f, err := runWhole(floorBin)
		if err != nil {
			b.Fatal(err)
		}
		floor = append(floor, f)
		if base != "" {
			p, err := runWhole(base, args...)
			if err != nil {
				b.Fatal(err)
			}
			prev = append(prev, p)
		}
		d, err := runWhole(appBin, args...)
		if err != nil {
			b.Fatal(err)
		}
		hello, app = append(hello, h), append(app, d)
	}
	b.StopTimer()
	reportProcess(b, "export", "export --tab all takes", app, hello, floor, "hello", budgetExportRatio)
	if base != "" {
		a, p := ms(median(app)), ms(median(prev))
		b.ReportMetric(p, "ms/base")
		b.ReportMetric(a/p, "ratio-to-base")
		if r := a / p; enforce(b) && r > budgetBaseRatio*clearlyOver {
			b.Errorf("export --tab all takes %.1f ms, %.2f× the base build's %.1f ms; budget %.2f×", a, r, p, budgetBaseRatio)
		}
	}
}

// tabTitles are the tab bar's active labels in each language, in order.
var tabTitles = map[string][]string{
	"en": {"[1 Overview]", "[2 Industry]", "[3 Urban-rural]", "[4 Governance]", "[5 Projects]"},
	"zh": {"[1 总览]", "[2 产业]", "[3 城乡]", "[4 治理]", "[5 项目]"},
}

// visitAll shows every tab in English, switches to Chinese (L) and shows
// every tab again, waiting for each frame.
func visitAll(t *ptyterm.Term) error {
	for i, title := range tabTitles["en"][1:] { // the first is on already
		if err := pressFor(t, strconv.Itoa(i+2), title); err != nil {
			return err
		}
	}
	zh := tabTitles["zh"]
	if err := pressFor(t, "L", zh[len(zh)-1]); err != nil {
		return err
	}
	for i, title := range zh[:len(zh)-1] {
		if err := pressFor(t, strconv.Itoa(i+1), title); err != nil {
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
			kb, err = vmHWM(t.Cmd().Process.Pid)
		}
		stop(t)
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
