//go:build unix

package serve

// Benchmarks of serve at scale (docs/performance.md), on loopback: the
// server runs in a helper process (this test binary started again, see
// TestMain) so that its CPU and memory are its own, read from /proc; the
// clients are golang.org/x/crypto/ssh clients in the benchmark's process.
//
//   - BenchmarkServeKeyFrame: 200 dashboards, each pressing a key (a tab
//     or a move of the selection) about twice a second; the time from a
//     key's write to the last byte of the frame it caused, as the client
//     reads it. Budget: p99 ≤ 50 ms. The yardstick, measured just before
//     by the same clients: an SSH server on the same stack whose program
//     answers each key with a fixed 2 KB frame (p99-ratio-to-echo). Also
//     the server's RSS per active session.
//   - BenchmarkServeIdle: 1000 dashboards connected, then nothing for
//     10 s: the server's CPU over those 10 s (budget: under 10% of one
//     core for all of them; the same server with no session, over 10 s
//     before they connect, for comparison) and its RSS per session
//     (budget ≤ 1 MB); and
//     connection set-up, from dialling to the whole first frame, while
//     they connect 16 at a time.
//   - BenchmarkServeCapacity: active sessions are added, a quarter more
//     each step from 200, until p99 passes 50 ms in two windows in a row
//     (or up to 5000): the largest count that meets it.
//
// A benchmark runs its scenario once per b.N (the scenario takes longer
// than -benchtime, so b.N is 1). With -benchtime 1x, the CI smoke run,
// the scenarios are small and short and nothing is enforced; otherwise a
// budget fails the benchmark when clearly over (past 1.25× the budget),
// unless MACUN_BENCH_NOFAIL=1. Run them with nice -n 10 on a shared
// machine, several times, and take medians.

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/data"
)

// Budgets, as in docs/performance.md.
const (
	budgetP99        = 50 * time.Millisecond
	budgetRSSSession = 1 << 20 // bytes
	budgetIdleCPU    = 0.10    // of one core, for all idle sessions
	clearlyOver      = 1.25
	// busyEcho is the yardstick's p99 past which the machine is too busy
	// for the latency budget to say anything about the server.
	busyEcho = budgetP99 / 5
)

// Scenario sizes: full, and the CI smoke run's.
type scale struct {
	active, idle    int
	window, idleFor time.Duration
	capacityFrom    int
	capacityMax     int
	capacityWindow  time.Duration
	connectAtOnce   int
	keyPeriod       time.Duration
	burstGap        time.Duration
}

var (
	full  = scale{active: 200, idle: 1000, window: 10 * time.Second, idleFor: 10 * time.Second, capacityFrom: 200, capacityMax: 5000, capacityWindow: 5 * time.Second, connectAtOnce: 16, keyPeriod: 500 * time.Millisecond, burstGap: 3 * time.Millisecond}
	smoke = scale{active: 20, idle: 40, window: time.Second, idleFor: time.Second, capacityFrom: 20, capacityMax: 20, capacityWindow: time.Second, connectAtOnce: 8, keyPeriod: 500 * time.Millisecond, burstGap: 3 * time.Millisecond}
)

// sizes of the benchmark's sessions, in turn; half of them Chinese.
var benchSizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 48}}

const helperEnv = "MACUN_SERVE_BENCH_HELPER"

// TestMain runs the helper server when the benchmarks start this binary
// again with helperEnv set.
func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(runHelper())
	}
	os.Exit(m.Run())
}

