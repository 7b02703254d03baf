package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Breakpoints of the grid: the number of columns of panels a width has.
// Below the first there is one; from it, two; from the second, three.
// Chosen on the real content: at 100 columns two panels of tiles or
// bars sit side by side with their labels whole; at 160, three.
const (
	TwoColumns   = 100
	ThreeColumns = 160
)

// Columns is the number of grid columns at width w.
func Columns(w int) int {
	switch {
	case w >= ThreeColumns:
		return 3
	case w >= TwoColumns:
		return 2
	}
	return 1
}

// panelGap is the room between two panels side by side.
const panelGap = 1

// frameW is what a panel's border and padding take: the left border, and
// a space and the right border (the left padding is the items' gutter).
const frameW = 3

// box is a panel: a title and its content, drawn at the width the grid
// gives it.
type box struct {
	title string
	// nat is the widest its content has use for, gutter included; fit
	// the width it is drawn well in, which decides how many columns it
	// takes; min the narrowest it can be drawn in, beside another.
	nat, fit, min int
	draw          func(w int) content
}

// content is a panel's lines; the first head lines (a table's header
// and rule) stay on screen while the rest scrolls under them.
type content struct {
	lines []pline
	head  int
}

// grid is the layout of a width: its columns and their left edges.
type grid struct {
	w, n, cell int
}

func newGrid(w int) grid {
	n := Columns(w)
	cell := (w - (n-1)*panelGap) / n
	return grid{w: w, n: n, cell: cell}
}

// x is the left edge of column c.
func (g grid) x(c int) int { return c * (g.cell + panelGap) }

// span is the width of k columns from column c: the last column takes
// what is left of the width.
func (g grid) span(c, k int) int {
	if c+k >= g.n {
		return g.w - g.x(c)
	}
	return k*g.cell + (k-1)*panelGap
}

// placed is a box put on the grid: its left edge, width and drawn lines.
type placed struct {
	b    *box
	x    int
	w    int // total width, border included
	c    content
	head []pline // the title lines: top border, then what did not fit in it
}

// layoutRows puts the boxes in rows, in reading order: each takes the
// columns it is drawn well in, or the rest of the row if it can still be
// drawn well in them, and starts a new row otherwise; so a row holds at most as many
// panels as the width has columns. Then a row's panels share its width:
// each is as wide as its columns, or as its content has use for if that
// is less, and the room left goes to those that can use more (a list
// beside a small panel of tiles is as wide as the rest of the row). A
// panel never stretches past what its content has use for: a row may end
// short of the width.
func (g grid) layoutRows(boxes []*box) [][]*placed {
	var rows [][]*placed
	var row []*placed
	used := 0
	flush := func() {
		g.share(row)
		rows, row, used = append(rows, row), nil, 0
	}
	for _, bx := range boxes {
		want := 1
		for want < g.n && g.span(0, want) < min(bx.fit, bx.nat)+frameW {
			want++
		}
		if used > 0 && used+want > g.n {
			// Squeezed into the rest of the row only where it keeps two
			// thirds of the width it is drawn well in.
			if rest := g.n - used; g.span(used, rest) >= max(bx.min, min(bx.fit, bx.nat)*2/3)+frameW {
				want = rest
			} else {
				flush()
			}
		}
		row = append(row, &placed{b: bx, w: min(g.span(used, want), bx.nat+frameW)})
		used += want
	}
	if len(row) > 0 {
		flush()
	}
	return rows
}

// share gives the room a row's panels leave to those that can use it, in
// reading order, and sets their left edges.
func (g grid) share(row []*placed) {
	room := g.w - (len(row)-1)*panelGap
	for _, pl := range row {
		room -= pl.w
	}
	for _, pl := range row {
		if more := min(room, pl.b.nat+frameW-pl.w); more > 0 {
			pl.w += more
			room -= more
		}
	}
	x := 0
	for _, pl := range row {
		pl.x = x
		x += pl.w + panelGap
	}
}

// borders are the glyphs of panel borders: rounded, or 7-bit with --ascii.
func borders(ascii bool) lipgloss.Border {
	if ascii {
		return lipgloss.ASCIIBorder()
	}
	return lipgloss.RoundedBorder()
}

// compose lays out the boxes and joins their lines into the page.
func (b *builder) compose(boxes []*box) *Page {
	g := newGrid(max(b.o.Width, 1))
	brd := borders(b.o.ASCII)
	b.sides = [2]piece{b.text(brd.Left, b.st.Rule), b.text(" "+brd.Right, b.st.Rule)}
	p := &Page{opts: b.o, text: b.export}
	for _, row := range g.layoutRows(boxes) {
		height := 0
		for _, pl := range row {
			inner := max(pl.w-frameW, 0)
			pl.head = b.titleLines(pl.b.title, pl.w, inner, brd)
			pl.c = pl.b.draw(inner)
			height = max(height, len(pl.head)+len(pl.c.lines))
		}
		top := len(p.lines)
		for r := 0; r < height+1; r++ {
			var line pline
			x := 0
			for _, pl := range row {
				if gx := pl.x; gx > x {
					line = append(line, blank(gx-x))
					x = gx
				}
				line = append(line, b.boxLine(pl, r, brd)...)
				x += pl.w
			}
			p.add(line)
		}
		for _, pl := range row {
			if pl.c.head > 0 {
				first := top + len(pl.head)
				p.pins = append(p.pins, pin{head: first, n: pl.c.head, last: top + height - 1})
			}
		}
	}
	p.items, p.charts = b.items, b.charts
	if b.o.ASCII {
		p.ascii()
	}
	return p
}

