package views

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/go-json-experiment/json"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"github.com/macun-tui/macun-tui/data"
)

// exportAll renders every format for every tab on its own and for all
// tabs together.
func exportAll(t *testing.T, o Options) map[string]string {
	t.Helper()
	ds := data.Default()
	out := map[string]string{}
	sets := [][]string{data.TabIDs()}
	for _, tab := range data.TabIDs() {
		sets = append(sets, []string{tab})
	}
	for _, tabs := range sets {
		key := strings.Join(tabs, "+")
		c, err := ExportCSV(ds, tabs, o)
		if err != nil {
			t.Fatal(err)
		}
		j, err := ExportJSON(ds, tabs, o)
		if err != nil {
			t.Fatal(err)
		}
		out["txt "+key] = ExportText(ds, tabs, o)
		out["md "+key] = ExportMarkdown(ds, tabs, o)
		out["csv "+key] = c
		out["json "+key] = j
	}
	return out
}

func TestExportNoEscapes(t *testing.T) {
	for _, l := range data.Langs() {
		for _, mode := range []Mode{ModeCharts, ModeTable} {
			for _, ascii := range []bool{false, true} {
				o := Options{Width: 80, Lang: l, Mode: mode, ASCII: ascii}
				for what, s := range exportAll(t, o) {
					if i := strings.IndexByte(s, 0x1b); i >= 0 {
						t.Errorf("%s %+v: escape byte at %d: %q", what, o, i, s[max(i-20, 0):min(i+20, len(s))])
					}
					if !strings.HasSuffix(s, "\n") {
						t.Errorf("%s %+v: does not end in a newline", what, o)
					}
				}
			}
		}
	}
}

func TestExportTextWidth(t *testing.T) {
	ds := data.Default()
	eaw := runewidth.Condition{EastAsianWidth: true}
	for _, w := range []int{20, 40, 60, 80, 100, 160} {
		for _, l := range data.Langs() {
			for _, mode := range []Mode{ModeCharts, ModeTable} {
				for _, ascii := range []bool{false, true} {
					o := Options{Width: w, Lang: l, Mode: mode, ASCII: ascii}
					s := ExportText(ds, data.TabIDs(), o)
					for n, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
						if got := ansi.StringWidth(line); got > w {
							t.Errorf("%+v line %d is %d cells: %q", o, n+1, got, line)
						}
						if line != strings.TrimRight(line, " ") {
							t.Errorf("%+v line %d has trailing spaces: %q", o, n+1, line)
						}
						if !ascii {
							continue
						}
						if got := eaw.StringWidth(line); got > w {
							t.Errorf("%+v line %d is %d cells with ambiguous = 2: %q", o, n+1, got, line)
						}
						for _, r := range line {
							if runewidth.IsAmbiguousWidth(r) || (r >= 0x2500 && r <= 0x259f) {
								t.Errorf("%+v line %d keeps %q (U+%04X): %q", o, n+1, r, r, line)
							}
						}
					}
				}
			}
		}
	}
}

// In ASCII mode the English export is 7-bit except the article's own
// (Chinese) words: every bar and rule is.
func TestExportTextASCIIBars(t *testing.T) {
	s := ExportText(data.Default(), data.TabIDs(), Options{Width: 80, Lang: data.EN, ASCII: true})
	if !strings.Contains(s, "#####") || !strings.Contains(s, "-----") {
		t.Errorf("no ASCII bars or rules in:\n%s", s)
	}
	if strings.ContainsAny(s, "█─│▏▎▍▌▋▊▉") {
		t.Error("block or box characters in an ASCII export")
	}
	// No character of the text becomes ?.
	table := ExportText(data.Default(), []string{"industry"}, Options{Width: 120, Lang: data.EN, Mode: ModeTable, ASCII: true})
	if !strings.Contains(table, "para. 36") || strings.Contains(table, "?") {
		t.Errorf("paragraph references in ASCII:\n%s", table)
	}
	plain := ExportText(data.Default(), data.TabIDs(), Options{Width: 80, Lang: data.EN})
	if !strings.Contains(plain, "█") {
		t.Error("no block characters in the default export")
	}
}

