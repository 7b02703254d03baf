// Package serve is `macun-tui serve`: the dashboard over SSH, one Bubble
// Tea program per session, on charmbracelet/wish.
//
// A session with a terminal gets the dashboard, in the client's language
// and colours; a session with a command runs it through Options.Exec (the
// command line decides which commands it allows); everything else (a
// shell without a terminal, sftp, port and agent forwarding) is refused
// with one line and a non-zero exit status.
//
// What it costs: the rendered tab bodies are shared by all sessions
// (model.BodyCache); each session keeps its selection, its last frame as
// one hash a row, and the goroutines of its connection and its program.
// A session draws a frame when a message changed it, and nothing
// otherwise (see screen): an idle session runs no code.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/model"
)

// Defaults of Options.
const (
	DefaultMaxSessions      = 500
	DefaultIdleTimeout      = 15 * time.Minute
	DefaultHandshakeTimeout = 30 * time.Second
)

// Options configure a Server.
type Options struct {
	// HostKey is the server's private key (see LoadHostKey).
	HostKey gossh.Signer
	// AuthorizedKeys, when not nil, are the only keys let in; nil lets
	// anyone in.
	AuthorizedKeys []gossh.PublicKey

	MaxSessions      int           // sessions at once; more are told "busy"
	MaxPerIP         int           // sessions at once from one address; 0 for no limit
	IdleTimeout      time.Duration // a dashboard with no key for this long is closed
	HandshakeTimeout time.Duration // from connecting to a session that runs

	DS    *data.Dataset
	ASCII bool
	// Language is the dashboard's language for a session's environment
	// (the LANG and LC_* it sent).
	Language func(getenv func(string) string) data.Lang
	// Exec runs a command sent with ssh (`ssh host export --tab x`) with
	// the session's language and streams and returns its exit status and
	// what to log of it (never the arguments themselves).
	Exec func(args []string, lang data.Lang, stdout, stderr io.Writer) (status int, what string)

	Log *log.Logger
}

// Server is the SSH server of the dashboard.
type Server struct {
	o      Options
	ssh    *ssh.Server
	bodies *model.BodyCache
	looks  looks

	mu         sync.Mutex
	sessions   map[ssh.Session]*session
	dashboards map[ssh.Session]*dashboard
	perIP      map[string]int
	conns      int
	stopping   bool
	listeners  []net.Listener // given to Serve, closed by Shutdown
	ended      chan struct{}  // a token when a session ends
}

