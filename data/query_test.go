package data

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// TestLocate: a source is found with white space ignored, also across a
// layout break, and its first and last paragraphs are told (from 1).
func TestLocate(t *testing.T) {
	ds := &Dataset{Article: "  标题\n\n第一段 说 了\n这句话的\n前半。\n \n最后 一段。\n"}
	cases := []struct {
		src         string
		first, last int
	}{
		{"标题", 1, 1},
		{"第一段说了", 2, 2},
		{"说了这句话", 2, 3},   // across a layout break
		{"这句话的前半。", 3, 4}, // over two lines
		{"前半。最后一段", 4, 5},
		{"最后一段。", 5, 5},
		{"题", 1, 1},
		{"。", 4, 4}, // the first occurrence
		{"不在文中", 0, 0},
		{" ", 0, 0},
	}
	for _, c := range cases {
		if first, last := ds.Locate(c.src); first != c.first || last != c.last {
			t.Errorf("Locate(%q) = %d, %d; want %d, %d", c.src, first, last, c.first, c.last)
		}
	}
	if n := ds.Paragraphs(); n != 5 {
		t.Errorf("%d paragraphs, want 5", n)
	}
	if p := ds.Paragraph(3); p != "这句话的" {
		t.Errorf("paragraph 3 is %q", p)
	}
}

// TestSearchKinds: search finds every kind of record, by its words in
// either language, and tells the tab that shows it.
func TestSearchKinds(t *testing.T) {
	ds := Default()
	for q, want := range map[string][]Hit{
		"petition":       {{HitFigure, "petition-rank", "governance"}, {HitHonour, "petition-model-area", "governance"}},
		"3510 该区":        {{HitProgram, "key-projects-3510", "projects"}}, // its second mention
		"世界领先":           {{HitClaim, "world-leading-tech", "industry"}, {HitProject, "medical-academy-base", "projects"}, {HitProject, "deep-earth-lab", "projects"}},
		"topped out":     {{HitProject, "bio-park", "projects"}},
		"10.3 billion":   {{HitFigure, "bio-park-investment", "projects"}, {HitFigure, "bio-park-aspects", "projects"}, {HitFigure, "bio-park-output-target", "projects"}, {HitFigure, "listed-company-bases", "industry"}, {HitProject, "bio-park", "projects"}}, // by the translation of the sentence they share
		"fengqiao model": nil,
	} {
		got := ds.Search(q)
		slices.SortFunc(got, func(a, b Hit) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID)) })
		slices.SortFunc(want, func(a, b Hit) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID)) })
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", q, got, want)
		}
	}
}
