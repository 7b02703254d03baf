package views

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestBarRowsMatchBarchart: barRows draws the bars an ntcharts barchart
// of the same size, scale and values draws, cell for cell, and styled
// bars only add escape codes around the same cells.
func TestBarRowsMatchBarchart(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.TrueColor)
	st := r.NewStyle().Foreground(lipgloss.Color("#4477aa"))
	for k := range 300 {
		width := 1 + rng.IntN(120)
		n := 1 + rng.IntN(8)
		vals := make([]float64, n)
		styles := make([]*lipgloss.Style, n)
		bars := make([]barchart.BarData, n)
		maxV := 0.0
		for i := range vals {
			switch rng.IntN(4) {
			case 0:
				vals[i] = float64(rng.IntN(10)) // small integers, zero too
			default:
				vals[i] = rng.Float64() * 1000
			}
			maxV = max(maxV, vals[i])
			styles[i] = &st
			bars[i] = barchart.BarData{Values: []barchart.BarValue{{Name: "x", Value: vals[i], Style: st}}}
		}
		if maxV == 0 || k%5 == 0 {
			maxV += 1 + rng.Float64()*100 // bars shorter than the width
		}
		m := barchart.New(width, n, barchart.WithHorizontalBars(), barchart.WithNoAxis(), barchart.WithBarGap(0),
			barchart.WithMaxValue(maxV), barchart.WithNoAutoMaxValue(), barchart.WithDataSet(bars))
		m.Draw()
		want := strings.Split(ansi.Strip(m.View()), "\n")
		plain := barRows(vals, maxV, width, styles, true)
		styled := barRows(vals, maxV, width, styles, false)
		for i := range vals {
			w := strings.TrimRight(want[i], " ")
			if plain[i] != w {
				t.Fatalf("width %d, max %v, value %v: got %q, ntcharts draws %q", width, maxV, vals[i], plain[i], w)
			}
			if ansi.Strip(styled[i]) != w {
				t.Fatalf("styled bar %q is not %q", styled[i], w)
			}
			if w != "" && styled[i] == w {
				t.Fatalf("styled bar %q has no style", styled[i])
			}
		}
	}
}