// runHelper serves on 127.0.0.1:0, prints the address, answers each line
// of its standard input with its CPU time in nanoseconds, and stops when
// that input closes. It serves the dashboard, or with helperEnv=echo
// the yardstick: the same SSH server (wish, a session with a pty) whose
// program answers every read with a write of echoFrame bytes.
func runHelper() int {
	key, err := genKey()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var serve func(net.Listener) error
	if os.Getenv(helperEnv) == "echo" {
		srv, err := wish.NewServer(func(srv *ssh.Server) error { srv.AddHostKey(key); return nil },
			wish.WithMiddleware(echoHandler, activeterm.Middleware()))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		serve = srv.Serve
	} else {
		s, err := New(Options{
			HostKey: key, DS: data.Default(), MaxSessions: 100_000, IdleTimeout: time.Hour,
			Language: func(getenv func(string) string) data.Lang {
				if strings.HasPrefix(getenv("LANG"), "zh") {
					return data.ZH
				}
				return data.EN
			},
			Exec: testExec(nil),
			Log:  log.New(io.Discard),
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		serve = s.Serve
	}
	fmt.Println(ln.Addr())
	go func() { _ = serve(ln) }()
	// Each line asks for the CPU time used so far.
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		fmt.Println(int64(selfCPU()))
	}
	return 0
}

// echoFrame is the size of the yardstick's frame: about what a key
// changes on the dashboard (a tab's body at 120×40, or two rows).
const echoFrame = 2 << 10

// echoHandler is the yardstick's program: a first frame with both
// languages' footers in it, then a frame for every read.
func echoHandler(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		frame := strings.Repeat("x", echoFrame)
		_, _ = io.WriteString(sess, "English 中文")
		buf := make([]byte, 256)
		for {
			if _, err := sess.Read(buf); err != nil {
				return
			}
			if _, err := io.WriteString(sess, frame); err != nil {
				return
			}
		}
	}
}

// helper is the server process of a benchmark.
type helper struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	addr string
}

func startHelper(b *testing.B) *helper { return startHelperOf(b, "1") }

