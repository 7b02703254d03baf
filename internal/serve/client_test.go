package serve

// Test clients: real SSH clients (golang.org/x/crypto/ssh) of a server
// started on 127.0.0.1:0 in the test process, and a reading of what a
// terminal would show from what the server writes.

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/data"
)

// Every wait of the tests is bounded by this; it ends as soon as what it
// waits for is there.
const waitTimeout = 10 * time.Second

// newKey is a fresh ed25519 key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	s, err := genKey()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func genKey() (gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return gossh.NewSignerFromKey(priv)
}

// lockedBuffer is a buffer written by one goroutine and read by another.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer is a server on 127.0.0.1:0 and what it logged.
type testServer struct {
	*Server
	addr   string
	hostPK gossh.PublicKey
	log    *lockedBuffer
	execs  chan []string
}

// testExec stands for the command line's Exec: "echo ARGS" prints its
// arguments and exits 0, "panic" panics, anything else is refused with
// exit 2.
func testExec(execs chan []string) func([]string, data.Lang, io.Writer, io.Writer) (int, string) {
	return func(args []string, l data.Lang, out, errw io.Writer) (int, string) {
		select {
		case execs <- args:
		default:
		}
		if len(args) > 0 && args[0] == "panic" {
			panic("test")
		}
		if len(args) > 0 && args[0] == "echo" {
			fmt.Fprintf(out, "%s %s\n", l, strings.Join(args[1:], " "))
			return 0, "echo"
		}
		fmt.Fprintln(errw, "refused")
		return 2, "refused"
	}
}

// startServer starts a server with test options changed by mod, and stops
// it at the end of the test.
func startServer(t testing.TB, mod func(*Options)) *testServer {
	t.Helper()
	ts := &testServer{log: &lockedBuffer{}, execs: make(chan []string, 16)}
	key := newKey(t)
	ts.hostPK = key.PublicKey()
	o := Options{
		HostKey: key,
		DS:      data.Default(),
		Language: func(getenv func(string) string) data.Lang {
			if strings.HasPrefix(getenv("LANG"), "zh") {
				return data.ZH
			}
			return data.EN
		},
		Exec: testExec(ts.execs),
		Log:  log.New(ts.log),
	}
	if mod != nil {
		mod(&o)
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Server, ts.addr = s, ln.Addr().String()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
		defer cancel()
		_ = s.Shutdown(ctx)
		<-served
	})
	return ts
}

// dial connects as user "reader" with auth (none if empty).
func (ts *testServer) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "reader",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.hostPK),
		Timeout:         waitTimeout,
	})
}

// term is a client with a terminal: a dashboard session.
type term struct {
	t      testing.TB
	cl     *gossh.Client
	s      *gossh.Session
	in     io.WriteCloser
	mu     sync.Mutex
	out    []byte
	more   chan struct{} // a token after each read
	closed chan struct{} // the output ended
}

