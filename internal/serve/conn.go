package serve

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// maxConns is how many connections may be open at once, sessions or not:
// room for every session and as many more in their handshake. Past it a
// connection is closed before the handshake, which has no way to say
// why; a client that gets a session past MaxSessions is told "busy".
func (s *Server) maxConns() int { return 2*s.o.MaxSessions + 16 }

// conn is a client connection: it counts itself while open, and closes
// itself when no session has started HandshakeTimeout after it came.
type conn struct {
	net.Conn
	s       *Server
	started atomic.Bool
	timer   *time.Timer
	once    sync.Once
}

type connKey struct{}

// wrapConn takes a new connection in (ssh.WrapConn), or closes it when
// too many are open.
func (s *Server) wrapConn(ctx ssh.Context, c net.Conn) net.Conn {
	s.mu.Lock()
	full := s.conns >= s.maxConns() || s.stopping
	if !full {
		s.conns++
	}
	s.mu.Unlock()
	if full {
		s.o.Log.Warn("connection refused: too many open", "addr", c.RemoteAddr().String())
		return nil // closed by the server
	}
	w := &conn{Conn: c, s: s}
	w.timer = time.AfterFunc(s.o.HandshakeTimeout, func() {
		if !w.started.Load() {
			s.o.Log.Info("connection closed: no session in time", "addr", c.RemoteAddr().String(), "timeout", s.o.HandshakeTimeout)
			w.Close()
		}
	})
	ctx.SetValue(connKey{}, w)
	return w
}

// markStarted tells the connection of ctx that a session runs on it.
func markStarted(ctx ssh.Context) {
	if w, ok := ctx.Value(connKey{}).(*conn); ok {
		w.started.Store(true)
		w.timer.Stop()
	}
}

func (w *conn) Close() error {
	err := w.Conn.Close()
	w.once.Do(func() {
		w.timer.Stop()
		w.s.mu.Lock()
		w.s.conns--
		w.s.mu.Unlock()
	})
	return err
}