// startHelperOf starts the dashboard's server ("1") or the yardstick's
// ("echo").
func startHelperOf(b *testing.B, kind string) *helper {
	b.Helper()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		b.Skip("no /proc here: the server's CPU and memory cannot be read")
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+kind)
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	h := &helper{cmd: cmd, in: in}
	b.Cleanup(func() {
		in.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(waitTimeout):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	h.out = bufio.NewReader(out)
	line, err := h.out.ReadString('\n')
	if err != nil {
		b.Fatalf("helper server: %v", err)
	}
	h.addr = strings.TrimSpace(line)
	return h
}

// rss is the helper's resident memory in bytes.
func (h *helper) rss(b *testing.B) int {
	b.Helper()
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", h.cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range strings.Split(string(st), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return kb << 10
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

// cpu is the helper's CPU time so far (user and system), as it reads it
// from getrusage: microseconds, where /proc counts ticks of 10 ms.
func (h *helper) cpu(b *testing.B) time.Duration {
	b.Helper()
	if _, err := io.WriteString(h.in, "cpu\n"); err != nil {
		b.Fatal(err)
	}
	line, err := h.out.ReadString('\n')
	if err != nil {
		b.Fatalf("helper cpu: %v", err)
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil {
		b.Fatalf("helper cpu: %q", line)
	}
	return time.Duration(ns)
}

// selfCPU is this process's CPU time, user and system.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchClient is one dashboard session of a benchmark.
type benchClient struct {
	cl    *gossh.Client
	in    io.Writer
	reads chan time.Time // when each read returned bytes
	k     int            // keys pressed so far: where it is in keyCycle
}

// dialDashboard connects a dashboard of size sz and returns when its
// whole first frame is in, and how long that took from the dial.
func dialDashboard(addr string, i int) (*benchClient, time.Duration, error) {
	sz := benchSizes[i%len(benchSizes)]
	lang := []string{"en_GB.UTF-8", "zh_CN.UTF-8"}[(i/len(benchSizes))%2]
	footer := map[bool]string{true: "中文", false: "English"}[strings.HasPrefix(lang, "zh")]
	start := time.Now()
	cl, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "bench", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitTimeout})
	if err != nil {
		return nil, 0, err
	}
	s, err := cl.NewSession()
	if err == nil {
		err = s.Setenv("LANG", lang)
	}
	if err == nil {
		err = s.RequestPty("xterm-256color", sz[1], sz[0], nil)
	}
	var in io.Writer
	var out io.Reader
	if err == nil {
		in, _ = s.StdinPipe()
		out, _ = s.StdoutPipe()
		err = s.Shell()
	}
	if err != nil {
		cl.Close()
		return nil, 0, err
	}
	// The first frame paints every row in order: it is whole when the
	// footer (the last row) is in.
	c := &benchClient{cl: cl, in: in, reads: make(chan time.Time, 256)}
	var seen []byte
	buf := make([]byte, 64<<10)
	deadline := time.AfterFunc(waitTimeout, func() { cl.Close() })
	for !strings.Contains(string(seen), footer) {
		n, err := out.Read(buf)
		if err != nil {
			deadline.Stop()
			return nil, 0, fmt.Errorf("first frame: %w", err)
		}
		seen = append(seen, buf[:n]...)
	}
	deadline.Stop()
	setup := time.Since(start)
	go func() {
		for {
			n, err := out.Read(buf)
			if n > 0 {
				select {
				case c.reads <- time.Now():
				default:
				}
			}
			if err != nil {
				close(c.reads)
				return
			}
		}
	}()
	return c, setup, nil
}

// keyCycle changes the screen at every key: a tab, then a move on it,
// down on even rounds and back up on odd ones.
var keyCycle = [2][]string{
	{"2", "j", "3", "j", "4", "j", "5", "j", "1", "j"},
	{"2", "k", "3", "k", "4", "k", "5", "k", "1", "k"},
}

// drive presses keys every period (with a random start and ±10% jitter)
// until stop, and records each key's latency: from its write to the last
// read of the burst it caused (reads less than gap apart).
func (c *benchClient) drive(stop <-chan struct{}, period, gap time.Duration, record func(time.Duration, bool)) {
	select {
	case <-stop:
		return
	case <-time.After(rand.N(period)):
	}
	for {
		round := keyCycle[(c.k/len(keyCycle[0]))%2]
		key := round[c.k%len(round)]
		c.k++
		for len(c.reads) > 0 { // nothing in flight
			<-c.reads
		}
		sent := time.Now()
		if _, err := io.WriteString(c.in, key); err != nil {
			return
		}
		var last time.Time
		select {
		case t, ok := <-c.reads:
			if !ok {
				return
			}
			last = t
		case <-time.After(waitTimeout):
			record(waitTimeout, false)
			continue
		}
	burst:
		for {
			select {
			case t, ok := <-c.reads:
				if !ok {
					break burst
				}
				last = t
			case <-time.After(gap):
				break burst
			}
		}
		record(last.Sub(sent), true)
		next := period + time.Duration(rand.Int64N(int64(period/5))) - period/10 - time.Since(sent)
		select {
		case <-stop:
			return
		case <-time.After(max(next, 0)):
		}
	}
}

// scaleOf is the full scenario, or the smoke one under -benchtime 1x.
// MACUN_SERVE_ACTIVE=N sets the active sessions of
// BenchmarkServeKeyFrame, to look at one count more closely.
func scaleOf() scale {
	if f := flag.Lookup("test.benchtime"); f != nil && f.Value.String() == "1x" {
		return smoke
	}
	sc := full
	if n, err := strconv.Atoi(os.Getenv("MACUN_SERVE_ACTIVE")); err == nil && n > 0 {
		sc.active = n
	}
	return sc
}

func enforced(sc scale) bool {
	return sc.active >= full.active && os.Getenv("MACUN_BENCH_NOFAIL") == ""
}

// connect opens n dashboards, at most atOnce at a time, and returns them
// with their set-up times.
func connect(b *testing.B, addr string, first, n, atOnce int) ([]*benchClient, []time.Duration) {
	b.Helper()
	clients := make([]*benchClient, n)
	setups := make([]time.Duration, n)
	var failed atomic.Value
	sem := make(chan struct{}, atOnce)
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			c, d, err := dialDashboard(addr, first+i)
			if err != nil {
				failed.Store(err)
				return
			}
			clients[i], setups[i] = c, d
		})
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatalf("connecting %d dashboards: %v", n, err)
	}
	b.Cleanup(func() {
		for _, c := range clients {
			c.cl.Close()
		}
	})
	return clients, setups
}

