package views

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/runes"

	"github.com/macun-tui/macun-tui/data"
)

// Bars are drawn by ntcharts' barchart: horizontal bars, one a row, no
// axis, on a canvas the size of the bars alone (a canvas holds a style in
// every cell, so a big one is slow). Labels and values are laid out here,
// by display width: ntcharts measures and cuts labels by bytes, which
// breaks Chinese. A page is drawn once per (tab, width, language, mode,
// look) and kept (model.BodyCache).

// Widths of a bar chart's bars: no wider than barMax, so that a chart of
// two bars does not stretch across a wide screen, and drawn apart from
// their labels below barMin.
const (
	barMax = 40
	barFit = 20
	barMin = 8
)

// track is the rest of a bar on a 0–100 scale, up to 100: the whole that
// a share is a part of.
const track = '·'

// chartRec is a chart as drawn, for the test that ntcharts drew its
// bars: the values, the scale, the width, and each bar's cells as they
// are on the page (a bar on a 0–100 scale followed by its track) and the
// value printed after it ("" for a gauge, which has none).
type chartRec struct {
	figs   []*data.Figure
	vals   []float64
	maxV   float64
	w      int
	cells  []string
	values []string
}

// ntBars draws bars with ntcharts' barchart: vals on a scale where maxV
// fills w cells. It returns each bar's row of the canvas, w cells.
func ntBars(vals []float64, maxV float64, w int) []string {
	out := make([]string, len(vals))
	if w <= 0 || len(vals) == 0 {
		return out
	}
	set := make([]barchart.BarData, len(vals))
	for i, v := range vals {
		set[i] = barchart.BarData{Values: []barchart.BarValue{{Value: max(v, 0)}}}
	}
	m := barchart.New(w, len(vals), barchart.WithHorizontalBars(), barchart.WithNoAxis(), barchart.WithBarGap(0),
		barchart.WithMaxValue(maxV), barchart.WithNoAutoMaxValue(), barchart.WithDataSet(set))
	m.Draw()
	for y := range vals {
		var sb strings.Builder
		for x := range w {
			r := m.Canvas.Cell(canvas.Point{X: x, Y: y}).Rune
			if r == runes.Null {
				r = ' '
			}
			sb.WriteRune(r)
		}
		out[y] = sb.String()
	}
	return out
}

// asciiBar is a bar cell for --ascii: ntcharts' blocks are ambiguous
// width. A full block is '#'; a partial block of half a cell or more
// '=', of less nothing (as if the bar were rounded to the half cell).
func asciiBar(r rune) rune {
	switch r {
	case runes.FullBlock:
		return '#'
	case '▉', '▊', '▋', '▌':
		return '='
	case '▍', '▎', '▏':
		return ' '
	}
	return r
}

// drawBars draws the bars of vals (ntBars) and styles them: each bar in
// its style, then, on a 0–100 scale (full), the track to the end. It
// records the chart (chartRec) with the values printed after the bars.
func (b *builder) drawBars(figs []*data.Figure, maxV float64, w int, full bool, values []string) []piece {
	vals := make([]float64, len(figs))
	for i, f := range figs {
		vals[i] = f.V()
	}
	rows := ntBars(vals, maxV, w)
	rec := chartRec{figs: figs, vals: vals, maxV: maxV, w: w, values: values}
	out := make([]piece, len(figs))
	for i, row := range rows {
		cells := []rune(row)
		if b.o.ASCII {
			for k, r := range cells {
				cells[k] = asciiBar(r)
			}
		}
		bar := strings.TrimRight(string(cells), " ")
		rest := spaces(w - len([]rune(bar)))
		if full {
			rest = strings.Repeat(string(track), w-len([]rune(bar)))
		}
		style := b.st.Bar
		if figs[i].IsDerived() {
			style = b.st.BarAlt
		}
		s := b.render(style, bar) + rest
		if full {
			s = b.render(style, bar) + b.render(b.st.Track, rest)
		}
		out[i] = piece{s: s, w: w, item: -1}
		rec.cells = append(rec.cells, bar+rest)
	}
	b.charts = append(b.charts, rec)
	return out
}

// gauge is a share on a 0–100 bar as wide as a tile, its track to 100.
func (b *builder) gauge(it int, v float64, cw int) piece {
	p := b.drawBars([]*data.Figure{{Value: &v}}, 100, cw, true, []string{""})[0]
	return piece{s: margin(false) + p.s, sel: b.selected(margin(true) + p.s), w: gutter + cw, item: it}
}

