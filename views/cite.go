package views

import (
	"fmt"
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
// fact a line, in language l: what it is and its value with the unit,
// the period, the comparison, how it was derived (when it was), then the
// source with its paragraph and the verbatim sentence. Plain text, no
// escape codes, ending in a newline. The notes on a problem of the source
// text there (an OCR slip, a repeated paragraph, a period not stated)
// follow, so that a quote carries its caveats. ok is false for an item
// the dataset does not have.
//
// A figure reads:
//
//	Industrial investment growth, year on year: 102.4%
//	Period: 2024 H1
//	Comparison: 78.7 percentage points above the city average
//	Source: Jiaozuo Daily, 1 Oct 2024, full-page report, para. 12
//	“上半年工业投资同比增长102.4%、高于全市平均水平78.7个百分点。”
func Citation(ds *data.Dataset, it Item, l data.Lang) (text string, ok bool) {
	c := &cite{ds: ds, l: l}
	var found bool
	switch it.Kind {
	case KindFigure:
		var f *data.Figure
		if f, found = ds.Figure(it.ID); found {
			c.figure(f)
			c.notes(f.Notes)
		}
	case KindProject:
		var p *data.Project
		if p, found = ds.Project(it.ID); found {
			c.project(p)
			c.notes(p.Notes)
		}
	case KindStructure:
		var s *data.Structure
		if s, found = ds.Structure(it.ID); found {
			c.structure(s)
			c.notes(s.Notes)
		}
	case KindNote:
		var n *data.Note
		if n, found = ds.Note(it.ID); found {
			c.line(tag(data.NoteKindName(n.Kind), l) + n.Text.In(l))
			c.source(n.Quote)
		}
	}
	if !found {
		return "", false
	}
	return c.b.String(), true
}

// cite builds a citation line by line. Each fact comes from one small
// accessor of the data, so that a new field of the schema (a short label,
// a status, the basis of a period) is one more line here.
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

func (c *cite) figure(f *data.Figure) {
	l := c.l
	c.line(f.Label.In(l) + colon(l) + FormatValue(f, l))
	c.field(MsgColPeriod, f.Period.In(l))
	if f.Comparison != nil {
		c.field(MsgColCompare, f.Comparison.In(l))
	}
	if f.IsDerived() {
		d := &detail{ds: c.ds, o: Options{Lang: l}}
		c.field(MsgCiteDerived, f.Derived.Formula+" = "+d.formulaValues(f))
	}
	c.source(f.Source)
}

func (c *cite) project(p *data.Project) {
	l := c.l
	c.line(p.Name.In(l))
	c.field(MsgColCategory, data.CategoryName(p.Category).In(l))
	c.field(MsgColStage, data.StageName(p.Stage).In(l))
	c.field(MsgColStatus, p.Status.In(l))
	if p.Covers != nil {
		c.field(MsgDCovers, p.Covers.In(l))
	}
	for _, id := range p.Figures {
		if f, ok := c.ds.Figure(id); ok {
			c.field(MsgDFigures, f.Label.In(l)+colon(l)+FormatValue(f, l))
		}
	}
	c.source(p.Source)
}

func (c *cite) structure(s *data.Structure) {
	l := c.l
	names := make([]string, len(s.Items))
	for i, x := range s.Items {
		names[i] = x.In(l)
	}
	sep := "; "
	if l == data.ZH {
		sep = "、"
	}
	c.line(s.Name.In(l) + colon(l) + strings.Join(names, sep))
	if s.Declared > 0 && s.Declared != len(s.Items) {
		c.field(MsgCiteNote, fmt.Sprintf(MsgDeclared.In(l), s.Declared, len(s.Items)))
	}
	c.source(s.Source)
}

// source is the publication with the paragraph the sentence starts in
// (left out when the sentence is not found in the article), then the
// sentence verbatim, in quotes.
func (c *cite) source(sentence string) {
	l := c.l
	ref := c.ds.Meta.Source.In(l)
	if p := c.ds.ParagraphOf(sentence); p > 0 {
		sep := ", "
		if l == data.ZH {
			sep = " "
		}
		ref += sep + fmt.Sprintf(MsgParagraph.In(l), p)
	}
	c.field(MsgCiteSource, ref)
	c.line("“" + sentence + "”")
	// The English rendering of the sentence, when the schema has one,
	// is the line after it.
}

// notes are the notes on the source text of an item, one a line.
func (c *cite) notes(ids []string) {
	for _, id := range ids {
		if n, ok := c.ds.Note(id); ok {
			c.field(MsgCiteNote, tag(data.NoteKindName(n.Kind), c.l)+n.Text.In(c.l))
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
