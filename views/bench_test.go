package views

// Benchmarks of the views (docs/performance.md): a tab's body laid out
// and every line rendered (what a text export of the tab does), the whole
// text export of every tab, and one chart drawn. The frame budgets are in
// model/bench_test.go, next to the ntcharts baseline they are ratios to.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"macun-tui/data"
)

var benchSink string

func allTabs() []string {
	ids := make([]string, len(data.Tabs))
	for i, t := range data.Tabs {
		ids[i] = t.ID
	}
	return ids
}

// BenchmarkExportText: `macun-tui export --tab all` without the process:
// every tab as text at width 100, then the sources.
func BenchmarkExportText(b *testing.B) {
	ds := data.Default()
	for _, l := range data.Langs {
		b.Run(string(l), func(b *testing.B) {
			o := Options{Width: 100, Lang: l}
			b.ReportAllocs()
			for b.Loop() {
				benchSink = ExportText(ds, allTabs(), o)
			}
		})
	}
}

// BenchmarkBodyAllLines: a tab's body at 160 cells, every line rendered
// (charts drawn once each), plain styles.
func BenchmarkBodyAllLines(b *testing.B) {
	ds := data.Default()
	st := PlainStyles()
	for _, l := range data.Langs {
		for _, t := range data.Tabs {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				o := Options{Width: 160, Lang: l}
				b.ReportAllocs()
				for b.Loop() {
					benchSink = strings.Join(RenderBody(ds, t.ID, o, st).Lines(), "\n")
				}
			})
		}
	}
}

// TestMergeRuns: merging a bar's cells keeps every cell's look.
func TestMergeRuns(t *testing.T) {
	g := "\x1b[38;2;1;2;3m"
	o := "\x1b[38;2;9;9;9m"
	r := sgrReset
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{g + "█" + r + g + "█" + r + g + "▌" + r + "   ", g + "██▌" + r + "   "},
		// another style in between: both kept
		{g + "█" + r + o + "█" + r + g + "█" + r, g + "█" + r + o + "█" + r + g + "█" + r},
		// a reset followed by the same style after text: kept
		{g + "█" + r + " " + g + "█" + r, g + "█" + r + " " + g + "█" + r},
		// two styles on at once are one state
		{g + "\x1b[1m" + "a" + r + g + "\x1b[1m" + "b" + r, g + "\x1b[1m" + "ab" + r},
		// a reset followed by only part of the state: kept
		{g + "\x1b[1m" + "a" + r + g + "b" + r, g + "\x1b[1m" + "a" + r + g + "b" + r},
		// other sequences stop merging until the next reset
		{g + "a\x1b]8;;x\x1b\\" + r + g + "b" + r, g + "a\x1b]8;;x\x1b\\" + r + g + "b" + r},
	}
	for _, c := range cases {
		got := mergeRuns(c.in)
		if got != c.want {
			t.Errorf("mergeRuns(%q) = %q, want %q", c.in, got, c.want)
		}
		if ansi.Strip(got) != ansi.Strip(c.in) {
			t.Errorf("mergeRuns(%q) changed the text: %q", c.in, got)
		}
	}
}
