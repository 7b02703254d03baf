package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// Detail texts.
var (
	MsgDUnit     = Msg{ZH: "单位", EN: "Unit"}
	MsgDRank     = Msg{ZH: "排名范围", EN: "Ranked among"}
	MsgDDerived  = Msg{ZH: "推算", EN: "Derived"}
	MsgDQuoted   = Msg{ZH: "原文数字(非推算)", EN: "no: quoted from the article"}
	MsgDSource   = Msg{ZH: "原文出处", EN: "Source sentence"}
	MsgDContext  = Msg{ZH: "上下文", EN: "In context"}
	MsgDNotes    = Msg{ZH: "说明", EN: "Notes"}
	MsgDID       = Msg{ZH: "编号", EN: "ID"}
	MsgDCovers   = Msg{ZH: "内容与覆盖", EN: "Covers and reaches"}
	MsgDPrograms = Msg{ZH: "所属工程", EN: "Programmes"}
	MsgDFigures  = Msg{ZH: "相关数字", EN: "Figures"}
	MsgDNotFound = Msg{ZH: "(在原文中未找到)", EN: "(not found in the article)"}
)

// Detail is the detail pane of an item: every attribute, both labels, the
// verbatim source sentence and the paragraphs around it.
func Detail(ds *data.Dataset, it Item, o Options, st *Styles) []string {
	d := &detail{ds: ds, o: o, st: st, w: max(o.Width-2, 1)}
	switch it.Kind {
	case KindFigure:
		if f, ok := ds.Figure(it.ID); ok {
			d.figure(f)
		}
	case KindProject:
		if p, ok := ds.Project(it.ID); ok {
			d.project(p)
		}
	case KindStructure:
		if s, ok := ds.Structure(it.ID); ok {
			d.structure(s)
		}
	case KindNote:
		if n, ok := ds.Note(it.ID); ok {
			d.title(data.NoteKindName(n.Kind))
			d.wrap(n.Text.ZH)
			d.wrap(n.Text.EN)
			d.source(n.Quote, nil)
		}
	}
	out := d.lines
	if o.ASCII {
		for i := range out {
			out[i] = ASCIISafe(out[i])
		}
	}
	return out
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
	other := data.EN
	if d.o.Lang == data.EN {
		other = data.ZH
	}
	d.add(d.st.Muted.Render(Fit(t.In(other), d.w)))
	d.lines = append(d.lines, "")
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

func (d *detail) figure(f *data.Figure) {
	l := d.o.Lang
	d.title(f.Label)
	d.field(MsgColValue, d.st.Value.Render(FormatValue(f, l)))
	d.field(MsgDUnit, f.Unit.In(l))
	d.field(MsgColPeriod, f.Period.In(l))
	if f.Rank != nil {
		d.field(MsgDRank, f.Rank.Scope.In(l))
	}
	if f.Comparison != nil {
		d.field(MsgColCompare, f.Comparison.In(l))
	}
	if f.IsDerived() {
		d.field(MsgDDerived, f.Derived.Formula+" = "+d.formulaValues(f))
	} else {
		d.field(MsgDDerived, MsgDQuoted.In(l))
	}
	d.field(MsgDID, f.ID)
	d.source(f.Source, f.Notes)
}

// formulaValues writes a formula with its operands' values.
func (d *detail) formulaValues(f *data.Figure) string {
	e, err := data.ParseFormula(f.Derived.Formula)
	if err != nil {
		return FormatNumber(f, d.o.Lang)
	}
	s := f.Derived.Formula
	for _, ref := range e.Refs() {
		if g, ok := d.ds.Figure(ref); ok {
			s = strings.Replace(s, ref, FormatNumber(g, d.o.Lang), 1)
		}
	}
	return s + " = " + FormatNumber(f, d.o.Lang)
}

func (d *detail) project(p *data.Project) {
	l := d.o.Lang
	d.title(p.Name)
	d.field(MsgColCategory, data.CategoryName(p.Category).In(l))
	d.field(MsgColStage, data.StageName(p.Stage).In(l))
	d.field(MsgColStatus, p.Status.In(l))
	if p.Covers != nil {
		d.field(MsgDCovers, p.Covers.In(l))
	}
	var progs []string
	for _, x := range p.Programs {
		progs = append(progs, x.In(l))
	}
	d.field(MsgDPrograms, strings.Join(progs, "; "))
	for _, id := range p.Figures {
		if f, ok := d.ds.Figure(id); ok {
			d.field(MsgDFigures, f.Label.In(l)+": "+FormatValue(f, l))
		}
	}
	d.field(MsgDID, p.ID)
	d.source(p.Source, p.Notes)
}

func (d *detail) structure(s *data.Structure) {
	l := d.o.Lang
	d.title(s.Name)
	if s.Declared > 0 && s.Declared != len(s.Items) {
		d.field(MsgDNotes, fmt.Sprintf(MsgDeclared.In(l), s.Declared, len(s.Items)))
	}
	for i, it := range s.Items {
		d.field(Msg{ZH: fmt.Sprint(i + 1), EN: fmt.Sprint(i + 1)}, it.In(l))
	}
	d.source(s.Source, s.Notes)
}

// source shows the verbatim sentence, the paragraphs it stands in and the
// notes on it.
func (d *detail) source(src string, notes []string) {
	l := d.o.Lang
	d.lines = append(d.lines, "")
	first, last := d.ds.Locate(src)
	head := MsgDSource.In(l)
	if first > 0 {
		head += " (" + fmt.Sprintf(MsgParagraph.In(l), first) + ")"
	}
	d.add(d.st.Heading.Render(head))
	d.wrap("“" + src + "”")
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
