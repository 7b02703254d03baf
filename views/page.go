package views

import (
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// Mode is how a tab shows its figures.
type Mode int

// The two modes: panels (tiles, charts, lists), or one full table.
const (
	ModeCharts Mode = iota
	ModeTable
)

// Options are what a render depends on besides the data.
type Options struct {
	Width int
	Lang  data.Lang
	Mode  Mode
	ASCII bool // 7-bit borders and bars, no ambiguous-width characters
}

// ItemKind says what a selectable item is.
type ItemKind int

// Item kinds.
const (
	KindFigure ItemKind = iota
	KindProject
	KindStructure
	KindNote
	KindHonour
	KindClaim
	KindProgram
)

// HitKind is the kind of item a search hit selects.
func HitKind(h data.HitKind) ItemKind {
	return map[data.HitKind]ItemKind{data.HitFigure: KindFigure, data.HitProject: KindProject,
		data.HitHonour: KindHonour, data.HitClaim: KindClaim, data.HitProgram: KindProgram}[h]
}

// Span is where part of an item is drawn: cells Col to Col+Width-1 of
// row Row of the page.
type Span struct {
	Row, Col, Width int
}

// Item is a selectable thing of a page: a figure, project, honour, claim,
// programme, structure or note, and where the page draws it, in order
// (one span a row, and more than one place where it shows twice: a tile
// and its full label under the panels).
type Item struct {
	Kind  ItemKind
	ID    string
	Spans []Span
}

// Rows are the rows of the first place the item is drawn: its first span
// and the spans on the rows right after it.
func (it Item) Rows() (first, last int) {
	if len(it.Spans) == 0 {
		return -1, -1
	}
	first, last = it.Spans[0].Row, it.Spans[0].Row
	for _, s := range it.Spans[1:] {
		switch {
		case s.Row == last:
		case s.Row == last+1:
			last = s.Row
		default:
			return first, last
		}
	}
	return first, last
}

// piece is a run of cells of a line: text already styled, w cells wide;
// when it shows an item (item >= 0), sel is its selected look, as wide.
type piece struct {
	s, sel string
	w      int
	item   int
}

// pline is a line of a panel or page, in pieces.
type pline []piece

func (l pline) width() int {
	w := 0
	for _, p := range l {
		w += p.w
	}
	return w
}

// Page is a tab rendered at a width: every line of it (unselected), its
// items in reading order with where each is drawn, and the tables whose
// header stays on screen while their rows scroll. It is made whole and
// never changes after, so that sessions may share it; drawing a line with
// an item selected allocates only that line.
type Page struct {
	opts  Options
	lines []string
	rows  []pline // the pieces of each line that shows an item; nil for the others
	items []Item
	pins  []pin
	at    [][]hit // per row, the items drawn on it, left to right
	text  bool    // made for a text export: lines only (renderPage)
	// charts are where bars are drawn, for the test that ntcharts drew them.
	charts []chartRec
}

// pin is a table's header: rows head..head+n-1, kept on screen while
// the first row shown is one of rows head+n..last.
type pin struct {
	head, n, last int
}

type hit struct {
	col, w, item int
}

// Len is the number of lines.
func (p *Page) Len() int { return len(p.lines) }

// Items are the selectable items, in reading order.
func (p *Page) Items() []Item { return p.items }

// Lines are every line, unselected (for exports).
func (p *Page) Lines() []string { return p.lines }

// Line is line i with item sel drawn selected (none for sel < 0).
func (p *Page) Line(i, sel int) string {
	if i < 0 || i >= len(p.lines) {
		return ""
	}
	if sel < 0 || p.rows[i] == nil || !slices.ContainsFunc(p.at[i], func(h hit) bool { return h.item == sel }) {
		return p.lines[i]
	}
	var b strings.Builder
	b.Grow(len(p.lines[i]) + 32)
	for _, pc := range p.rows[i] {
		if pc.item == sel {
			b.WriteString(pc.sel)
		} else {
			b.WriteString(pc.s)
		}
	}
	return b.String()
}

// ItemAt is the item drawn at cell col of row i, or -1.
func (p *Page) ItemAt(i, col int) int {
	if i < 0 || i >= len(p.at) {
		return -1
	}
	for _, h := range p.at[i] {
		if col >= h.col && col < h.col+h.w {
			return h.item
		}
	}
	return -1
}

// Pinned are the rows to show at the top of the screen, over the rows
// there, when the first row shown is top: the header of the table being
// scrolled through (and its rule), or none.
func (p *Page) Pinned(top int) []int {
	for _, pn := range p.pins {
		if top >= pn.head+pn.n && top <= pn.last {
			rows := make([]int, pn.n)
			for i := range rows {
				rows[i] = pn.head + i
			}
			return rows
		}
	}
	return nil
}

// builder makes a page: its items, registered in the order panels draw
// them, and the pieces panels are made of.
type builder struct {
	ds     *data.Dataset
	tab    string
	o      Options
	st     *Styles
	export bool     // for a text export: lines only, no selected looks or spans
	sides  [2]piece // a panel's left and right border, drawn once
	items  []Item
	index  map[itemKey]int
	// charts drawn (see chartRec), for the test that ntcharts drew them.
	charts []chartRec
}

// itemKey names a record of the dataset.
type itemKey struct {
	kind ItemKind
	id   string
}

func newBuilder(ds *data.Dataset, tab string, o Options, st *Styles) *builder {
	return &builder{ds: ds, tab: tab, o: o, st: st, index: map[itemKey]int{}}
}

// item returns the index of an item, adding it if new.
func (b *builder) item(k ItemKind, id string) int {
	key := itemKey{k, id}
	if i, ok := b.index[key]; ok {
		return i
	}
	b.items = append(b.items, Item{Kind: k, ID: id})
	b.index[key] = len(b.items) - 1
	return len(b.items) - 1
}

// render styles s, or leaves it as it is with plain styles (exports,
// goldens), which emit no escape codes anyway.
func (b *builder) render(style lipgloss.Style, s string) string {
	if b.st.Plain || s == "" {
		return s
	}
	return style.Render(s)
}

// text is a piece of text in a style.
func (b *builder) text(s string, style lipgloss.Style) piece {
	return piece{s: b.render(style, s), w: Width(s), item: -1}
}

// blank is w cells of nothing.
func blank(w int) piece {
	return piece{s: spaces(w), w: max(w, 0), item: -1}
}

// margin is the two-cell gutter before an item; it marks the selection
// so that it shows without colour too.
func margin(sel bool) string {
	if sel {
		return "> "
	}
	return "  "
}

// gutter is the width of margin.
const gutter = 2

// itemLine is one line of an item w cells wide, its gutter included: the
// text s padded in style, and selected, in the selected style.
func (b *builder) itemLine(it int, s string, w int, style lipgloss.Style) piece {
	padded := Pad(s, w-gutter)
	return piece{
		s:    margin(false) + b.render(style, padded),
		sel:  b.selected(margin(true) + b.render(b.st.Selected, padded)),
		w:    w,
		item: it,
	}
}

// selected is the selected look of a piece, made only for the screen.
func (b *builder) selected(s string) string {
	if b.export {
		return ""
	}
	return s
}

// para is text wrapped to w cells (gutter included) with a hanging indent:
// one item line each, or plain lines for it < 0.
func (b *builder) para(it int, s string, w int, style lipgloss.Style) []pline {
	var out []pline
	for k, ln := range Wrap(s, max(w-gutter-2, 1)) {
		if k > 0 {
			ln = "  " + ln
		}
		if it >= 0 {
			out = append(out, pline{b.itemLine(it, ln, w, style)})
		} else {
			out = append(out, pline{blank(gutter), b.text(ln, style)})
		}
	}
	return out
}

// muted is a wrapped note in the muted style, not selectable.
func (b *builder) muted(s string, w int) []pline {
	var out []pline
	for _, ln := range Wrap(s, max(w-gutter, 1)) {
		out = append(out, pline{blank(gutter), b.text(ln, b.st.Muted)})
	}
	return out
}
