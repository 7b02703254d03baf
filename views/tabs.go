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
// the tab (its note under it) and then a compact table of all its
// figures; in table mode one full table with source references; then the
// notes of the groups without a chart, and the tab's honours and claims.
func (b *builder) standard() {
	l := b.o.Lang
	if b.o.Mode == ModeTable {
		b.heading(MsgFigures.In(l))
		b.figureTable(true)
	} else {
		var charted []*data.Group
		for _, g := range b.ds.GroupsOf(b.tab) {
			if g.Chart == data.ChartBar || g.Chart == data.ChartRank {
				charted = append(charted, g)
			}
		}
		b.charts(charted)
		b.heading(MsgFigures.In(l))
		b.figureTable(false)
	}
	b.derivedLegend()
	b.groupNotes(b.o.Mode == ModeTable)
	b.honoursAndClaims()
}

func (b *builder) derivedLegend() {
	for _, f := range b.ds.FiguresOfTab(b.tab) {
		if f.IsDerived() {
			b.text(margin(false) + b.st.Muted.Render(Fit(MsgDerivedLegend.In(b.o.Lang), b.o.Width-2)))
			return
		}
	}
}

// groupNotes adds the notes of the tab's groups that no chart shows above
// (all of them in table mode): what a reader would otherwise be misled by.
func (b *builder) groupNotes(all bool) {
	l := b.o.Lang
	head := false
	for _, g := range b.ds.GroupsOf(b.tab) {
		if g.Note == nil || !all && (g.Chart == data.ChartBar || g.Chart == data.ChartRank) {
			continue
		}
		if !head {
			b.heading(MsgGroupNotes.In(l))
			head = true
		}
		b.paragraph(-1, g.Title.In(l)+colon(l)+g.Note.In(l), b.st.Muted)
	}
}

// figureTable lists the tab's figures; full adds the source reference.
func (b *builder) figureTable(full bool) {
	l := b.o.Lang
	figs := b.ds.FiguresOfTab(b.tab)
	// A label is never cut where its short form fits, nor a value where
	// there is room (a rank reads "first among the city's urban districts").
	shortW, valueW := 0, 0
	for _, f := range figs {
		shortW = max(shortW, Width(figureLabel(f, f.Short, l)))
		valueW = max(valueW, Width(FormatValue(f, l)))
	}
	cols := []column{
		{title: MsgColLabel, min: min(shortW, 40), max: 40},
		{title: MsgColValue, min: min(valueW, (b.o.Width-2)*2/5), max: 44, right: true},
		{title: MsgColPeriod, min: 10, max: 32},
		{title: MsgColCompare, min: 8, max: 40, give: !full},
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
		row := []string{alt(figureLabel(f, f.Label, l), figureLabel(f, f.Short, l)), FormatValue(f, l), f.Period.In(l), cmp}
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

// projectTable lists the projects: the stage their milestones give, and
// what each milestone says.
func (b *builder) projectTable(full bool) {
	l := b.o.Lang
	ps := b.ds.Projects
	cols := []column{
		{title: MsgColProject, min: 8, max: 36},
		{title: MsgColCategory, min: 4, max: 12},
		{title: MsgColStage, min: 4, max: 18},
		{title: MsgColProgress, min: 8, max: 80},
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
		row := []string{alt(p.Name.In(l), p.Short.In(l)), data.CategoryName(p.Category).In(l),
			data.StageName(p.Stage()).In(l), progress(p, l)}
		if full {
			row = append(row, SourceRef(b.ds, p.Source))
		}
		return row
	}, items)
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

// honoursAndClaims lists the tab's honours and claims.
func (b *builder) honoursAndClaims() {
	hs, cs := b.ds.HonoursOf(b.tab), b.ds.ClaimsOf(b.tab)
	if len(hs)+len(cs) == 0 {
		return
	}
	l := b.o.Lang
	b.heading(MsgHonoursClaims.In(l))
	for _, h := range hs {
		b.paragraph(b.itemIndex(KindHonour, h.ID), honourLine(h, l), b.st.Label)
	}
	for _, c := range cs {
		b.paragraph(b.itemIndex(KindClaim, c.ID), claimLine(c, l), b.st.Label)
	}
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

// structures shows the strategy: its named lists, each item on the lines
// it wraps to, then the named programmes and schemes with their glosses.
func (b *builder) structures() {
	l := b.o.Lang
	if len(b.ds.Structures) > 0 {
		b.heading(MsgStrategy.In(l))
		for i := range b.ds.Structures {
			s := &b.ds.Structures[i]
			b.paragraph(b.itemIndex(KindStructure, s.ID), structureLine(s, l), b.st.Label)
		}
	}
	if len(b.ds.Programs) > 0 {
		b.heading(MsgPrograms.In(l))
		for i := range b.ds.Programs {
			g := &b.ds.Programs[i]
			b.paragraph(b.itemIndex(KindProgram, g.ID), programLine(g, l), b.st.Label)
		}
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

// paragraph adds wrapped text with a hanging indent: a selectable item,
// or none for it < 0.
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
	if it < 0 {
		sel, items = nil, nil
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
