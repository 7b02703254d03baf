package views

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas/runes"
	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// chartBlock draws one group as horizontal bars. The bars are ntcharts'
// (its block runes and scale, see barRows), without its axis and labels:
// ntcharts measures and cuts labels by bytes, which breaks Chinese, so
// labels and values are laid out here by display width. The bars are
// drawn once, on first use, and kept.
type chartBlock struct {
	b      *builder
	group  *data.Group
	title  string
	figs   []*data.Figure
	items  []int
	rank   bool
	labelW int
	shortW int  // the widest short label
	full   bool // the chart shows the full labels: they all fit
	valueW int
	barW   int
	rows   []string // canvas rows, drawn lazily
}

// minBarWidth is the narrowest bar area worth drawing.
const minBarWidth = 4

// newChart prepares a group's chart and measures its labels and values;
// nothing is drawn yet. It returns nil for a group with no figures.
func (b *builder) newChart(g *data.Group) *chartBlock {
	figs := b.ds.FiguresOf(g)
	if len(figs) == 0 {
		return nil
	}
	l := b.o.Lang
	c := &chartBlock{b: b, group: g, rank: g.Chart == data.ChartRank, title: g.Title.In(l), figs: figs}
	for _, f := range figs {
		c.items = append(c.items, b.itemIndex(KindFigure, f.ID))
		c.labelW = max(c.labelW, Width(figureLabel(f, f.Label, l)))
		c.shortW = max(c.shortW, Width(figureLabel(f, f.Short, l)))
		c.valueW = max(c.valueW, Width(FormatValue(f, l)))
	}
	return c
}

// label is a figure's label in the chart: the full ones where they all
// fit, else the short ones (cut only if they do not fit either).
func (c *chartBlock) label(f *data.Figure) string {
	if c.full {
		return figureLabel(f, f.Label, c.b.o.Lang)
	}
	return figureLabel(f, f.Short, c.b.o.Lang)
}

// charts adds the charts of groups with one label column and one value
// column for all of them, so that their bars start and end together. A
// rank is a position, not a length: a rank group lists its positions
// ("first among the city's urban districts") without bars. Each chart's
// group note follows it.
func (b *builder) charts(groups []*data.Group) {
	var cs []*chartBlock
	avail := b.o.Width - 2 // margin
	labelW, valueW := 0, 0
	for _, g := range groups {
		if c := b.newChart(g); c != nil {
			cs = append(cs, c)
			if c.full = c.labelW <= avail*2/5; !c.full {
				c.labelW = c.shortW
			}
			labelW = max(labelW, c.labelW)
			if !c.rank {
				valueW = max(valueW, c.valueW)
			}
		}
	}
	labelW = min(labelW, avail*2/5)
	valueW = min(valueW, avail/3)
	barW := avail - labelW - valueW - 2
	if barW < minBarWidth {
		barW = 0
	}
	for i, c := range cs {
		if i > 0 || b.body.n > 0 {
			b.text("")
		}
		c.labelW, c.valueW, c.barW = labelW, valueW, barW // one label and value column for all
		if c.rank {
			c.valueW, c.barW = max(avail-labelW-2, 0), 0
		}
		for _, ln := range Wrap(c.title, avail) { // a title wraps, never cut
			b.text(margin(false) + b.st.Heading.Render(ln))
		}
		b.add(c)
		if c.group.Note != nil {
			b.paragraph(-1, c.group.Note.In(b.o.Lang), b.st.Muted)
		}
	}
}

// draw draws the bars of the chart (see barRows). An ntcharts barchart
// model draws the same cells, but it allocates a canvas of styled cells
// for the whole chart twice a draw and renders every cell on its own:
// that was three quarters of the memory, and most of the time, of an
// export.
func (c *chartBlock) draw() {
	n := len(c.figs)
	c.rows = make([]string, n)
	if c.barW == 0 {
		return
	}
	var maxV float64
	for _, f := range c.figs {
		maxV = max(maxV, f.V())
	}
	if maxV <= 0 {
		maxV = 1
	}
	// Shares are drawn on a 0–100 scale, so that 44.4% looks like less than
	// half whatever else is in the chart.
	if !c.rank && c.figs[0].Unit.EN == "%" && maxV <= 100 {
		maxV = 100
	}
	vals := make([]float64, n)
	styles := make([]*lipgloss.Style, n)
	for i, f := range c.figs {
		vals[i] = max(f.V(), 0)
		styles[i] = &c.b.st.Bar
		if f.IsDerived() {
			styles[i] = &c.b.st.BarAlt
		}
	}
	c.rows = barRows(vals, maxV, c.barW, styles, c.b.st.Plain)
}

// barRows draws one horizontal bar a row, width cells for maxV, as
// ntcharts draws a horizontal bar (graph.DrawRowLeftToRight on an empty
// row): a full block for each whole cell of its length, then the
// partial left block ntcharts picks for the fraction, styled as one run
// (unstyled when plain). The scale is the one ntcharts' barchart uses:
// length = value × width / maxV, cut at width. (An ntcharts canvas, even
// of one row, holds a lipgloss style in each cell: 600 bytes a cell.)
func barRows(vals []float64, maxV float64, width int, styles []*lipgloss.Style, plain bool) []string {
	rows := make([]string, len(vals))
	scale := float64(width) / maxV
	for i, v := range vals {
		length := min(v*scale, float64(width))
		if length <= 0 {
			continue
		}
		whole := math.Floor(length)
		bar := strings.Repeat(string(runes.FullBlock), int(whole))
		if r := runes.LeftBlockElementFromFloat64(length - whole); r != runes.Null {
			bar += string(r)
		}
		if !plain {
			bar = styles[i].Render(bar)
		}
		rows[i] = bar
	}
	return rows
}

func (c *chartBlock) height() int { return len(c.figs) }

func (c *chartBlock) item(i int) int { return c.items[i] }

func (c *chartBlock) line(i int, sel bool) string {
	st := c.b.st
	if c.rows == nil {
		c.draw()
	}
	f := c.figs[i]
	l := c.b.o.Lang
	label := Pad(c.label(f), c.labelW)
	if sel {
		label = st.Selected.Render(label)
	} else {
		label = st.Label.Render(label)
	}
	row := label + " "
	if c.rank {
		row += " "
	}
	if c.barW > 0 {
		row += Pad(c.rows[i], c.barW) + " "
	}
	v := FormatValue(f, l)
	if !c.rank {
		v = PadLeft(v, c.valueW) // numbers align on their last digit
	}
	return margin(sel) + row + st.Value.Render(Fit(v, c.valueW))
}

// figureLabel is a figure's label (full or short), marked when derived
// unless it says so itself.
func figureLabel(f *data.Figure, t data.Text, l data.Lang) string {
	if f.IsDerived() && !strings.Contains(t.In(l), MsgDDerivedMark.In(l)) {
		return t.In(l) + " *"
	}
	return t.In(l)
}
