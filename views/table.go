package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// column is a table column: its header, the narrowest it may shrink to
// and the widest it may grow to (0: no limit).
type column struct {
	title    Msg
	min, max int
	right    bool
}

const colGap = 2

// table is a header, a rule and rows, each row an item whose cells wrap
// onto as many lines as they need: nothing is cut. Columns take their
// natural width up to their max and shrink, widest first, to fit w; only
// where even their minimums do not fit are columns dropped from the
// right. The header and rule are the content's head, kept on screen
// while the rows scroll.
func (b *builder) table(cols []column, rows [][]string, items []int, w int, style lipgloss.Style) content {
	l := b.o.Lang
	nat := make([]int, len(cols))
	for j, c := range cols {
		nat[j] = Width(c.title.In(l))
	}
	filled := make([]bool, len(cols))
	for _, r := range rows {
		for j, s := range r {
			nat[j] = max(nat[j], Width(s))
			filled[j] = filled[j] || s != ""
		}
	}
	for j := 1; j < len(cols); j++ {
		if !filled[j] { // a column with nothing in it takes no room
			nat[j] = 0
		}
	}
	widths := layoutColumns(cols, nat, w-gutter)
	join := func(cells []string, k int) string { // line k of a row's wrapped cells
		var sb strings.Builder
		first := true
		for j, cw := range widths {
			if cw <= 0 {
				continue
			}
			if !first {
				sb.WriteString(spaces(colGap))
			}
			first = false
			s := ""
			if j < len(cells) {
				if ls := wrapCell(cells[j], cw); k < len(ls) {
					s = ls[k]
				}
			}
			if cols[j].right {
				sb.WriteString(PadLeft(s, cw))
			} else {
				sb.WriteString(Pad(s, cw))
			}
		}
		return strings.TrimRight(sb.String(), " ")
	}
	height := func(cells []string) int {
		h := 1
		for j, cw := range widths {
			if cw > 0 && j < len(cells) {
				h = max(h, len(wrapCell(cells[j], cw)))
			}
		}
		return h
	}
	total := 0
	for _, cw := range widths {
		if cw > 0 {
			total += cw + colGap
		}
	}
	total = max(total-colGap, 0)
	heads := make([]string, len(cols))
	for j, c := range cols {
		heads[j] = c.title.In(l)
	}
	var out []pline
	for k := range height(heads) {
		out = append(out, pline{blank(gutter), b.text(join(heads, k), b.st.Muted)})
	}
	out = append(out, pline{blank(gutter), b.text(strings.Repeat(borders(b.o.ASCII).Top, total), b.st.Rule)})
	head := len(out)
	for i, r := range rows {
		for k := range height(r) {
			out = append(out, pline{b.itemLine(items[i], join(r, k), gutter+total, style)})
		}
	}
	return content{lines: out, head: head}
}

// valueKeep is the widest value a table keeps on one line (keep): "10.3
// billion yuan (planned)" is not broken after 10.3.
const valueKeep = 28

// keep makes s one unbreakable piece for wrapping when it is at most w
// cells wide; a longer s wraps where it may.
func keep(s string, w int) string {
	if Width(s) > w {
		return s
	}
	return glue(s)
}

// wrapCell is a cell's text wrapped to its column.
func wrapCell(s string, w int) []string {
	if s == "" {
		return nil
	}
	return Wrap(s, w)
}

// layoutColumns fits natural widths into avail cells: columns are capped
// at their max, then the one with most room above its min shrinks first;
// columns that still do not fit are dropped from the right (only where
// even their minimums do not fit: a few cells).
func layoutColumns(cols []column, nat []int, avail int) []int {
	w := make([]int, len(cols))
	for j, c := range cols {
		w[j] = nat[j]
		if c.max > 0 && w[j] > c.max {
			w[j] = c.max
		}
	}
	total := func() int {
		t, k := 0, 0
		for _, x := range w {
			if x > 0 {
				t += x
				k++
			}
		}
		if k > 1 {
			t += colGap * (k - 1)
		}
		return t
	}
	for total() > avail {
		// The column with most room above its minimum gives, so that
		// widths even out instead of one column collapsing.
		best := -1
		for j, c := range cols {
			if w[j] > c.min && (best < 0 || w[j]-c.min > w[best]-cols[best].min) {
				best = j
			}
		}
		if best < 0 {
			last := -1
			for j := range w {
				if w[j] > 0 {
					last = j
				}
			}
			if last <= 0 {
				if last == 0 {
					w[0] = max(avail, 0)
				}
				break
			}
			w[last] = 0
			continue
		}
		w[best] -= min(w[best]-cols[best].min, total()-avail, max(1, w[best]/8))
	}
	return w
}

