package model

import (
	"io"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// NewSessionCommon is the Common of one served session: styles made for
// the client's terminal (their look), the pages shared with the other
// sessions, and the session's output as the clipboard. In a session, e
// copies the view to that clipboard instead of writing a file on the
// server, and the help says so.
func NewSessionCommon(ds *data.Dataset, st *views.Styles, look Look, ascii bool, bodies *BodyCache, clip io.Writer) *Common {
	c := NewCommon(ds, st, ascii)
	c.Look, c.Bodies, c.Clipboard = look, bodies, clip
	c.Session = true
	c.Keys.session = true
	c.ExportDir = ""
	return c
}

// SetStyles changes the colours while the program runs, as when a
// session's terminal says its background late: everything styled is made
// again with st, whose look is look.
func (m *Model) SetStyles(st *views.Styles, look Look) {
	m.c.Styles, m.c.Look = st, look
	m.applyStyles()
	m.memo = memo{}
	m.relayOverlay()
}
