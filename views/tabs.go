package views

import (
	"slices"

	"github.com/macun-tui/macun-tui/data"
)

// section is a kind of panel a tab lists. The figure groups of a tab are
// one section: a panel each, in the form its chart names (data.Group).
type section int

const (
	// secGroups: a panel for each group of the tab, in its form; with t,
	// one table of all the tab's figures and the notes on its groups.
	secGroups section = iota
	// secPipeline: the projects by the stage their steps give, with the
	// figures of the tab's pipeline groups on their cards; with t, the
	// table of projects.
	secPipeline
	// secHonoursClaims: the honours and claims the tab has.
	secHonoursClaims
	// secStrategy: the named lists of the strategy.
	secStrategy
	// secPrograms: the programmes and schemes the article names.
	secPrograms
	// secNotes: the problems of the source text.
	secNotes
	// secKey: the full label and source paragraph of every figure the
	// panels show by its short label (panels only: the table has them).
	secKey
)

// tabSections describes each tab once: its panels, in reading order. The
// screen, the text, Markdown and JSON exports, and search (which tab a
// record is on) all read it. A new tab is a line here (and its id in
// data.Tabs()); a new kind of panel is a section.
var tabSections = map[string][]section{
	"overview":    {secGroups, secHonoursClaims, secStrategy, secPrograms, secKey, secNotes},
	"industry":    {secGroups, secHonoursClaims, secStrategy, secPrograms, secKey},
	"urban-rural": {secGroups, secHonoursClaims, secStrategy, secPrograms, secKey},
	"governance":  {secGroups, secHonoursClaims, secStrategy, secPrograms, secKey},
	"projects":    {secPipeline, secGroups, secHonoursClaims, secStrategy, secPrograms, secKey},
}

// HasView reports whether a tab id has a description.
func HasView(tab string) bool { _, ok := tabSections[tab]; return ok }

// has reports whether a tab lists a section.
func has(tab string, s section) bool { return slices.Contains(tabSections[tab], s) }

// RenderPage lays out a tab at o.Width: its panels in a grid, every line
// drawn. The page is immutable.
func RenderPage(ds *data.Dataset, tab string, o Options, st *Styles) *Page {
	return renderPage(ds, tab, o, st, false)
}

// renderPage is RenderPage; for a text export (text) it makes the lines
// only, without the selected looks and spans the screen needs.
func renderPage(ds *data.Dataset, tab string, o Options, st *Styles, text bool) *Page {
	o.Width = max(o.Width, 0)
	b := newBuilder(ds, tab, o, st)
	b.export = text
	var boxes []*box
	for _, s := range tabSections[tab] {
		boxes = append(boxes, b.section(s)...)
	}
	p := b.compose(boxes)
	p.spans()
	return p
}

// section is the panels of a section of the builder's tab.
func (b *builder) section(s section) []*box {
	table := b.o.Mode == ModeTable
	switch s {
	case secGroups:
		if table {
			return b.figureTableBoxes()
		}
		var out []*box
		for _, g := range b.ds.GroupsOf(b.tab) {
			if bx := b.groupBox(g); bx != nil {
				out = append(out, bx)
			}
		}
		return out
	case secPipeline:
		if len(b.ds.Projects) == 0 {
			return nil
		}
		if table {
			return []*box{b.projectTableBox()}
		}
		return []*box{b.pipelineBox()}
	case secHonoursClaims, secStrategy, secPrograms, secNotes:
		return b.recordsBox(s)
	case secKey:
		if table {
			return nil
		}
		return b.keyBox()
	}
	return nil
}

// onCards reports whether a group's figures are on the project cards of
// its tab: a pipeline group on a tab with the pipeline.
func onCards(g *data.Group) bool {
	return g.Chart == data.ChartPipeline && has(g.Tab, secPipeline)
}

// Ref names a record of the dataset a tab shows.
type Ref struct {
	Kind ItemKind
	ID   string
}

