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
)

// Hit is one search result: a figure or a project and the tab that
// shows it.
type Hit struct {
	Kind HitKind
	ID   string
	Tab  string
}

// Search finds figures and projects whose id, Chinese or English label,
// unit, period or value contains every word of q (case-insensitive).
// "2406", "网格" and "grid" all find the micro-grid workers.
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
		if match(f.ID, f.Label.ZH, f.Label.EN, f.Unit.ZH, f.Unit.EN, f.Period.ZH, f.Period.EN, v, f.Source) {
			hits = append(hits, Hit{Kind: HitFigure, ID: f.ID, Tab: tab})
		}
	}
	for i := range ds.Projects {
		p := &ds.Projects[i]
		if match(p.ID, p.Name.ZH, p.Name.EN, p.Status.ZH, p.Status.EN, p.Source) {
			hits = append(hits, Hit{Kind: HitProject, ID: p.ID, Tab: "projects"})
		}
	}
	return hits
}
