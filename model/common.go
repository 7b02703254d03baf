// Package model is the Bubble Tea program of macun-tui: one root model, one
// key map, and commands for file I/O. Rendering lives in views.
package model

import (
	"time"

	zone "github.com/lrstanley/bubblezone"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Common is what every part of the program shares: the data, styles, keys
// and the mouse zones. It is made once, before the program starts.
type Common struct {
	DS     *data.Dataset
	Styles *views.Styles
	Keys   KeyMap
	Zones  *zone.Manager
	ASCII  bool
	// ExportDir is where `e` writes files; Now names them.
	ExportDir string
	Now       func() time.Time
	// CanSuspend says whether ctrl+z may stop the process, so that the
	// shell that started it takes the terminal back (nil: never).
	CanSuspend func() bool
}

// NewCommon returns a Common with the default keys and a zone manager.
func NewCommon(ds *data.Dataset, st *views.Styles, ascii bool) *Common {
	return &Common{
		DS: ds, Styles: st, Keys: DefaultKeyMap(), Zones: zone.New(),
		ASCII: ascii, ExportDir: ".", Now: time.Now,
	}
}
