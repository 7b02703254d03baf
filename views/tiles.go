package views

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// Widths of a tile (its text, the gutter aside): as wide as its longest
// line within these, so that five rank tiles fit a row at 120 columns.
const (
	tileMin = 14
	tileFit = 20
	tileMax = 26
)

// block is one tile or card of a flow: its parts (value, label, period
// …), each of lines that are item lines as wide as the flow's blocks,
// and the item its padding belongs to (-1 for none). The parts of the
// blocks of a row line up: each starts on the same line in all of them.
type block struct {
	parts [][]pline
	item  int
}

// flowGap is the blank cell between the blocks of a row where there is
// room for it, so that the selection mark in a block's gutter does not
// touch the text before it.
const flowGap = 1

// flowWidth is the width of k blocks of cw cells (gutters aside) in a
// row, with their gaps.
func flowWidth(k, cw int) int { return k*(gutter+cw) + max(k-1, 0)*flowGap }

// flowShape is how n blocks go in w cells: k to a row, each cw cells
// wide (gutter aside), gap cells apart. Rows are balanced (five tiles
// where four fit go three and two) and a block is no wider than nat. The
// blocks are flowGap apart where that leaves them nat wide, and touch
// where the gap would narrow them.
func flowShape(n, w, nat, minW int) (k, cw, gap int) {
	kmax := max(1, min(n, w/(gutter+minW)))
	rows := (n + kmax - 1) / kmax
	k = (n + rows - 1) / rows
	if flowWidth(k, nat) <= w {
		return k, max(nat, 1), flowGap
	}
	cw = min(nat, w/k-gutter)
	return k, max(cw, 1), 0
}

// flow lays out n blocks side by side, k to a row, rows a blank line
// apart; in a row each part is as high as the highest of it, the others
// padded with lines of their item, so that a click anywhere on a tile
// selects it.
func (b *builder) flow(n, w, nat, minW int, draw func(i, cw int) block) []pline {
	k, cw, gap := flowShape(n, w, nat, minW)
	return b.flowRows(n, k, cw, gap, draw)
}

// flowRows lays out n blocks cw cells wide (gutter aside), k to a row,
// gap cells apart.
func (b *builder) flowRows(n, k, cw, gap int, draw func(i, cw int) block) []pline {
	var out []pline
	for start := 0; start < n; start += k {
		if start > 0 {
			out = append(out, pline{})
		}
		var row []block
		parts := 0
		for i := start; i < min(start+k, n); i++ {
			bl := draw(i, cw)
			row = append(row, bl)
			parts = max(parts, len(bl.parts))
		}
		for p := range parts {
			h := 0
			for _, bl := range row {
				if p < len(bl.parts) {
					h = max(h, len(bl.parts[p]))
				}
			}
			for r := range h {
				var line pline
				for j, bl := range row {
					if j > 0 && gap > 0 {
						line = append(line, blank(gap))
					}
					switch {
					case p < len(bl.parts) && r < len(bl.parts[p]):
						line = append(line, bl.parts[p][r]...)
					case bl.item >= 0:
						line = append(line, b.itemLine(bl.item, "", gutter+cw, b.st.Label))
					default:
						line = append(line, blank(gutter+cw))
					}
				}
				out = append(out, line)
			}
		}
	}
	return out
}

// tileTexts are the parts of a figure's tile before wrapping, each with
// its style: the value as a reporter writes it (marked when it looks
// ahead), a share's 0–100 gauge (drawn in its place, the empty text),
// the label, the comparison, the period. A rank's value is its position
// and its comparison the scope it is counted in; in English the two read
// as one ("1st among the city's urban districts"), the position in the
// value's style. The parts are the same in every tile, so that tiles side
// by side line up.
func (b *builder) tileTexts(f *data.Figure) []styled {
	l := b.o.Lang
	value := styled{s: FormatValue(f, l), st: b.st.TileValue}
	cmp := styled{st: b.st.Muted}
	switch {
	case f.Rank != nil && l == data.EN:
		pos, scope := f.RankTile(l)
		value = styled{s: pos + " " + scope, head: pos, st: b.st.Label}
	case f.Rank != nil:
		pos, scope := f.RankTile(l)
		value.s, cmp = pos, styled{s: scope, st: b.st.Label}
	case f.Comparison != nil:
		cmp.s = f.Comparison.In(l)
	}
	if l == data.ZH {
		cmp.s = keepPhrases(cmp.s)
	}
	return []styled{value, {st: b.st.Track}, {s: figureLabel(f, f.Short, l), st: b.st.Label},
		cmp, {s: keepPhrases(periodText(f.Period, l)), st: b.st.Muted}}
}

// zhPhrase is what keepPhrases keeps together at the end of a Chinese
// text: an amount and its unit (15.7个百分点), or a remark in brackets
// ((推定)).
var zhPhrase = regexp.MustCompile(`([0-9][0-9.,%]*\p{Han}{0,4}|[(（][^()（）]{1,6}[)）])$`)

// keepPhrases glues the phrase a short Chinese text ends with (zhPhrase),
// so that a tile breaks the line before it rather than inside it: 高于全市
// 平均水平 / 15.7个百分点, not …15.7个百分 / 点.
func keepPhrases(s string) string {
	if loc := zhPhrase.FindStringIndex(s); loc != nil && loc[0] > 0 {
		return s[:loc[0]] + glue(s[loc[0]:])
	}
	return s
}

// styled is a text and its style; head, where s starts with it, is in the
// style of a tile's value.
type styled struct {
	s, head string
	st      lipgloss.Style
}

// lines are the text wrapped to w cells, each an item line of it, w cells
// wide with the gutter.
func (b *builder) lines(it int, t styled, w int) []pline {
	var out []pline
	for k, ln := range wrapCell(t.s, w) {
		p := b.itemLine(it, ln, gutter+w, t.st)
		if k == 0 && t.head != "" && strings.HasPrefix(ln, t.head) {
			rest := Pad(strings.TrimPrefix(ln, t.head), w-Width(t.head))
			p.s = margin(false) + b.render(b.st.TileValue, t.head) + b.render(t.st, rest)
		}
		out = append(out, pline{p})
	}
	return out
}

// periodText is a period as a tile or list gives it: the article's, or
// that it gives none.
func periodText(p *data.Period, l data.Lang) string {
	if p == nil {
		return MsgNoPeriod.In(l)
	}
	return p.In(l)
}

// tiles is a panel of one tile per figure.
func (b *builder) tiles(figs []*data.Figure) *box {
	tw := tileMin
	texts := make([][]styled, len(figs))
	for i, f := range figs {
		texts[i] = b.tileTexts(f)
		for _, t := range texts[i] {
			tw = max(tw, min(Width(t.s), tileMax))
		}
	}
	return &box{nat: flowWidth(len(figs), tw), fit: flowWidth(len(figs), min(tw, tileFit)), min: gutter + tileMin, draw: func(w int) content {
		return content{lines: b.flow(len(figs), w, tw, tileMin, func(i, cw int) block {
			f := figs[i]
			it := b.item(KindFigure, f.ID)
			bl := block{item: it}
			for k, t := range texts[i] {
				part := b.lines(it, t, cw)
				if k == 1 && f.IsShare() {
					part = append(part, pline{b.gauge(it, f.V(), cw)})
				}
				bl.parts = append(bl.parts, part)
			}
			return bl
		})}
	}}
}