// labelled is a line of an item: the gutter and its label in labelW
// cells, then the pieces given; selected, the gutter marks it and the
// label is in the selected style.
func (b *builder) labelled(it int, label string, labelW int, rest ...piece) pline {
	lp := Pad(label, labelW)
	line := pline{{s: margin(false) + b.render(b.st.Label, lp), sel: b.selected(margin(true) + b.render(b.st.Selected, lp)),
		w: gutter + labelW, item: it}}
	for _, p := range rest {
		p.item = it
		if p.sel == "" {
			p.sel = p.s
		}
		line = append(line, p)
	}
	return line
}

// scaleOf is the scale of a chart of figs: 0–100 for shares, so that 44.4%
// looks like less than half whatever else is in the chart, else up to
// the largest value.
func scaleOf(figs []*data.Figure) (maxV float64, full bool) {
	full = true
	for _, f := range figs {
		maxV = max(maxV, f.V())
		full = full && f.IsShare()
	}
	if full && maxV <= 100 {
		return 100, true
	}
	if maxV <= 0 {
		maxV = 1
	}
	return maxV, false
}

// barChart is a panel of bars: one measure in one unit (bar), shares
// (share, with the scale under them), or a pair: a figure and the
// comparison derived from it, with the gap between them (figs are the
// two, gap the third figure or nil).
// Each row is the label, the bar, the value; where the bars would be too
// short, the label is on a line of its own above its bar.
func (b *builder) barChart(figs []*data.Figure, gap *data.Figure, pair bool) *box {
	l := b.o.Lang
	labelNat, valueNat := 0, 0
	for _, f := range figs {
		labelNat = max(labelNat, Width(figureLabel(f, f.Short, l)))
		valueNat = max(valueNat, Width(FormatValue(f, l)))
	}
	maxV, full := scaleOf(figs)
	bx := &box{nat: gutter + labelNat + 1 + barMax + 1 + valueNat, fit: gutter + min(labelNat, barFit) + 1 + barFit + 1 + valueNat,
		min: gutter + barMin + 1 + valueNat}
	bx.draw = func(w int) content {
		avail := w - gutter
		valueW := valueNat // a value is never cut
		labelW := min(labelNat, max(avail-valueW-2-barMin*2, avail*2/5))
		bw := min(avail-labelW-valueW-2, barMax)
		stacked, below := bw < barMin, false
		if stacked { // the label on its own lines, the bar under it
			bw = avail - valueW - 1
			if below = bw < barMin; below { // and the value under the bar
				bw = max(avail, 1)
			}
		}
		values := make([]string, len(figs))
		for i, f := range figs {
			values[i] = PadLeft(FormatValue(f, l), valueW)
			if below {
				values[i] = ""
			}
		}
		bars := b.drawBars(figs, maxV, bw, full, values)
		var out []pline
		x0 := gutter + labelW + 1 // where the bars start
		if stacked {
			x0 = gutter
		}
		for i, f := range figs {
			it := b.item(KindFigure, f.ID)
			if stacked {
				for _, ln := range Wrap(figureLabel(f, f.Short, l), max(avail, 1)) {
					out = append(out, b.labelled(it, ln, avail))
				}
				if below {
					out = append(out, b.labelled(it, "", 0, bars[i]))
					for _, ln := range Wrap(FormatValue(f, l), max(avail, 1)) {
						out = append(out, b.labelled(it, "", 0, b.text(ln, b.st.Value)))
					}
					continue
				}
				out = append(out, b.labelled(it, "", 0, bars[i], b.text(" ", b.st.Label), b.text(values[i], b.st.Value)))
				continue
			}
			label := Wrap(figureLabel(f, f.Short, l), max(labelW, 1))
			out = append(out, b.labelled(it, label[0], labelW, b.text(" ", b.st.Label), bars[i],
				b.text(" ", b.st.Label), b.text(values[i], b.st.Value)))
			for _, ln := range label[1:] {
				out = append(out, b.labelled(it, ln, labelW))
			}
		}
		if pair {
			out = append(out, b.gapLines(figs, gap, maxV, bw, x0, w)...)
		} else if full && bw >= 8 {
			out = append(out, pline{blank(x0), b.text(Pad("0%", bw-4)+"100%", b.st.Muted)})
		}
		return content{lines: out}
	}
	return bx
}

