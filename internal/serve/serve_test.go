package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// checkFrame fails unless the screen is h rows, none wider than w. Rows
// below h are what a taller terminal showed before it shrank.
func checkFrame(t *testing.T, out []byte, w, h int) {
	t.Helper()
	rows := shown(out)
	rows = rows[:min(len(rows), h)]
	if len(rows) != h {
		t.Errorf("screen has %d rows, want %d", len(rows), h)
	}
	for i, r := range rows {
		if rw := ansi.StringWidth(r); rw > w {
			t.Errorf("row %d is %d cells wide, more than %d: %q", i, rw, w, r)
		}
	}
}

func TestFirstFrame(t *testing.T) {
	ts := startServer(t, nil)
	for _, c := range []struct {
		w, h int
		env  []string
		tab  string
		foot string
	}{
		{80, 24, nil, "[1 Overview]", "English"},
		{120, 40, []string{"LANG", "zh_CN.UTF-8"}, "[1 总览]", "中文"},
	} {
		tm := ts.openTerm(t, c.w, c.h, c.env...)
		tm.waitRow(0, c.tab)
		tm.waitRow(c.h-1, c.foot)
		out := tm.output()
		checkFrame(t, out, c.w, c.h)
		for _, seq := range []string{ansi.SetModeAltScreenSaveCursor, ansi.HideCursor, ansi.SetModeMouseButtonEvent, ansi.SetModeMouseExtSgr} {
			if !bytes.Contains(out, []byte(seq)) {
				t.Errorf("%dx%d: first frame without %q", c.w, c.h, seq)
			}
		}
	}
}

func TestKeysSwitchTabs(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.openTerm(t, 100, 30)
	tm.waitRow(0, "[1 Overview]")
	for _, k := range []struct{ keys, want string }{
		{"2", "[2 Industry]"},
		{"\t", "[3 Urban-rural]"},
		{"l", "[4 Governance]"},
		{"\x1b[Z", "[3 Urban-rural]"}, // shift+tab
		{"5", "[5 Projects]"},
		{"1", "[1 Overview]"},
	} {
		tm.press(k.keys)
		tm.waitRow(0, k.want)
	}
	// Letters that come in one packet are keys of their own.
	tm.press("3t")
	tm.waitRow(2, "All figures")
	tm.waitRow(0, "[3 Urban-rural]")
	checkFrame(t, tm.output(), 100, 30)
	// q ends the session and gives the terminal back.
	tm.press("q")
	if st := tm.waitEnd(); st != 0 {
		t.Errorf("exit status after q = %d", st)
	}
	out := tm.output()
	if !bytes.HasSuffix(out, []byte(leaveModes)) {
		t.Errorf("the session did not end by restoring the terminal: %q", ansi.Strip(string(out[max(len(out)-80, 0):])))
	}
	waitLog(t, ts, "reason=quit")
}

// A click on a tab switches to it, as in a local terminal.
func TestMouse(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.openTerm(t, 100, 30)
	tm.waitRow(0, "[1 Overview]")
	tm.waitRow(29, "English")
	row := shown(tm.output())[0]
	x := ansi.StringWidth(row[:strings.Index(row, "3 Urban-rural")]) + 2 // 1-based, inside the label
	// One click: it maps through the layout of the frame shown, with
	// nothing registered on the side, so it is never lost.
	tm.press(fmt.Sprintf("\x1b[<0;%d;1M\x1b[<0;%d;1m", x, x))
	tm.waitRow(0, "[3 Urban-rural]")
}

func TestWindowChangeReflows(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.openTerm(t, 80, 24)
	tm.waitRow(0, "[1 Overview]")
	rule := strings.Repeat("─", 80)
	tm.waitRow(1, rule)
	for _, sz := range [][2]int{{120, 40}, {60, 20}, {30, 8}, {100, 30}} {
		if err := tm.s.WindowChange(sz[1], sz[0]); err != nil {
			t.Fatal(err)
		}
		if sz[0] < 40 {
			tm.waitRow(0, "terminal too small")
			rows := shown(tm.output())[:sz[1]]
			checkFrame(t, tm.output(), sz[0], sz[1])
			// The message wraps to the width; nothing of the dashboard is
			// left under it.
			n := strings.Count(views.TooSmall(sz[0], sz[1], model.MinWidth, model.MinHeight, data.EN), "\n") + 1
			if got := strings.Join(rows[:n], " "); !strings.Contains(got, "40x10") {
				t.Errorf("too small: the message does not say the size needed: %q", got)
			}
			if strings.Join(rows[n:], "") != "" {
				t.Errorf("too small: rows under the message are not blank: %q", rows[n:])
			}
			continue
		}
		rule := strings.Repeat("─", sz[0])
		tm.waitUntil("a frame of the new size", func(out []byte) bool {
			rows := shown(out)
			// The rule above the footer may say which lines are shown.
			return len(rows) >= sz[1] && rows[1] == rule && strings.HasPrefix(rows[sz[1]-2], rule[:len("─")*sz[0]/2]) &&
				ansi.StringWidth(rows[sz[1]-2]) == sz[0]
		})
		checkFrame(t, tm.output(), sz[0], sz[1])
	}
}

