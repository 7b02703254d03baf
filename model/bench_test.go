package model

// Budget benchmarks of the dashboard (docs/performance.md):
//
//   - BenchmarkBarchartBaseline: one bare ntcharts barchart at 160×48, the
//     yardstick every frame budget is a ratio to.
//   - BenchmarkFrame: a real frame of each tab at 160×48 in both
//     languages after the selection moved (charts already drawn and
//     cached, as on screen): budget 0.1× the baseline.
//   - BenchmarkKeyFrame: Update of a key (j/k, alternately) and View at
//     160×48: budget 1 ms, also reported as a ratio to the baseline.
//   - BenchmarkFrameBig: the same frame on a generated dataset of 10 000
//     projects and 2 000 figures: budget 2× the embedded dataset's frame.
//
// Ratios divide by a baseline measured in the same test binary, just
// before, as the median of a few batches (see baselineNs), so they hold on
// a loaded machine. With -benchtime 1x (the CI smoke run) budgets are
// reported but not enforced: one iteration is not a measurement; a budget
// fails the benchmark only when clearly over (past 1.25× the budget), and
// not at all with MACUN_BENCH_NOFAIL=1.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/NimbleMarkets/ntcharts/barchart"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/macun-tui/macun-tui/cmd/gendata/gen"
	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Frame size of every budget.
const (
	benchW = 160
	benchH = 48
)

// Budgets, as in docs/performance.md.
const (
	budgetFrameRatio = 0.02                   // frame / one barchart View
	budgetKeyFrame   = 200 * time.Microsecond // key + frame, absolute
	budgetBigRatio   = 2.0                    // big-dataset frame / embedded frame
	clearlyOver      = 1.25                   // fail only past budget × this: noise
	enforceMinN      = 20                     // fewer iterations: report only
	baselineBatch    = 5 * time.Millisecond   // least time of one baseline batch
	baselineBatches  = 7                      // batches; the median is taken
	baselineMaxTotal = 500 * time.Millisecond // cap on calibration time
)

// baselineBars is the baseline chart's data: a handful of labelled bars.
func baselineBars() []barchart.BarData {
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("10"))
	names := []string{"GDP", "FAI", "Retail", "Industry", "Revenue", "Exports"}
	out := make([]barchart.BarData, len(names))
	for i, n := range names {
		out[i] = barchart.BarData{Label: n, Values: []barchart.BarValue{{Name: n, Value: float64(3 + 2*i), Style: st}}}
	}
	return out
}

// newBaselineChart is the baseline: barchart.New(160, 48) with default
// options (axis and labels on) and six labelled bars. Construction is not
// part of an op: an op is Draw()+View(), what a chart costs when it is
// redrawn on screen.
func newBaselineChart(w, h int) barchart.Model {
	return barchart.New(w, h, barchart.WithDataSet(baselineBars()))
}

var benchSink string

// BenchmarkBarchartBaseline is the yardstick: Draw()+View() of one bare
// ntcharts barchart at 160×48.
func BenchmarkBarchartBaseline(b *testing.B) {
	m := newBaselineChart(benchW, benchH)
	b.ReportAllocs()
	for b.Loop() {
		m.Draw()
		benchSink = m.View()
	}
}

var (
	baselineOnce sync.Once
	baselineVal  float64
)

// baselineNs is the median ns of one baseline op over a few timed
// batches, measured once per test binary.
func baselineNs() float64 {
	baselineOnce.Do(func() {
		m := newBaselineChart(benchW, benchH)
		var per []float64
		start := time.Now()
		for len(per) < baselineBatches && (len(per) < 3 || time.Since(start) < baselineMaxTotal) {
			n, t0 := 0, time.Now()
			for n == 0 || time.Since(t0) < baselineBatch {
				m.Draw()
				benchSink = m.View()
				n++
			}
			per = append(per, float64(time.Since(t0).Nanoseconds())/float64(n))
		}
		slices.Sort(per)
		baselineVal = per[len(per)/2]
	})
	return baselineVal
}