// Panel is a panel of a tab as the exports describe it: its group (for
// a panel of figures), its title, its form (a group's chart, or the kind
// of list), and the records it shows, in order.
type Panel struct {
	Group *data.Group
	Title data.Text
	Form  string
	Refs  []Ref
}

// Panels are the panels of a tab, in reading order, as its description
// lists them (in panel mode; the key, which repeats the figures, aside).
func Panels(ds *data.Dataset, tab string) []Panel {
	var out []Panel
	for _, s := range tabSections[tab] {
		if s == secGroups {
			for _, g := range ds.GroupsOf(tab) {
				var refs []Ref
				for _, f := range ds.FiguresOf(g) {
					refs = append(refs, Ref{KindFigure, f.ID})
				}
				if len(refs) > 0 {
					out = append(out, Panel{Group: g, Title: g.Title, Form: g.Chart, Refs: refs})
				}
			}
			continue
		}
		if form, title, refs := listOf(ds, tab, s); len(refs) > 0 {
			out = append(out, Panel{Title: title, Form: form, Refs: refs})
		}
	}
	return out
}

// listOf is what a section of records other than figures lists: its form
// (as the JSON export names it), its title and its records.
func listOf(ds *data.Dataset, tab string, s section) (form string, title Msg, refs []Ref) {
	switch s {
	case secPipeline:
		return "projects", MsgPipeline, refsOf(KindProject, ds.Projects, func(p *data.Project) string { return p.ID })
	case secHonoursClaims:
		refs = refsOf(KindHonour, ds.HonoursOf(tab), func(h **data.Honour) string { return (*h).ID })
		refs = append(refs, refsOf(KindClaim, ds.ClaimsOf(tab), func(c **data.Claim) string { return (*c).ID })...)
		return "honours-claims", MsgHonoursClaims, refs
	case secStrategy:
		return "strategy", MsgStrategy, refsOf(KindStructure, ds.StructuresOf(tab), func(x **data.Structure) string { return (*x).ID })
	case secPrograms:
		return "programs", MsgPrograms, refsOf(KindProgram, ds.ProgramsOf(tab), func(g **data.Program) string { return (*g).ID })
	case secNotes:
		return "notes", MsgNotes, refsOf(KindNote, ds.Notes, func(n *data.Note) string { return n.ID })
	}
	return "", Msg{}, nil
}

// refsOf names the records of a list, all of kind k.
func refsOf[T any](k ItemKind, list []T, id func(*T) string) []Ref {
	refs := make([]Ref, len(list))
	for i := range list {
		refs[i] = Ref{k, id(&list[i])}
	}
	return refs
}

// TabRecords are the records a tab shows, in the order of its panels,
// each once.
func TabRecords(ds *data.Dataset, tab string) []Ref {
	var out []Ref
	seen := map[Ref]bool{}
	for _, p := range Panels(ds, tab) {
		for _, r := range p.Refs {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// Lists reports whether a tab lists a kind of record other than figures,
// honours, claims, structures and programmes (which every tab lists that
// has them): projects or notes.
func Lists(tab string, k ItemKind) bool {
	switch k {
	case KindProject:
		return has(tab, secPipeline)
	case KindNote:
		return has(tab, secNotes)
	}
	return true
}

// Search finds records as data.Search does, each on the first tab (in
// tab order) that shows it.
func Search(ds *data.Dataset, q string) []data.Hit {
	hits := ds.Search(q)
	out := hits[:0]
	for _, h := range hits {
		if h.Tab = Home(ds, HitKind(h.Kind), h.ID); h.Tab != "" {
			out = append(out, h)
		}
	}
	return out
}

// Home is the first tab, in tab order, that shows a record ("" for none).
func Home(ds *data.Dataset, k ItemKind, id string) string {
	for _, t := range data.Tabs() {
		switch k {
		case KindFigure:
			return ds.HomeTab(id)
		case KindHonour, KindClaim, KindStructure, KindProgram:
			for _, r := range TabRecords(ds, t.ID) {
				if r.Kind == k && r.ID == id {
					return t.ID
				}
			}
		default:
			if Lists(t.ID, k) {
				return t.ID
			}
		}
	}
	return ""
}
