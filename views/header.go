package views

import (
	"fmt"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// TabSpan is where a tab's label is on the tab bar: cells Col to
// Col+Width-1 of its first line.
type TabSpan struct {
	ID         string
	Col, Width int
}

// regionNames are the district's name, longest first: the region as the
// dataset gives it, its first part ("Macun District"; in Chinese the
// part after the city: 马村区), and its first word ("Macun").
func regionNames(ds *data.Dataset, l data.Lang) []string {
	full := ds.Meta.Region.In(l)
	out := []string{full}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	if l == data.ZH {
		if i := strings.LastIndexAny(full, "市省"); i >= 0 {
			add(full[i+len("市"):])
		}
		return out
	}
	first, _, _ := strings.Cut(full, ",")
	add(first)
	if f := strings.Fields(first); len(f) > 0 {
		add(f[0])
	}
	return out
}

// Header is the tab bar and a rule: the first two lines of the screen and
// of a text export, and where each tab is on the bar. The active tab is
// bracketed, so that it shows without colour. Where the bar does not fit
// the width, the district's name is shortened, then the other tabs show
// their numbers only, so that the name and the active tab always show
// (from 40 columns, the least the dashboard runs in); only past that is
// the bar cut.
func Header(ds *data.Dataset, active string, o Options, st *Styles) ([]string, []TabSpan) {
	l := o.Lang
	b := newBuilder(ds, active, o, st)
	type cand struct {
		title  string
		labels []string
	}
	var cands []cand
	for _, short := range []bool{false, true} {
		labels := make([]string, len(data.Tabs()))
		for i, t := range data.Tabs() {
			labels[i] = fmt.Sprintf("%d %s", i+1, t.Title.In(l))
			switch {
			case t.ID == active:
				labels[i] = "[" + labels[i] + "]"
			case short:
				labels[i] = fmt.Sprint(i + 1)
			default:
				labels[i] = " " + labels[i] + " "
			}
		}
		for _, name := range regionNames(ds, l) {
			cands = append(cands, cand{name, labels})
		}
	}
	// Narrower than the dashboard runs in (a text export): the active tab
	// alone.
	for i, t := range data.Tabs() {
		if t.ID == active {
			names := regionNames(ds, l)
			cands = append(cands, cand{names[len(names)-1], []string{fmt.Sprintf("[%d %s]", i+1, t.Title.In(l))}})
		}
	}
	pick := cands[len(cands)-1]
	for _, c := range cands {
		if 1+Width(c.title)+2+Width(strings.Join(c.labels, " ")) <= o.Width {
			pick = c
			break
		}
	}
	line := pline{blank(1), b.text(pick.title, st.Title), blank(2)}
	var spans []TabSpan
	x := line.width()
	for i, t := range data.Tabs() {
		if len(pick.labels) < len(data.Tabs()) && t.ID != active {
			continue
		}
		label := pick.labels[min(i, len(pick.labels)-1)]
		if len(spans) > 0 {
			line = append(line, blank(1))
			x++
		}
		style := st.Tab
		if t.ID == active {
			style = st.TabActive
		}
		line = append(line, b.text(label, style))
		spans = append(spans, TabSpan{ID: t.ID, Col: x, Width: Width(label)})
		x += Width(label)
	}
	var sb strings.Builder
	for _, p := range line {
		sb.WriteString(p.s)
	}
	bar := Fit(sb.String(), o.Width)
	rule := b.render(st.Rule, strings.Repeat(borders(o.ASCII).Top, max(o.Width, 0)))
	if o.ASCII {
		bar, rule = ASCIISafe(bar), ASCIISafe(rule)
	}
	return []string{bar, rule}, spans
}

// Rule is a full-width rule.
func Rule(o Options, st *Styles) string {
	r := st.Rule.Render(strings.Repeat(borders(o.ASCII).Top, max(o.Width, 0)))
	if o.ASCII {
		r = ASCIISafe(r)
	}
	return r
}

// TabText is the whole of a tab as text at width o.Width: the header and
// every line of its page, the lines the screen shows.
func TabText(ds *data.Dataset, tab string, o Options, st *Styles) []string {
	head, _ := Header(ds, tab, o, st)
	return append(head, renderPage(ds, tab, o, st, true).Lines()...)
}
