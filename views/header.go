package views

import (
	"fmt"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// Mark wraps a piece of the screen in a mouse zone; nil for none.
type Mark func(id, s string) string

// TabZone is the mouse zone id of a tab.
func TabZone(id string) string { return "tab:" + id }

// Header is the tab bar and a rule: the first two lines of the screen and
// of a text export. The active tab is bracketed so that it shows without
// colour.
func Header(ds *data.Dataset, active string, o Options, st *Styles, mark Mark) []string {
	l := o.Lang
	var parts []string
	for i, t := range data.Tabs() {
		label := fmt.Sprintf("%d %s", i+1, t.Title.In(l))
		var s string
		if t.ID == active {
			s = st.TabActive.Render("[" + label + "]")
		} else {
			s = st.Tab.Render(" " + label + " ")
		}
		if mark != nil {
			s = mark(TabZone(t.ID), s)
		}
		parts = append(parts, s)
	}
	title := st.Title.Render(ds.Meta.Region.In(l))
	bar := strings.Join(parts, " ")
	line := " " + title + "  " + bar
	if Width(line) > o.Width {
		line = " " + bar
	}
	line = Fit(line, o.Width)
	rule := st.Rule.Render(strings.Repeat("─", max(o.Width, 0)))
	if o.ASCII {
		line, rule = ASCIISafe(line), ASCIISafe(rule)
	}
	return []string{line, rule}
}

// Rule is a full-width rule.
func Rule(o Options, st *Styles) string {
	r := st.Rule.Render(strings.Repeat("─", max(o.Width, 0)))
	if o.ASCII {
		r = ASCIISafe(r)
	}
	return r
}

// TabText is the whole of a tab as text at width o.Width: the header and
// every body line, the same lines the screen shows.
func TabText(ds *data.Dataset, tab string, o Options, st *Styles) []string {
	return append(Header(ds, tab, o, st, nil), RenderBody(ds, tab, o, st).Lines()...)
}
