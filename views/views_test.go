package views

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/data"
)

var zhSamples = []string{
	"",
	"马村区",
	"“药、铝、材”主导产业项目个数占重点项目比重",
	"高新技术产业增加值占规上工业的比重 40.4% 提高了3.3个百分点",
	"Matters handled for residents by micro-grid workers 微网格员帮办代办群众事项2.7万件",
	"a中b文c",
	"七十五载风雨兼程,百年矿区蝶变崛起。伴随着共和国的成长,马村区苦干实干、奋勇争先,走出了一条蝶变崛起的高质量发展之路。",
	"一区两城三基地: 中国式现代化建设焦作实践先行区、焦东融合创新城、焦东生态康养城",
	"≈11.22 matters per worker · “quoted” — 30 km² ×",
}

func TestFitPadWrapWidth(t *testing.T) {
	for _, s := range zhSamples {
		for w := -1; w <= 60; w++ {
			if got := Width(Fit(s, w)); got > max(w, 0) {
				t.Errorf("Fit(%q, %d) is %d wide", s, w, got)
			}
			if w > 0 && Width(s) <= w && Fit(s, w) != s {
				t.Errorf("Fit(%q, %d) changed a string that fits", s, w)
			}
			p := Pad(s, w)
			if got := ansi.StringWidth(p); got > max(w, 0) {
				t.Errorf("Pad(%q, %d) is %d wide", s, w, got)
			}
			// A wide character cut at the edge may leave one cell short
			// before padding; after padding the width is exact.
			if w > 0 && ansi.StringWidth(p) != w {
				t.Errorf("Pad(%q, %d) is %d wide, want exactly %d", s, w, ansi.StringWidth(p), w)
			}
			if got := ansi.StringWidth(PadLeft(s, w)); w > 0 && got != w {
				t.Errorf("PadLeft(%q, %d) is %d wide", s, w, got)
			}
			ls := Wrap(s, w)
			if w <= 0 && ls != nil {
				t.Errorf("Wrap(%q, %d) = %q, want nil", s, w, ls)
			}
			for _, l := range ls {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("Wrap(%q, %d) has a line %d wide: %q", s, w, got, l)
				}
			}
			// Wrapping cuts nothing when every line fits: the runes are
			// all still there (spaces aside).
			if w >= 2 && strings.ReplaceAll(strings.Join(ls, ""), " ", "") != strings.ReplaceAll(s, " ", "") {
				if !strings.Contains(strings.Join(ls, ""), "…") {
					t.Errorf("Wrap(%q, %d) lost text: %q", s, w, ls)
				}
			}
		}
	}
}

func TestFitEllipsis(t *testing.T) {
	if got := Fit("马村区焦作", 5); got != "马村…" {
		t.Errorf("Fit = %q, want %q", got, "马村…")
	}
	if got := Fit("abcdef", 1); got != "a" {
		t.Errorf("Fit(_, 1) = %q", got)
	}
	if got := Fit("abc", 0); got != "" {
		t.Errorf("Fit(_, 0) = %q", got)
	}
}

func TestASCIISafe(t *testing.T) {
	ins := append([]string{
		"─│█▉▊▋▌▍▎▏“”‘’·…×²—–°±※→←↑↓▶•≈≤≥†",
		"¶37 §  ¼ ½ ‰ ○ ● ◆ ★ ① Ⅱ α β Ω",
	}, zhSamples...)
	for _, s := range ins {
		a := ASCIISafe(s)
		if Width(a) != Width(s) {
			t.Errorf("ASCIISafe(%q) = %q: width %d, want %d", s, a, Width(a), Width(s))
		}
		for _, r := range a {
			if runewidth.IsAmbiguousWidth(r) {
				t.Errorf("ASCIISafe(%q) keeps ambiguous %q (U+%04X)", s, r, r)
			}
		}
		if len([]rune(a)) != len([]rune(s)) {
			t.Errorf("ASCIISafe(%q) changed the number of runes", s)
		}
	}
	if got := ASCIISafe("马村区 GDP"); got != "马村区 GDP" {
		t.Errorf("ASCIISafe changed plain text: %q", got)
	}
}

