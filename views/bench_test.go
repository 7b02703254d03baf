package views

// Benchmarks of the views (docs/performance.md): a tab's page made as the
// screen makes it, and the whole text export of every tab. The frame budgets are in
// model/bench_test.go, next to the ntcharts baseline they are ratios to.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/macun-tui/macun-tui/data"
)

var benchSink string

func allTabs() []string {
	ids := make([]string, len(data.Tabs()))
	for i, t := range data.Tabs() {
		ids[i] = t.ID
	}
	return ids
}

// BenchmarkExportText: `macun-tui export --tab all` without the process:
// every tab as text at width 100, then the sources.
func BenchmarkExportText(b *testing.B) {
	ds := data.Default()
	for _, l := range data.Langs() {
		b.Run(string(l), func(b *testing.B) {
			o := Options{Width: 100, Lang: l}
			b.ReportAllocs()
			for b.Loop() {
				benchSink = ExportText(ds, allTabs(), o)
			}
		})
	}
}

// BenchmarkPage: a tab's page at 160 cells, made whole as the screen
// makes it (every line, the selected looks of its items, their spans;
// charts drawn), plain styles.
func BenchmarkPage(b *testing.B) {
	ds := data.Default()
	st := PlainStyles()
	for _, l := range data.Langs() {
		for _, t := range data.Tabs() {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				o := Options{Width: 160, Lang: l}
				b.ReportAllocs()
				for b.Loop() {
					benchSink = strings.Join(RenderPage(ds, t.ID, o, st).Lines(), "\n")
				}
			})
		}
	}
}
