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

// HitLine is one search result: tab, kind or label, and value.
func HitLine(ds *data.Dataset, h data.Hit, l data.Lang) string {
	tab, _ := data.TabByID(h.Tab)
	head := "[" + tab.Title.In(l) + "] "
	switch h.Kind {
	case data.HitProject:
		if p, ok := ds.Project(h.ID); ok {
			return head + p.Name.In(l) + ": " + data.StageName(p.Stage()).In(l)
		}
	case data.HitHonour:
		if x, ok := ds.Honour(h.ID); ok {
			return head + honourLine(x, l)
		}
	case data.HitClaim:
		if x, ok := ds.Claim(h.ID); ok {
			return head + claimLine(x, l)
		}
	case data.HitProgram:
		if x, ok := ds.Program(h.ID); ok {
			return head + x.Name.In(l) + ": " + x.Gloss.In(l)
		}
	default:
		if f, ok := ds.Figure(h.ID); ok {
			return head + figureLabel(f, f.Label, l) + "  " + FormatValue(f, l)
		}
	}
	return h.ID
}
