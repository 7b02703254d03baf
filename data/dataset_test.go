package data

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// The tests in this file check the embedded dataset against the article
// with code independent of the loader's own checks.

// fold removes white space (independently of Fold).
func fold(s string) string { return strings.Join(strings.Fields(s), "") }

func TestDefaultDataset(t *testing.T) {
	ds := Default()
	if len(ds.Article) < 10000 || len(ds.Figures) < 40 || len(ds.Groups) < 15 {
		t.Fatalf("article %d bytes, %d figures, %d groups", len(ds.Article), len(ds.Figures), len(ds.Groups))
	}
	f, _ := ds.Figure("city-tech-reform-investment-share")
	if f.V() != 28.7 { // 44.4 - 15.7 without float noise
		t.Errorf("city-tech-reform-investment-share = %v", f.V())
	}
	for _, f := range ds.Figures {
		if f.Value == nil {
			t.Errorf("%s has no value", f.ID)
		}
	}
}

// walk visits every struct of a value by reflection, with its path
// (dataset.Figures[3].Label); visit returns false to keep out of it.
func walk(v reflect.Value, path string, visit func(v reflect.Value, path string) bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walk(v.Index(i), path+"["+strconv.Itoa(i)+"]", visit)
		}
	case reflect.Struct:
		if !visit(v, path) {
			return
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				walk(v.Field(i), path+"."+f.Name, visit)
			}
		}
	}
}

// quotes are every quoted string of the dataset, found by reflection:
// sources (of records, items, references), note quotes and the meta's
// Chinese.
func quotes(ds *Dataset) map[string]string {
	out := map[string]string{}
	walk(reflect.ValueOf(ds).Elem(), "dataset", func(v reflect.Value, path string) bool {
		for _, name := range []string{"Source", "Quote"} {
			if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
				out[path+"."+name] = f.String()
			}
		}
		return true
	})
	for what, t := range map[string]*Text{"headline": ds.Meta.Headline, "byline": ds.Meta.Byline, "credits": ds.Meta.Credits} {
		out[what] = t.ZH
	}
	return out
}

// TestSourcesInArticle: every quoted string is verbatim in the article
// (white space aside), and every record has its translation.
func TestSourcesInArticle(t *testing.T) {
	ds := Default()
	art := fold(ds.Article)
	qs := quotes(ds)
	if len(qs) < 190 {
		t.Fatalf("only %d quotes found", len(qs))
	}
	for where, s := range qs {
		if fold(s) == "" || !strings.Contains(art, fold(s)) {
			t.Errorf("%s: %q is not in the article", where, s)
		}
	}
	for _, p := range pairs(ds) {
		if strings.HasSuffix(p.path, ".translation") && strings.TrimSpace(p.en) == "" {
			t.Errorf("%s: no translation", p.path)
		}
	}
}

// TestFactCounts: the facts of the article the dataset holds, by kind
// (docs: the README's "The data"). A fact lost or added shows here.
func TestFactCounts(t *testing.T) {
	ds := Default()
	quoted, derived, milestones := 0, 0, 0
	for _, f := range ds.Figures {
		if f.IsDerived() {
			derived++
		} else {
			quoted++
		}
	}
	for _, p := range ds.Projects {
		milestones += len(p.Milestones)
	}
	got := fmt.Sprintf("figures %d quoted + %d derived, honours %d, claims %d, programmes %d, projects %d (milestones %d), structures %d, notes %d",
		quoted, derived, len(ds.Honours), len(ds.Claims), len(ds.Programs), len(ds.Projects), milestones, len(ds.Structures), len(ds.Notes))
	if want := "figures 41 quoted + 3 derived, honours 2, claims 16, programmes 32, projects 18 (milestones 18), structures 16, notes 29"; got != want {
		t.Errorf("the dataset holds\n%s\nwant\n%s", got, want)
	}
}

