package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
)

// Widths of a project card (its text, the gutter aside).
const (
	cardMin = 24
	cardMax = 34
)

// cardsAtMost is the most cards a lane has use for in a row.
const cardsAtMost = 5

// pipelineBox is the projects by stage: a lane for each stage their steps
// give (data.Stages, furthest first), then one for the projects the
// article gives no status for, never a guessed stage. Each project is a
// card: its full name, its category, and the figures of the tab's
// pipeline groups it lists (its planned investment), each an item of its
// own.
func (b *builder) pipelineBox() *box {
	l := b.o.Lang
	onCard := map[string]bool{}
	for _, g := range b.ds.GroupsOf(b.tab) {
		if g.Chart == data.ChartPipeline {
			for _, id := range g.Figures {
				onCard[id] = true
			}
		}
	}
	byStage := map[string][]*data.Project{}
	cw := cardMin
	for i := range b.ds.Projects {
		p := &b.ds.Projects[i]
		byStage[p.Stage()] = append(byStage[p.Stage()], p)
		cw = max(cw, min(Width(p.Name.In(l)), cardMax))
	}
	figures := func(p *data.Project) []*data.Figure {
		var out []*data.Figure
		for _, id := range p.Figures {
			if f, ok := b.ds.Figure(id); ok && onCard[id] {
				out = append(out, f)
			}
		}
		return out
	}
	most := 0
	for _, ps := range byStage {
		most = max(most, len(ps))
	}
	nat := flowWidth(min(most, cardsAtMost), cw)
	return &box{title: MsgPipeline.In(l), nat: nat, fit: nat, min: gutter + cardMin, draw: func(w int) content {
		// Every lane has the cards of the longest, so that they line up.
		k, cw, gap := flowShape(most, w, cw, cardMin)
		out := b.muted(MsgStageNote.In(l), w)
		for _, stage := range append(data.Stages(), "") {
			ps := byStage[stage]
			if len(ps) == 0 {
				continue
			}
			out = append(out, pline{})
			for _, ln := range Wrap(stageHeading(stage, len(ps), l), max(w-gutter, 1)) {
				out = append(out, pline{blank(gutter), b.text(ln, b.st.TileValue)})
			}
			out = append(out, b.flowRows(len(ps), k, cw, gap, func(i, cw int) block {
				p := ps[i]
				it := b.item(KindProject, p.ID)
				part := func(it int, s string, style lipgloss.Style) []pline {
					var lines []pline
					for _, ln := range Wrap(s, cw) {
						lines = append(lines, pline{b.itemLine(it, ln, gutter+cw, style)})
					}
					return lines
				}
				bl := block{item: it, parts: [][]pline{part(it, p.Name.In(l), b.st.Heading), part(it, data.CategoryName(p.Category).In(l), b.st.Muted)}}
				for _, f := range figures(p) {
					bl.parts = append(bl.parts, part(b.item(KindFigure, f.ID), figureLabel(f, f.Short, l)+colon(l)+keep(FormatValue(f, l), cw), b.st.Value))
				}
				return bl
			})...)
		}
		return content{lines: out}
	}}
}

// stageHeading is a lane's heading: its stage and how many projects.
func stageHeading(stage string, n int, l data.Lang) string {
	name := data.StageName(stage).In(l)
	if stage == "" {
		name = MsgNoStatus.In(l)
	}
	if l == data.EN {
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	return name + paren(fmt.Sprint(n), l)
}