// The export of tabs is each tab as TabText (trailing spaces cut), a blank
// line between tabs, then the Sources block.
func TestExportTextLayout(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		o := Options{Width: 72, Lang: l, Mode: ModeTable}
		var parts []string
		for _, tab := range data.TabIDs() {
			var ls []string
			for _, x := range TabText(ds, tab, o, PlainStyles()) {
				ls = append(ls, strings.TrimRight(x, " "))
			}
			parts = append(parts, strings.Join(ls, "\n"))
		}
		var src []string
		for _, x := range SourcesBlock(ds, data.TabIDs(), o) {
			src = append(src, strings.TrimRight(x, " "))
		}
		want := strings.Join(parts, "\n\n") + "\n\n" + strings.Join(src, "\n") + "\n"
		if got := ExportText(ds, data.TabIDs(), o); got != want {
			t.Errorf("%s: export is not tabs + sources:\n%s", l, udiff.Unified("want", "got", want, got))
		}
	}
}

// Every record shown is in the Sources block with its whole sentence and,
// in English, its translation, labelled.
func TestSourcesBlock(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, tab := range data.TabIDs() {
			o := Options{Width: 40, Lang: l}
			ls := SourcesBlock(ds, []string{tab}, o)
			if !strings.HasPrefix(ls[0], MsgSources.In(l)) {
				t.Errorf("%s %s: first line %q", l, tab, ls[0])
			}
			// Ids may be wrapped at their hyphens; sentences anywhere.
			folded := data.Fold(strings.Join(ls, "\n"))
			check := func(id string, q data.Quote) {
				t.Helper()
				if !strings.Contains(folded, id) || !strings.Contains(folded, data.Fold(q.Source)) {
					t.Errorf("%s %s: no %s or its source %q", l, tab, id, q.Source)
				}
				if tr := data.Fold("Translation: " + q.Translation); (l == data.EN) != strings.Contains(folded, tr) {
					t.Errorf("%s %s: translation of %s shown: %v", l, tab, id, l != data.EN)
				}
				if p := ds.ParagraphOf(q.Source); p == 0 {
					t.Errorf("%s: source not in the article", id)
				} else if !strings.Contains(folded, data.Fold(fmt.Sprintf(MsgParagraph.In(l), p))) {
					t.Errorf("%s %s: no paragraph %d for %s", l, tab, p, id)
				}
			}
			for _, f := range ds.FiguresOfTab(tab) {
				check(f.ID, f.Quote)
			}
			for _, h := range ds.HonoursOf(tab) {
				check(h.ID, h.Quote)
			}
			for _, c := range ds.ClaimsOf(tab) {
				check(c.ID, c.Quote)
			}
			if tab == "projects" {
				for _, p := range ds.Projects {
					check(p.ID, p.Quote)
					for _, m := range p.Milestones {
						check(p.ID, m.Quote)
					}
				}
			}
			for _, g := range ds.ProgramsOf(tab) {
				check(g.ID, g.Quote)
			}
			for _, x := range ds.StructuresOf(tab) {
				check(x.ID, x.Quote)
			}
		}
	}
}

