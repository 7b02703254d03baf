package views

import (
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// Citation texts.
var (
	MsgCiteDerived = Msg{ZH: "推算(非原文数字)", EN: "Derived (not stated in the article)"}
	MsgCiteSource  = Msg{ZH: "出处", EN: "Source"}
	MsgCiteNote    = Msg{ZH: "说明", EN: "Note"}
)

// Citation is an item as a block a writer can paste into their copy, one
// fact a line, in language l: what it is and its value as a reporter
// writes it, the period, the status, the comparison, how it was derived
// (when it was), then the source with its paragraph, the verbatim
// sentence and, in English, its translation, labelled as one. Plain text,
// no escape codes, ending in a newline. The notes on a problem of the
// source text there (an OCR slip, a repeated paragraph) follow, so that a
// quote carries its caveats. ok is false for an item the dataset does not
// have.
//
// A figure reads:
//
//	Industrial investment growth, year on year: 102.4%
//	Period: first half of 2024 (inferred)
//	Inferred: A part of a year given without the year (上半年, 1~7月份) is …
//	Comparison: 78.7 percentage points above the city average
//	Source: Jiaozuo Daily, 1 October 2024, full-page report, para. 36
//	“上半年工业投资同比增长102.4%、高于全市平均水平78.7个百分点。”
//	Translation: In the first half, industrial investment grew …
//	Note: [not stated] "1~7月份" (January to July) and the second …
//
// (the README's example is the whole of it, kept so by a test).
func Citation(ds *data.Dataset, it Item, l data.Lang) (text string, ok bool) {
	c := &cite{ds: ds, l: l}
	var found bool
	switch it.Kind {
	case KindFigure:
		found = cited(ds.Figure, it.ID, c.figure)
	case KindProject:
		found = cited(ds.Project, it.ID, c.project)
	case KindHonour:
		found = cited(ds.Honour, it.ID, c.honour)
	case KindClaim:
		found = cited(ds.Claim, it.ID, c.claim)
	case KindProgram:
		found = cited(ds.Program, it.ID, c.program)
	case KindStructure:
		found = cited(ds.Structure, it.ID, c.structure)
	case KindNote:
		found = cited(ds.Note, it.ID, func(n *data.Note) {
			c.line(tag(data.NoteKindName(n.Kind), l) + n.Text.In(l))
			c.source(data.Quote{Source: n.Quote}, nil)
		})
	}
	if !found {
		return "", false
	}
	return c.b.String(), true
}

// cited cites the record with the given id, if there is one.
func cited[T any](get func(string) (*T, bool), id string, f func(*T)) bool {
	x, ok := get(id)
	if ok {
		f(x)
	}
	return ok
}

// cite builds a citation line by line, each fact from one accessor of the
// data.
type cite struct {
	ds *data.Dataset
	l  data.Lang
	b  strings.Builder
}

func (c *cite) line(s string) {
	c.b.WriteString(s)
	c.b.WriteByte('\n')
}

// field is "Name: value"; an empty value leaves the line out.
func (c *cite) field(name Msg, v string) {
	if v != "" {
		c.line(name.In(c.l) + colon(c.l) + v)
	}
}

// period is a period, "not stated" when there is none, with the rule an
// inferred one follows.
func (c *cite) period(p *data.Period) {
	c.field(MsgColPeriod, p.In(c.l))
	c.field(MsgDInferred, c.ds.PeriodRule(p, c.l))
}

func (c *cite) figure(f *data.Figure) {
	l := c.l
	c.line(f.Label.In(l) + colon(l) + FormatValue(f, l))
	c.period(f.Period)
	c.field(MsgDStatus, statusText(f.Status, l))
	if f.Comparison != nil {
		c.field(MsgColCompare, f.Comparison.In(l))
	}
	if f.IsDerived() {
		c.field(MsgCiteDerived, f.Derived.Formula+" = "+formulaValues(c.ds, f, l))
		c.field(MsgCiteNote, f.Derived.Caveat.In(l))
	}
	c.source(f.Quote, f.Notes)
}

func (c *cite) project(p *data.Project) {
	l := c.l
	c.line(p.Name.In(l))
	c.field(MsgColCategory, data.CategoryName(p.Category).In(l))
	c.field(MsgDMilestones, progress(p, l))
	for _, id := range p.Figures {
		if f, ok := c.ds.Figure(id); ok {
			c.field(MsgDFigures, figureLabel(f, f.Label, l)+colon(l)+FormatValue(f, l))
		}
	}
	c.source(p.Quote, p.Notes)
}

func (c *cite) honour(h *data.Honour) {
	l := c.l
	c.line(h.Title.In(l))
	c.field(MsgDLevel, data.LevelName(h.Level).In(l))
	if h.AmongOthers {
		c.field(MsgCiteNote, MsgDAmong.In(l))
	}
	c.source(h.Quote, h.Notes)
}

func (c *cite) claim(cl *data.Claim) {
	l := c.l
	c.line(cl.Label.In(l))
	c.field(MsgDKind, data.ClaimKindName(cl.Kind).In(l))
	if cl.AttributedTo != nil {
		c.field(MsgDAttributed, cl.AttributedTo.In(l))
	}
	c.field(MsgDStatus, statusText(cl.Status, l))
	if cl.Period != nil {
		c.period(cl.Period)
	}
	c.source(cl.Quote, cl.Notes)
}

func (c *cite) program(g *data.Program) {
	l := c.l
	c.line(g.Name.In(l) + colon(l) + g.Gloss.In(l))
	c.field(MsgOutside, g.GlossSource)
	c.field(MsgDStatus, statusText(g.Status, l))
	if g.Period != nil {
		c.period(g.Period)
	}
	c.source(g.Quote, g.Notes)
}

func (c *cite) structure(s *data.Structure) {
	c.line(structureLine(s, c.l))
	c.source(s.Quote, s.Notes)
}

// source is the publication with where the sentence stands in the article
// (left out when it is not found), then the sentence verbatim, in quotes,
// and in English its translation, labelled; then the notes on it.
func (c *cite) source(q data.Quote, notes []string) {
	l := c.l
	ref := c.ds.Meta.Source.In(l)
	if at := where(c.ds, q.Source, l); at != "" {
		sep := ", "
		if l == data.ZH {
			sep = " "
		}
		ref += sep + at
	}
	c.field(MsgCiteSource, ref)
	c.line("“" + q.Source + "”")
	if l == data.EN && q.Translation != "" {
		c.field(MsgDTranslation, q.Translation)
	}
	for _, id := range notes {
		if n, ok := c.ds.Note(id); ok {
			c.field(MsgCiteNote, tag(data.NoteKindName(n.Kind), l)+n.Text.In(l))
		}
	}
}

// Footer messages of the copy keys. Copying is a request to the terminal
// (OSC 52), which may ignore it: the messages say it was sent that way.
var (
	MsgCopiedCitation = Msg{ZH: "已复制引文(OSC 52):%s", EN: "citation copied (OSC 52): %s"}
	MsgCopiedView     = Msg{ZH: "已复制%s页文本(OSC 52)", EN: "%s copied as text (OSC 52)"}
	MsgCopiedDetail   = Msg{ZH: "已复制详情文本(OSC 52)", EN: "details copied as text (OSC 52)"}
	MsgCopyError      = Msg{ZH: "复制失败:%v", EN: "copy failed: %v"}
)
