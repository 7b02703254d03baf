package views

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/data"
)

// The widths and languages the checks are made at.
var (
	checkWidths = []int{80, 100, 120, 160}
	barRunes    = "█▉▊▋▌▍▎▏"
)

// loneEllipses counts the … of s that stand alone: a cut. The article's
// own …… (two together) is not one.
func loneEllipses(s string) int {
	n := 0
	rs := []rune(s)
	for i, r := range rs {
		if r == '…' && (i == 0 || rs[i-1] != '…') && (i == len(rs)-1 || rs[i+1] != '…') {
			n++
		}
	}
	return n
}

// TestNoCuts: the text export of every tab cuts nothing: no lone … at
// 80, 100, 120 and 160 columns in either language, with or without
// --ascii (where a cut would be ~, which the text never has).
func TestNoCuts(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, w := range checkWidths {
			for _, mode := range []Mode{ModeCharts, ModeTable} {
				text := ExportText(ds, data.TabIDs(), Options{Width: w, Lang: l, Mode: mode})
				if n := loneEllipses(text); n > 0 {
					var at []string
					for _, ln := range strings.Split(text, "\n") {
						if loneEllipses(ln) > 0 {
							at = append(at, ln)
						}
					}
					t.Errorf("%s %d mode %d: %d lone … (cuts): %q", l, w, mode, n, at)
				}
				if !strings.Contains(text, "……") && l == data.ZH {
					t.Errorf("%s %d: the article's own …… is gone", l, w)
				}
			}
		}
	}
}

// TestExportIsPage: the text of a tab is its header and its page's lines,
// as the screen shows them.
func TestExportIsPage(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, w := range checkWidths {
			for _, tab := range data.TabIDs() {
				o := Options{Width: w, Lang: l}
				head, _ := Header(ds, tab, o, PlainStyles())
				want := append(head, RenderPage(ds, tab, o, PlainStyles()).Lines()...)
				got := strings.Split(strings.Split(ExportText(ds, []string{tab}, o), "\n\n"+MsgSources.In(l))[0], "\n")
				for i := range want {
					want[i] = strings.TrimRight(want[i], " ")
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %d %s: the export is not the page", l, w, tab)
				}
			}
		}
	}
}

// itemsOf are the indexes of the items of a page that show a record.
func itemsOf(p *Page, k ItemKind, id string) []int {
	var out []int
	for i, it := range p.Items() {
		if it.Kind == k && it.ID == id {
			out = append(out, i)
		}
	}
	return out
}

// drawsWhole reports whether an item of the page shows s whole: its spans'
// text holds s, spaces aside (a label may wrap, and Chinese wraps
// between any two characters).
func drawsWhole(p *Page, k ItemKind, id, s string) bool {
	for _, i := range itemsOf(p, k, id) {
		if strings.Contains(nospace(itemText(p, i)), nospace(s)) {
			return true
		}
	}
	return false
}

func nospace(s string) string { return strings.ReplaceAll(s, " ", "") }

// TestFullLabelsWhole: every figure's full label and every project's name
// is drawn whole on its tab's page, which is the text export, at 80, 100,
// 120 and 160 columns in both languages.
func TestFullLabelsWhole(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, w := range checkWidths {
			for _, tab := range data.TabIDs() {
				p := RenderPage(ds, tab, Options{Width: w, Lang: l}, PlainStyles())
				for _, f := range ds.FiguresOfTab(tab) {
					if !drawsWhole(p, KindFigure, f.ID, f.Label.In(l)) {
						t.Errorf("%s %d %s: figure %s's label %q is not drawn whole", l, w, tab, f.ID, f.Label.In(l))
					}
				}
				if !Lists(tab, KindProject) {
					continue
				}
				for _, pr := range ds.Projects {
					if !drawsWhole(p, KindProject, pr.ID, pr.Name.In(l)) {
						t.Errorf("%s %d %s: project %s's name %q is not drawn whole", l, w, tab, pr.ID, pr.Name.In(l))
					}
				}
			}
		}
	}
}