// TestExportCSV parses the CSV back (encoding/csv) into every figure and
// every project of the dataset, in both languages, with values a
// spreadsheet can sum.
func TestExportCSV(t *testing.T) {
	ds := data.Default()
	s, err := ExportCSV(ds, data.TabIDs(), Options{Lang: data.EN})
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(s, "\uFEFF") {
		t.Error("CSV starts with a BOM")
	}
	if zh, _ := ExportCSV(ds, data.TabIDs(), Options{Lang: data.ZH}); zh != s {
		t.Error("the CSV depends on the language; it has both")
	}
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], CSVHeader()) || !slices.Contains(recs[0], "base_value") || !slices.Contains(recs[0], "translation") {
		t.Fatalf("header %q", recs[0])
	}
	rows := map[string]map[string]string{} // kind id -> column -> cell
	kinds := map[string]int{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		kinds[m["kind"]]++
		if m["kind"] != "milestone" {
			if _, dup := rows[m["kind"]+" "+m["id"]]; dup {
				t.Errorf("%s %s twice", m["kind"], m["id"])
			}
			rows[m["kind"]+" "+m["id"]] = m
		}
	}
	want := map[string]int{"figure": len(ds.Figures), "project": len(ds.Projects), "honour": len(ds.Honours),
		"claim": len(ds.Claims), "program": len(ds.Programs), "milestone": 18}
	if !maps.Equal(kinds, want) {
		t.Errorf("rows by kind %v, want %v", kinds, want)
	}
	for _, f := range ds.Figures {
		r := rows["figure "+f.ID]
		if r == nil {
			t.Errorf("no row for figure %s", f.ID)
			continue
		}
		for col, want := range map[string]string{
			"label_zh": f.Label.ZH, "label_en": f.Label.EN, "short_zh": f.Short.ZH, "short_en": f.Short.EN,
			"unit_zh": f.Unit.ZH, "unit_en": f.Unit.EN, "display_zh": f.Display(data.ZH), "display_en": f.Display(data.EN),
			"period_zh": f.Period.In(data.ZH), "period_en": f.Period.In(data.EN), "source": f.Source,
			"translation": f.Translation, "base_value": f.BaseValue(), "base_unit": f.Base, "measure": f.Measure,
			"derived": strconv.FormatBool(f.IsDerived()), "paragraph": strconv.Itoa(ds.ParagraphOf(f.Source)),
		} {
			if r[col] != want {
				t.Errorf("figure %s: %s = %q, want %q", f.ID, col, r[col], want)
			}
		}
		if v, err := strconv.ParseFloat(r["value"], 64); err != nil || v != f.V() || strings.ContainsAny(r["value"], ", 万≈e") {
			t.Errorf("figure %s: value %q, want %v", f.ID, r["value"], f.V())
		}
		if f.Base != "" {
			if _, err := strconv.ParseInt(r["base_value"], 10, 64); err != nil {
				t.Errorf("figure %s: base value %q does not sum as a whole number", f.ID, r["base_value"])
			}
		}
		if st := r["status"]; f.Status == nil && st != "" || f.Status != nil && (st != f.Status.Kind || r["status_cue"] != f.Status.Cue) {
			t.Errorf("figure %s: status %q", f.ID, st)
		}
		if f.Rank != nil && (r["rank_scope_zh"] != f.Rank.Scope.ZH || r["rank_scope_en"] != f.Rank.Scope.EN) {
			t.Errorf("figure %s: rank scope %q %q", f.ID, r["rank_scope_zh"], r["rank_scope_en"])
		}
		if f.IsDerived() && (r["formula"] != f.Derived.Formula || r["caveat_en"] != f.Derived.Caveat.EN || r["decimals"] != "1") {
			t.Errorf("figure %s: derived %q %q %q", f.ID, r["formula"], r["decimals"], r["caveat_en"])
		}
	}
	// a spreadsheet's sum of the money the article gives, in yuan
	var yuan int64
	for _, f := range ds.Figures {
		if v, err := strconv.ParseInt(rows["figure "+f.ID]["base_value"], 10, 64); err == nil && f.Base == "yuan" {
			yuan += v
		}
	}
	if yuan != 10_300_000_000+15_000_000_000+3_000_000_000+510_000_000+320_000_000+200_000_000 {
		t.Errorf("the yuan sum to %d", yuan)
	}
	for _, p := range ds.Projects {
		r := rows["project "+p.ID]
		if r == nil || r["label_zh"] != p.Name.ZH || r["label_en"] != p.Name.EN || r["short_en"] != p.Short.EN ||
			r["category"] != p.Category || r["source"] != p.Source || r["translation"] != p.Translation ||
			r["stage"] != cmp.Or(p.Stage(), "not-stated") {
			t.Errorf("project %s: %v", p.ID, r)
		}
	}
	for _, h := range ds.Honours {
		if r := rows["honour "+h.ID]; r == nil || r["label_en"] != h.Title.EN || r["level"] != h.Level || r["tab"] != h.Tab {
			t.Errorf("honour %s: %v", h.ID, r)
		}
	}
	// one tab: its records only
	one, _ := ExportCSV(ds, []string{"industry"}, Options{})
	recs, _ = csv.NewReader(strings.NewReader(one)).ReadAll()
	if n := len(recs) - 1; n != len(ds.FiguresOfTab("industry"))+len(ds.ClaimsOf("industry"))+len(ds.ProgramsOf("industry")) {
		t.Errorf("industry: %d rows", n)
	}
}

