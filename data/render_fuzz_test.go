package data_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/internal/termtext"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// FuzzParseRender feeds arbitrary bytes to Parse, with the article of
// testdata/bad, and shows every dataset it accepts as the program would:
// each value is a finite number in range, every export renders without
// an error or a panic, the text export and the dashboard's screens keep
// within their width (with ambiguous characters wide too, with --ascii)
// and hold nothing a terminal would act on. NaN passed the old oracle, and
// crashed the chart. Seeds: testdata/bad and testdata/hostile.
func FuzzParseRender(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/bad/*.json")
	hostile, _ := filepath.Glob("../testdata/hostile/*.json")
	for _, p := range append(seeds, hostile...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	article, err := os.ReadFile("../testdata/bad/article.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := data.Parse("f.json", b, func(string) ([]byte, error) { return article, nil })
		if err != nil {
			return
		}
		for _, fig := range ds.Figures {
			if v := fig.V(); fig.Value == nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > data.MaxNumber {
				t.Fatalf("figure %s: value %v", fig.ID, fig.Value)
			}
		}
		var tabs []string
		for _, id := range data.TabIDs() {
			if views.HasView(id) {
				tabs = append(tabs, id)
			}
		}
		for _, l := range data.Langs() {
			for _, ascii := range []bool{false, true} {
				for _, w := range []int{20, 57} {
					o := views.Options{Width: w, Lang: l, ASCII: ascii}
					checkLines(t, "text export", views.ExportText(ds, tabs, o), w, ascii)
				}
				o := views.Options{Width: 80, Lang: l, ASCII: ascii}
				checkLines(t, "markdown", views.ExportMarkdown(ds, tabs, o), -1, false)
				for name, export := range map[string]func(*data.Dataset, []string, views.Options) (string, error){
					"csv": views.ExportCSV, "json": views.ExportJSON,
				} {
					s, err := export(ds, tabs, o)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkLines(t, name, s, -1, false)
				}
				c := model.NewCommon(ds, views.PlainStyles(), ascii)
				m := model.New(c, l)
				m.Update(tea.WindowSizeMsg{Width: 45, Height: 12})
				for i := range tabs {
					m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + i)}})
					checkLines(t, "screen of "+tabs[i], m.View(), 45, ascii)
					m.Update(tea.KeyMsg{Type: tea.KeyEnter})
					checkLines(t, "detail on "+tabs[i], m.View(), 45, ascii)
					m.Update(tea.KeyMsg{Type: tea.KeyEsc})
				}
			}
		}
	})
}

// checkLines fails the test when a line of s holds what Clean would
// change, or, for w >= 0, is wider than w (or with ascii, wider than w
// where ambiguous characters take two cells).
func checkLines(t *testing.T, what, s string, w int, ascii bool) {
	t.Helper()
	eaw := runewidth.Condition{EastAsianWidth: true}
	for n, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if p := termtext.Check(l); p != nil {
			t.Fatalf("%s: line %d: %v: %q", what, n+1, p, l)
		}
		if w >= 0 && (views.Width(l) > w || ascii && eaw.StringWidth(l) > w) {
			t.Fatalf("%s: line %d is wider than %d: %q", what, n+1, w, l)
		}
	}
}
