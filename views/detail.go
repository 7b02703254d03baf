package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// Detail texts.
var (
	MsgDOther       = Msg{ZH: "英文", EN: "In Chinese"}
	MsgDBase        = Msg{ZH: "按基本单位", EN: "In base units"}
	MsgDStatus      = Msg{ZH: "状态", EN: "Status"}
	MsgDRank        = Msg{ZH: "排名范围", EN: "Ranked among"}
	MsgDInferred    = Msg{ZH: "推定依据", EN: "Inferred"}
	MsgDDerived     = Msg{ZH: "推算", EN: "Derived"}
	MsgDDerivedMark = Msg{ZH: "(推算)", EN: "(derived)"}
	MsgDCaveat      = Msg{ZH: "精度", EN: "Precision"}
	MsgDQuoted      = Msg{ZH: "原文数字(非推算)", EN: "no: quoted from the article"}
	MsgDSource      = Msg{ZH: "原文出处", EN: "Source sentence"}
	MsgDCaption     = Msg{ZH: "图片说明", EN: "photo caption"}
	MsgDTranslation = Msg{ZH: "译文", EN: "Translation"}
	MsgDContext     = Msg{ZH: "上下文", EN: "In context"}
	MsgDNotes       = Msg{ZH: "说明", EN: "Notes"}
	MsgDID          = Msg{ZH: "编号", EN: "ID"}
	MsgDPrograms    = Msg{ZH: "所属工程", EN: "Programmes"}
	MsgDProjects    = Msg{ZH: "相关项目", EN: "Projects"}
	MsgDFigures     = Msg{ZH: "相关数字", EN: "Figures"}
	MsgDHonours     = Msg{ZH: "相关荣誉", EN: "Honours"}
	MsgDClaims      = Msg{ZH: "相关表述", EN: "Claims"}
	MsgDStage       = Msg{ZH: "阶段(据下列进展)", EN: "Stage (from the steps below)"}
	MsgDMilestones  = Msg{ZH: "原文所述进展", EN: "Progress the article reports"}
	MsgDLevel       = Msg{ZH: "级别", EN: "Level"}
	MsgDKind        = Msg{ZH: "类别", EN: "Kind"}
	MsgDAttributed  = Msg{ZH: "说法来自", EN: "Said by"}
	MsgDGloss       = Msg{ZH: "释义", EN: "What it is"}
	MsgDAlso        = Msg{ZH: "另见", EN: "Also"}
	MsgDAmong       = Msg{ZH: "原文为“……等称号”", EN: "named among other titles"}
	MsgDNotFound    = Msg{ZH: "(在原文中未找到)", EN: "(not found in the article)"}
)

// Detail is the detail pane of an item: every attribute, both labels, the
// verbatim source sentence (in English with its translation under it) and
// the paragraphs around it.
func Detail(ds *data.Dataset, it Item, o Options, st *Styles) []string {
	d := &detail{ds: ds, o: o, st: st, w: max(o.Width-2, 1)}
	switch it.Kind {
	case KindFigure:
		show(ds.Figure, it.ID, d.figure)
	case KindProject:
		show(ds.Project, it.ID, d.project)
	case KindHonour:
		show(ds.Honour, it.ID, d.honour)
	case KindClaim:
		show(ds.Claim, it.ID, d.claim)
	case KindProgram:
		show(ds.Program, it.ID, d.program)
	case KindStructure:
		show(ds.Structure, it.ID, d.structure)
	case KindNote:
		show(ds.Note, it.ID, func(n *data.Note) {
			d.title(data.NoteKindName(n.Kind))
			d.wrap(n.Text.ZH)
			d.wrap(n.Text.EN)
			d.source(data.Quote{Source: n.Quote}, nil)
		})
	}
	out := d.lines
	if o.ASCII {
		for i := range out {
			out[i] = ASCIISafe(out[i])
		}
	}
	return out
}

// show shows the record with the given id, if there is one.
func show[T any](get func(string) (*T, bool), id string, f func(*T)) {
	if x, ok := get(id); ok {
		f(x)
	}
}

type detail struct {
	ds    *data.Dataset
	o     Options
	st    *Styles
	w     int
	lines []string
}

func (d *detail) add(s string) { d.lines = append(d.lines, "  "+Fit(s, d.w)) }

func (d *detail) wrap(s string) {
	for _, l := range Wrap(s, d.w) {
		d.add(l)
	}
}

// title shows both languages: the user may want the other one to quote.
func (d *detail) title(t data.Text) {
	d.add(d.st.Title.Render(Fit(t.In(d.o.Lang), d.w)))
	d.add(d.st.Muted.Render(Fit(t.In(d.other()), d.w)))
	d.lines = append(d.lines, "")
}

// other is the language not shown.
func (d *detail) other() data.Lang {
	if d.o.Lang == data.EN {
		return data.ZH
	}
	return data.EN
}

// field is "Name: value", wrapped with a hanging indent.
func (d *detail) field(name Msg, v string) {
	if v == "" {
		return
	}
	head := name.In(d.o.Lang) + ": "
	hw := Width(head)
	ls := Wrap(v, max(d.w-hw, 1))
	for i, l := range ls {
		if i == 0 {
			d.add(d.st.Muted.Render(head) + l)
		} else {
			d.add(strings.Repeat(" ", hw) + l)
		}
	}
}

