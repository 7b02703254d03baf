package data

import (
	"slices"
	"strconv"
	"strings"
)

// HitKind says what a search hit is.
type HitKind int

// Hit kinds.
const (
	HitFigure HitKind = iota
	HitProject
	HitHonour
	HitClaim
	HitProgram
)

// Hit is one search result: a figure, project, honour, claim or
// programme and the tab that shows it (programmes are on the overview's
// strategy).
type Hit struct {
	Kind HitKind
	ID   string
	Tab  string
}

// Search finds figures, projects, honours, claims and programmes whose id,
// Chinese or English label (name, title), short label, unit, period,
// value, source or translation contains every word of q
// (case-insensitive). "2406", "网格" and "grid" all find the micro-grid
// workers; "petition" the ranking and the honour.
func (ds *Dataset) Search(q string) []Hit {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return nil
	}
	var hits []Hit
	// add is a hit of kind if its fields hold every word: an id, a name in
	// both languages, a short name in both, the quote, then any others.
	add := func(kind HitKind, id, tab string, name, short Text, q Quote, more ...string) {
		hay := strings.ToLower(strings.Join(append(more, id, name.ZH, name.EN, short.ZH, short.EN, q.Source, q.Translation), "\x00"))
		if tab != "" && !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			hits = append(hits, Hit{Kind: kind, ID: id, Tab: tab})
		}
	}
	for i := range ds.Figures {
		f := &ds.Figures[i]
		add(HitFigure, f.ID, ds.HomeTab(f.ID), f.Label, f.Short, f.Quote, f.Unit.ZH, f.Unit.EN,
			f.Period.In(ZH), f.Period.In(EN), strconv.FormatFloat(f.V(), 'f', -1, 64), f.Display(EN))
	}
	for i := range ds.Projects {
		p := &ds.Projects[i]
		var steps []string
		for _, m := range p.Milestones {
			steps = append(steps, m.Label.ZH, m.Label.EN)
		}
		add(HitProject, p.ID, "projects", p.Name, p.Short, p.Quote, steps...)
	}
	for _, h := range ds.Honours {
		add(HitHonour, h.ID, h.Tab, h.Title, h.Short, h.Quote)
	}
	for _, c := range ds.Claims {
		add(HitClaim, c.ID, c.Tab, c.Label, c.Short, c.Quote)
	}
	for _, g := range ds.Programs {
		also := []string{g.Gloss.ZH, g.Gloss.EN}
		for _, a := range g.Also {
			also = append(also, a.Source, a.Translation)
		}
		add(HitProgram, g.ID, g.Tab, g.Name, g.Short, g.Quote, also...)
	}
	return hits
}