func TestCopyCitation(t *testing.T) {
	ts := startServer(t, nil)
	for _, l := range data.Langs() {
		tm := ts.openTerm(t, 100, 30, "LANG", map[data.Lang]string{data.ZH: "zh_CN.UTF-8", data.EN: "en_GB.UTF-8"}[l])
		tm.waitRow(29, views.MsgLangName.In(l))
		tm.press("5")
		tm.waitRow(0, "[5 "+data.Tabs()[4].Title.In(l)+"]")
		// The first project of the projects tab.
		tm.press("G")
		tm.press("y")
		tm.waitUntil("an OSC 52 sequence", func(out []byte) bool { return bytes.Contains(out, []byte("\x1b]52;c;")) })
		got := osc52(t, tm.output())
		items := views.RenderPage(data.Default(), "projects", views.Options{Width: 100, Lang: l}, views.PlainStyles()).Items()
		want, _ := views.Citation(data.Default(), items[len(items)-1], l)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: y sent %q, want\n%s", l, got, want)
		}
		tm.waitRow(29, "OSC 52")
		// e copies the view instead of writing on the server.
		tm.press("e")
		tm.waitUntil("a second OSC 52 sequence", func(out []byte) bool { return len(osc52(t, out)) == 2 })
		text := osc52(t, tm.output())[1]
		if wantV := views.ExportText(data.Default(), []string{"projects"}, views.Options{Width: 100, Lang: l}); text != wantV {
			t.Errorf("%s: e copied %d bytes, not the view's text", l, len(text))
		}
	}
}

// A footer message goes after a few seconds in a session too: the screen
// draws the frame of the tick that ends it, without a key. (It waits for
// the real tick, about 5 s.)
func TestMessageClears(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.openTerm(t, 100, 30)
	tm.waitRow(29, "English")
	tm.press("e")
	tm.waitRow(29, "copied as text (OSC 52)")
	tm.waitUntil("the message gone", func(out []byte) bool {
		rows := shown(out)
		return len(rows) == 30 && !strings.Contains(rows[29], "OSC 52") && strings.Contains(rows[29], "help")
	})
}

// The background answer comes with the keys and restyles the dashboard;
// the first frame does not wait for it.
func TestBackgroundAnswer(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.openTerm(t, 100, 30)
	tm.waitRow(0, "[1 Overview]")
	if !bytes.Contains(tm.output(), []byte("\x1b]11;?")) {
		t.Fatalf("the terminal was not asked its background")
	}
	// The accent colour, as the client's 256 colours show it.
	light := termenv.ANSI256.Color("#1f5fbf").Sequence(false)
	dark := termenv.ANSI256.Color("#7aa2f7").Sequence(false)
	if out := string(tm.output()); !strings.Contains(out, dark) || strings.Contains(out, light) {
		t.Fatalf("first frame is not in the dark colours")
	}
	m := tm.press("\x1b]11;rgb:ffff/ffff/f0f0\x07\x1b[1;1R")
	tm.waitUntil("the light colours", func(out []byte) bool { return bytes.Contains(out[m:], []byte(light)) })
	// The answer was not read as keys: j then moves from the first item
	// to the second, on the first tab, with no search open (its "/"
	// would have opened one).
	tm.press("j")
	tm.waitUntil("the second rank tile selected", func(out []byte) bool {
		rows := shown(out)
		return len(rows) > 3 && strings.HasPrefix(rows[3], "│  1st") && strings.Contains(rows[3], "> 1st")
	})
	if rows := shown(tm.output()); !strings.Contains(rows[0], "[1 Overview]") || strings.HasPrefix(rows[len(rows)-1], "/") {
		t.Errorf("the answer moved the dashboard: %q … %q", rows[0], rows[len(rows)-1])
	}
	// COLORFGBG says it at once: no question.
	tm2 := ts.openTerm(t, 100, 30, "COLORFGBG", "0;15")
	tm2.waitRow(0, "[1 Overview]")
	if out := tm2.output(); bytes.Contains(out, []byte("\x1b]11;?")) || !bytes.Contains(out, []byte(light)) || bytes.Contains(out, []byte(dark)) {
		t.Errorf("with COLORFGBG=0;15: asked %v, light %v", bytes.Contains(out, []byte("\x1b]11;?")), bytes.Contains(out, []byte(light)))
	}
}

