package data

import (
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
	match := func(fields ...string) bool {
		hay := strings.ToLower(strings.Join(fields, "\x00"))
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
		return true
	}
	var hits []Hit
	for i := range ds.Figures {
		f := &ds.Figures[i]
		tab := ds.HomeTab(f.ID)
		if tab == "" {
			continue
		}
		v := strconv.FormatFloat(f.V(), 'f', -1, 64)
		if match(f.ID, f.Label.ZH, f.Label.EN, f.Short.ZH, f.Short.EN, f.Unit.ZH, f.Unit.EN,
			f.Period.In(ZH), f.Period.In(EN), v, f.Display(EN), f.Source, f.Translation) {
			hits = append(hits, Hit{Kind: HitFigure, ID: f.ID, Tab: tab})
		}
	}
	for i := range ds.Projects {
		p := &ds.Projects[i]
		fields := []string{p.ID, p.Name.ZH, p.Name.EN, p.Short.ZH, p.Short.EN, p.Source, p.Translation}
		for _, m := range p.Milestones {
			fields = append(fields, m.Label.ZH, m.Label.EN)
		}
		if match(fields...) {
			hits = append(hits, Hit{Kind: HitProject, ID: p.ID, Tab: "projects"})
		}
	}
	for i := range ds.Honours {
		h := &ds.Honours[i]
		if match(h.ID, h.Title.ZH, h.Title.EN, h.Short.ZH, h.Short.EN, h.Source, h.Translation) {
			hits = append(hits, Hit{Kind: HitHonour, ID: h.ID, Tab: h.Tab})
		}
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		if match(c.ID, c.Label.ZH, c.Label.EN, c.Short.ZH, c.Short.EN, c.Source, c.Translation) {
			hits = append(hits, Hit{Kind: HitClaim, ID: c.ID, Tab: c.Tab})
		}
	}
	for i := range ds.Programs {
		g := &ds.Programs[i]
		fields := []string{g.ID, g.Name.ZH, g.Name.EN, g.Short.ZH, g.Short.EN, g.Gloss.ZH, g.Gloss.EN, g.Source, g.Translation}
		for _, a := range g.Also {
			fields = append(fields, a.Source, a.Translation)
		}
		if match(fields...) {
			hits = append(hits, Hit{Kind: HitProgram, ID: g.ID, Tab: "overview"})
		}
	}
	return hits
}