// onFirstScreen reports whether the first place an item is drawn is within
// the first rows of the page.
func onFirstScreen(p *Page, k ItemKind, id string, rows int) bool {
	for _, i := range itemsOf(p, k, id) {
		first, last := p.Items()[i].Rows()
		return first >= 0 && last < rows
	}
	return false
}

// screenRows is the body of a screen h rows high: the tab bar, its rule,
// the rule above the footer and the footer take four.
func screenRows(h int) int { return h - 4 }

// TestOverviewFirstScreen: at 120×40 every headline ranking and every key
// share (each figure of the overview's ranks and tiles) is on the first
// screen, whole, in both languages.
func TestOverviewFirstScreen(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		p := RenderPage(ds, "overview", Options{Width: 120, Lang: l}, PlainStyles())
		n := 0
		for _, g := range ds.GroupsOf("overview") {
			if g.Chart != data.ChartRank && g.Chart != data.ChartTiles {
				continue
			}
			for _, id := range g.Figures {
				n++
				if !onFirstScreen(p, KindFigure, id, screenRows(40)) {
					t.Errorf("%s: %s is not on the first screen at 120x40", l, id)
				}
			}
		}
		if n < 10 {
			t.Errorf("%s: only %d headline figures", l, n)
		}
	}
}

// TestProjectsFirstScreen: at 160×48 every project's full name is on the
// first screen, in both languages.
func TestProjectsFirstScreen(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		p := RenderPage(ds, "projects", Options{Width: 160, Lang: l}, PlainStyles())
		for _, pr := range ds.Projects {
			if !onFirstScreen(p, KindProject, pr.ID, screenRows(48)) || !drawsWhole(p, KindProject, pr.ID, pr.Name.In(l)) {
				t.Errorf("%s: project %s is not whole on the first screen at 160x48", l, pr.ID)
			}
		}
	}
}

// TestRanksHaveNoBars: a rank is a position, not a length: no line of a
// rank's item carries a bar, in any mode, width or language, and every
// rank says its scope.
func TestRanksHaveNoBars(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, mode := range []Mode{ModeCharts, ModeTable} {
			for _, w := range append(checkWidths, 200) {
				for _, ascii := range []bool{false, true} {
					for _, tab := range data.TabIDs() {
						p := RenderPage(ds, tab, Options{Width: w, Lang: l, Mode: mode, ASCII: ascii}, PlainStyles())
						for i, it := range p.Items() {
							f, ok := ds.Figure(it.ID)
							if it.Kind != KindFigure || !ok || f.Rank == nil {
								continue
							}
							text := itemText(p, i)
							if strings.ContainsAny(text, barRunes) || ascii && strings.Contains(text, "##") {
								t.Errorf("%s %d %s %d: rank %s is drawn with a bar: %q", l, w, tab, mode, it.ID, text)
							}
							if mode == ModeCharts && !strings.Contains(nospace(text), nospace(f.Rank.Scope.In(l))) {
								t.Errorf("%s %d %s %d: rank %s without its scope: %q", l, w, tab, mode, it.ID, text)
							}
						}
					}
				}
			}
		}
	}
}