// Colours follow each client's terminal: its TERM, NO_COLOR.
func TestColoursFollowTerminal(t *testing.T) {
	ts := startServer(t, nil)
	// The active tab's escape code in each profile (on a dark
	// background, the default).
	accent := map[termenv.Profile]string{}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(p)
		accent[p], _, _ = strings.Cut(views.NewStyles(r, true).TabActive.Render("x"), "x")
	}
	for _, c := range []struct {
		env  []string
		want termenv.Profile
	}{
		{[]string{"TERM", "xterm-256color"}, termenv.ANSI256},
		{[]string{"TERM", "xterm-256color", "COLORTERM", "truecolor"}, termenv.TrueColor},
		{[]string{"TERM", "xterm"}, termenv.ANSI},
		{[]string{"TERM", "xterm-256color", "NO_COLOR", "1"}, termenv.Ascii},
		{[]string{"TERM", "dumb"}, termenv.Ascii},
	} {
		tm := ts.openTerm(t, 80, 24, c.env...)
		tm.waitRow(0, "[1 Overview]")
		out := string(tm.output())
		for p, seq := range accent {
			if has := strings.Contains(out, seq); has != (p == c.want) {
				t.Errorf("%v: accent in %v colours: %v", c.env, p, has)
			}
		}
		if c.want == termenv.Ascii && strings.Contains(out, "\x1b]11;?") {
			t.Errorf("%v: a terminal without colours was asked its background", c.env)
		}
	}
}

func TestCommands(t *testing.T) {
	ts := startServer(t, nil)
	out, _, st := ts.run(t, "echo  a 'b c'")
	if out != "en a b c\n" || st != 0 {
		t.Errorf("echo: %q, status %d", out, st)
	}
	if args := <-ts.execs; len(args) != 3 || args[2] != "b c" {
		t.Errorf("Exec got %q, want the command split as a shell would", args)
	}
	_, errOut, st := ts.run(t, "rm -rf /")
	if st != 2 || errOut != "refused\n" {
		t.Errorf("another command: %q, status %d", errOut, st)
	}
	waitLog(t, ts, `reason="refused (exit 2)"`)
	// A panic ends its session, with a line, and not the server.
	_, errOut, st = ts.run(t, "panic")
	if st != 1 || !strings.Contains(errOut, "internal error") {
		t.Errorf("panic: %q, status %d", errOut, st)
	}
	waitLog(t, ts, "reason=failed")
	if out, _, st := ts.run(t, "echo still here"); st != 0 || out != "en still here\n" {
		t.Errorf("after a panic: %q, status %d", out, st)
	}
}

func TestRefusals(t *testing.T) {
	ts := startServer(t, nil)
	cl, err := ts.dial()
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()

	// A shell without a terminal.
	s, _ := cl.NewSession()
	var out, errOut bytes.Buffer
	s.Stdout, s.Stderr = &out, &errOut
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	if st := exitStatusOf(t, s, s.Wait); st != 1 || !strings.Contains(out.String(), "PTY") {
		t.Errorf("shell without a terminal: status %d, %q", st, out.String())
	}

	// sftp.
	s, _ = cl.NewSession()
	errPipe, _ := s.StderrPipe()
	if err := s.RequestSubsystem("sftp"); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(errPipe); got <- b }()
	select {
	case b := <-got:
		if !strings.Contains(string(b), "sftp is not offered") {
			t.Errorf("sftp: %q", b)
		}
	case <-time.After(waitTimeout):
		t.Fatalf("sftp session still open")
	}

	// Port forwarding, both ways.
	if c, err := cl.Dial("tcp", ts.addr); err == nil || !strings.Contains(err.Error(), "no port forwarding") {
		if c != nil {
			c.Close()
		}
		t.Errorf("direct-tcpip: err = %v", err)
	}
	if ln, err := cl.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Errorf("tcpip-forward was accepted")
	}

	// Agent forwarding.
	s, _ = cl.NewSession()
	errOut.Reset()
	s.Stderr = &errOut
	if err := agent.RequestAgentForwarding(s); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 24, 80, nil); err != nil {
		t.Fatal(err)
	}
	if st := exitStatusOf(t, s, func() error { return s.Run("") }); st != 1 || !strings.Contains(errOut.String(), "agent forwarding refused") {
		t.Errorf("agent forwarding: status %d, %q", st, errOut.String())
	}
	waitLog(t, ts, `reason="refused: agent forwarding"`)
	waitLog(t, ts, `reason="refused: subsystem sftp"`)
	waitLog(t, ts, `reason="refused: no terminal"`)
}

