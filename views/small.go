package views

import (
	"fmt"

	"github.com/macun-tui/macun-tui/data"
)

// TooSmall is the one line shown when the terminal is below the minimum
// size, cut to the width it has.
func TooSmall(w, h, minW, minH int, l data.Lang) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return ASCIISafe(Fit(fmt.Sprintf(MsgTooSmall.In(l), minW, minH), w))
}

// HitLine is one search result: tab, label and value.
func HitLine(ds *data.Dataset, h data.Hit, l data.Lang) string {
	tab, _ := data.TabByID(h.Tab)
	switch h.Kind {
	case data.HitProject:
		if p, ok := ds.Project(h.ID); ok {
			return "[" + tab.Title.In(l) + "] " + p.Name.In(l) + " · " + data.StageName(p.Stage).In(l)
		}
	default:
		if f, ok := ds.Figure(h.ID); ok {
			return "[" + tab.Title.In(l) + "] " + figureLabel(f, l) + "  " + FormatValue(f, l)
		}
	}
	return h.ID
}