// TestChartsCompareLikeWithLike: every chart drawn compares one measure in
// one unit, no rank, and never what is expected beside what is reported;
// a pair or change is a figure and the one derived from it.
func TestChartsCompareLikeWithLike(t *testing.T) {
	ds := data.Default()
	charts := 0
	for _, l := range data.Langs() {
		for _, tab := range data.TabIDs() {
			p := RenderPage(ds, tab, Options{Width: 120, Lang: l}, PlainStyles())
			for _, c := range p.charts {
				if len(c.figs) == 1 && c.figs[0].ID == "" {
					continue // a tile's gauge: one share
				}
				charts++
				a := c.figs[0]
				for _, f := range c.figs {
					if f.Measure != a.Measure || f.Unit.EN != a.Unit.EN {
						t.Errorf("%s %s: a chart puts %s (%s, %s) beside %s (%s, %s)", l, tab, f.ID, f.Measure, f.Unit.EN, a.ID, a.Measure, a.Unit.EN)
					}
					if f.Rank != nil {
						t.Errorf("%s %s: rank %s is charted", l, tab, f.ID)
					}
					if f.Status.Forward() != a.Status.Forward() {
						t.Errorf("%s %s: %s and %s are charted together, one looking ahead", l, tab, f.ID, a.ID)
					}
					if f.IsDerived() && (len(c.figs) != 2 || f != c.figs[1] || !strings.Contains(f.Derived.Formula, a.ID)) {
						t.Errorf("%s %s: derived %s is charted beside what it is not derived from", l, tab, f.ID)
					}
				}
			}
		}
	}
	if charts < 10 {
		t.Errorf("only %d charts drawn", charts)
	}
}

// ntchartsRows are the rows an ntcharts barchart draws for vals on a scale
// where maxV fills w cells, with the axis off: its own View, unstyled.
func ntchartsRows(vals []float64, maxV float64, w int) []string {
	set := make([]barchart.BarData, len(vals))
	for i, v := range vals {
		set[i] = barchart.BarData{Values: []barchart.BarValue{{Value: v}}}
	}
	m := barchart.New(w, len(vals), barchart.WithHorizontalBars(), barchart.WithNoAxis(), barchart.WithBarGap(0),
		barchart.WithMaxValue(maxV), barchart.WithNoAutoMaxValue(), barchart.WithDataSet(set))
	m.Draw()
	return strings.Split(ansi.Strip(m.View()), "\n")
}

// asciiBars is the --ascii mapping of bar cells, as the README documents
// it: a full block #, a partial block of half a cell or more =, less
// nothing.
var asciiBars = strings.NewReplacer("█", "#", "▉", "=", "▊", "=", "▋", "=", "▌", "=", "▍", " ", "▎", " ", "▏", " ")

// TestBarsAreNtcharts: every bar on every tab is the bar an ntcharts
// barchart of the same values, scale and width draws, cell for cell (the
// track of a 0–100 bar aside, and with --ascii the documented mapping),
// and the export prints it where the page drew it, with its value after it.
func TestBarsAreNtcharts(t *testing.T) {
	ds := data.Default()
	charts := 0
	defer func() {
		if charts < 100 {
			t.Errorf("only %d charts drawn", charts)
		}
	}()
	for _, l := range data.Langs() {
		for _, w := range append(checkWidths, 200) {
			for _, ascii := range []bool{false, true} {
				for _, tab := range data.TabIDs() {
					o := Options{Width: w, Lang: l, ASCII: ascii}
					p := RenderPage(ds, tab, o, PlainStyles())
					text := ExportText(ds, []string{tab}, o)
					charts += len(p.charts)
					for _, c := range p.charts {
						want := ntchartsRows(c.vals, c.maxV, c.w)
						for i, cells := range c.cells {
							got := strings.ReplaceAll(cells, string(track), " ")
							wantRow := want[i]
							if ascii {
								wantRow = asciiBars.Replace(wantRow)
							}
							if got != wantRow {
								t.Errorf("%s %d %s ascii %v: bar %q, ntcharts draws %q", l, w, tab, ascii, got, wantRow)
							}
							shown := cells
							if ascii {
								shown = ASCIISafe(cells)
							}
							if c.values[i] != "" {
								shown += " " + c.values[i]
							}
							if !strings.Contains(text, strings.TrimRight(shown, " ")) {
								t.Errorf("%s %d %s ascii %v: the export lacks the bar %q", l, w, tab, ascii, shown)
							}
						}
					}
				}
			}
		}
	}
}