// TestNoHonourInComparison: an honour is a record of its own, never the
// comparison of a figure.
func TestNoHonourInComparison(t *testing.T) {
	ds := Default()
	for _, f := range ds.Figures {
		if f.Comparison == nil {
			continue
		}
		c := f.Comparison.ZH + " " + strings.ToLower(f.Comparison.EN)
		if containsAny(c, wonWords) || strings.Contains(c, "title") || strings.Contains(c, "award") {
			t.Errorf("%s: comparison %q names an honour", f.ID, c)
		}
		for _, h := range ds.Honours {
			if strings.Contains(c, h.Title.ZH) {
				t.Errorf("%s: comparison %q holds honour %s", f.ID, c, h.ID)
			}
		}
	}
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumeral writes 0 <= n < 100 in Chinese numerals: 十, 十三, 二十,
// 二十一.
func chineseNumeral(n int) string {
	switch {
	case n < 10:
		return cnDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + cnDigits[n%10]
	case n%10 == 0:
		return cnDigits[n/10] + "十"
	}
	return cnDigits[n/10] + "十" + cnDigits[n%10]
}

// writtenForms returns the ways the article may write v: as a decimal
// ("44.4", "2406"), in 万 or 亿 ("2.7万" for 27000), and for whole numbers
// below 100 in Chinese numerals ("十三", and "两" for 2). For a rank only
// 第 with a numeral or a digit ("第一", "第1").
func writtenForms(v float64, rank bool) []string {
	plain := strconv.FormatFloat(v, 'f', -1, 64)
	small := v == math.Trunc(v) && v >= 0 && v < 100
	if rank {
		forms := []string{"第" + plain}
		if small {
			forms = append(forms, "第"+chineseNumeral(int(v)))
		}
		return forms
	}
	forms := []string{plain}
	for _, u := range []struct {
		n    float64
		name string
	}{{1e4, "万"}, {1e8, "亿"}} {
		if v >= u.n {
			forms = append(forms, strconv.FormatFloat(v/u.n, 'f', -1, 64)+u.name)
		}
	}
	if small {
		forms = append(forms, chineseNumeral(int(v)))
		if v == 2 {
			forms = append(forms, "两")
		}
	}
	return forms
}

func TestWrittenForms(t *testing.T) {
	for _, c := range []struct {
		v    float64
		rank bool
		want string
	}{
		{44.4, false, "44.4"}, {103, false, "103"}, {2406, false, "2406"},
		{27000, false, "2.7万"}, {35000, false, "3.5万"}, {37000, false, "3.7万"},
		{1, false, "一"}, {2, false, "二"}, {2, false, "两"}, {3, false, "三"}, {10, false, "十"},
		{13, false, "十三"}, {20, false, "二十"}, {48, false, "四十八"},
		{1, true, "第一"}, {2, true, "第二"}, {3, true, "第三"}, {3, true, "第3"},
	} {
		if !slices.Contains(writtenForms(c.v, c.rank), c.want) {
			t.Errorf("writtenForms(%v, %v) = %q, lacks %q", c.v, c.rank, writtenForms(c.v, c.rank), c.want)
		}
	}
	for _, c := range []struct {
		v    float64
		rank bool
		bad  string
	}{{27000, false, "27万"}, {1, true, "一"}, {2, true, "两"}, {12, false, "十二十"}, {44.4, false, "44"}} {
		if slices.Contains(writtenForms(c.v, c.rank), c.bad) {
			t.Errorf("writtenForms(%v, %v) has %q", c.v, c.rank, c.bad)
		}
	}
}

// containsNumber reports whether form occurs in s as a whole number: not
// inside a longer number ("2" is not in "2026", "一" is not in "十一").
// Digits may be followed by a Chinese unit ("5.1亿元").
func containsNumber(s, form string) bool {
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' || r == '.' }
	isNumeral := func(r rune) bool { return strings.ContainsRune("零一二三四五六七八九十两百千万亿", r) }
	rs := []rune(form)
	edge := func(r rune) bool { // may r be next to an end of form?
		return !isDigit(r) && !(isNumeral(r) && isNumeral(rs[0]))
	}
	for i := 0; ; {
		j := strings.Index(s[i:], form)
		if j < 0 {
			return false
		}
		at := i + j
		before := []rune(s[:at])
		after := []rune(s[at+len(form):])
		if (len(before) == 0 || edge(before[len(before)-1])) &&
			(len(after) == 0 || edge(after[0]) || strings.ContainsRune("万亿", rs[len(rs)-1]) && !isDigit(after[0])) {
			return true
		}
		i = at + len(form)
	}
}

func TestContainsNumber(t *testing.T) {
	for _, c := range []struct {
		s, form string
		want    bool
	}{
		{"计划2026年产值", "2", false}, {"2家上市公司", "2", true}, {"第十一", "第一", false},
		{"排名全市第一,", "第一", true}, {"3.5万群众", "3.5万", true}, {"13.5%", "3.5", false},
		{"44.4%", "44.4", true}, {"5.1亿元", "5.1", true}, {"2亿元", "2", true}, {"第一个", "第一", true},
	} {
		if got := containsNumber(c.s, c.form); got != c.want {
			t.Errorf("containsNumber(%q, %q) = %v", c.s, c.form, got)
		}
	}
}

func TestValuesInSources(t *testing.T) {
	for _, f := range Default().Figures {
		if f.IsDerived() {
			continue
		}
		forms := writtenForms(f.V(), f.Rank != nil)
		if !slices.ContainsFunc(forms, func(w string) bool { return containsNumber(f.Source, w) }) {
			t.Errorf("%s: none of %q is in its source %q", f.ID, forms, f.Source)
		}
	}
}

var idRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*`)

// TestDerivedValues evaluates each formula exactly with go/constant,
// after putting the values in for the ids.
func TestDerivedValues(t *testing.T) {
	ds := Default()
	n := 0
	for _, f := range ds.Figures {
		if !f.IsDerived() {
			continue
		}
		n++
		expr := idRE.ReplaceAllStringFunc(f.Derived.Formula, func(id string) string {
			g, ok := ds.Figure(id)
			if !ok {
				t.Fatalf("%s: unknown id %q", f.ID, id)
			}
			return "(" + strconv.FormatFloat(g.V(), 'e', -1, 64) + ")" // a float constant
		})
		tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, expr)
		if err != nil {
			t.Fatalf("%s: %s: %v", f.ID, expr, err)
		}
		want, _ := constant.Float64Val(constant.ToFloat(tv.Value))
		if math.Abs(f.V()-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s = %v, want %v (%s)", f.ID, f.V(), want, expr)
		}
	}
	if n < 3 {
		t.Errorf("only %d derived figures", n)
	}
	for id, want := range map[string]float64{
		"city-tech-reform-investment-share": 28.7,
		"high-tech-va-share-before":         37.1,
		"city-industrial-investment-growth": 23.7,
	} {
		if f, _ := ds.Figure(id); f.V() != want {
			t.Errorf("%s = %v, want exactly %v", id, f.V(), want)
		}
	}
}

func TestIDsUnique(t *testing.T) {
	ds := Default()
	lists := map[string][]string{}
	for _, x := range ds.Figures {
		lists["figure"] = append(lists["figure"], x.ID)
	}
	for _, x := range ds.Groups {
		lists["group"] = append(lists["group"], x.ID)
	}
	for _, x := range ds.Projects {
		lists["project"] = append(lists["project"], x.ID)
	}
	for _, x := range ds.Structures {
		lists["structure"] = append(lists["structure"], x.ID)
	}
	for _, x := range ds.Notes {
		lists["note"] = append(lists["note"], x.ID)
	}
	for what, ids := range lists {
		seen := map[string]bool{}
		for _, id := range ids {
			if id == "" || seen[id] {
				t.Errorf("%s id %q empty or repeated", what, id)
			}
			seen[id] = true
		}
	}
}

// TestBothLanguages finds every Text in the dataset by reflection.
func TestBothLanguages(t *testing.T) {
	n := 0
	walk(reflect.ValueOf(Default()).Elem(), "dataset", func(v reflect.Value, path string) bool {
		txt, ok := v.Interface().(Text)
		if ok {
			n++
			if strings.TrimSpace(txt.ZH) == "" || strings.TrimSpace(txt.EN) == "" {
				t.Errorf("%s: %+v lacks a language", path, txt)
			}
		}
		return !ok
	})
	if n < 250 {
		t.Errorf("only %d texts found", n)
	}
}

func TestGroupsAndTabs(t *testing.T) {
	ds := Default()
	listed := map[string]bool{}
	for _, g := range ds.Groups {
		if _, ok := TabByID(g.Tab); !ok {
			t.Errorf("group %s: tab %q", g.ID, g.Tab)
		}
		if len(g.Figures) == 0 || len(ds.FiguresOf(&g)) != len(g.Figures) {
			t.Errorf("group %s: figures %v do not all exist", g.ID, g.Figures)
		}
		for _, id := range g.Figures {
			listed[id] = true
		}
	}
	for _, tab := range Tabs() {
		if len(ds.GroupsOf(tab.ID)) == 0 {
			t.Errorf("tab %s has no group", tab.ID)
		}
	}
	for _, f := range ds.Figures {
		if !listed[f.ID] {
			t.Errorf("figure %s is in no group", f.ID)
		}
	}
	for _, p := range ds.Projects {
		for _, id := range p.Figures {
			if _, ok := ds.Figure(id); !ok {
				t.Errorf("project %s: figure %q", p.ID, id)
			}
		}
	}
}

// TestShortLabels: a short label is shorter than its label and fits the
// narrowest column that shows one (36 cells; 10 characters of Chinese is
// the house style), so that no label is cut where a short one exists.
func TestShortLabels(t *testing.T) {
	ds := Default()
	check := func(id string, long, short Text) {
		for _, l := range Langs() {
			if w := runewidth.StringWidth(short.In(l)); w > 36 || w > runewidth.StringWidth(long.In(l)) {
				t.Errorf("%s: short label %q is %d cells (label %q)", id, short.In(l), w, long.In(l))
			}
		}
		if n := utf8.RuneCountInString(short.ZH); n > 10 {
			t.Errorf("%s: short label %q has %d characters", id, short.ZH, n)
		}
	}
	for _, f := range ds.Figures {
		check(f.ID, f.Label, f.Short)
	}
	for _, p := range ds.Projects {
		check(p.ID, p.Name, p.Short)
	}
	for _, h := range ds.Honours {
		check(h.ID, h.Title, h.Short)
	}
	for _, c := range ds.Claims {
		check(c.ID, c.Label, c.Short)
	}
	for _, g := range ds.Programs {
		check(g.ID, g.Name, g.Short)
	}
}
