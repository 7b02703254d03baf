package main

// End-to-end tests of `macun-tui serve`: the real binary listening on
// 127.0.0.1:0, real SSH clients (golang.org/x/crypto/ssh), and the real
// binary's local export to compare with. Other behaviours of the server
// (limits, timeouts, keys, colours, leaks) are tested in process, in
// internal/serve.

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/internal/ptyterm"
)

// served is the binary serving on a free loopback port.
type served struct {
	t       *testing.T
	cmd     *exec.Cmd
	addr    string
	hostKey string // SHA256 fingerprint
	log     *bytes.Buffer
	logDone chan struct{}
	exited  chan error
}

var servingLine = regexp.MustCompile(`serving the dashboard over SSH addr=(\S+) host-key=(\S+)`)

// serveBinary starts `macun-tui serve` with args and waits until it
// listens.
func serveBinary(t *testing.T, keyFile string, args ...string) *served {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"serve", "--listen", "127.0.0.1:0", "--host-key", keyFile}, args...)...)
	cmd.Env = baseEnv(t)
	// The log is read from a pipe of our own, not cmd.StderrPipe: Wait
	// closes that pipe when the process exits, and the last lines it
	// wrote ("stopped") could be lost to a reader still behind.
	stderr, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = w
	err = cmd.Start()
	w.Close()
	if err != nil {
		stderr.Close()
		t.Fatal(err)
	}
	s := &served{t: t, cmd: cmd, log: &bytes.Buffer{}, logDone: make(chan struct{}), exited: make(chan error, 1)}
	found := make(chan []string, 1)
	go func() {
		defer close(s.logDone)
		defer stderr.Close()
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.log.WriteString(sc.Text() + "\n")
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m
			}
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	select {
	case m := <-found:
		s.addr, s.hostKey = m[1], m[2]
	case <-time.After(waitTimeout):
		t.Fatalf("serve did not start listening; it said:\n%s", s.log)
	}
	return s
}

func (s *served) dial() *gossh.Client {
	s.t.Helper()
	cl, err := gossh.Dial("tcp", s.addr, &gossh.ClientConfig{
		User: "reader",
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if gossh.FingerprintSHA256(k) != s.hostKey {
				return errors.New("host key differs from the one the server logged")
			}
			return nil
		},
		Timeout: waitTimeout,
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return cl
}

// run runs a command over SSH with env (KEY, VALUE pairs) and returns
// its output, error output and exit status.
func (s *served) run(cmd string, env ...string) (stdout, stderr []byte, status int) {
	s.t.Helper()
	cl := s.dial()
	defer cl.Close()
	sess, err := cl.NewSession()
	if err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i+1 < len(env); i += 2 {
		if err := sess.Setenv(env[i], env[i+1]); err != nil {
			s.t.Fatal(err)
		}
	}
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	done := make(chan error, 1)
	go func() { done <- sess.Run(cmd) }()
	select {
	case err = <-done:
	case <-time.After(waitTimeout):
		s.t.Fatalf("%q still running after %s", cmd, waitTimeout)
	}
	var ee *gossh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		status = ee.ExitStatus()
	default:
		s.t.Fatalf("%q: %v", cmd, err)
	}
	return o.Bytes(), e.Bytes(), status
}

// terminal opens a dashboard session of w×h and reads it until the
// session ends.
type terminal struct {
	cl     *gossh.Client
	in     io.WriteCloser
	chunks chan []byte // what the server writes; closed at its end
	got    []byte      // what the test has taken from chunks
}

