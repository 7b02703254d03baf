package data

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Figure returns the figure with the given id.
func (ds *Dataset) Figure(id string) (*Figure, bool) {
	i, ok := ds.figByID[id]
	if !ok {
		return nil, false
	}
	return &ds.Figures[i], true
}

// Note returns the note with the given id.
func (ds *Dataset) Note(id string) (*Note, bool) {
	i, ok := ds.noteByID[id]
	if !ok {
		return nil, false
	}
	return &ds.Notes[i], true
}

// GroupsOf returns the groups of a tab, in file order.
func (ds *Dataset) GroupsOf(tab string) []*Group {
	var gs []*Group
	for i := range ds.Groups {
		if ds.Groups[i].Tab == tab {
			gs = append(gs, &ds.Groups[i])
		}
	}
	return gs
}

// FiguresOf returns the figures of a group, in group order.
func (ds *Dataset) FiguresOf(g *Group) []*Figure {
	fs := make([]*Figure, 0, len(g.Figures))
	for _, id := range g.Figures {
		if f, ok := ds.Figure(id); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// HomeTab returns the tab a figure is shown on first: the first tab, in
// tab order, with a group that lists it ("" for none).
func (ds *Dataset) HomeTab(id string) string {
	ds.homeOnce.Do(func() {
		ds.home = make(map[string]string, len(ds.Figures))
		for _, t := range tabs {
			for _, g := range ds.GroupsOf(t.ID) {
				for _, f := range g.Figures {
					if _, ok := ds.home[f]; !ok {
						ds.home[f] = t.ID
					}
				}
			}
		}
	})
	return ds.home[id]
}

// articleIndex maps the article with white space removed back to its
// paragraphs (non-empty lines), so that a source sentence split across
// layout breaks can still be found.
type articleIndex struct {
	folded string
	starts []int // where each paragraph starts in folded, in order
	paras  []string
	found  sync.Map // source → [2]int: Locate's answers, kept
}

func (ds *Dataset) articleIdx() *articleIndex {
	ds.artOnce.Do(ds.indexArticle)
	return ds.art
}

func (ds *Dataset) indexArticle() {
	ix := &articleIndex{}
	var b strings.Builder
	b.Grow(len(ds.Article))
	for _, line := range strings.Split(ds.Article, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ix.paras = append(ix.paras, line)
		ix.starts = append(ix.starts, b.Len())
		b.WriteString(Fold(line))
	}
	ix.folded = b.String()
	ds.art = ix
}

// paraAt is the paragraph number (from 1) of byte i of folded.
func (ix *articleIndex) paraAt(i int) int {
	n, _ := slices.BinarySearch(ix.starts, i+1) // paragraphs starting at or before i
	return n
}

// Fold removes all white space: the article's layout breaks lines, and
// sentences inside words, so sources are compared without it.
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Locate finds a source sentence in the article. It returns the numbers of
// the first and last paragraphs (non-empty lines, from 1) it spans, or
// 0, 0 when the dataset has no article or the sentence is not in it.
func (ds *Dataset) Locate(source string) (first, last int) {
	ix := ds.articleIdx()
	if v, ok := ix.found.Load(source); ok {
		r := v.([2]int)
		return r[0], r[1]
	}
	q := Fold(source)
	if q == "" {
		return 0, 0
	}
	if at := strings.Index(ix.folded, q); at >= 0 {
		first, last = ix.paraAt(at), ix.paraAt(at+len(q)-1)
	}
	ix.found.Store(source, [2]int{first, last}) // a page asks for each sentence several times
	return first, last
}

// ParagraphOf is the paragraph a source sentence starts in (from 1), or 0
// when the dataset has no article or the sentence is not in it.
func (ds *Dataset) ParagraphOf(source string) int {
	p, _ := ds.Locate(source)
	return p
}

// Paragraph returns paragraph n (from 1) of the article.
func (ds *Dataset) Paragraph(n int) string {
	ix := ds.articleIdx()
	if n < 1 || n > len(ix.paras) {
		return ""
	}
	return ix.paras[n-1]
}

// Paragraphs is the number of paragraphs of the article.
func (ds *Dataset) Paragraphs() int { return len(ds.articleIdx().paras) }

// FiguresOfTab returns the figures shown on a tab, each once, in group
// order.
func (ds *Dataset) FiguresOfTab(tab string) []*Figure {
	seen := map[string]bool{}
	var fs []*Figure
	for _, g := range ds.GroupsOf(tab) {
		for _, f := range ds.FiguresOf(g) {
			if !seen[f.ID] {
				seen[f.ID] = true
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// byID returns the element of list with the given id.
func byID[T any](list []T, id string, idOf func(*T) string) (*T, bool) {
	for i := range list {
		if idOf(&list[i]) == id {
			return &list[i], true
		}
	}
	return nil, false
}

// Project returns the project with the given id.
func (ds *Dataset) Project(id string) (*Project, bool) {
	return byID(ds.Projects, id, func(p *Project) string { return p.ID })
}

// Honour returns the honour with the given id.
func (ds *Dataset) Honour(id string) (*Honour, bool) {
	return byID(ds.Honours, id, func(h *Honour) string { return h.ID })
}

// Claim returns the claim with the given id.
func (ds *Dataset) Claim(id string) (*Claim, bool) {
	return byID(ds.Claims, id, func(c *Claim) string { return c.ID })
}

// Program returns the programme with the given id.
func (ds *Dataset) Program(id string) (*Program, bool) {
	return byID(ds.Programs, id, func(g *Program) string { return g.ID })
}

// Structure returns the structure with the given id.
func (ds *Dataset) Structure(id string) (*Structure, bool) {
	return byID(ds.Structures, id, func(s *Structure) string { return s.ID })
}

// HonoursOf returns the honours shown on a tab, in file order.
func (ds *Dataset) HonoursOf(tab string) []*Honour {
	return onTab(ds.Honours, tab, func(h *Honour) string { return h.Tab })
}

// ClaimsOf returns the claims shown on a tab, in file order.
func (ds *Dataset) ClaimsOf(tab string) []*Claim {
	return onTab(ds.Claims, tab, func(c *Claim) string { return c.Tab })
}

// IsShare reports whether a figure is a share in per cent (not a rank):
// what a 0–100 scale shows.
func (f *Figure) IsShare() bool { return f.Measure == "share" && f.Unit.EN == "%" && f.Rank == nil }

// ProgramsOf returns the programmes listed on a tab, in file order.
func (ds *Dataset) ProgramsOf(tab string) []*Program {
	return onTab(ds.Programs, tab, func(g *Program) string { return g.Tab })
}

// StructuresOf returns the structures listed on a tab, in file order.
func (ds *Dataset) StructuresOf(tab string) []*Structure {
	return onTab(ds.Structures, tab, func(s *Structure) string { return s.Tab })
}

func onTab[T any](list []T, tab string, tabOf func(*T) string) []*T {
	var out []*T
	for i := range list {
		if tabOf(&list[i]) == tab {
			out = append(out, &list[i])
		}
	}
	return out
}

// IsCaption reports whether a source sentence is (starts in) a photo
// caption of the article (Meta.Captions).
func (ds *Dataset) IsCaption(source string) bool {
	p := ds.ParagraphOf(source)
	return p > 0 && slices.Contains(ds.Meta.Captions, p)
}

// stages are what Project.Stage reports, furthest first. A stage is the
// furthest step the article states for a project, not the state of the
// whole project: a project with phase 1 done is "step completed".
var stages = enum{
	{"done", Text{ZH: "已有事项完成", EN: "step completed"}, nil},
	{"under-way", Text{ZH: "推进中", EN: "under way"}, nil},
	{"imminent", Text{ZH: "即将落地", EN: "due soon"}, nil},
	{"planned", Text{ZH: "谋划中", EN: "planned"}, nil},
}

// Stages returns the ids of the stages Project.Stage reports, furthest
// first.
func Stages() []string { return stages.ids() }

// StageName is the name of a stage; NotStated for "".
func StageName(id string) Text {
	if id == "" {
		return NotStated
	}
	return stages.name(id)
}

// Stage is the furthest status the article states among the project's
// milestones: "done", "under-way", "imminent" or "planned", in that
// order, or "" when it states none. Projections and targets are not
// progress and never count.
func (p *Project) Stage() string {
	best := len(stages)
	for _, m := range p.Milestones {
		if i := slices.IndexFunc(stages, func(s member) bool { return s.id == m.Status.Kind }); i >= 0 && i < best {
			best = i
		}
	}
	if best == len(stages) {
		return ""
	}
	return stages[best].id
}