func TestAuthorizedKeys(t *testing.T) {
	allowed, other := newKey(t), newKey(t)
	ts := startServer(t, func(o *Options) { o.AuthorizedKeys = []gossh.PublicKey{allowed.PublicKey()} })
	if cl, err := ts.dial(gossh.PublicKeys(other)); err == nil {
		cl.Close()
		t.Errorf("a key not listed was let in")
	}
	if cl, err := ts.dial(); err == nil {
		cl.Close()
		t.Errorf("a client without a key was let in")
	}
	cl, err := ts.dial(gossh.PublicKeys(allowed))
	if err != nil {
		t.Fatalf("the listed key was refused: %v", err)
	}
	cl.Close()
}

func TestMaxSessions(t *testing.T) {
	ts := startServer(t, func(o *Options) { o.MaxSessions = 2 })
	for range 2 {
		ts.openTerm(t, 80, 24).waitRow(0, "Overview")
	}
	_, errOut, st := ts.run(t, "echo x")
	if st != 1 || errOut != "busy: 2 readers, try again shortly\n" {
		t.Errorf("third session: status %d, %q", st, errOut)
	}
	waitLog(t, ts, "reason=busy")
}

func TestMaxPerIP(t *testing.T) {
	ts := startServer(t, func(o *Options) { o.MaxPerIP = 1 })
	tm := ts.openTerm(t, 80, 24)
	tm.waitRow(0, "Overview")
	_, errOut, st := ts.run(t, "echo x")
	if st != 1 || !strings.Contains(errOut, "busy: 1 readers from your address") {
		t.Errorf("second session from the address: status %d, %q", st, errOut)
	}
	tm.press("q")
	tm.waitEnd()
	waitFor(t, "the session to be counted out", func() bool { return ts.Sessions() == 0 })
	if _, _, st := ts.run(t, "echo x"); st != 0 {
		t.Errorf("after the first session ended: status %d", st)
	}
}

func TestIdleTimeout(t *testing.T) {
	const idle = time.Second
	ts := startServer(t, func(o *Options) { o.IdleTimeout = idle })
	busy := ts.openTerm(t, 80, 24)
	start := time.Now() // before the quiet session's timer starts
	quiet := ts.openTerm(t, 80, 24)
	busy.waitRow(0, "Overview")
	quiet.waitRow(0, "Overview")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for k := 0; ; k++ {
			select {
			case <-stop:
				return
			case <-time.After(idle / 10):
				busy.press([]string{"j", "k"}[k%2])
			}
		}
	})
	if st := quiet.waitEnd(); st != 0 {
		t.Errorf("idle session: status %d", st)
	}
	if d := time.Since(start); d < idle {
		t.Errorf("idle session closed after %s, before %s", d, idle)
	}
	if !bytes.Contains(quiet.output(), []byte("closed after 1s without a key")) {
		t.Errorf("idle session was not told why it closed")
	}
	select {
	case <-busy.closed:
		t.Errorf("a session with keys was closed as idle")
	default:
	}
	close(stop)
	wg.Wait()
	waitLog(t, ts, "reason=idle")
}

func TestHandshakeTimeout(t *testing.T) {
	ts := startServer(t, func(o *Options) { o.HandshakeTimeout = 200 * time.Millisecond })
	c, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(waitTimeout))
	// The server's version line comes, then nothing, then the close.
	if _, err := io.ReadAll(c); err != nil {
		t.Errorf("connection not closed by the server: %v", err)
	}
}

