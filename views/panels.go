package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// listMax is the widest a list panel grows: lines of prose past it are
// hard to read.
const listMax = 100

// listMin is the narrowest a list panel is drawn in beside another;
// listFit the width a short list is drawn well in, so that it may go
// beside another.
const (
	listMin = 30
	listFit = 48
)

// groupBox is the panel of a group, in the form its chart names, with
// the group's note, the mark of derived figures and, for figures shown
// on an earlier tab too, what this panel adds; nil for a group whose
// figures are on the project cards.
func (b *builder) groupBox(g *data.Group) *box {
	figs := b.ds.FiguresOf(g)
	if len(figs) == 0 || onCards(g) {
		return nil
	}
	var bx *box
	switch {
	case g.Chart == data.ChartPair && len(figs) >= 2:
		bx = b.barChart(figs[:2], third(figs), true)
	case g.Chart == data.ChartChange && len(figs) >= 2:
		bx = b.changeChart(figs[:2], third(figs))
	case g.Chart == data.ChartBar || g.Chart == data.ChartShare || g.Chart == data.ChartPair || g.Chart == data.ChartChange:
		bx = b.barChart(figs, nil, false)
	case g.Chart == data.ChartNone:
		bx = b.figureList(figs)
	default: // rank, tiles, and pipeline groups on a tab without the pipeline
		bx = b.tiles(figs)
	}
	bx.title = g.Title.In(b.o.Lang)
	notes := b.groupNotes(g, figs)
	draw := bx.draw
	bx.draw = func(w int) content {
		c := draw(w)
		for _, n := range notes {
			c.lines = append(c.lines, b.muted(n, w)...)
		}
		return c
	}
	return bx
}

// third is the third figure of a pair or change, the gap, or nil.
func third(figs []*data.Figure) *data.Figure {
	if len(figs) > 2 {
		return figs[2]
	}
	return nil
}

// groupNotes are the lines under a group's panel: that its figures are on
// an earlier tab too and what this panel adds, its note, the legend of
// the derived mark.
func (b *builder) groupNotes(g *data.Group, figs []*data.Figure) []string {
	l := b.o.Lang
	var out []string
	for _, f := range figs {
		home := b.ds.HomeTab(f.ID)
		if home == "" || home == b.tab {
			continue
		}
		t, _ := data.TabByID(home)
		msg := MsgAlso
		switch g.Chart {
		case data.ChartPair:
			msg = MsgAlsoPair
		case data.ChartChange:
			msg = MsgAlsoChange
		case data.ChartShare:
			msg = MsgAlsoShare
		}
		out = append(out, fmt.Sprintf(msg.In(l), t.Title.In(l)))
		break
	}
	if g.Note != nil {
		out = append(out, g.Note.In(l))
	}
	for _, f := range figs {
		if f.IsDerived() {
			out = append(out, MsgDerivedLegend.In(l))
			break
		}
	}
	return out
}

// figureList is a group without a chart: each figure on a line, its
// label, value and period.
func (b *builder) figureList(figs []*data.Figure) *box {
	l := b.o.Lang
	var es []entry
	for _, f := range figs {
		es = append(es, entry{KindFigure, f.ID, figureLabel(f, f.Short, l) + colon(l) + FormatValue(f, l) +
			paren(periodText(f.Period, l), l), b.st.Label})
	}
	return b.listBox("", es, listFit)[0]
}

// entry is a record in a list: its item, its text and style.
type entry struct {
	kind  ItemKind
	id    string
	text  string
	style lipgloss.Style
}

// listBox is a panel that lists records, each a wrapped paragraph; nil
// for none. Its items are made when it is drawn, in the order of the
// page.
// A long list (fit listMax) takes the width; a short one (listFit) may go
// beside another panel.
func (b *builder) listBox(title string, es []entry, fit int) []*box {
	if len(es) == 0 {
		return nil
	}
	nat := 0
	for _, e := range es {
		nat = max(nat, gutter+2+Width(e.text))
	}
	return []*box{{title: title, nat: min(nat, listMax), fit: fit, min: listMin, draw: func(w int) content {
		var out []pline
		for _, e := range es {
			out = append(out, b.para(b.item(e.kind, e.id), e.text, w, e.style)...)
		}
		return content{lines: out}
	}}}
}

// recordsBox lists the records of a section (listOf), each as the lists
// show it (refLine): the notes on the source text muted; the honours and
// claims, a short list, beside another panel where there is room.
func (b *builder) recordsBox(s section) []*box {
	l := b.o.Lang
	_, title, refs := listOf(b.ds, b.tab, s)
	style, fit := b.st.Label, listMax
	switch s {
	case secNotes:
		style = b.st.Muted
	case secHonoursClaims:
		fit = listFit
	}
	es := make([]entry, len(refs))
	for i, r := range refs {
		es[i] = entry{r.Kind, r.ID, refLine(b.ds, r, l), style}
	}
	return b.listBox(title.In(l), es, fit)
}

// refLine is a record of a list as the lists show it: an honour, claim,
// strategy list, programme or note.
func refLine(ds *data.Dataset, r Ref, l data.Lang) string {
	switch r.Kind {
	case KindHonour:
		if h, ok := ds.Honour(r.ID); ok {
			return honourLine(h, l)
		}
	case KindClaim:
		if c, ok := ds.Claim(r.ID); ok {
			return claimLine(c, l)
		}
	case KindStructure:
		if x, ok := ds.Structure(r.ID); ok {
			return structureLine(x, l)
		}
	case KindProgram:
		if g, ok := ds.Program(r.ID); ok {
			return programLine(g, l)
		}
	case KindNote:
		if n, ok := ds.Note(r.ID); ok {
			return tag(data.NoteKindName(n.Kind), l) + n.Text.In(l)
		}
	}
	return r.ID
}

// keyLine is a figure in the key: the short label its tile or chart
// shows, its full label, and where its sentence is in the article.
func (b *builder) keyLine(f *data.Figure) string {
	l := b.o.Lang
	s := tag(data.Text{ZH: figureLabel(f, f.Short, data.ZH), EN: figureLabel(f, f.Short, data.EN)}, l) + figureLabel(f, f.Label, l)
	if at := where(b.ds, f.Source, l); at != "" {
		s += paren(glue(at), l)
	}
	return s
}

// keyBox is the key to the panels: every figure of the tab by the short
// label its tile or chart shows, with its full label and where its
// sentence is in the article, so that the full labels are on the page
// (and in its text) without a second copy of the values.
func (b *builder) keyBox() []*box {
	var es []entry
	for _, f := range b.ds.FiguresOfTab(b.tab) {
		es = append(es, entry{KindFigure, f.ID, b.keyLine(f), b.st.Muted})
	}
	return b.listBox(MsgKey.In(b.o.Lang), es, listMax)
}

// colon ends a heading run into its text: full width in Chinese, where a
// space would be the only break point of the line.
func colon(l data.Lang) string {
	if l == data.ZH {
		return "："
	}
	return ": "
}

// tag is a bracketed label before a text: 【…】 in Chinese, [...] in
// English.
func tag(t data.Text, l data.Lang) string {
	if l == data.ZH {
		return "【" + t.ZH + "】"
	}
	return "[" + t.EN + "] "
}

// honourLine is an honour as a list shows it: its level, its title, and
// "and other titles" where the article names it among others.
func honourLine(h *data.Honour, l data.Lang) string {
	s := tag(data.Text{ZH: data.LevelName(h.Level).ZH + "荣誉", EN: data.LevelName(h.Level).EN + " honour"}, l) + h.Title.In(l)
	if h.AmongOthers {
		s += MsgAmongOthers.In(l)
	}
	return s
}

// claimLine is a claim as a list shows it: its kind, its summary, its
// period where the summary does not say it, and the mark of a status that
// looks ahead.
func claimLine(c *data.Claim, l data.Lang) string {
	s := tag(data.ClaimKindName(c.Kind), l) + c.Label.In(l) + ahead(c.Status, l)
	if c.Period != nil && !strings.Contains(c.Label.In(l), c.Period.Text.In(l)) {
		s += paren(c.Period.In(l), l)
	}
	return s
}

// structureLine is a strategy list in one line: its name, its items and
// what its name means.
func structureLine(s *data.Structure, l data.Lang) string {
	head := s.Name.In(l)
	if d := declared(s, l); d != "" {
		head += paren(d, l)
	}
	names := make([]string, len(s.Items))
	for j, x := range s.Items {
		names[j] = x.In(l)
	}
	line := head + colon(l) + strings.Join(names, listSep(l))
	if s.Open {
		line += MsgAndOthers.In(l)
	}
	if s.Gloss != nil {
		line += MsgFullStop.In(l) + s.Gloss.In(l)
	}
	return line
}

// programLine is a programme as the strategy lists it: its name, its gloss
// and, for a gloss from elsewhere, where it comes from.
func programLine(g *data.Program, l data.Lang) string {
	s := g.Name.In(l) + ahead(g.Status, l) + colon(l) + g.Gloss.In(l)
	if g.GlossSource != "" {
		s += paren(MsgOutside.In(l)+": "+g.GlossSource, l)
	}
	return s
}

// figureLabel is a figure's label (full or short), marked when derived
// unless it says so itself.
func figureLabel(f *data.Figure, t data.Text, l data.Lang) string {
	if f.IsDerived() && !strings.Contains(t.In(l), MsgDDerivedMark.In(l)) {
		return t.In(l) + " *"
	}
	return t.In(l)
}

// SourceRef is a short reference to a source sentence: its paragraph in
// the article and the sentence itself.
func SourceRef(ds *data.Dataset, source string) string {
	if p := ds.ParagraphOf(source); p > 0 {
		return "¶" + fmt.Sprint(p) + " " + source
	}
	return source
}