// benchStyles are the colour styles of a true-colour dark terminal: the
// costliest escape codes a frame has.
func benchStyles() *views.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return views.NewStyles(r, true)
}

// benchDash is the dashboard at 160×48 on tab, every body of it drawn once.
func benchDash(b *testing.B, ds *data.Dataset, l data.Lang, tab int) *Model {
	b.Helper()
	c := NewCommon(ds, benchStyles(), false)
	m := New(c, l)
	m.Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
	m.switchTab(tab)
	_ = m.View()
	return m
}

var keyDown = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}
var keyUp = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}

// frameLoop renders b.N frames, each after the selection moved: down to
// the last of the first span items (all items when span <= 0), then up to
// the first, and again, so that no frame is the one before.
func frameLoop(b *testing.B, m *Model, withKey bool, span int) {
	mover := newMover(m, withKey, span)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mover()
		benchSink = m.View()
	}
	b.StopTimer()
}

// newMover returns a func that moves the selection one item, bouncing
// between the first and the last of span items.
func newMover(m *Model, withKey bool, span int) func() {
	n := len(m.page().Items())
	if span > 0 {
		n = min(n, span)
	}
	dir := 1
	return func() {
		t := &m.tabs[m.tab]
		if n > 1 && (t.sel+dir < 0 || t.sel+dir >= n) {
			dir = -dir
		}
		switch {
		case !withKey:
			m.move(dir)
		case dir > 0:
			m.Update(keyDown)
		default:
			m.Update(keyUp)
		}
	}
}

// warm shows every item of the span once in both looks, as a user who
// has looked around the tab has.
func warm(m *Model, span int) {
	mover := newMover(m, false, span)
	n := len(m.page().Items())
	if span > 0 {
		n = min(n, span)
	}
	for range 2 * n {
		mover()
		benchSink = m.View()
	}
}

func perOp(b *testing.B) float64 { return float64(b.Elapsed().Nanoseconds()) / float64(b.N) }

// enforce reports whether budgets are checked: enough iterations to be a
// measurement, and not switched off with MACUN_BENCH_NOFAIL.
func enforce(b *testing.B) bool { return b.N >= enforceMinN && os.Getenv("MACUN_BENCH_NOFAIL") == "" }

// BenchmarkFrame: a frame of each tab after the selection moved.
func BenchmarkFrame(b *testing.B) {
	base := baselineNs()
	for _, l := range data.Langs() {
		for ti, t := range data.Tabs() {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				m := benchDash(b, data.Default(), l, ti)
				frameLoop(b, m, false, 0)
				r := perOp(b) / base
				b.ReportMetric(r, "ratio-to-barchart")
				b.ReportMetric(perOp(b)/1e6, "ms/frame")
				if enforce(b) && r > budgetFrameRatio*clearlyOver {
					b.Errorf("frame is %.3f× one barchart View, budget %.2f×", r, budgetFrameRatio)
				}
			})
		}
	}
}

// BenchmarkKeyFrame: a key (j or k) through Update, then View.
func BenchmarkKeyFrame(b *testing.B) {
	base := baselineNs()
	for _, l := range data.Langs() {
		for ti, t := range data.Tabs() {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				m := benchDash(b, data.Default(), l, ti)
				frameLoop(b, m, true, 0)
				ns := perOp(b)
				b.ReportMetric(ns/base, "ratio-to-barchart")
				b.ReportMetric(ns/1e6, "ms/key+frame")
				if enforce(b) && ns > float64(budgetKeyFrame.Nanoseconds())*clearlyOver {
					b.Errorf("key+frame is %.3f ms, budget %v", ns/1e6, budgetKeyFrame)
				}
			})
		}
	}
}

var (
	bigOnce sync.Once
	bigDS   *data.Dataset
	bigErr  error
)

