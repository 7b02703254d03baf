package views

import (
	"sort"
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/charmbracelet/x/ansi"

	"macun-tui/data"
)

// chartBlock draws one group as horizontal bars. ntcharts draws only the
// bars (no axis, no labels: it measures and cuts labels by bytes, which
// breaks Chinese); labels and values are laid out here by display width.
// The canvas is drawn once, on first use, and kept.
type chartBlock struct {
	b      *builder
	title  string
	figs   []*data.Figure
	items  []int
	rank   bool
	labelW int
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
	c := &chartBlock{b: b, rank: g.Chart == data.ChartRank}
	if c.rank {
		sort.SliceStable(figs, func(i, j int) bool { return figs[i].V() < figs[j].V() })
		c.title = g.Title.In(l) + " " + MsgRankNote.In(l)
	} else {
		c.title = g.Title.In(l) + " " + UnitLabel(figs, l)
	}
	c.figs = figs
	for _, f := range figs {
		c.items = append(c.items, b.itemIndex(KindFigure, f.ID))
		c.labelW = max(c.labelW, Width(figureLabel(f, l)))
		c.valueW = max(c.valueW, Width(c.value(f)))
	}
	return c
}

// charts adds the charts of groups with one label column and one value
// column for all of them, so that their bars start and end together.
func (b *builder) charts(groups []*data.Group) {
	var cs []*chartBlock
	labelW, valueW := 0, 0
	for _, g := range groups {
		if c := b.newChart(g); c != nil {
			cs = append(cs, c)
			labelW, valueW = max(labelW, c.labelW), max(valueW, c.valueW)
		}
	}
	avail := b.o.Width - 2 // margin
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
		c.labelW, c.valueW, c.barW = labelW, valueW, barW
		b.add(c)
	}
}

func (c *chartBlock) value(f *data.Figure) string {
	if c.rank {
		return FormatValue(f, c.b.o.Lang)
	}
	return FormatNumber(f, c.b.o.Lang)
}

// barValue is the length a figure's bar stands for. Ranks are inverted so
// that rank 1 is the longest bar: worst rank shown gets one share.
func (c *chartBlock) barValue(f *data.Figure, maxRank float64) float64 {
	if c.rank {
		return maxRank + 1 - f.V()
	}
	return max(f.V(), 0)
}

func (c *chartBlock) draw() {
	n := len(c.figs)
	c.rows = make([]string, n)
	if c.barW == 0 {
		return
	}
	var maxV, maxRank float64
	for _, f := range c.figs {
		maxRank = max(maxRank, f.V())
	}
	bars := make([]barchart.BarData, n)
	for i, f := range c.figs {
		v := c.barValue(f, maxRank)
		maxV = max(maxV, v)
		st := c.b.st.Bar
		if f.IsDerived() {
			st = c.b.st.BarAlt
		}
		bars[i] = barchart.BarData{Values: []barchart.BarValue{{Name: f.ID, Value: v, Style: st}}}
	}
	if maxV <= 0 {
		maxV = 1
	}
	// Shares are drawn on a 0–100 scale, so that 44.4% looks like less than
	// half whatever else is in the chart.
	if !c.rank && c.figs[0].Unit.EN == "%" && maxV <= 100 {
		maxV = 100
	}
	m := barchart.New(c.barW, n,
		barchart.WithHorizontalBars(), barchart.WithNoAxis(), barchart.WithBarGap(0),
		barchart.WithMaxValue(maxV), barchart.WithNoAutoMaxValue(), barchart.WithDataSet(bars))
	m.Draw()
	lines := strings.Split(m.View(), "\n")
	for i := range c.rows {
		if i < len(lines) {
			s := lines[i]
			if c.b.st.Plain {
				s = ansi.Strip(s)
			} else {
				s = mergeRuns(s)
			}
			c.rows[i] = s
		}
	}
}

func (c *chartBlock) height() int { return len(c.figs) + 1 }

func (c *chartBlock) item(i int) int {
	if i == 0 {
		return -1
	}
	return c.items[i-1]
}

func (c *chartBlock) line(i int, sel bool) string {
	st := c.b.st
	if i == 0 {
		return margin(false) + st.Heading.Render(Fit(c.title, c.b.o.Width-2))
	}
	if c.rows == nil {
		c.draw()
	}
	f := c.figs[i-1]
	l := c.b.o.Lang
	label := Pad(figureLabel(f, l), c.labelW)
	if sel {
		label = st.Selected.Render(label)
	} else {
		label = st.Label.Render(label)
	}
	row := label + " "
	if c.barW > 0 {
		row += Pad(c.rows[i-1], c.barW) + " "
	}
	v := c.value(f)
	if !c.rank {
		v = PadLeft(v, c.valueW) // numbers align on their last digit
	}
	return margin(sel) + row + st.Value.Render(Fit(v, c.valueW))
}

// figureLabel is a figure's label, marked when derived.
func figureLabel(f *data.Figure, l data.Lang) string {
	if f.IsDerived() {
		return f.Label.In(l) + " *"
	}
	return f.Label.In(l)
}

// sgrReset ends every run of lipgloss styles.
const sgrReset = "\x1b[0m"

// mergeRuns joins the cells of a bar that ntcharts styles one by one
// ("\x1b[38;2;…m█\x1b[0m" for every cell): a reset followed by the very
// styles that were on before it changes no cell, so both are dropped. A
// bar then costs one escape sequence instead of one per cell, which makes
// the frame several times shorter for the same screen. s must start with
// no style on, as a canvas row does; any escape sequence other than a
// style stops the merging until the next reset.
func mergeRuns(s string) string {
	if !strings.Contains(s, sgrReset) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) / 4)
	known := true // the styles on since the last reset are in state
	state := ""
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			j := strings.IndexByte(s[i:], 0x1b)
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		j := escEnd(s, i)
		seq := s[i:j]
		switch {
		case seq == sgrReset:
			if known && state != "" && strings.HasPrefix(s[j:], state) {
				i = j + len(state) // same styles again: nothing changes
				continue
			}
			known, state = true, ""
		case len(seq) > 2 && seq[1] == '[' && seq[len(seq)-1] == 'm':
			state += seq
		default:
			known, state = false, ""
		}
		b.WriteString(seq)
		i = j
	}
	return b.String()
}

// escEnd returns the index after the escape sequence that starts at s[i]:
// a CSI sequence up to its final byte, else the escape and one byte.
func escEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return min(i+2, len(s))
	}
	for j := i + 2; j < len(s); j++ {
		if c := s[j]; c >= 0x40 && c <= 0x7e {
			return j + 1
		}
	}
	return len(s)
}