// New makes a server; Serve runs it.
func New(o Options) (*Server, error) {
	if o.HostKey == nil || o.DS == nil || o.Language == nil || o.Exec == nil {
		return nil, errors.New("serve: host key, dataset, language and exec are required")
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if o.Log == nil {
		o.Log = log.New(io.Discard)
	}
	s := &Server{o: o, bodies: model.NewSharedBodyCache(), sessions: map[ssh.Session]*session{},
		dashboards: map[ssh.Session]*dashboard{}, perIP: map[string]int{}, ended: make(chan struct{}, 1)}
	opts := []ssh.Option{
		func(srv *ssh.Server) error { srv.AddHostKey(o.HostKey); return nil },
		wish.WithMiddleware( // the last runs first
			bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			s.finish,
			activeterm.Middleware(),
			s.command,
			s.admit,
			s.logged,
		),
		ssh.WrapConn(s.wrapConn),
		wish.WithSubsystem("default", s.refuseSubsystem),
		// A backstop for a connection that stops talking: a dashboard ends
		// after IdleTimeout with a message (see program); this closes
		// what is left a little later.
		wish.WithIdleTimeout(o.IdleTimeout + o.HandshakeTimeout),
		func(srv *ssh.Server) error {
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{
				"session": ssh.DefaultSessionHandler,
				"default": refuseChannel,
			}
			return nil
		},
	}
	if o.AuthorizedKeys != nil {
		opts = append(opts, wish.WithPublicKeyAuth(func(_ ssh.Context, key ssh.PublicKey) bool {
			for _, k := range o.AuthorizedKeys {
				if ssh.KeysEqual(key, k) {
					return true
				}
			}
			return false
		}))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on ln until Shutdown; it returns
// ssh.ErrServerClosed then.
//
// Shutdown closes ln itself: charmbracelet/ssh closes only the listeners
// its Serve has reached, and one called just before Shutdown may not have
// reached it yet (it would then accept for ever).
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.stopping {
		s.mu.Unlock()
		ln.Close()
		return ssh.ErrServerClosed
	}
	s.listeners = append(s.listeners, ln)
	s.mu.Unlock()
	err := s.ssh.Serve(ln)
	s.mu.Lock()
	stopping := s.stopping
	s.mu.Unlock()
	if stopping {
		return ssh.ErrServerClosed
	}
	return err
}

// Sessions is the number of sessions open now.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Shutdown stops accepting connections, tells every open dashboard that
// the server is stopping (each closes with a line saying so), lets
// running commands finish, and closes the connections once no session is
// left, or when ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	open := make([]*session, 0, len(s.sessions))
	for _, ss := range s.sessions {
		open = append(open, ss)
	}
	for _, ln := range s.listeners {
		ln.Close()
	}
	s.mu.Unlock()
	closed := make(chan error, 1)
	go func() { closed <- s.ssh.Shutdown(ctx) }() // closes the listeners at once
	for _, ss := range open {
		ss.end(endStopping)
	}
	var err error
	for s.Sessions() > 0 && err == nil {
		select {
		case <-s.ended:
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	// Clients close their connection when their last session ends; one
	// that has not after a moment has nothing more to do here.
	if err == nil {
		select {
		case cerr := <-closed:
			return ignoreClosed(cerr)
		case <-time.After(closeGrace):
		case <-ctx.Done():
		}
	}
	return errors.Join(err, s.ssh.Close(), ignoreClosed(<-closed))
}

// closeGrace is how long Shutdown lets clients close their connections
// once their sessions ended.
const closeGrace = 500 * time.Millisecond

// ignoreClosed is err, unless it is the one of a server closed while
// shutting down.
func ignoreClosed(err error) error {
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}

// Ends of a session, as the log says them.
const (
	endQuit      = "quit"
	endClient    = "client closed"
	endIdle      = "idle"
	endStopping  = "server stopping"
	endBusy      = "busy"
	endBusyAddr  = "busy: too many from this address"
	endNoPty     = "refused: no terminal"
	endAgent     = "refused: agent forwarding"
	endSubsystem = "refused: subsystem"
	endFailed    = "failed"
)

// session is what the server knows of an open session.
type session struct {
	sess    ssh.Session
	start   time.Time
	ip      string
	kind    string
	changes <-chan ssh.Window // window changes, for a session with a pty

	mu     sync.Mutex
	reason string
	stop   func(reason string) // set while a dashboard runs
}

// end asks the session to end for reason: a dashboard quits and says why.
func (ss *session) end(reason string) {
	ss.mu.Lock()
	stop := ss.stop
	if ss.reason == "" {
		ss.reason = reason
	}
	ss.mu.Unlock()
	if stop != nil {
		stop(reason)
	}
}

// ended records why the session ended, unless something said so first.
func (ss *session) ended(reason string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.reason == "" {
		ss.reason = reason
	}
}

func (ss *session) why() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.reason == "" {
		return endClient
	}
	return ss.reason
}

func (s *Server) lookup(sess ssh.Session) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions[sess]
}

// logged logs one line when a session starts and one when it ends, with
// the address, the user, how long it lasted and why it ended. Keys are
// never logged, nor the arguments of a command.
func (s *Server) logged(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		kind := sessionKind(sess)
		pty, changes, hasPty := sess.Pty()
		kv := []any{"addr", sess.RemoteAddr().String(), "user", sess.User(), "kind", kind}
		if pty.Term != "" {
			kv = append(kv, "term", pty.Term, "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
		}
		s.o.Log.Info("session start", kv...)
		rec := &session{sess: sess, start: start, ip: hostOf(sess.RemoteAddr()), kind: kind}
		if hasPty {
			rec.changes = changes
		}
		s.mu.Lock()
		s.sessions[sess] = rec
		s.mu.Unlock()
		defer func() {
			// A panic ends this session, not the server.
			if r := recover(); r != nil {
				s.o.Log.Error("session failed", "addr", sess.RemoteAddr().String(), "panic", r, "stack", string(debug.Stack()))
				rec.ended(endFailed)
				drainWindow(rec)
				refuse(sess, 1, "macun-tui: internal error; the session is closed")
			}
			s.mu.Lock()
			delete(s.sessions, sess)
			s.mu.Unlock()
			select {
			case s.ended <- struct{}{}:
			default:
			}
			s.o.Log.Info("session end", "addr", sess.RemoteAddr().String(), "user", sess.User(),
				"duration", time.Since(start).Round(time.Millisecond), "reason", rec.why())
		}()
		next(sess)
	}
}

// sessionKind is what a session asks for, for the log.
func sessionKind(sess ssh.Session) string {
	switch {
	case sess.Subsystem() != "":
		return "subsystem"
	case sess.RawCommand() != "":
		return "command"
	}
	if _, _, ok := sess.Pty(); ok {
		return "dashboard"
	}
	return "shell"
}

// admit lets a session in, or refuses it with one line: the server is
// stopping, it is full, the address has too many sessions, or the client
// forwards its agent.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		markStarted(sess.Context())
		rec := s.lookup(sess)
		s.mu.Lock()
		n, fromIP := len(s.sessions), s.perIP[rec.ip]
		var reason, msg string
		switch {
		case s.stopping:
			reason, msg = endStopping, "macun-tui: the server is stopping; try again shortly"
		case n > s.o.MaxSessions:
			reason, msg = endBusy, fmt.Sprintf("busy: %d readers, try again shortly", n-1)
		case s.o.MaxPerIP > 0 && fromIP >= s.o.MaxPerIP:
			reason, msg = endBusyAddr, fmt.Sprintf("busy: %d readers from your address already, try again shortly", fromIP)
		case ssh.AgentRequested(sess):
			reason, msg = endAgent, "macun-tui: agent forwarding refused (the dashboard never needs your keys); connect with ssh -a"
		default:
			s.perIP[rec.ip]++
		}
		s.mu.Unlock()
		if reason != "" {
			rec.ended(reason)
			drainWindow(rec)
			refuse(sess, 1, msg)
			return
		}
		defer func() {
			s.mu.Lock()
			if s.perIP[rec.ip]--; s.perIP[rec.ip] == 0 {
				delete(s.perIP, rec.ip)
			}
			s.mu.Unlock()
		}()
		next(sess)
	}
}

