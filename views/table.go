package views

import (
	"math"
	"strings"
)

// column is a table column: its header, the narrowest it may shrink to
// and the widest it may grow to (0: no limit).
type column struct {
	title    Msg
	min, max int
	right    bool
	give     bool // as the last column, gives all its room down to min first
}

// tableBlock is a header, a rule and rows whose cells are produced on
// demand, so that a long table renders only the rows on screen.
type tableBlock struct {
	b      *builder
	cols   []column
	widths []int
	n      int
	cells  func(i int) []string
	items  []int
}

// widthSample bounds how many rows are measured to size the columns; the
// rest are cut to fit.
const widthSample = 500

const colGap = 2

func (b *builder) table(cols []column, n int, cells func(i int) []string, items []int) {
	if n == 0 {
		return
	}
	nat, filled := make([]int, len(cols)), make([]bool, len(cols))
	for j, c := range cols {
		nat[j] = Width(c.title.In(b.o.Lang))
	}
	for i := 0; i < n && i < widthSample; i++ {
		for j, s := range cells(i) {
			nat[j] = max(nat[j], Width(fitCell(s, math.MaxInt)))
			filled[j] = filled[j] || s != ""
		}
	}
	for j := 1; j < len(cols); j++ {
		if !filled[j] { // a column with nothing in it takes no room
			nat[j] = 0
		}
	}
	t := &tableBlock{b: b, cols: cols, n: n, cells: cells, items: items}
	t.widths = layoutColumns(cols, nat, b.o.Width-2)
	b.add(t)
}

// layoutColumns fits natural widths into avail cells: columns are capped
// at their max, then the one with most room above its min shrinks first;
// columns that still do not fit are dropped from the right.
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
		// The last column (comparison, status or source: text that reads
		// well cut short) gives first, down to half its width; then the widest
		// column that can still give, so that widths even out instead of
		// one column collapsing.
		best, room := -1, 0
		j := len(cols) - 1
		floor := max(cols[j].min, nat[j]/2)
		if cols[j].give {
			floor = cols[j].min
		}
		if w[j] > floor {
			best, room = j, w[j]-floor
		}
		for j, c := range cols {
			if best == len(cols)-1 {
				break
			}
			if w[j] > c.min && (best < 0 || w[j] > w[best]) {
				best, room = j, w[j]-c.min
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
		w[best] -= min(room, total()-avail, max(1, w[best]/8))
	}
	return w
}

func (t *tableBlock) height() int { return t.n + 2 }

func (t *tableBlock) item(i int) int {
	if i < 2 || t.items == nil {
		return -1
	}
	return t.items[i-2]
}

func (t *tableBlock) join(cells []string) string {
	var sb strings.Builder
	last := 0
	for j, w := range t.widths {
		if w > 0 {
			last = j
		}
	}
	first := true
	for j, w := range t.widths {
		if w <= 0 {
			continue
		}
		if !first {
			sb.WriteString(strings.Repeat(" ", colGap))
		}
		first = false
		s := ""
		if j < len(cells) {
			s = fitCell(cells[j], w)
		}
		switch {
		case t.cols[j].right:
			sb.WriteString(PadLeft(s, w))
		case j == last:
			sb.WriteString(Fit(s, w))
		default:
			sb.WriteString(Pad(s, w))
		}
	}
	return sb.String()
}

func (t *tableBlock) line(i int, sel bool) string {
	st := t.b.st
	switch i {
	case 0:
		hs := make([]string, len(t.cols))
		for j, c := range t.cols {
			hs[j] = c.title.In(t.b.o.Lang)
		}
		return margin(false) + st.Muted.Render(t.join(hs))
	case 1:
		w := 0
		for _, x := range t.widths {
			if x > 0 {
				w += x + colGap
			}
		}
		return margin(false) + st.Rule.Render(strings.Repeat("─", max(w-colGap, 0)))
	}
	row := t.join(t.cells(i - 2))
	if sel {
		return margin(true) + st.Selected.Render(row)
	}
	return margin(false) + st.Label.Render(row)
}