// openTerm opens a dashboard of w×h, with env (KEY, VALUE pairs) sent
// before the pty; TERM is the pty's terminal type (xterm-256color if not
// given).
func (ts *testServer) openTerm(t testing.TB, w, h int, env ...string) *term {
	t.Helper()
	tm, err := ts.tryTerm(t, w, h, env...)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func (ts *testServer) tryTerm(t testing.TB, w, h int, env ...string) (*term, error) {
	cl, err := ts.dial()
	if err != nil {
		return nil, err
	}
	s, err := cl.NewSession()
	if err != nil {
		cl.Close()
		return nil, err
	}
	termType := "xterm-256color"
	for i := 0; i+1 < len(env); i += 2 {
		if env[i] == "TERM" { // the pty's, as ssh sends it
			termType = env[i+1]
			continue
		}
		if err := s.Setenv(env[i], env[i+1]); err != nil {
			cl.Close()
			return nil, err
		}
	}
	if err := s.RequestPty(termType, h, w, gossh.TerminalModes{}); err != nil {
		cl.Close()
		return nil, err
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	s.Stderr = io.Discard
	if err := s.Shell(); err != nil {
		cl.Close()
		return nil, err
	}
	tm := &term{t: t, cl: cl, s: s, in: in, more: make(chan struct{}, 1), closed: make(chan struct{})}
	go tm.read(out)
	t.Cleanup(tm.close)
	return tm, nil
}

func (tm *term) read(r io.Reader) {
	defer close(tm.closed)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.out = append(tm.out, buf[:n]...)
			tm.mu.Unlock()
			select {
			case tm.more <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

func (tm *term) close() {
	if cl := tm.client(); cl != nil {
		cl.Close()
	}
}

func (tm *term) client() *gossh.Client {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.cl
}

// release closes the connection and drops everything the client holds.
func (tm *term) release() {
	tm.close()
	<-tm.closed
	tm.mu.Lock()
	tm.cl, tm.s, tm.in, tm.out = nil, nil, nil, nil
	tm.mu.Unlock()
}

// output is everything the server wrote so far.
func (tm *term) output() []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return bytes.Clone(tm.out)
}

// mark is where the output is now.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return len(tm.out)
}

// press sends keys and returns the mark before them.
func (tm *term) press(keys string) int {
	tm.t.Helper()
	m := tm.mark()
	if _, err := io.WriteString(tm.in, keys); err != nil {
		tm.t.Fatalf("press %q: %v", keys, err)
	}
	return m
}

// waitUntil waits until ok holds of the output, or fails after
// waitTimeout saying what it waited for.
func (tm *term) waitUntil(what string, ok func(out []byte) bool) {
	tm.t.Helper()
	deadline := time.NewTimer(waitTimeout)
	defer deadline.Stop()
	for {
		if ok(tm.output()) {
			return
		}
		select {
		case <-tm.more:
		case <-tm.closed:
			if !ok(tm.output()) {
				tm.t.Fatalf("session ended before %s; screen:\n%s", what, strings.Join(shown(tm.output()), "\n"))
			}
			return
		case <-deadline.C:
			tm.t.Fatalf("no %s after %s; screen:\n%s", what, waitTimeout, strings.Join(shown(tm.output()), "\n"))
		}
	}
}

// waitRow waits until row i (from 0) of the screen contains text.
func (tm *term) waitRow(i int, text string) {
	tm.t.Helper()
	tm.waitUntil(fmt.Sprintf("%q on row %d", text, i), func(out []byte) bool {
		rows := shown(out)
		return i < len(rows) && strings.Contains(rows[i], text)
	})
}

// waitEnd waits for the session to end and returns its exit status.
func (tm *term) waitEnd() int {
	tm.t.Helper()
	done := make(chan error, 1)
	go func() { done <- tm.s.Wait() }()
	select {
	case err := <-done:
		return exitStatus(tm.t, err)
	case <-time.After(waitTimeout):
		tm.t.Fatalf("session still open after %s", waitTimeout)
	}
	return -1
}

func exitStatus(t testing.TB, err error) int {
	t.Helper()
	var ee *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitStatus()
	}
	t.Fatalf("session ended without a status: %v", err)
	return -1
}

// shown is what a terminal shows after out, row by row, without escape
// codes. It reads what the server's screen writes: each row it changes
// starts with a cursor position to the row's first column.
func shown(out []byte) []string {
	var rows []string
	row := -1
	var cur strings.Builder
	flush := func() {
		if row < 0 {
			return
		}
		for len(rows) <= row {
			rows = append(rows, "")
		}
		rows[row] = cur.String()
	}
	p := ansi.NewParser()
	state := byte(0)
	for len(out) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(out, state, p)
		state = newState
		cmd := ansi.Cmd(p.Command())
		switch {
		case width > 0:
			if row >= 0 {
				cur.Write(seq)
			}
		case ansi.HasCsiPrefix(seq) && cmd.Prefix() == 0 && cmd.Final() == 'H':
			flush()
			r, _ := p.Param(0, 1)
			row = max(r, 1) - 1
			cur.Reset()
		case ansi.HasCsiPrefix(seq) && cmd.Prefix() == 0 && cmd.Final() == 'J':
			flush()
			rows, row = nil, -1
			cur.Reset()
		}
		out = out[n:]
	}
	flush()
	return rows
}

// osc52 is the text of every OSC 52 sequence in out, in order.
func osc52(t testing.TB, out []byte) []string {
	t.Helper()
	var texts []string
	const head = "\x1b]52;c;"
	for {
		i := bytes.Index(out, []byte(head))
		if i < 0 {
			return texts
		}
		out = out[i+len(head):]
		end := bytes.IndexAny(out, "\x07\x1b")
		if end < 0 {
			t.Fatalf("unterminated OSC 52")
		}
		b, err := base64.StdEncoding.DecodeString(string(out[:end]))
		if err != nil {
			t.Fatalf("OSC 52 payload: %v", err)
		}
		texts = append(texts, string(b))
		out = out[end:]
	}
}

// run runs a command (no terminal) and returns its output, error output
// and exit status.
func (ts *testServer) run(t testing.TB, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	cl, err := ts.dial()
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	s, err := cl.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	s.Stdout, s.Stderr = &o, &e
	status = exitStatusOf(t, s, func() error { return s.Run(cmd) })
	return o.String(), e.String(), status
}

// exitStatusOf runs f (which ends the session) with a time bound.
func exitStatusOf(t testing.TB, s *gossh.Session, f func() error) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return exitStatus(t, err)
	case <-time.After(waitTimeout):
		s.Close()
		t.Fatalf("command still running after %s", waitTimeout)
	}
	return -1
}