// command runs a session's command, if it sent one, through Exec.
func (s *Server) command(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		rec := s.lookup(sess)
		args := sess.Command()
		if len(args) == 0 && sess.RawCommand() == "" {
			if _, _, ok := sess.Pty(); !ok {
				rec.ended(endNoPty) // activeterm says so
			}
			next(sess)
			return
		}
		drainWindow(rec)
		status, what := s.o.Exec(args, s.language(sess), sess, sess.Stderr())
		rec.ended(fmt.Sprintf("%s (exit %d)", what, status))
		_ = sess.Exit(status)
	}
}

// refuseSubsystem refuses sftp and every other subsystem.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	s.logged(func(sess ssh.Session) {
		markStarted(sess.Context())
		rec := s.lookup(sess)
		rec.ended(endSubsystem + " " + sess.Subsystem())
		drainWindow(rec)
		refuse(sess, 1, fmt.Sprintf("macun-tui: %s is not offered; `ssh HOST export` prints the figures", sess.Subsystem()))
	})(sess)
}

// refuseChannel refuses every channel but sessions: port forwarding
// (direct-tcpip) and the rest.
func refuseChannel(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, _ ssh.Context) {
	_ = ch.Reject(gossh.Prohibited, "macun-tui serves a dashboard only: no port forwarding")
}

// drainWindow takes the window changes of a session nobody else reads
// them for, until the session's requests end. charmbracelet/ssh hands
// them over one at a time on the connection's request loop: one not
// taken stops that loop, and with it the connection, which then never
// sees its own end (not even a close). During a dashboard, wish's
// middleware takes them; before, after, and for a command, this does.
//
// The channel is the one the session had when it started (session.changes):
// charmbracelet/ssh writes the pty's size unlocked as changes come, so
// Pty() is asked only at the start.
func drainWindow(rec *session) {
	if rec.changes != nil {
		go func() {
			for range rec.changes {
			}
		}()
	}
}

// refuse ends a session with one line on its error stream and status.
func refuse(sess ssh.Session, status int, msg string) {
	_, _ = fmt.Fprintln(sess.Stderr(), msg)
	_ = sess.Exit(status)
}

// language is the dashboard's language for a session.
func (s *Server) language(sess ssh.Session) data.Lang {
	return s.o.Language(sshEnv(sess.Environ()).Getenv)
}

// getenv is k's value in env ("k=v" strings), the last one set.
func getenv(env []string, k string) string {
	v := ""
	for _, e := range env {
		if len(e) > len(k) && e[len(k)] == '=' && e[:len(k)] == k {
			v = e[len(k)+1:]
		}
	}
	return v
}

func hostOf(a net.Addr) string {
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}

// quitMsg asks the program to quit and says why.
type quitMsg struct{ reason string }

var _ tea.Msg = quitMsg{}
