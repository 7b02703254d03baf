package serve

import (
	"fmt"
	"io"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"

	"github.com/macun-tui/macun-tui/internal/termbg"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// bgWindow is how long the answer to the background question is looked
// for in a session's input; the same patience as a local terminal's.
const bgWindow = termbg.LateWindow

// dashboard is what of a session's dashboard outlives its program: the
// screen to give back and the idle timer to stop.
type dashboard struct {
	scr     *screen
	idle    *time.Timer
	idleFor time.Duration
}

// program makes the Bubble Tea program of a session with a terminal
// (wish's bubbletea middleware runs it): the dashboard in the client's
// language, sized by its pty, styled for its TERM and background, drawn
// by a screen of its own instead of Bubble Tea's renderer.
func (s *Server) program(sess ssh.Session) *tea.Program {
	rec := s.lookup(sess)
	pty, _, _ := sess.Pty()
	env := sshEnv(sess.Environ())
	lang := s.language(sess)

	// Colours: the client's TERM, COLORTERM and NO_COLOR give the
	// profile; its background is dark until the terminal says otherwise
	// (COLORFGBG when sent, else its answer to termbg.Query, which comes
	// in with the keys and is watched for there: nothing waits for it).
	profile := termenv.NewOutput(io.Discard, termenv.WithEnvironment(env), termenv.WithUnsafe()).EnvColorProfile()
	dark, knownBG := termbg.ColorFGBG(env.Getenv("COLORFGBG"))
	if !knownBG {
		dark = true
	}
	look := model.Look{Profile: profile, Dark: dark}

	scr := newScreen(sess)
	c := model.NewSessionCommon(s.o.DS, s.looks.styles(look), look, s.o.ASCII, s.bodies, scr)
	m := model.New(c, lang)
	m.Update(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
	scr.resize(pty.Window.Width, pty.Window.Height)

	d := &dashboard{scr: scr, idleFor: s.o.IdleTimeout}
	var p *tea.Program
	var in io.Reader = &activity{r: sess, d: d, rec: rec}
	if !knownBG && look.Profile != termenv.Ascii {
		scr.prefix = termbg.Query
		in = termbg.Watch(in, bgWindow, func(dark bool) { p.Send(lookMsg{dark: dark}) })
	}
	d.idle = time.AfterFunc(s.o.IdleTimeout, func() { rec.end(endIdle) })
	p = tea.NewProgram(&sessionModel{m: m, scr: scr, looks: &s.looks, look: look},
		tea.WithInput(in), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	// Asking the program to stop never waits for it: a program stuck on a
	// client that reads nothing must not hold up Shutdown or the idle
	// timer. Send returns once the program has ended, at the latest.
	stop := func(reason string) { go p.Send(quitMsg{reason: reason}) }
	rec.mu.Lock()
	rec.stop = stop
	reason := rec.reason
	rec.mu.Unlock()
	if reason != "" { // Shutdown came first
		stop(reason)
	}
	s.mu.Lock()
	s.dashboards[sess] = d
	s.mu.Unlock()
	return p
}

// finish is around the program: when it has ended, the client's terminal
// is given back and told why the dashboard closed if the reader did not
// close it.
func (s *Server) finish(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		next(sess)
		rec := s.lookup(sess)
		drainWindow(rec) // wish's middleware no longer does
		if sess.Context().Err() != nil {
			rec.ended(endClient)
		}
		rec.ended(endQuit)
		s.mu.Lock()
		d := s.dashboards[sess]
		delete(s.dashboards, sess)
		s.mu.Unlock()
		if d == nil {
			return
		}
		d.idle.Stop()
		rec.mu.Lock()
		rec.stop = nil
		rec.mu.Unlock()
		var msg string
		switch rec.why() {
		case endIdle:
			msg = fmt.Sprintf("macun-tui: closed after %s without a key", s.o.IdleTimeout)
		case endStopping:
			msg = "macun-tui: the server is stopping; connect again in a minute"
		}
		d.scr.stop(msg)
	}
}

// activity is a session's input: it keeps the idle timer from firing
// while keys come, and ends the dashboard when the client stops sending
// (Bubble Tea v1 keeps running on the end of its input).
type activity struct {
	r   io.Reader
	d   *dashboard
	rec *session
}

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.d.idle.Reset(a.d.idleFor)
	}
	if err != nil {
		a.rec.end(endClient)
	}
	return n, err
}

// sessionModel is the dashboard of a session: the root model, with the
// messages only a session has, drawn on its screen after every message.
type sessionModel struct {
	m     *model.Model
	scr   *screen
	looks *looks
	look  model.Look
}

// lookMsg is the terminal's answer about its background.
type lookMsg struct{ dark bool }

func (s *sessionModel) Init() tea.Cmd { return nil }

func (s *sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case quitMsg:
		return s, tea.Quit
	case tea.WindowSizeMsg:
		s.scr.resize(msg.Width, msg.Height)
	case lookMsg:
		if look := (model.Look{Profile: s.look.Profile, Dark: msg.dark}); look != s.look {
			s.look = look
			s.m.SetStyles(s.looks.styles(look), look)
		}
		return s, nil
	}
	_, cmd := s.m.Update(msg)
	return s, cmd
}

// View draws the frame on the session's screen (Bubble Tea's renderer is
// off: it would tick at its frame rate whether anything changed or not).
func (s *sessionModel) View() string {
	s.scr.draw(s.m.View())
	return ""
}

// sshEnv is a session's environment for termenv.
type sshEnv []string

func (e sshEnv) Environ() []string { return e }

func (e sshEnv) Getenv(k string) string { return getenv(e, k) }

// looks are the styles of each look, made once and shared by the
// sessions that have it: styles only read their renderer, which is safe
// for concurrent use.
type looks struct {
	mu sync.Mutex
	m  map[model.Look]*views.Styles
}

func (l *looks) styles(look model.Look) *views.Styles {
	l.mu.Lock()
	defer l.mu.Unlock()
	if st, ok := l.m[look]; ok {
		return st
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(look.Profile)
	r.SetHasDarkBackground(look.Dark)
	st := views.NewStyles(r, look.Dark)
	if l.m == nil {
		l.m = map[model.Look]*views.Styles{}
	}
	l.m[look] = st
	return st
}