// TestFormatValue: the screen and the exports print the dataset's one
// formatter, and mark what looks ahead in both languages.
func TestFormatValue(t *testing.T) {
	ds := data.Default()
	for _, c := range []struct{ id, zh, en string }{
		{"grid-workers", "2406名", "2,406 people"},
		{"grid-matters", "2.7万件", "27,000 matters"},
		{"strive-funds", "5.1亿元", "510 million yuan"},
		{"bio-park-investment", "103亿元(谋划)", "10.3 billion yuan (planned)"},
		{"bio-park-output-target", "突破150亿元(目标)", "more than 15 billion yuan (target)"},
		{"eod-people", "3.5万人(预期)", "35,000 people (projected)"},
		{"bio-fund", "2亿元", "200 million yuan"}, // done: no mark
		{"petition-rank", "全市第一", "first in the whole city"},
		{"city-tech-reform-investment-share", "28.7%", "28.7%"},
	} {
		f, ok := ds.Figure(c.id)
		if !ok {
			t.Fatalf("no figure %s", c.id)
		}
		if got := FormatValue(f, data.ZH); got != c.zh {
			t.Errorf("%s zh = %q, want %q", c.id, got, c.zh)
		}
		if got := FormatValue(f, data.EN); got != c.en {
			t.Errorf("%s en = %q, want %q", c.id, got, c.en)
		}
	}
}

// itemText is what a page draws of an item: the text of its spans, in
// order, without its gutter, spaces collapsed (a value wrapped in a tile
// reads as one).
func itemText(p *Page, it int) string {
	var parts []string
	for _, sp := range p.Items()[it].Spans {
		line := ansi.Strip(p.Line(sp.Row, -1))
		parts = append(parts, strings.Fields(ansi.Cut(line, sp.Col, sp.Col+sp.Width))...)
	}
	return strings.Join(parts, " ")
}

// TestForwardMarked: every figure, claim and programme that looks ahead is
// drawn with its mark beside its value, within the item itself, on every
// tab that shows it, in both languages and modes, at several widths.
func TestForwardMarked(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, mode := range []Mode{ModeCharts, ModeTable} {
			for _, w := range []int{80, 120, 200} {
				for _, tab := range data.TabIDs() {
					p := RenderPage(ds, tab, Options{Width: w, Lang: l, Mode: mode}, PlainStyles())
					n := 0
					for i, it := range p.Items() {
						// In a table a value may wrap in its cell, between
						// other cells' lines: there the mark is what must be
						// drawn with the item.
						var want string
						switch it.Kind {
						case KindFigure:
							f, _ := ds.Figure(it.ID)
							switch {
							case !f.Status.Forward():
							case mode == ModeTable:
								want = ahead(f.Status, l)
							default:
								want = FormatValue(f, l)
							}
						case KindClaim:
							c, _ := ds.Claim(it.ID)
							if c.Forward() {
								want = claimLine(c, l)
							}
						}
						if want == "" {
							continue
						}
						n++
						if got := itemText(p, i); !strings.Contains(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(want, " ", "")) {
							t.Errorf("%s %s %d w %d: %d %s is drawn as %q, without %q", l, tab, mode, w, it.Kind, it.ID, got, want)
						}
					}
					for _, f := range ds.FiguresOfTab(tab) {
						if f.Status.Forward() {
							n--
						}
					}
					if n < 0 {
						t.Errorf("%s %s %d w %d: a forward-looking figure of the tab is not an item of its page", l, tab, mode, w)
					}
				}
			}
		}
	}
}