// tableNat is the width a table would like: every column at its natural
// width, up to its max.
func tableNat(cols []column, rows [][]string, l data.Lang) int {
	t := gutter
	for j, c := range cols {
		n := Width(c.title.In(l))
		for _, r := range rows {
			if j < len(r) {
				n = max(n, Width(r[j]))
			}
		}
		if c.max > 0 {
			n = min(n, c.max)
		}
		t += n + colGap
	}
	return t - colGap
}

// figureTableBoxes is the table mode of the figures: one table of all the
// tab's figures with their full labels, values, periods, comparisons and
// source paragraphs, then the notes on its groups.
func (b *builder) figureTableBoxes() []*box {
	l := b.o.Lang
	figs := b.ds.FiguresOfTab(b.tab)
	if len(figs) == 0 {
		return nil
	}
	cols := []column{
		{title: MsgColLabel, min: 16, max: 48},
		{title: MsgColValue, min: 10, max: valueKeep, right: true},
		{title: MsgColPeriod, min: 10, max: 22},
		{title: MsgColCompare, min: 12, max: 36},
		{title: MsgColSource, min: 6, max: 16},
	}
	rows := make([][]string, len(figs))
	derived := false
	for _, f := range figs { // a kept value is never cut
		if w := Width(FormatValue(f, l)); w <= valueKeep {
			cols[1].min = max(cols[1].min, w)
		}
	}
	for i, f := range figs {
		cmp := ""
		if f.Comparison != nil {
			cmp = f.Comparison.In(l)
		}
		if l == data.ZH {
			cmp = keepPhrases(cmp)
		}
		rows[i] = []string{figureLabel(f, f.Label, l), keep(FormatValue(f, l), valueKeep), f.Period.In(l), cmp, where(b.ds, f.Source, l)}
		derived = derived || f.IsDerived()
	}
	nat := tableNat(cols, rows, l)
	table := &box{title: MsgFigures.In(l), nat: nat, fit: nat, min: listMin, draw: func(w int) content {
		items := make([]int, len(figs))
		for i, f := range figs {
			items[i] = b.item(KindFigure, f.ID)
		}
		c := b.table(cols, rows, items, w, b.st.Label)
		if derived {
			c.lines = append(c.lines, b.muted(MsgDerivedLegend.In(l), w)...)
		}
		return c
	}}
	var notes []string
	for _, g := range b.ds.GroupsOf(b.tab) {
		if g.Note != nil {
			notes = append(notes, g.Title.In(l)+colon(l)+g.Note.In(l))
		}
	}
	out := []*box{table}
	if len(notes) > 0 {
		nat := 0
		for _, n := range notes {
			nat = max(nat, gutter+2+Width(n))
		}
		out = append(out, &box{title: MsgGroupNotes.In(l), nat: min(nat, listMax), fit: listMax, min: listMin, draw: func(w int) content {
			var lines []pline
			for _, n := range notes {
				lines = append(lines, b.para(-1, n, w, b.st.Muted)...)
			}
			return content{lines: lines}
		}})
	}
	return out
}

// projectTableBox is the table of projects: each with its category, the
// stage its steps give and what the steps say, and its source paragraph.
func (b *builder) projectTableBox() *box {
	l := b.o.Lang
	ps := b.ds.Projects
	cols := []column{
		{title: MsgColProject, min: 14, max: 40},
		{title: MsgColCategory, min: 6, max: 12},
		{title: MsgColStage, min: 6, max: 16},
		{title: MsgColProgress, min: 16, max: 60},
		{title: MsgColSource, min: 6, max: 16},
	}
	rows := make([][]string, len(ps))
	for i := range ps {
		p := &ps[i]
		rows[i] = []string{p.Name.In(l), data.CategoryName(p.Category).In(l), data.StageName(p.Stage()).In(l),
			progress(p, l), where(b.ds, p.Source, l)}
	}
	nat := tableNat(cols, rows, l)
	return &box{title: MsgProjects.In(l), nat: nat, fit: nat, min: listMin, draw: func(w int) content {
		items := make([]int, len(ps))
		for i := range ps {
			items[i] = b.item(KindProject, ps[i].ID)
		}
		return b.table(cols, rows, items, w, b.st.Label)
	}}
}
