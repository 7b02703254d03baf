package views

import (
	"github.com/macun-tui/macun-tui/data"
)

// Mode is how a tab shows its figures.
type Mode int

// The two modes: charts with a compact table, or one full table.
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

// Item is a selectable thing of a tab: a figure, project, honour, claim,
// programme, structure or note, with the body lines that show it.
type Item struct {
	Kind  ItemKind
	ID    string
	Lines []int
}

// block is a run of body lines. line renders one of them; sel asks for the
// selected look. item tells which item a line shows (-1 for none).
type block interface {
	height() int
	line(i int, sel bool) string
	item(i int) int
}

// Body is the scrollable content of a tab: a virtual list of lines that
// are rendered on demand and kept, so that a frame renders only what it
// shows and a long list costs nothing off screen.
type Body struct {
	opts   Options
	st     *Styles
	blocks []block
	starts []int
	n      int
	cache  []string
	have   []bool
	selc   map[int]string // selected lines rendered so far
	items  []Item
}

// Len is the number of lines.
func (b *Body) Len() int { return b.n }

// Items are the selectable items, in display order.
func (b *Body) Items() []Item { return b.items }

func (b *Body) locate(i int) (block, int) {
	lo, hi := 0, len(b.blocks)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b.starts[mid] <= i {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return b.blocks[lo], i - b.starts[lo]
}

// Line renders line i, selected or not. Lines are rendered once and
// kept, in both looks, so that moving the selection renders nothing new
// after the first visit.
func (b *Body) Line(i int, sel bool) string {
	if i < 0 || i >= b.n {
		return ""
	}
	if !sel && b.have[i] {
		return b.cache[i]
	}
	if sel {
		if s, ok := b.selc[i]; ok {
			return s
		}
	}
	blk, j := b.locate(i)
	s := blk.line(j, sel)
	s = Fit(s, b.opts.Width)
	if b.opts.ASCII {
		s = ASCIISafe(s)
	}
	if !sel {
		b.cache[i], b.have[i] = s, true
	} else {
		if b.selc == nil {
			b.selc = map[int]string{}
		}
		b.selc[i] = s
	}
	return s
}

// ItemAt returns the index of the item shown on line i, or -1.
func (b *Body) ItemAt(i int) int {
	if i < 0 || i >= b.n {
		return -1
	}
	blk, j := b.locate(i)
	return blk.item(j)
}

// Lines renders every line (for exports).
func (b *Body) Lines() []string {
	out := make([]string, b.n)
	for i := range out {
		out[i] = b.Line(i, false)
	}
	return out
}

// builder assembles a body from blocks and registers items.
type builder struct {
	ds    *data.Dataset
	tab   string
	o     Options
	st    *Styles
	body  *Body
	index map[[2]string]int
}

func newBuilder(ds *data.Dataset, tab string, o Options, st *Styles) *builder {
	return &builder{ds: ds, tab: tab, o: o, st: st, body: &Body{opts: o, st: st}, index: map[[2]string]int{}}
}

// itemIndex returns the index of an item, adding it if new.
func (b *builder) itemIndex(k ItemKind, id string) int {
	key := [2]string{string(rune('0' + k)), id}
	if i, ok := b.index[key]; ok {
		return i
	}
	b.body.items = append(b.body.items, Item{Kind: k, ID: id})
	b.index[key] = len(b.body.items) - 1
	return len(b.body.items) - 1
}

func (b *builder) add(blk block) {
	h := blk.height()
	if h <= 0 {
		return
	}
	start := b.body.n
	b.body.blocks = append(b.body.blocks, blk)
	b.body.starts = append(b.body.starts, start)
	b.body.n += h
	// Record where items show, for highlighting.
	for i := 0; i < h; i++ {
		if it := blk.item(i); it >= 0 {
			b.body.items[it].Lines = append(b.body.items[it].Lines, start+i)
		}
	}
}

func (b *builder) done() *Body {
	b.body.cache = make([]string, b.body.n)
	b.body.have = make([]bool, b.body.n)
	return b.body
}

// textBlock is a run of ready lines, each optionally showing an item.
type textBlock struct {
	lines []string
	items []int
	sel   []string
}

func (t *textBlock) height() int { return len(t.lines) }
func (t *textBlock) line(i int, sel bool) string {
	if sel && t.sel != nil && t.sel[i] != "" {
		return t.sel[i]
	}
	return t.lines[i]
}
func (t *textBlock) item(i int) int {
	if t.items == nil {
		return -1
	}
	return t.items[i]
}

// text adds plain lines.
func (b *builder) text(lines ...string) {
	b.add(&textBlock{lines: lines})
}

// heading adds a section heading preceded by a blank line (except first).
func (b *builder) heading(s string) {
	if b.body.n > 0 {
		b.text("", margin(false)+b.st.Heading.Render(Fit(s, b.o.Width-2)))
		return
	}
	b.text(margin(false) + b.st.Heading.Render(Fit(s, b.o.Width-2)))
}

// margin is the two-cell gutter of every body line; it marks the
// selection so that it shows without colour too.
func margin(sel bool) string {
	if sel {
		return "> "
	}
	return "  "
}