func (s *served) terminal(w, h int) *terminal {
	s.t.Helper()
	cl := s.dial()
	sess, err := cl.NewSession()
	if err != nil {
		s.t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, nil); err != nil {
		s.t.Fatal(err)
	}
	tm := &terminal{cl: cl, chunks: make(chan []byte, 1024)}
	tm.in, _ = sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		s.t.Fatal(err)
	}
	go func() {
		defer close(tm.chunks)
		for {
			buf := make([]byte, 32<<10)
			n, err := out.Read(buf)
			if n > 0 {
				tm.chunks <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	s.t.Cleanup(func() { cl.Close() })
	return tm
}

// waitText waits for text on the screen (escape codes and white space
// left out); with text "" it waits for the session's end.
func (tm *terminal) waitText(t *testing.T, text string) {
	t.Helper()
	deadline := time.After(waitTimeout)
	for text == "" || !strings.Contains(ptyterm.Squeeze(string(tm.got)), ptyterm.Squeeze(text)) {
		select {
		case b, ok := <-tm.chunks:
			if !ok {
				if text == "" {
					return
				}
				t.Fatalf("session ended without %q", text)
			}
			tm.got = append(tm.got, b...)
		case <-deadline:
			t.Fatalf("no %q on the screen after %s", text, waitTimeout)
		}
	}
}

func TestServeE2E(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "keys", "host")
	s := serveBinary(t, key)
	fi, err := os.Stat(key)
	if err != nil {
		t.Fatalf("host key not written: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}

	t.Run("export equals the local export", func(t *testing.T) {
		for _, f := range []string{"txt", "md", "csv", "json"} {
			for _, args := range [][]string{
				{"--tab", "overview", "--lang", "en"},
				{"--tab", "all", "--lang", "zh", "--width", "80"},
				{"--tab", "projects", "--lang", "en", "--mode", "table", "--ascii"},
			} {
				args := append([]string{"export", "--format", f}, args...)
				_, want, _ := runBinary(t, args...)
				got, errOut, st := s.run(strings.Join(args, " "))
				if st != 0 || string(got) != want {
					t.Errorf("ssh %s: status %d, %d bytes, want the %d bytes of the local export; stderr %q",
						strings.Join(args, " "), st, len(got), len(want), errOut)
				}
			}
		}
		// No --lang: the client's LANG, as the local export takes the
		// local one.
		_, want, _ := runBinary(t, "export", "--tab", "governance", "--lang", "zh")
		if got, _, _ := s.run("export --tab governance", "LANG", "zh_CN.UTF-8"); string(got) != want {
			t.Errorf("export with LANG=zh_CN.UTF-8 is not the Chinese export")
		}
	})

	t.Run("refused", func(t *testing.T) {
		for _, c := range []struct{ cmd, says string }{
			{"export -o out.csv --format csv", "-o is not available over SSH"},
			{"export --output=out.txt", "-o is not available over SSH"},
			{"export --force", "--force is not available over SSH"},
			{"export --data other.json", "--data is not available over SSH"},
			{"ls -la", `only "export" runs over SSH`},
			{"validate data/macun.json", `only "export" runs over SSH`},
		} {
			out, errOut, st := s.run(c.cmd)
			if st != 2 || len(out) != 0 || !strings.Contains(string(errOut), c.says) || strings.Count(string(errOut), "\n") != 1 {
				t.Errorf("%q: status %d, stdout %q, stderr %q; want 2 and one line saying %q", c.cmd, st, out, errOut, c.says)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "out.csv")); err == nil {
			t.Errorf("a file was written")
		}
		// A mistake is told as the local command tells it.
		wantSt, _, want := runBinary(t, "export", "--tab", "overveiw")
		_, got, st := s.run("export --tab overveiw")
		if st != wantSt || string(got) != want {
			t.Errorf("bad --tab over SSH: %d %q, want %d %q", st, got, wantSt, want)
		}
	})

	t.Run("dashboard", func(t *testing.T) {
		tm := s.terminal(100, 30)
		tm.waitText(t, "[1 Overview]")
		if _, err := io.WriteString(tm.in, "2"); err != nil {
			t.Fatal(err)
		}
		tm.waitText(t, "[2 Industry]")
		tm.cl.Close()
	})

	t.Run("SIGTERM drains", func(t *testing.T) {
		terms := []*terminal{s.terminal(80, 24), s.terminal(120, 40)}
		for _, tm := range terms {
			tm.waitText(t, "Overview")
		}
		start := time.Now()
		if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		waited := make(chan error, 1)
		go func() { waited <- s.cmd.Wait() }()
		select {
		case err := <-waited:
			if err != nil {
				t.Errorf("serve exited with %v after SIGTERM, want 0", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("serve still running 10 s after SIGTERM")
		}
		t.Logf("serve exited %s after SIGTERM", time.Since(start).Round(time.Millisecond))
		for i, tm := range terms {
			tm.waitText(t, "") // to its end
			if !strings.Contains(string(tm.got), "the server is stopping") {
				t.Errorf("session %d was not told the server is stopping", i)
			}
		}
		<-s.logDone
		for _, want := range []string{"stopping signal=terminated", `reason="server stopping"`, "INFO stopped"} {
			if !strings.Contains(s.log.String(), want) {
				t.Errorf("log has no %q:\n%s", want, s.log)
			}
		}
	})

	t.Run("host key kept", func(t *testing.T) {
		again := serveBinary(t, key)
		if again.hostKey != s.hostKey {
			t.Errorf("host key changed on restart: %s, was %s", again.hostKey, s.hostKey)
		}
		_ = again.cmd.Process.Signal(syscall.SIGINT)
		waited := make(chan error, 1)
		go func() { waited <- again.cmd.Wait() }()
		select {
		case err := <-waited:
			if err != nil {
				t.Errorf("serve exited with %v after SIGINT", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("serve still running 10 s after SIGINT")
		}
	})
}