// TestBreakpoints: one column of panels below TwoColumns, two from it,
// three from ThreeColumns; some tab fills every column at those widths,
// and no line ever has more panels side by side than columns.
func TestBreakpoints(t *testing.T) {
	for _, c := range []struct{ w, n int }{{40, 1}, {80, 1}, {99, 1}, {100, 2}, {120, 2}, {159, 2}, {160, 3}, {200, 3}, {300, 3}} {
		if got := Columns(c.w); got != c.n {
			t.Errorf("Columns(%d) = %d, want %d", c.w, got, c.n)
		}
		most := 0
		for _, l := range data.Langs() {
			for _, tab := range data.TabIDs() {
				for _, ln := range RenderPage(data.Default(), tab, Options{Width: c.w, Lang: l}, PlainStyles()).Lines() {
					most = max(most, strings.Count(ln, "╭"))
				}
			}
		}
		if most != c.n {
			t.Errorf("width %d: at most %d panels side by side, want %d", c.w, most, c.n)
		}
	}
}

// TestHeader: the district's name and the active tab are on the tab bar
// whole at every width from 40 to 300, in both languages, and each tab's
// span is where its label is.
func TestHeader(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		names := regionNames(ds, l)
		for w := 40; w <= 300; w++ {
			for i, tab := range data.Tabs() {
				for _, ascii := range []bool{false, true} {
					lines, spans := Header(ds, tab.ID, Options{Width: w, Lang: l, ASCII: ascii}, PlainStyles())
					bar := lines[0]
					if Width(bar) > w || Width(lines[1]) != w {
						t.Fatalf("%s %d: tab bar %d wide, rule %d", l, w, Width(bar), Width(lines[1]))
					}
					active := fmt.Sprintf("[%d %s]", i+1, tab.Title.In(l))
					if !strings.Contains(bar, active) || !strings.Contains(bar, names[len(names)-1]) {
						t.Errorf("%s %d: %q lacks %q or the district's name", l, w, bar, active)
					}
					if loneEllipses(bar) > 0 {
						t.Errorf("%s %d: the tab bar is cut: %q", l, w, bar)
					}
					for j, sp := range spans {
						got := ansi.Cut(bar, sp.Col, sp.Col+sp.Width)
						if !strings.Contains(got, fmt.Sprint(j+1)) || j == i && got != active {
							t.Errorf("%s %d: tab %d's span shows %q", l, w, j+1, got)
						}
					}
					if ascii {
						for _, r := range bar + lines[1] {
							if runewidth.IsAmbiguousWidth(r) {
								t.Fatalf("%s %d: ascii tab bar has %q", l, w, r)
							}
						}
					}
				}
			}
		}
		if lines, _ := Header(ds, "overview", Options{Width: 300, Lang: l}, PlainStyles()); !strings.Contains(lines[0], names[0]) {
			t.Errorf("%s: the full name is not on a wide tab bar: %q", l, lines[0])
		}
	}
}