// latencies is a thread-safe list of key→frame times.
type latencies struct {
	mu       sync.Mutex
	d        []time.Duration
	timeouts int
}

func (l *latencies) record(d time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !ok {
		l.timeouts++
	}
	l.d = append(l.d, d)
}

// run drives clients for window and returns what they measured.
func run(clients []*benchClient, sc scale, window time.Duration) *latencies {
	l := &latencies{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Go(func() { c.drive(stop, sc.keyPeriod, sc.burstGap, l.record) })
	}
	time.Sleep(window)
	close(stop)
	wg.Wait()
	return l
}

// pct is the p-th percentile (0 to 100) of ds.
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(int(float64(len(s))*p/100), len(s)-1)]
}

func msOf(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// warm opens one dashboard of each size and language and closes it, so
// that the shared bodies exist before any baseline is read.
func warm(b *testing.B, addr string) {
	b.Helper()
	clients, _ := connect(b, addr, 0, 2*len(benchSizes), 2*len(benchSizes))
	for _, c := range clients {
		for _, k := range []string{"2", "3", "4", "5", "1"} {
			_, _ = io.WriteString(c.in, k)
		}
	}
	time.Sleep(200 * time.Millisecond)
	for _, c := range clients {
		c.cl.Close()
	}
	time.Sleep(200 * time.Millisecond)
}

func BenchmarkServeKeyFrame(b *testing.B) {
	sc := scaleOf()
	for range b.N {
		// The yardstick first: the same clients and keys on an SSH server
		// that answers each key with a fixed frame.
		echo := startHelperOf(b, "echo")
		floor := run(connectClose(b, echo.addr, sc), sc, sc.window)
		_ = echo.in.Close()

		h := startHelper(b)
		warm(b, h.addr)
		rss0 := h.rss(b)
		clients, _ := connect(b, h.addr, 0, sc.active, sc.connectAtOnce)
		l := run(clients, sc, sc.window)
		perSession := float64(h.rss(b)-rss0) / float64(sc.active)
		p50, p99 := pct(l.d, 50), pct(l.d, 99)
		f50, f99 := pct(floor.d, 50), pct(floor.d, 99)
		b.ReportMetric(float64(sc.active), "sessions")
		b.ReportMetric(float64(len(l.d)), "keys")
		b.ReportMetric(msOf(p50), "p50-ms")
		b.ReportMetric(msOf(p99), "p99-ms")
		b.ReportMetric(float64(p99)/float64(budgetP99), "p99-ratio-to-budget")
		b.ReportMetric(msOf(f50), "echo-p50-ms")
		b.ReportMetric(msOf(f99), "echo-p99-ms")
		b.ReportMetric(float64(p99)/float64(f99), "p99-ratio-to-echo")
		b.ReportMetric(perSession/1024, "rss-kB/active-session")
		if l.timeouts > 0 || floor.timeouts > 0 {
			b.Errorf("keys without a frame within %s: %d of %d, echo %d of %d", waitTimeout, l.timeouts, len(l.d), floor.timeouts, len(floor.d))
		}
		// The budget is checked only when the yardstick says the machine
		// had room: on a shared machine someone else's build makes every
		// key late, the dashboard's and the echo's alike.
		if enforced(sc) && f99 <= busyEcho && float64(p99) > float64(budgetP99)*clearlyOver {
			b.Errorf("p99 key→frame %.1f ms with %d sessions, budget %s (echo p99 %.1f ms)", msOf(p99), sc.active, budgetP99, msOf(f99))
		}
		if f99 > busyEcho {
			b.Logf("the machine was busy (echo p99 %.1f ms): the budget is not checked", msOf(f99))
		}
	}
}

// connectClose connects the active sessions of sc, closed at the end of
// the scenario.
func connectClose(b *testing.B, addr string, sc scale) []*benchClient {
	b.Helper()
	clients, _ := connect(b, addr, 0, sc.active, sc.connectAtOnce)
	return clients
}

func BenchmarkServeIdle(b *testing.B) {
	sc := scaleOf()
	for range b.N {
		h := startHelper(b)
		warm(b, h.addr)
		rss0 := h.rss(b)
		// The same server with no session, for comparison.
		cpu0, start := h.cpu(b), time.Now()
		time.Sleep(sc.idleFor)
		none := float64(h.cpu(b)-cpu0) / float64(time.Since(start))
		_, setups := connect(b, h.addr, 0, sc.idle, sc.connectAtOnce)
		time.Sleep(time.Second) // the connections settle
		cpu0, start = h.cpu(b), time.Now()
		time.Sleep(sc.idleFor)
		cpu := float64(h.cpu(b)-cpu0) / float64(time.Since(start))
		perSession := float64(h.rss(b)-rss0) / float64(sc.idle)
		b.ReportMetric(float64(sc.idle), "sessions")
		b.ReportMetric(100*cpu, "cpu-%core")
		b.ReportMetric(100*none, "cpu-%core-no-session")
		b.ReportMetric(cpu/budgetIdleCPU, "cpu-ratio-to-budget")
		b.ReportMetric(perSession/1024, "rss-kB/session")
		b.ReportMetric(perSession/budgetRSSSession, "rss-ratio-to-budget")
		b.ReportMetric(msOf(pct(setups, 50)), "setup-p50-ms")
		b.ReportMetric(msOf(pct(setups, 99)), "setup-p99-ms")
		if enforced(sc) && cpu > budgetIdleCPU*clearlyOver {
			b.Errorf("%d idle sessions use %.1f%% of a core, budget %.0f%%", sc.idle, 100*cpu, 100*budgetIdleCPU)
		}
		if enforced(sc) && perSession > budgetRSSSession*clearlyOver {
			b.Errorf("%.0f kB of RSS per session, budget %d kB", perSession/1024, budgetRSSSession>>10)
		}
	}
}

func BenchmarkServeCapacity(b *testing.B) {
	sc := scaleOf()
	for range b.N {
		h := startHelper(b)
		warm(b, h.addr)
		var clients []*benchClient
		best := 0
		var bestP99 time.Duration
		for n := sc.capacityFrom; n <= sc.capacityMax; n = (n*5/4 + 99) / 100 * 100 {
			more, _ := connect(b, h.addr, len(clients), n-len(clients), sc.connectAtOnce)
			clients = append(clients, more...)
			time.Sleep(sc.capacityWindow / 5) // the new connections settle
			// A step fails when two windows in a row miss the budget: the
			// machine is shared, and one burst of someone else's work is
			// not this server's capacity.
			var p99 time.Duration
			failed := true
			for try := 0; try < 2 && failed; try++ {
				cpu0, t0 := h.cpu(b), time.Now()
				l := run(clients, sc, sc.capacityWindow)
				cpu := float64(h.cpu(b)-cpu0) / float64(time.Since(t0))
				p99 = pct(l.d, 99)
				failed = p99 > budgetP99 || l.timeouts > 0
				b.Logf("%d active sessions: p50 %.1f ms, p99 %.1f ms, %d keys, %d late; server %.0f%% of a core",
					n, msOf(pct(l.d, 50)), msOf(p99), len(l.d), l.timeouts, 100*cpu)
			}
			if failed {
				break
			}
			best, bestP99 = n, p99
		}
		b.ReportMetric(float64(best), "max-sessions-p99≤50ms")
		b.ReportMetric(msOf(bestP99), "p99-ms-there")
		if best == 0 && enforced(sc) {
			b.Errorf("not even %d active sessions meet p99 ≤ %s", sc.capacityFrom, budgetP99)
		}
	}
}
