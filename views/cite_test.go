package views_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// citeItems are the kinds of item a citation is made of: a rank (whose
// sentence has a layout break), a figure with a comparison, a derived
// figure, a figure of 万 with no period, a project with figures, a project
// whose sentence has an OCR slip, an honour, a claim, a programme whose
// gloss comes from outside the article, a strategy list with a missing
// item, an open one (等), one with a gloss, a note.
var citeItems = []views.Item{
	{Kind: views.KindFigure, ID: "gdp-growth-rank"},
	{Kind: views.KindFigure, ID: "industrial-investment-growth"},
	{Kind: views.KindFigure, ID: "city-industrial-investment-growth"},
	{Kind: views.KindFigure, ID: "grid-matters"},
	{Kind: views.KindProject, ID: "bio-park"},
	{Kind: views.KindProject, ID: "deep-earth-lab"},
	{Kind: views.KindHonour, ID: "petition-model-area"},
	{Kind: views.KindClaim, ID: "world-leading-tech"},
	{Kind: views.KindProgram, ID: "chains-7-28-n"},
	{Kind: views.KindStructure, ID: "five-transformations"},
	{Kind: views.KindStructure, ID: "excellence-areas"},
	{Kind: views.KindStructure, ID: "shangzheng"},
	{Kind: views.KindNote, ID: "ocr-fermentation"},
}

func TestGoldenCitation(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			var all strings.Builder
			for _, it := range citeItems {
				s, ok := views.Citation(ds, it, l)
				if !ok {
					t.Fatalf("no citation for %v %s", it.Kind, it.ID)
				}
				if strings.ContainsRune(s, 0x1b) {
					t.Errorf("%s: citation has an escape code", it.ID)
				}
				all.WriteString(s)
				all.WriteString("\n")
			}
			golden.RequireEqual(t, []byte(all.String()))
		})
	}
}

// TestCitationFacts checks each part of a figure's citation against the
// dataset, in order, so that a golden file rewritten by mistake cannot
// hide a lost fact.
func TestCitationFacts(t *testing.T) {
	ds := data.Default()
	for _, f := range ds.Figures {
		for _, l := range data.Langs() {
			s, ok := views.Citation(ds, views.Item{Kind: views.KindFigure, ID: f.ID}, l)
			if !ok {
				t.Fatalf("no citation for %s", f.ID)
			}
			want := []string{f.Label.In(l), views.FormatValue(&f, l), f.Period.In(l)}
			if f.Comparison != nil {
				want = append(want, f.Comparison.In(l))
			}
			if f.Status != nil {
				want = append(want, f.Status.Cue)
			}
			if f.IsDerived() {
				want = append(want, f.Derived.Formula, f.Derived.Caveat.In(l))
			}
			want = append(want, ds.Meta.Source.In(l))
			if p := ds.ParagraphOf(f.Source); p > 0 {
				want = append(want, fmt.Sprintf(views.MsgParagraph.In(l), p))
			} else {
				t.Errorf("%s: source not found in the article", f.ID)
			}
			want = append(want, "“"+f.Source+"”\n")
			if l == data.EN {
				want = append(want, f.Translation+"\n")
			}
			for _, id := range f.Notes {
				n, _ := ds.Note(id)
				want = append(want, n.Text.In(l))
			}
			rest := s
			for _, w := range want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("%s/%s: %q missing or out of order in\n%s", f.ID, l, w, s)
					break
				}
				rest = rest[i+len(w):]
			}
			if rest != "" && rest != "\n" {
				t.Errorf("%s/%s: citation does not end with the sentence and its notes:\n%s", f.ID, l, s)
			}
		}
	}
}

// TestHitLineMarks: a search result says what its list says: a programme
// whose gloss comes from outside the article is marked so, and a
// programme that looks ahead is marked too.
func TestHitLineMarks(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		n := 0
		for _, g := range ds.Programs {
			line := views.HitLine(ds, data.Hit{Kind: data.HitProgram, ID: g.ID, Tab: g.Tab}, l)
			if g.GlossSource != "" {
				n++
				if !strings.Contains(line, views.MsgOutside.In(l)) {
					t.Errorf("%s %s: %q has no %q", l, g.ID, line, views.MsgOutside.In(l))
				}
			}
		}
		if n == 0 {
			t.Fatal("no programme with a gloss from outside the article")
		}
	}
}