// period is a period with, for an inferred one, the rule it follows.
func (d *detail) period(p *data.Period) {
	d.field(MsgColPeriod, p.In(d.o.Lang))
	d.field(MsgDInferred, d.ds.PeriodRule(p, d.o.Lang))
}

func (d *detail) figure(f *data.Figure) {
	l := d.o.Lang
	d.title(f.Label)
	d.field(MsgColValue, d.st.Value.Render(FormatValue(f, l)))
	d.field(MsgDOther, f.Display(d.other()))
	if f.Base != "" {
		d.field(MsgDBase, f.BaseValue()+" "+f.Base)
	}
	d.field(MsgDStatus, statusText(f.Status, l))
	d.period(f.Period)
	if f.Rank != nil {
		d.field(MsgDRank, f.Rank.Scope.In(l))
	}
	if f.Comparison != nil {
		d.field(MsgColCompare, f.Comparison.In(l))
	}
	if f.IsDerived() {
		d.field(MsgDDerived, f.Derived.Formula+" = "+formulaValues(d.ds, f, d.o.Lang))
		d.field(MsgDCaveat, f.Derived.Caveat.In(l))
	} else {
		d.field(MsgDDerived, MsgDQuoted.In(l))
	}
	for _, h := range d.ds.Honours {
		if slices.Contains(h.Figures, f.ID) {
			d.field(MsgDHonours, honourLine(&h, l))
		}
	}
	for _, c := range d.ds.Claims {
		if slices.Contains(c.Figures, f.ID) {
			d.field(MsgDClaims, claimLine(&c, l))
		}
	}
	d.field(MsgDID, f.ID)
	d.source(f.Quote, f.Notes)
}

// formulaValues writes a derived figure's formula with its operands'
// values, then its own.
func formulaValues(ds *data.Dataset, f *data.Figure, l data.Lang) string {
	e, err := data.ParseFormula(f.Derived.Formula)
	if err != nil {
		return f.Display(l)
	}
	return e.Format(func(id string) string {
		if g, ok := ds.Figure(id); ok {
			return g.Display(l)
		}
		return ""
	}) + " = " + f.Display(l)
}

// figures lists figures by id, with their values.
func (d *detail) figures(ids []string) {
	for _, id := range ids {
		if f, ok := d.ds.Figure(id); ok {
			d.field(MsgDFigures, figureLabel(f, f.Label, d.o.Lang)+colon(d.o.Lang)+FormatValue(f, d.o.Lang))
		}
	}
}

// names lists records by id, by name.
func (d *detail) names(name Msg, ids []string, get func(string) (data.Text, bool)) {
	for _, id := range ids {
		if t, ok := get(id); ok {
			d.field(name, t.In(d.o.Lang))
		}
	}
}

func (d *detail) programName(id string) (data.Text, bool) {
	g, ok := d.ds.Program(id)
	if !ok {
		return data.Text{}, false
	}
	return g.Name, true
}

func (d *detail) projectName(id string) (data.Text, bool) {
	p, ok := d.ds.Project(id)
	if !ok {
		return data.Text{}, false
	}
	return p.Name, true
}

// quoteLines shows a quote that is not the record's own: the sentence,
// where it stands and, in English, its translation.
func (d *detail) quoteLines(q data.Quote) {
	s := "“" + q.Source + "”"
	if at := where(d.ds, q.Source, d.o.Lang); at != "" {
		s += " (" + at + ")"
	}
	for _, ln := range hanging("    ", s, d.w) {
		d.add(d.st.Muted.Render(ln))
	}
	if d.o.Lang == data.EN {
		for _, ln := range hanging("    ", MsgDTranslation.EN+": "+q.Translation, d.w) {
			d.add(d.st.Muted.Render(ln))
		}
	}
}

func (d *detail) project(p *data.Project) {
	l := d.o.Lang
	d.title(p.Name)
	d.field(MsgColCategory, data.CategoryName(p.Category).In(l))
	d.field(MsgDStage, data.StageName(p.Stage()).In(l))
	if len(p.Milestones) == 0 {
		d.field(MsgDMilestones, data.NotStated.In(l))
	} else {
		d.add(d.st.Muted.Render(MsgDMilestones.In(l) + colon(l)))
	}
	for _, m := range p.Milestones {
		d.wrap("- " + m.Label.In(l))
		s := MsgDStatus.In(l) + colon(l) + statusText(&m.Status, l)
		if m.Period != nil {
			s += listSep(l) + strings.ToLower(MsgColPeriod.In(l)) + colon(l) + m.Period.In(l)
		}
		for _, ln := range hanging("    ", s, d.w) {
			d.add(d.st.Muted.Render(ln))
		}
		d.quoteLines(m.Quote)
	}
	for _, r := range p.Programs {
		if n, ok := d.programName(r.ID); ok {
			d.field(MsgDPrograms, n.In(l))
			d.quoteLines(r.Quote)
		}
	}
	d.figures(p.Figures)
	for _, c := range d.ds.Claims {
		if slices.Contains(c.Projects, p.ID) {
			d.field(MsgDClaims, claimLine(&c, l))
		}
	}
	d.field(MsgDID, p.ID)
	d.source(p.Quote, p.Notes)
}

