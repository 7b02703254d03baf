package model

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/internal/termtext"
	"github.com/macun-tui/macun-tui/views"
)

// The footer's message (an export's path, a copy, an error) is kept as a
// chrome message and its arguments, not as text, so that it follows L
// into the other language. It goes on the next key, or when its tick
// comes: one timer a message, and nothing runs while no message shows.

// How long a message shows when no key comes; an error longer, to be
// read to its end.
const (
	statusLife      = 5 * time.Second
	statusErrorLife = 10 * time.Second
)

// statusKind says whether a message reports an error.
type statusKind int

const (
	statusInfo statusKind = iota
	statusError
)

// statusLine is the footer's message.
type statusLine struct {
	msg  views.Msg
	args []any // a views.Msg argument shows in the current language
	kind statusKind
	id   uint64 // of the message shown; 0 for none
	last uint64 // the id given last
}

// statusExpiredMsg is the tick that ends message id, unless another has
// replaced it since.
type statusExpiredMsg struct{ id uint64 }

// statusTick is tea.Tick; tests replace it to see the tick without
// waiting for it.
var statusTick = tea.Tick

// setStatus shows a message in the footer: msg formatted with args (as
// fmt.Sprintf) in the current language, and again in the other one after
// L. The command it returns ends the message after a few seconds.
func (m *Model) setStatus(kind statusKind, msg views.Msg, args ...any) tea.Cmd {
	s := &m.status
	s.last++
	s.msg, s.args, s.kind, s.id = msg, args, kind, s.last
	life := statusLife
	if kind == statusError {
		life = statusErrorLife
	}
	id := s.id
	return statusTick(life, func(time.Time) tea.Msg { return statusExpiredMsg{id} })
}

// clearStatus takes the message away.
func (m *Model) clearStatus() {
	m.status = statusLine{last: m.status.last}
}

// expireStatus ends the message its tick was set for, if it still shows.
func (m *Model) expireStatus(msg statusExpiredMsg) {
	if msg.id == m.status.id {
		m.clearStatus()
	}
}

// statusText is the message in the current language, "" for none; an
// error may repeat a file name, whose control and format characters show
// as escapes.
func (m *Model) statusText() string {
	s := &m.status
	if s.id == 0 {
		return ""
	}
	text := s.msg.In(m.lang)
	if len(s.args) > 0 {
		args := make([]any, len(s.args))
		for i, a := range s.args {
			if t, ok := a.(views.Msg); ok {
				a = t.In(m.lang)
			}
			args[i] = a
		}
		text = fmt.Sprintf(text, args...)
	}
	return termtext.Visible(text)
}
