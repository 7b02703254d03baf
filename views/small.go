package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// MsgTooSmallShort is MsgTooSmall for a screen too small for it.
var MsgTooSmallShort = Msg{ZH: "需要 %d×%d", EN: "need %d×%d"}

// TooSmall is what the screen shows below the minimum size: the message
// (MsgTooSmall), wrapped to the width; where it does not fit the height,
// the short one; where that does not fit either, the size alone ("40x10"),
// cut only below five cells. 7-bit, as × is ambiguous.
func TooSmall(w, h, minW, minH int, l data.Lang) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	size := fmt.Sprintf("%dx%d", minW, minH)
	for _, m := range []Msg{MsgTooSmall, MsgTooSmallShort} {
		// Wrap cuts a word wider than w: the size must be whole.
		if ls := Wrap(ASCIISafe(fmt.Sprintf(m.In(l), minW, minH)), w); len(ls) <= h &&
			slices.ContainsFunc(ls, func(s string) bool { return strings.Contains(s, size) }) {
			return strings.Join(ls, "\n")
		}
	}
	return ASCIISafe(Fit(size, w))
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
	case data.HitHonour, data.HitClaim, data.HitProgram:
		return head + refLine(ds, Ref{HitKind(h.Kind), h.ID}, l)
	default:
		if f, ok := ds.Figure(h.ID); ok {
			return head + figureLabel(f, f.Label, l) + "  " + FormatValue(f, l)
		}
	}
	return h.ID
}