// Shutdown tells open dashboards, lets a running command finish and
// returns once every connection is closed.
func TestShutdownDrains(t *testing.T) {
	ts := startServer(t, nil)
	var terms []*term
	for range 3 {
		tm := ts.openTerm(t, 80, 24)
		tm.waitRow(0, "Overview")
		terms = append(terms, tm)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	start := time.Now()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	t.Logf("drained 3 sessions in %s", time.Since(start))
	for i, tm := range terms {
		select {
		case <-tm.closed:
		case <-time.After(waitTimeout):
			t.Fatalf("session %d still open", i)
		}
		if !bytes.Contains(tm.output(), []byte("the server is stopping")) {
			t.Errorf("session %d was not told the server is stopping", i)
		}
	}
	if _, err := ts.dial(); err == nil {
		t.Errorf("a connection was accepted after Shutdown")
	}
}

// A client that reads nothing fills its window and blocks its session's
// writes; Shutdown still ends, closing it when its time is up.
func TestShutdownStuckClient(t *testing.T) {
	ts := startServer(t, nil)
	g0, _ := settle()
	cl, err := ts.dial()
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	s, _ := cl.NewSession()
	if err := s.RequestPty("xterm-256color", 60, 200, nil); err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	// The first frame, then nothing more is read: the window is not
	// given back.
	if _, err := out.Read(make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	// Full repaints (a new size each time) until the writes block: the
	// client's window is 2 MB.
	for i := range 400 {
		if err := s.WindowChange(60-i%2, 200); err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(in, "t")
	}
	time.Sleep(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- ts.Shutdown(ctx) }()
	select {
	case err := <-done:
		t.Logf("Shutdown returned %v after %s", err, time.Since(start).Round(time.Millisecond))
	case <-time.After(waitTimeout):
		t.Fatalf("Shutdown still waiting %s after its deadline", waitTimeout)
	}
	// The connection it closed unwinds: nothing is left waiting on it.
	cl.Close()
	waitFor(t, "the server's goroutines to end", func() bool {
		g, _ := settle()
		return g <= g0
	})
}

// Shutdown right after Serve was called, before it had started to
// accept, still stops it.
func TestShutdownRightAfterServe(t *testing.T) {
	for range 20 {
		s, err := New(Options{HostKey: newKey(t), DS: data.Default(),
			Language: func(func(string) string) data.Lang { return data.EN }, Exec: testExec(nil)})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		served := make(chan error, 1)
		go func() { served <- s.Serve(ln) }()
		ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		cancel()
		select {
		case err := <-served:
			if !errors.Is(err, ssh.ErrServerClosed) {
				t.Errorf("Serve returned %v", err)
			}
		case <-time.After(waitTimeout):
			t.Fatalf("Serve still accepting after Shutdown")
		}
	}
}

// Opening and closing 100 sessions leaves no goroutine and no memory
// behind.
func TestNoLeak(t *testing.T) {
	ts := startServer(t, nil)
	// Half the readers quit, half drop the connection.
	open := func(quit bool) {
		tm := ts.openTerm(t, 80, 24)
		tm.waitRow(0, "Overview")
		tm.press("2jy")
		tm.waitRow(0, "[2 Industry]")
		if quit {
			tm.press("q")
			tm.waitEnd()
		}
		tm.release() // the client's memory is not the server's
	}
	open(true) // the shared bodies of 80×24 are made once, and kept
	waitFor(t, "the first session to end", func() bool { return ts.Sessions() == 0 })
	g0, h0 := settle()
	for range 10 {
		var wg sync.WaitGroup
		for i := range 10 {
			wg.Go(func() { open(i%2 == 0) })
		}
		wg.Wait()
	}
	waitFor(t, "every session to end", func() bool { return ts.Sessions() == 0 })
	var g, h int
	waitFor(t, "goroutines back to the baseline", func() bool {
		g, h = settle()
		return g <= g0+2
	})
	t.Logf("goroutines %d → %d, heap %d KB → %d KB", g0, g, h0>>10, h>>10)

	if h > h0+1<<20 {
		t.Errorf("heap grew by %d KB after 100 sessions", (h-h0)>>10)
	}
}

// settle collects garbage and returns the number of goroutines and the
// bytes of live heap.
func settle() (goroutines, heap int) {
	runtime.GC()
	runtime.GC() // and what sync.Pool kept for one more

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return runtime.NumGoroutine(), int(ms.HeapAlloc)
}

// waitFor polls cond every 10 ms, up to waitTimeout.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", waitTimeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitLog waits for the server to log a line with text.
func waitLog(t testing.TB, ts *testServer, text string) {
	t.Helper()
	waitFor(t, "log "+text, func() bool { return strings.Contains(ts.log.String(), text) })
}