// TestExportJSON: the JSON export decodes strictly (no unknown member)
// into the records of the CSV export, with numbers as numbers.
func TestExportJSON(t *testing.T) {
	ds := data.Default()
	s, err := ExportJSON(ds, data.TabIDs(), Options{Lang: data.EN})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, "{\n  \"meta\": {\n    \"title\": {") {
		t.Errorf("not indented with two spaces:\n%.80s", s)
	}
	var doc JSONExport
	if err := json.Unmarshal([]byte(s), &doc, json.RejectUnknownMembers(true)); err != nil {
		t.Fatal(err)
	}
	want := Records(ds, data.TabIDs())
	if len(doc.Records) != len(want) || doc.Meta.Date != "2024-10-01" || doc.Meta.Headline == nil ||
		len(doc.Structures) != len(ds.Structures) || len(doc.Notes) != len(ds.Notes) {
		t.Fatalf("%d records, want %d; meta %+v", len(doc.Records), len(want), doc.Meta)
	}
	for i, r := range doc.Records {
		w := want[i]
		if r.Kind != w.Kind || r.ID != w.ID || r.Label != w.Label || r.Source != w.Source || r.Translation != w.Translation {
			t.Errorf("record %d: %+v, want %+v", i, r, w)
		}
		if (r.Value == nil) != (w.Value == nil) || r.Value != nil && *r.Value != *w.Value || string(r.BaseValue) != string(w.BaseValue) {
			t.Errorf("record %s %s: value %v %s, want %v %s", r.Kind, r.ID, r.Value, r.BaseValue, w.Value, w.BaseValue)
		}
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		t.Fatal(err)
	}
	first := raw["records"].([]any)[0].(map[string]any)
	if _, ok := first["value"].(float64); !ok {
		t.Errorf("value is %T, not a number", first["value"])
	}
	for i, x := range raw["records"].([]any) {
		if bv, ok := x.(map[string]any)["base_value"]; ok {
			if _, num := bv.(float64); !num {
				t.Errorf("record %d: base_value %v is not a number", i, bv)
			}
		}
	}
}

// unescapedPipes counts the pipes not escaped by a backslash.
func unescapedPipes(s string) int {
	n, bs := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			bs++
			continue
		case '|':
			if bs%2 == 0 {
				n++
			}
		}
		bs = 0
	}
	return n
}

// checkMarkdownTables checks that every table has a delimiter row and
// that all its rows have the same number of cells.
func checkMarkdownTables(t *testing.T, what, md string) int {
	t.Helper()
	lines := strings.Split(md, "\n")
	tables := 0
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") {
			continue
		}
		tables++
		head := unescapedPipes(lines[i])
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "| ---") || unescapedPipes(lines[i+1]) != head {
			t.Errorf("%s: table at line %d has no delimiter row", what, i+1)
		}
		if i > 0 && lines[i-1] != "" {
			t.Errorf("%s: table at line %d does not follow a blank line", what, i+1)
		}
		for ; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
			if n := unescapedPipes(lines[i]); n != head || !strings.HasSuffix(lines[i], " |") {
				t.Errorf("%s: line %d has %d pipes, header %d: %q", what, i+1, n, head, lines[i])
			}
		}
	}
	return tables
}

