package views

import (
	"github.com/charmbracelet/lipgloss"

	"fmt"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// tabViews maps each tab id to what it shows. A new tab is one view file
// and one line here (and its id in data.Tabs()).
var tabViews = map[string]func(*builder){
	"overview":    overviewTab,
	"industry":    industryTab,
	"urban-rural": urbanRuralTab,
	"governance":  governanceTab,
	"projects":    projectsTab,
}

// HasView reports whether a tab id has a view.
func HasView(tab string) bool { _, ok := tabViews[tab]; return ok }

// RenderBody lays out the body of a tab. Lines are rendered on demand.
func RenderBody(ds *data.Dataset, tab string, o Options, st *Styles) *Body {
	o.Width = max(o.Width, 0)
	b := newBuilder(ds, tab, o, st)
	if f, ok := tabViews[tab]; ok {
		f(b)
	}
	return b.done()
}

// standard is what most tabs show: in chart mode every charted group of
// the tab and then a compact table of all its figures; in table mode one
// full table with source references.
func (b *builder) standard() {
	if b.o.Mode == ModeTable {
		b.heading(MsgFigures.In(b.o.Lang))
		b.figureTable(true)
		b.derivedLegend()
		return
	}
	var charted []*data.Group
	for _, g := range b.ds.GroupsOf(b.tab) {
		if g.Chart == data.ChartBar || g.Chart == data.ChartRank {
			charted = append(charted, g)
		}
	}
	b.charts(charted)
	b.heading(MsgFigures.In(b.o.Lang))
	b.figureTable(false)
	b.derivedLegend()
}

func (b *builder) derivedLegend() {
	for _, f := range b.ds.FiguresOfTab(b.tab) {
		if f.IsDerived() {
			b.text(margin(false) + b.st.Muted.Render(Fit(MsgDerivedLegend.In(b.o.Lang), b.o.Width-2)))
			return
		}
	}
}

// figureTable lists the tab's figures; full adds the source reference.
func (b *builder) figureTable(full bool) {
	l := b.o.Lang
	figs := b.ds.FiguresOfTab(b.tab)
	cols := []column{
		{title: MsgColLabel, min: 8, max: 40},
		{title: MsgColValue, min: 6, max: 28, right: true},
		{title: MsgColPeriod, min: 6, max: 22},
		{title: MsgColCompare, min: 8, max: 40},
	}
	if full {
		cols = append(cols, column{title: MsgColSource, min: 10})
	}
	items := make([]int, len(figs))
	for i, f := range figs {
		items[i] = b.itemIndex(KindFigure, f.ID)
	}
	b.table(cols, len(figs), func(i int) []string {
		f := figs[i]
		cmp := ""
		if f.Comparison != nil {
			cmp = f.Comparison.In(l)
		}
		row := []string{figureLabel(f, l), FormatValue(f, l), f.Period.In(l), cmp}
		if full {
			row = append(row, SourceRef(b.ds, f.Source))
		}
		return row
	}, items)
}

// SourceRef is a short reference to a source sentence: its paragraph in
// the article and the sentence itself.
func SourceRef(ds *data.Dataset, source string) string {
	if p := ds.ParagraphOf(source); p > 0 {
		return "¶" + fmt.Sprint(p) + " " + source
	}
	return source
}

// projectTable lists the projects.
func (b *builder) projectTable(full bool) {
	l := b.o.Lang
	ps := b.ds.Projects
	cols := []column{
		{title: MsgColProject, min: 8, max: 36},
		{title: MsgColCategory, min: 4, max: 12},
		{title: MsgColStage, min: 4, max: 18},
		{title: MsgColStatus, min: 8, max: 60},
	}
	if full {
		cols = append(cols, column{title: MsgColSource, min: 10})
	}
	items := make([]int, len(ps))
	for i := range ps {
		items[i] = b.itemIndex(KindProject, ps[i].ID)
	}
	b.table(cols, len(ps), func(i int) []string {
		p := &ps[i]
		row := []string{p.Name.In(l), data.CategoryName(p.Category).In(l), data.StageName(p.Stage).In(l), p.Status.In(l)}
		if full {
			row = append(row, SourceRef(b.ds, p.Source))
		}
		return row
	}, items)
}

// structures shows the strategy lists, each item on the lines it wraps to.
func (b *builder) structures() {
	if len(b.ds.Structures) == 0 {
		return
	}
	l := b.o.Lang
	b.heading(MsgStrategy.In(l))
	for i := range b.ds.Structures {
		s := &b.ds.Structures[i]
		head := s.Name.In(l)
		if s.Declared > 0 && s.Declared != len(s.Items) {
			head += " (" + fmt.Sprintf(MsgDeclared.In(l), s.Declared, len(s.Items)) + ")"
		}
		names := make([]string, len(s.Items))
		for j, x := range s.Items {
			names[j] = x.In(l)
		}
		sep := " · "
		if l == data.ZH {
			sep = "、"
		}
		b.paragraph(b.itemIndex(KindStructure, s.ID), head+colon(l)+strings.Join(names, sep), b.st.Label)
	}
}

// notes lists the problems of the source text.
func (b *builder) notes() {
	if len(b.ds.Notes) == 0 {
		return
	}
	l := b.o.Lang
	b.heading(MsgNotes.In(l))
	for i := range b.ds.Notes {
		n := &b.ds.Notes[i]
		b.paragraph(b.itemIndex(KindNote, n.ID), tag(data.NoteKindName(n.Kind), l)+n.Text.In(l), b.st.Muted)
	}
}

// paragraph adds a selectable item shown as wrapped text with a hanging
// indent.
func (b *builder) paragraph(it int, text string, style lipgloss.Style) {
	var lines, sel []string
	var items []int
	for k, ln := range Wrap(text, b.o.Width-4) {
		if k > 0 {
			ln = "  " + ln
		}
		lines = append(lines, margin(false)+style.Render(ln))
		sel = append(sel, margin(true)+b.st.Selected.Render(ln))
		items = append(items, it)
	}
	b.add(&textBlock{lines: lines, sel: sel, items: items})
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