func TestLayoutColumns(t *testing.T) {
	colSets := [][]column{
		{{min: 8, max: 40}, {min: 6, max: 28, right: true}, {min: 6, max: 22}, {min: 8, max: 40}},
		{{min: 8, max: 40}, {min: 6, max: 28, right: true}, {min: 6, max: 22}, {min: 8, max: 40}, {min: 10}},
		{{min: 8, max: 36}, {min: 4, max: 12}, {min: 4, max: 18}, {min: 8, max: 60}, {min: 10}},
		{{min: 3}},
		{{min: 0}, {min: 0}},
	}
	nats := [][]int{{0, 0, 0, 0, 0}, {5, 5, 5, 5, 5}, {50, 30, 25, 60, 200}, {100, 1, 100, 1, 100}}
	for ci, cols := range colSets {
		for _, nat0 := range nats {
			nat := nat0[:len(cols)]
			for avail := 0; avail <= 300; avail++ {
				w := layoutColumns(cols, nat, avail)
				total, k := 0, 0
				for j, x := range w {
					if x < 0 {
						t.Fatalf("cols %d nat %v avail %d: negative width %v", ci, nat, avail, w)
					}
					if cols[j].max > 0 && x > cols[j].max {
						t.Errorf("cols %d nat %v avail %d: column %d over its max: %v", ci, nat, avail, j, w)
					}
					if x > 0 {
						total += x
						k++
					}
				}
				if k > 1 {
					total += colGap * (k - 1)
				}
				if total > avail {
					t.Errorf("cols %d nat %v avail %d: widths %v take %d", ci, nat, avail, w, total)
				}
				// Room enough: every column at its natural width (capped);
				// short of it, columns with a minimum go from the right, and
				// the first one stays while there is a cell for it. (A
				// column without a minimum may shrink to nothing.)
				capped, need, dropped := make([]int, len(cols)), 0, false
				for j, c := range cols {
					capped[j] = nat[j]
					if c.max > 0 {
						capped[j] = min(nat[j], c.max)
					}
					need += capped[j]
					if capped[j] > 0 && j > 0 {
						need += colGap
					}
					if w[j] == 0 && capped[j] > 0 && c.min > 0 {
						dropped = true
					} else if dropped && w[j] > 0 {
						t.Errorf("cols %d nat %v avail %d: column %d kept after a dropped one: %v", ci, nat, avail, j, w)
					}
				}
				if need <= avail && !slices.Equal(w, capped) {
					t.Errorf("cols %d nat %v avail %d: widths %v, want the natural %v", ci, nat, avail, w, capped)
				}
				if avail > 0 && capped[0] > 0 && cols[0].min > 0 && w[0] == 0 {
					t.Errorf("cols %d nat %v avail %d: the first column is dropped: %v", ci, nat, avail, w)
				}
			}
		}
	}
}

// Every tab's page fits its width in both languages and modes, at widths
// from 0 up, selected or not; ASCII pages hold no ambiguous rune; every
// item is drawn somewhere from the least width the dashboard runs at.
func TestRenderPageFits(t *testing.T) {
	ds := data.Default()
	st := PlainStyles()
	for _, tab := range data.Tabs() {
		if !HasView(tab.ID) {
			t.Errorf("tab %s has no view", tab.ID)
		}
		for _, l := range data.Langs() {
			for _, mode := range []Mode{ModeCharts, ModeTable} {
				for _, ascii := range []bool{false, true} {
					for _, w := range []int{0, 1, 5, 20, 39, 40, 80, 99, 100, 120, 159, 160, 200, 300} {
						o := Options{Width: w, Lang: l, Mode: mode, ASCII: ascii}
						p := RenderPage(ds, tab.ID, o, st)
						for i := 0; i < p.Len(); i++ {
							for sel := -1; sel < len(p.Items()); sel++ {
								s := p.Line(i, sel)
								if got := Width(s); got > w {
									t.Fatalf("%s %s mode %d ascii %v w %d line %d sel %d: %d wide: %q", tab.ID, l, mode, ascii, w, i, sel, got, s)
								}
								if w >= 40 && sel < 0 && loneEllipses(s) > 0 {
									t.Fatalf("%s %s mode %d ascii %v w %d line %d is cut: %q", tab.ID, l, mode, ascii, w, i, s)
								}
								if sel >= 0 && Width(s) != Width(p.Line(i, -1)) {
									t.Fatalf("%s %s w %d line %d: selecting %d changes its width", tab.ID, l, w, i, sel)
								}
								if ascii {
									for _, r := range s {
										if runewidth.IsAmbiguousWidth(r) {
											t.Fatalf("%s %s ascii line %d has ambiguous %q: %q", tab.ID, l, i, r, s)
										}
									}
								}
							}
						}
						for _, it := range p.Items() {
							if len(it.Spans) == 0 && w >= 40 {
								t.Errorf("%s %s w %d: item %s is drawn nowhere", tab.ID, l, w, it.ID)
							}
						}
					}
				}
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, l := range data.Langs() {
		for w := 0; w <= 60; w++ {
			s := TooSmall(w, 5, 40, 10, l)
			lines := strings.Split(s, "\n")
			if len(lines) > 5 || slices.ContainsFunc(lines, func(l string) bool { return Width(l) > w }) {
				t.Errorf("TooSmall(%d) = %q", w, s)
			}
		}
	}
	if s := TooSmall(60, 5, 40, 10, data.EN); !strings.HasPrefix(s, "terminal too small") || !strings.Contains(s, "40x10") {
		t.Errorf("TooSmall en = %q", s)
	}
	if s := TooSmall(60, 5, 40, 10, data.ZH); !strings.HasPrefix(s, "终端太小") {
		t.Errorf("TooSmall zh = %q", s)
	}
}