func (d *detail) honour(h *data.Honour) {
	l := d.o.Lang
	d.title(h.Title)
	d.field(MsgDLevel, data.LevelName(h.Level).In(l))
	if h.AmongOthers {
		d.field(MsgDNotes, MsgDAmong.In(l))
	}
	d.figures(h.Figures)
	d.names(MsgDPrograms, h.Programs, d.programName)
	d.field(MsgDID, h.ID)
	d.source(h.Quote, h.Notes)
}

func (d *detail) claim(c *data.Claim) {
	l := d.o.Lang
	d.title(c.Label)
	d.field(MsgDKind, data.ClaimKindName(c.Kind).In(l))
	if c.AttributedTo != nil {
		d.field(MsgDAttributed, c.AttributedTo.In(l))
	}
	d.field(MsgDStatus, statusText(c.Status, l))
	if c.Period != nil {
		d.period(c.Period)
	}
	d.names(MsgDProjects, c.Projects, d.projectName)
	d.names(MsgDPrograms, c.Programs, d.programName)
	d.figures(c.Figures)
	d.field(MsgDID, c.ID)
	d.source(c.Quote, c.Notes)
}

func (d *detail) program(g *data.Program) {
	l := d.o.Lang
	d.title(g.Name)
	d.field(MsgDKind, data.ProgramKindName(g.Kind).In(l))
	if g.Level != "" {
		d.field(MsgDLevel, data.LevelName(g.Level).In(l))
	}
	d.field(MsgDGloss, g.Gloss.In(l))
	d.field(MsgOutside, g.GlossSource)
	d.field(MsgDStatus, statusText(g.Status, l))
	if g.Period != nil {
		d.period(g.Period)
	}
	for _, p := range d.ds.Projects {
		for _, r := range p.Programs {
			if r.ID == g.ID {
				d.field(MsgDProjects, p.Name.In(l))
				d.quoteLines(r.Quote)
			}
		}
	}
	for _, a := range g.Also {
		d.add(d.st.Muted.Render(MsgDAlso.In(l) + ":"))
		d.quoteLines(a)
	}
	d.field(MsgDID, g.ID)
	d.source(g.Quote, g.Notes)
}

func (d *detail) structure(s *data.Structure) {
	l := d.o.Lang
	d.title(s.Name)
	if s.Gloss != nil {
		d.field(MsgDGloss, s.Gloss.In(l))
	}
	d.field(MsgDNotes, declared(s, l))
	for i, it := range s.Items {
		d.field(Msg{ZH: fmt.Sprint(i + 1), EN: fmt.Sprint(i + 1)}, it.In(l))
	}
	if s.Open {
		d.field(MsgDNotes, strings.TrimPrefix(MsgAndOthers.In(l), "; "))
	}
	d.source(s.Quote, s.Notes)
}

// source shows the verbatim sentence (marked when it is a photo caption),
// in English its translation, labelled, under it; the paragraphs it
// stands in; and the notes on it.
func (d *detail) source(q data.Quote, notes []string) {
	l := d.o.Lang
	d.lines = append(d.lines, "")
	first, last := d.ds.Locate(q.Source)
	head := MsgDSource.In(l)
	if at := where(d.ds, q.Source, l); at != "" {
		head += " (" + at + ")"
	}
	d.add(d.st.Heading.Render(head))
	d.wrap("“" + q.Source + "”")
	if l == data.EN && q.Translation != "" {
		for _, ln := range hanging(MsgDTranslation.EN+": ", q.Translation, d.w) {
			d.add(d.st.Muted.Render(ln))
		}
	}
	if first == 0 && d.ds.Article != "" {
		d.add(d.st.Error.Render(MsgDNotFound.In(l)))
	}
	if first > 0 {
		d.lines = append(d.lines, "")
		d.add(d.st.Heading.Render(MsgDContext.In(l)))
		// The paragraphs that hold the sentence are marked "> ¶N", the
		// ones around them "  ¶N", so that the difference shows without
		// colour too.
		for p := max(first-1, 1); p <= min(last+1, d.ds.Paragraphs()); p++ {
			in := p >= first && p <= last
			mark := "  "
			if in {
				mark = "> "
			}
			for _, ln := range hanging(mark+"¶"+strconv.Itoa(p)+" ", d.ds.Paragraph(p), d.w) {
				if !in {
					ln = d.st.Muted.Render(ln)
				}
				d.add(ln)
			}
		}
	}
	if len(notes) > 0 {
		d.lines = append(d.lines, "")
		d.add(d.st.Heading.Render(MsgDNotes.In(l)))
		for _, id := range notes {
			if n, ok := d.ds.Note(id); ok {
				d.wrap(tag(data.NoteKindName(n.Kind), l) + n.Text.In(l))
			}
		}
	}
}