// gapLines are the gap of a pair: a bracket under the bars from the
// end of the shorter to the end of the longer, and the comparison the
// article makes ("78.7 percentage points above the city average"), the
// gap figure's line.
func (b *builder) gapLines(figs []*data.Figure, gap *data.Figure, maxV float64, bw, x0, w int) []pline {
	l := b.o.Lang
	var out []pline
	end := func(v float64) int { return int(math.Round(min(max(v, 0)/maxV, 1) * float64(bw))) }
	lo, hi := end(min(figs[0].V(), figs[1].V())), end(max(figs[0].V(), figs[1].V()))
	brd := borders(b.o.ASCII)
	if hi-lo >= 2 && x0+hi <= w {
		out = append(out, pline{blank(x0 + lo), b.text(brd.BottomLeft+strings.Repeat(brd.Bottom, hi-lo-2)+brd.BottomRight, b.st.Muted)})
	}
	text := ""
	if figs[0].Comparison != nil {
		text = figs[0].Comparison.In(l)
	}
	if gap == nil {
		for _, ln := range Wrap(text, max(w-x0, 1)) {
			out = append(out, pline{blank(x0), b.text(ln, b.st.Muted)})
		}
		return out
	}
	if text == "" {
		text = figureLabel(gap, gap.Short, l) + colon(l) + FormatValue(gap, l)
	}
	it := b.item(KindFigure, gap.ID)
	for _, ln := range Wrap(text, max(w-x0, 1)) {
		out = append(out, b.labelled(it, "", x0-gutter, b.text(Pad(ln, w-x0), b.st.Value)))
	}
	return out
}

// changeMarks are the marks of a change: the earlier level, the later
// one, and the way between them on the track; 7-bit with --ascii.
func changeMarks(ascii bool) (before, after string, way rune) {
	if ascii {
		return "o", "@", '='
	}
	return "○", "●", '━'
}

// changeChart is a panel of a figure and its earlier level derived from
// it (change: figs are the two, delta the third figure or nil): a track
// from 0 to 100 (for shares; else from 0 to the larger value, unlabelled)
// with the earlier level and the later one marked and the way between
// them drawn, then each figure's line with its mark.
func (b *builder) changeChart(figs []*data.Figure, delta *data.Figure) *box {
	l := b.o.Lang
	all := append([]*data.Figure{}, figs...)
	if delta != nil {
		all = append(all, delta)
	}
	labelNat, valueNat := 0, 0
	for _, f := range all {
		labelNat = max(labelNat, Width(figureLabel(f, f.Short, l)))
		valueNat = max(valueNat, Width(FormatValue(f, l)))
	}
	bx := &box{nat: gutter + max(labelNat+2+valueNat+2, barMax+6), fit: gutter + min(labelNat, barFit) + 2 + valueNat + 2,
		min: gutter + barMin + 6}
	bx.draw = func(w int) content {
		avail := w - gutter
		tw := max(min(avail-8, barMax), 1) // "0% " before it, " 100%" after it
		maxV, full := scaleOf(figs)
		from, to := "0% ", " 100%"
		if !full {
			from, to = "   ", "     "
		}
		markBefore, markAfter, markWay := changeMarks(b.o.ASCII)
		pos := func(v float64) int { return int(math.Round(min(max(v, 0)/maxV, 1) * float64(max(tw-1, 0)))) }
		before, after := pos(figs[1].V()), pos(figs[0].V())
		cells := []rune(strings.Repeat(string(track), max(tw, 0)))
		lo, hi := min(before, after), max(before, after)
		for x := lo + 1; x < hi && x < len(cells); x++ {
			cells[x] = markWay
		}
		marks := map[int]string{before: markBefore, after: markAfter}
		var sb strings.Builder
		for x, r := range cells {
			if m, ok := marks[x]; ok {
				sb.WriteString(b.render(b.st.Bar, m))
				continue
			}
			if r == markWay {
				sb.WriteString(b.render(b.st.Bar, string(r)))
			} else {
				sb.WriteString(b.render(b.st.Track, string(r)))
			}
		}
		var out []pline
		out = append(out, pline{blank(gutter), b.text(from, b.st.Muted), {s: sb.String(), w: max(tw, 0), item: -1}, b.text(to, b.st.Muted)})
		labelW := min(labelNat, avail*3/5)
		valueW := min(valueNat, max(avail-labelW-4, 1))
		for i, f := range all {
			it := b.item(KindFigure, f.ID)
			mark := "  "
			switch i {
			case 0:
				mark = " " + markAfter
			case 1:
				mark = " " + markBefore
			}
			label := Wrap(figureLabel(f, f.Short, l), max(labelW, 1))
			value := Wrap(FormatValue(f, l), max(valueW, 1))
			for k := range max(len(label), len(value)) {
				ln, v, m := "", "", "  "
				if k < len(label) {
					ln = label[k]
				}
				if k < len(value) {
					v = value[k]
				}
				if k == 0 {
					m = mark
				}
				out = append(out, b.labelled(it, ln, labelW, b.text("  ", b.st.Label), b.text(PadLeft(v, valueW), b.st.Value),
					b.text(m, b.st.Bar)))
			}
		}
		if delta != nil && delta.Comparison != nil {
			out = append(out, b.muted(delta.Comparison.In(l), w)...)
		}
		return content{lines: out}
	}
	return bx
}