// TestPlainBreaks: 7-bit text that plainBreaks lets through wraps the same
// without UAX #14's state machine as with it: every text of the dataset
// and of the chrome, at every width.
func TestPlainBreaks(t *testing.T) {
	ds := data.Default()
	var texts []string
	for _, l := range data.Langs() {
		for _, tab := range data.TabIDs() {
			texts = append(texts, strings.Split(ExportText(ds, []string{tab}, Options{Width: 1000, Lang: l}), "\n")...)
		}
	}
	texts = append(texts, "a ( b", "x [ y", `say " (z`, "  lead", "trail  ", "a  b   c", "gdp-growth/city", "", " ")
	n := 0
	for _, s := range texts {
		for _, piece := range strings.Split(s, "│") {
			piece = strings.TrimSpace(piece)
			if !plainBreaks(piece) {
				continue
			}
			n++
			for w := 1; w <= 60; w++ {
				if got, want := wrapWith(piece, w, true), wrapWith(piece, w, false); !slices.Equal(got, want) {
					t.Fatalf("%q at %d: %q, UAX #14 gives %q", piece, w, got, want)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d 7-bit texts", n)
	}
	for _, s := range []string{"a ( b", "x [ y", `say " (z`, "马村", "a\tb"} {
		if plainBreaks(s) {
			t.Errorf("plainBreaks(%q)", s)
		}
	}
}

// TestEveryRecordOnItsTab: every programme and strategy list is shown on
// the tab its record names and on no other, so that a tab carries the
// lists of its own subject; every other record of the dataset is on some
// tab too.
func TestEveryRecordOnItsTab(t *testing.T) {
	ds := data.Default()
	on := map[Ref][]string{}
	for _, tab := range data.TabIDs() {
		for _, r := range TabRecords(ds, tab) {
			on[r] = append(on[r], tab)
		}
	}
	for _, g := range ds.Programs {
		if got := on[Ref{KindProgram, g.ID}]; !slices.Equal(got, []string{g.Tab}) {
			t.Errorf("programme %s is on %v, want [%s]", g.ID, got, g.Tab)
		}
		if h := Home(ds, KindProgram, g.ID); h != g.Tab {
			t.Errorf("programme %s: search goes to %q, want %q", g.ID, h, g.Tab)
		}
	}
	for _, x := range ds.Structures {
		if got := on[Ref{KindStructure, x.ID}]; !slices.Equal(got, []string{x.Tab}) {
			t.Errorf("structure %s is on %v, want [%s]", x.ID, got, x.Tab)
		}
	}
	tabs := map[string]int{}
	for _, g := range ds.Programs {
		tabs[g.Tab]++
	}
	if len(tabs) < 4 {
		t.Errorf("the programmes are on %d tabs (%v): the lists belong with their subjects", len(tabs), tabs)
	}
	for _, f := range ds.Figures {
		if len(on[Ref{KindFigure, f.ID}]) == 0 {
			t.Errorf("figure %s is on no tab", f.ID)
		}
	}
	for _, p := range ds.Projects {
		if len(on[Ref{KindProject, p.ID}]) == 0 {
			t.Errorf("project %s is on no tab", p.ID)
		}
	}
	for _, n := range ds.Notes {
		if len(on[Ref{KindNote, n.ID}]) == 0 {
			t.Errorf("note %s is on no tab", n.ID)
		}
	}
}

// TestChangeScaleLabels: a change chart labels its track 0% and 100% only
// for shares; for other figures (which the track scales to the larger)
// it prints no scale it does not have.
func TestChangeScaleLabels(t *testing.T) {
	ds := data.Default()
	v := func(x float64) *float64 { return &x }
	mk := func(measure, unit string, a, b float64) []*data.Figure {
		return []*data.Figure{
			{ID: "later", Measure: measure, Short: data.Text{EN: "Later"}, Value: v(a), Unit: data.Text{EN: unit, ZH: unit}},
			{ID: "earlier", Measure: measure, Short: data.Text{EN: "Earlier"}, Value: v(b), Unit: data.Text{EN: unit, ZH: unit}},
		}
	}
	for _, c := range []struct {
		figs   []*data.Figure
		scaled bool
	}{
		{mk("share", "%", 40.4, 37.1), true},
		{mk("growth", "%", 102.4, 23.7), false},
	} {
		b := newBuilder(ds, "industry", Options{Width: 80, Lang: data.EN}, PlainStyles())
		first := c.figs[0].Measure
		lines := b.changeChart(c.figs, nil).draw(60).lines
		var sb strings.Builder
		for _, pc := range lines[0] {
			sb.WriteString(pc.s)
		}
		track := ansi.Strip(sb.String())
		if got := strings.Contains(track, "0% ") && strings.Contains(track, " 100%"); got != c.scaled {
			t.Errorf("%s: track %q labelled 0%%-100%%: %v, want %v", first, track, got, c.scaled)
		}
	}
}