// titleLines are the top border of a panel with its title in it, and,
// for a title too long for the border, the rest of it under the border,
// wrapped (never cut).
func (b *builder) titleLines(title string, w, inner int, brd lipgloss.Border) []pline {
	rule := func(n int) piece { return b.text(strings.Repeat(brd.Top, max(n, 0)), b.st.Rule) }
	if title == "" || w < 8 {
		return []pline{{b.text(brd.TopLeft, b.st.Rule), rule(w - 2), b.text(brd.TopRight, b.st.Rule)}}
	}
	ls := Wrap(title, w-6)
	first := ls[0]
	top := pline{b.text(brd.TopLeft+brd.Top+" ", b.st.Rule), b.text(first, b.st.Heading), b.text(" ", b.st.Rule),
		rule(w - 5 - Width(first)), b.text(brd.TopRight, b.st.Rule)}
	out := []pline{top}
	if len(ls) > 1 {
		for _, ln := range Wrap(strings.TrimSpace(strings.TrimPrefix(title, first)), max(inner-gutter, 1)) {
			out = append(out, pline{blank(gutter), b.text(ln, b.st.Heading)})
		}
	}
	return out
}

// boxLine is row r of a placed panel in a row of panels: its border,
// title, content padded to the panel's width. A panel is as high as its
// content: in a row of taller ones it ends where it ends, with blank
// under it rather than an empty box.
func (b *builder) boxLine(pl *placed, r int, brd lipgloss.Border) pline {
	inner := max(pl.w-frameW, 0)
	height := len(pl.head) + len(pl.c.lines)
	if r > height {
		return pline{blank(pl.w)}
	}
	if r == height {
		return pline{b.text(brd.BottomLeft+strings.Repeat(brd.Bottom, max(pl.w-2, 0))+brd.BottomRight, b.st.Rule)}
	}
	if r == 0 {
		return pl.head[0]
	}
	var body pline
	switch k := r - 1; {
	case k < len(pl.head)-1:
		body = pl.head[k+1]
	case k-len(pl.head)+1 < len(pl.c.lines):
		body = pl.c.lines[k-len(pl.head)+1]
	}
	out := make(pline, 0, len(body)+3)
	out = append(out, b.sides[0])
	out = append(out, body...)
	if pad := inner - body.width(); pad > 0 {
		out = append(out, blank(pad))
	}
	return append(out, b.sides[1])
}

// add appends a line to the page: its text, and, if it shows items, its
// pieces and where each item is on it. Pieces that show no item are
// joined.
func (p *Page) add(line pline) {
	if p.text {
		var sb strings.Builder
		x := 0
		for _, pc := range line {
			sb.WriteString(pc.s)
			x += pc.w
		}
		text := sb.String()
		if x > p.opts.Width {
			text = Fit(text, p.opts.Width)
		}
		p.lines = append(p.lines, text)
		return
	}
	var sb strings.Builder
	var hits []hit
	var kept pline
	x := 0
	for _, pc := range line {
		sb.WriteString(pc.s)
		if pc.item >= 0 {
			if n := len(hits); n > 0 && hits[n-1].item == pc.item && hits[n-1].col+hits[n-1].w == x {
				hits[n-1].w += pc.w
			} else {
				hits = append(hits, hit{col: x, w: pc.w, item: pc.item})
			}
			kept = append(kept, pc)
		} else if n := len(kept); n > 0 && kept[n-1].item < 0 {
			kept[n-1].s += pc.s
			kept[n-1].w += pc.w
		} else {
			kept = append(kept, pc)
		}
		x += pc.w
	}
	text := sb.String()
	if x > p.opts.Width {
		// Narrower than a panel's frame (a few cells): the line is cut,
		// and shows no item.
		text, hits = Fit(text, p.opts.Width), nil
	}
	p.lines = append(p.lines, text)
	p.at = append(p.at, hits)
	if len(hits) == 0 {
		kept = nil
	}
	p.rows = append(p.rows, kept)
}

// spans records where the items are, from the hits of every row.
func (p *Page) spans() {
	if p.text {
		return
	}
	for r, hs := range p.at {
		for _, h := range hs {
			it := &p.items[h.item]
			it.Spans = append(it.Spans, Span{Row: r, Col: h.col, Width: h.w})
		}
	}
}

// ascii makes every line 7-bit where it was ambiguous width (--ascii).
func (p *Page) ascii() {
	for i := range p.lines {
		p.lines[i] = ASCIISafe(p.lines[i])
		if p.text {
			continue
		}
		for j := range p.rows[i] {
			p.rows[i][j].s = ASCIISafe(p.rows[i][j].s)
			p.rows[i][j].sel = ASCIISafe(p.rows[i][j].sel)
		}
	}
}