// bigDataset is a generated dataset of 10 000 projects and 2 000 figures,
// written to a file and loaded as --data would.
func bigDataset(b *testing.B) *data.Dataset {
	b.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "macun-bench-")
		if err != nil {
			bigErr = err
			return
		}
		defer os.RemoveAll(dir)
		p := filepath.Join(dir, "big.json")
		f, err := os.Create(p)
		if err != nil {
			bigErr = err
			return
		}
		err = gen.Write(f, gen.Options{Projects: 10000, Figures: 2000, Seed: 1})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			bigErr = err
			return
		}
		bigDS, bigErr = data.LoadFile(p)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigDS
}

// BenchmarkFrameBig: the frame of each tab on the big dataset, as a ratio
// to the same frame on the embedded dataset. Both move the selection over
// the same span (the embedded tab's items), after showing it once, so the
// screens do the same work and only the size of the data differs; the
// embedded frame is measured right before, the same way.
func BenchmarkFrameBig(b *testing.B) {
	big := bigDataset(b)
	for _, l := range data.Langs() {
		for ti, t := range data.Tabs() {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				sm := benchDash(b, data.Default(), l, ti)
				span := len(sm.page().Items())
				warm(sm, span)
				small := medianFrameNs(sm, span)
				m := benchDash(b, big, l, ti)
				warm(m, span)
				frameLoop(b, m, false, span)
				r := perOp(b) / small
				b.ReportMetric(r, "ratio-to-embedded")
				b.ReportMetric(perOp(b)/1e6, "ms/frame")
				// A frame costs what it shows: the big dataset's screens are
				// full of rows, the embedded one's have room to spare.
				bytes := float64(len(m.View())) / float64(len(sm.View()))
				b.ReportMetric(bytes, "bytes-ratio")
				b.ReportMetric(r/bytes, "ratio-per-byte")
				if enforce(b) && r > budgetBigRatio*clearlyOver {
					b.Errorf("big-dataset frame is %.2f× the embedded one, budget %.1f×", r, budgetBigRatio)
				}
			})
		}
	}
}

// BenchmarkPageDownBig pages down the big project list: every frame shows
// lines never rendered before (and draws the charts that come into view).
// Reported, not budgeted: it is the cost of a first look at a screenful.
func BenchmarkPageDownBig(b *testing.B) {
	big := bigDataset(b)
	base := baselineNs()
	m := benchDash(b, big, data.EN, len(data.Tabs())-1)
	pgdn := tea.KeyMsg{Type: tea.KeyPgDown}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if t := m.tabs[m.tab]; t.offset+m.bodyHeight() >= m.page().Len() {
			b.StopTimer()
			m = benchDash(b, big, data.EN, len(data.Tabs())-1)
			b.StartTimer()
		}
		m.Update(pgdn)
		benchSink = m.View()
	}
	b.StopTimer()
	b.ReportMetric(perOp(b)/base, "ratio-to-barchart")
	b.ReportMetric(perOp(b)/1e6, "ms/frame")
}

// BenchmarkFirstFrame is the first frame of a tab at a new size or
// language: its body laid out and its charts drawn. Reported, not
// budgeted: it happens once per (tab, size, language, mode).
func BenchmarkFirstFrame(b *testing.B) {
	base := baselineNs()
	for _, l := range data.Langs() {
		for ti, t := range data.Tabs() {
			b.Run(fmt.Sprintf("%s/%s", l, t.ID), func(b *testing.B) {
				m := benchDash(b, data.Default(), l, ti)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					m.c.Bodies = NewBodyCache(localBodies)
					benchSink = m.View()
				}
				b.StopTimer()
				b.ReportMetric(perOp(b)/base, "ratio-to-barchart")
				b.ReportMetric(perOp(b)/1e6, "ms/frame")
			})
		}
	}
}

// medianFrameNs times frames of m (selection moving over span items) in
// a few batches and returns the median ns per frame.
func medianFrameNs(m *Model, span int) float64 {
	mover := newMover(m, false, span)
	var per []float64
	for range 7 {
		k, t0 := 0, time.Now()
		for k == 0 || time.Since(t0) < 5*time.Millisecond {
			mover()
			benchSink = m.View()
			k++
		}
		per = append(per, float64(time.Since(t0).Nanoseconds())/float64(k))
	}
	slices.Sort(per)
	return per[len(per)/2]
}
