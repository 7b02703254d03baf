package cmd

import (
	"os"
	"os/signal"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
)

// signals relays the signals the dashboard catches to its program: those
// that end it (quitSignals), and, on Unix, the stop and continue of job
// control. They are caught before Run, and not by Bubble Tea
// (WithoutSignalHandler): its handler starts in a goroutine that may not
// be listening yet when the first frame is out, and a signal in between
// would kill the program in raw mode on the alternate screen.
//
// A stop (ctrl+z, which the model turns into tea.Suspend, or a SIGTSTP
// from elsewhere) gives the terminal back, stops the process group and,
// on the shell's SIGCONT (fg), takes the terminal again and repaints; the
// model turns the mouse back on. That is Bubble Tea v1's suspend, but for
// the stop itself: its SIGTSTP cannot stop a Go program that has caught
// SIGTSTP once (the runtime keeps its handler, which ignores it), so the
// process group is stopped with SIGSTOP. A SIGCONT after a stop that was
// not the program's (a SIGSTOP from elsewhere, after which a shell such
// as bash puts back its own terminal modes) gets the same: the terminal
// given back and taken again.
type signals struct {
	p    *tea.Program
	ch   chan os.Signal
	done chan struct{}
	// suspending is set while the program is stopped by its own suspend;
	// cont has a token when a SIGCONT came meanwhile.
	suspending atomic.Bool
	cont       chan struct{}
}

// contMsg is a SIGCONT that came without the program's suspend.
type contMsg struct{}

func newSignals() *signals {
	return &signals{ch: make(chan os.Signal, 1), done: make(chan struct{}), cont: make(chan struct{}, 1)}
}

// start catches the signals and relays them to p until stop.
func (s *signals) start(p *tea.Program) {
	s.p = p
	signal.Notify(s.ch, quitSignals...)
	if stopSignal != nil {
		signal.Notify(s.ch, stopSignal, contSignal)
	}
	go s.relay()
}

// stop stops catching and relaying.
func (s *signals) stop() {
	signal.Stop(s.ch)
	close(s.done)
}

func (s *signals) relay() {
	for {
		var sig os.Signal
		select {
		case <-s.done:
			return
		case sig = <-s.ch:
		}
		switch sig {
		case os.Interrupt:
			s.p.Send(tea.InterruptMsg{})
			return
		case stopSignal:
			if canSuspend() {
				s.p.Send(tea.SuspendMsg{})
			}
		case contSignal:
			if !s.suspending.Load() {
				s.p.Send(contMsg{})
				continue
			}
			select {
			case s.cont <- struct{}{}:
			default:
			}
		default:
			s.p.Quit()
			return
		}
	}
}

// filter is the program's filter; it runs in its event loop, where the
// terminal is given back and taken again.
func (s *signals) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.SuspendMsg:
		if stopSignal == nil {
			return msg // no job control: Bubble Tea does nothing with it
		}
		s.suspend()
		return tea.ResumeMsg{}
	case contMsg:
		if s.p.ReleaseTerminal() == nil {
			s.p.RestoreTerminal()
		}
		return tea.ResumeMsg{}
	}
	return msg
}

// suspend gives the terminal back, stops the process group and, once
// continued, takes the terminal again.
func (s *signals) suspend() {
	select { // a SIGCONT from before
	case <-s.cont:
	default:
	}
	s.suspending.Store(true)
	defer s.suspending.Store(false)
	if s.p.ReleaseTerminal() != nil {
		return
	}
	stopGroup()
	select {
	case <-s.cont:
	case <-s.done:
	}
	s.p.RestoreTerminal()
}