func TestExportMarkdown(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		md := ExportMarkdown(ds, data.TabIDs(), Options{Lang: l})
		if checkMarkdownTables(t, string(l), md) == 0 {
			t.Fatal("no tables")
		}
		for _, tab := range data.Tabs() {
			if !strings.Contains(md, "\n# "+tab.Title.In(l)+"\n") {
				t.Errorf("%s: no heading for %s", l, tab.ID)
			}
			for _, g := range ds.GroupsOf(tab.ID) {
				if !strings.Contains(md, "\n## "+mdEscape(g.Title.In(l))+"\n") {
					t.Errorf("%s: no heading for group %s", l, g.ID)
				}
			}
			one := ExportMarkdown(ds, []string{tab.ID}, Options{Lang: l})
			checkMarkdownTables(t, string(l)+" "+tab.ID, one)
			for _, f := range ds.FiguresOfTab(tab.ID) {
				if !strings.Contains(one, "| "+mdEscape(f.Label.In(l))+" |") {
					t.Errorf("%s %s: no row for %s", l, tab.ID, f.ID)
				}
				if !strings.Contains(one, "`"+f.ID+"`") {
					t.Errorf("%s %s: %s not in the sources list", l, tab.ID, f.ID)
				}
			}
			for _, c := range ds.ClaimsOf(tab.ID) {
				if !strings.Contains(one, "- "+mdEscape(claimLine(c, l))+"\n") || !strings.Contains(one, "`"+c.ID+"`") {
					t.Errorf("%s %s: claim %s missing", l, tab.ID, c.ID)
				}
			}
			// a translation is labelled, and only in English
			if got := strings.Contains(one, "  - Translation: "); got != (l == data.EN) {
				t.Errorf("%s %s: translations shown %v", l, tab.ID, got)
			}
			if tab.ID == "projects" {
				for _, p := range ds.Projects {
					if !strings.Contains(one, "| "+mdEscape(p.Name.In(l))+" |") {
						t.Errorf("%s: no row for project %s", l, p.ID)
					}
				}
			}
			if tab.ID == "overview" {
				for _, n := range ds.Notes {
					if !strings.Contains(one, mdEscape(n.Text.In(l))) {
						t.Errorf("%s: note %s missing", l, n.ID)
					}
				}
			}
			for _, x := range ds.StructuresOf(tab.ID) {
				if !strings.Contains(one, "- "+mdEscape(structureLine(x, l))+"\n") {
					t.Errorf("%s %s: structure %s missing", l, tab.ID, x.ID)
				}
			}
			for _, g := range ds.ProgramsOf(tab.ID) {
				if !strings.Contains(one, "- "+mdEscape(programLine(g, l))+"\n") {
					t.Errorf("%s %s: programme %s missing", l, tab.ID, g.ID)
				}
			}
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	var b strings.Builder
	mdTable(&b, []string{"a|b", "c"}, [][]string{{`x\|y`, "p|q|r"}, {`trailing\`, "line\nbreak"}, {"", "*bold* _u_ `code` <b>"}})
	md := b.String()
	if n := checkMarkdownTables(t, "escape", "\n"+md); n != 1 {
		t.Errorf("%d tables in\n%s", n, md)
	}
	for _, want := range []string{`| a\|b | c |`, `| x\\\|y | p\|q\|r |`, `| trailing\\ | line break |`, "| \\*bold\\* \\_u\\_ \\`code\\` \\<b\\> |"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
	if !bytes.Contains([]byte(md), []byte("|  |")) {
		t.Errorf("empty cell lost:\n%s", md)
	}
}

func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want []string
	}{
		{"惠及南水北调周围12个村,6个社区。", 11, []string{"惠及南水北", "调周围12个", "村,6个社", "区。"}},
		{"惠及南水北调周围12个村,6个社区。", 10, []string{"惠及南水北", "调周围12个", "村,6个社", "区。"}},
		{"占比“药、铝、材”主导", 8, []string{"占比", "“药、", "铝、材”", "主导"}},
		{"back-street-villages, demo-villages (第52段):", 24, []string{"back-street-villages,", "demo-villages (第52段):"}},
		{"a-very-long-identifier-here", 10, []string{"a-very-lon", "g-identifi", "er-here"}},
		{"", 5, []string{""}},
		{"ids, more " + glue("(para. 35):"), 14, []string{"ids, more", "(para. 35):"}},
		{"ids " + glue("(第51段):"), 10, []string{"ids", "(第51段):"}},
		{"甲——乙", 3, []string{"甲", "——", "乙"}}, // UAX #14: no break between two dashes
	} {
		got := wrapText(c.s, c.w)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
		for _, l := range got {
			if Width(l) > c.w {
				t.Errorf("wrapText(%q, %d): %q is too wide", c.s, c.w, l)
			}
		}
	}
}

// uaxBreaks returns s with '|' where UAX #14 alone (uniseg) allows a
// line break.
func uaxBreaks(s string) string {
	var b strings.Builder
	state := -1
	for rest := s; rest != ""; {
		var c string
		var bound int
		c, rest, bound, state = uniseg.StepString(rest, state)
		b.WriteString(c)
		if rest != "" && bound&uniseg.MaskLine != uniseg.LineDontBreak {
			b.WriteByte('|')
		}
	}
	return b.String()
}

// TestWrapRules: each rule where wrapText departs from UAX #14 makes a
// difference (a later uniseg that agrees would fail uax here, telling that
// the rule can go) and does what it says.
func TestWrapRules(t *testing.T) {
	for _, c := range []struct {
		rule, s string
		w       int
		uax     string // where UAX #14 alone breaks
		want    []string
	}{
		{"ASCII runs stay whole", "数据gdp-growth", 10, "数|据|gdp-|growth", []string{"数据", "gdp-growth"}},
		{"ASCII runs stay whole", "见and/or", 6, "见|and/|or", []string{"见", "and/or"}},
		{"ASCII runs stay whole", "甲村,6个", 5, "甲|村,|6|个", []string{"甲", "村,6", "个"}},
		{"break before an opening quote", "占比“药”", 4, "占|比“药”", []string{"占比", "“药”"}},
		{"break before an opening quote after ASCII punctuation", "说:“好”", 4, "说:“好”", []string{"说:", "“好”"}},
		{"break after a closing quote", "“药”主导", 5, "“药”主|导", []string{"“药”", "主导"}},
		{"no break at an apostrophe", "ab District’s", 12, "ab |District’s", []string{"ab", "District’s"}},
		{"no break after a quote before closing punctuation", "他“药”。", 6, "他“药”。", []string{"他", "“药”。"}},
		{"no break after an opening mark", "甲（“药”", 6, "甲|（“药”", []string{"甲", "（“药”"}},
		{"glued text never breaks, quotes in it neither", "ab " + glue("甲“药”"), 7, "ab |" + glue("甲“药”"), []string{"ab", "甲“药”"}},
	} {
		if got := uaxBreaks(c.s); got != c.uax {
			t.Errorf("%s: UAX #14 breaks %q as %q, the test expects %q", c.rule, c.s, got, c.uax)
		}
		if got := wrapText(c.s, c.w); !slices.Equal(got, c.want) {
			t.Errorf("%s: wrapText(%q, %d) = %q, want %q", c.rule, c.s, c.w, got, c.want)
		}
	}
}

// TestWriteText: WriteText writes what ExportText returns, and reports the
// writer's error.
func TestWriteText(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		for _, o := range []Options{{Width: 100, Lang: l}, {Width: 40, Lang: l, ASCII: true}, {Width: 160, Lang: l, Mode: ModeTable}} {
			var b strings.Builder
			if err := WriteText(&b, ds, data.TabIDs(), o); err != nil {
				t.Fatal(err)
			}
			if want := ExportText(ds, data.TabIDs(), o); b.String() != want {
				t.Errorf("%+v: WriteText wrote %d bytes, ExportText returns %d, and they differ", o, b.Len(), len(want))
			}
		}
	}
	err := WriteText(failWriter{}, ds, data.TabIDs(), Options{Width: 100, Lang: data.EN})
	if !errors.Is(err, errFull) {
		t.Errorf("WriteText to a full disk: %v, want %v", err, errFull)
	}
}

var errFull = errors.New("no space left on device")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFull }
