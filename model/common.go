// Package model is the Bubble Tea program of macun-tui: one root model, one
// key map, and commands for file I/O. Rendering lives in views.
package model

import (
	"io"
	"time"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Common is what every part of the program shares: the data, styles and
// keys. It is made once, before the program starts.
type Common struct {
	DS     *data.Dataset
	Styles *views.Styles
	Keys   KeyMap
	ASCII  bool
	// ExportDir is where `e` writes files; Now names them.
	ExportDir string
	Now       func() time.Time
	// CanSuspend says whether ctrl+z may stop the process, so that the
	// shell that started it takes the terminal back (nil: never).
	CanSuspend func() bool

	// Bodies keeps the rendered tab pages; a served session shares one
	// with every other (see BodyCache). Look says which colours Styles
	// has, since a styled page differs with them.
	Bodies *BodyCache
	Look   Look
	// Clipboard is the terminal's output, where y, Y (and e in a session)
	// send OSC 52; nil copies nothing and says so.
	Clipboard io.Writer
	// Session is set in a served session: e copies the view to the
	// client's clipboard instead of writing a file on the server.
	Session bool
}

// NewCommon returns a Common with the default keys and a page cache of
// its own.
func NewCommon(ds *data.Dataset, st *views.Styles, ascii bool) *Common {
	return &Common{
		DS: ds, Styles: st, Keys: DefaultKeyMap(),
		ASCII: ascii, ExportDir: ".", Now: time.Now,
		Bodies: NewBodyCache(localBodies),
	}
}
