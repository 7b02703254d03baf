package data

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// term is a row of the glossary: a Chinese term, the English forms that
// must render it (any one), and the forms never used.
type term struct {
	zh             string
	accepts, never []string
}

// glossary reads the table under "## Terms" of docs/glossary.md.
func glossary(t *testing.T) []term {
	t.Helper()
	b, err := os.ReadFile("../docs/glossary.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "\n## Terms\n")
	if !ok {
		t.Fatal("docs/glossary.md has no ## Terms")
	}
	forms := func(cell string) []string {
		var out []string
		for _, f := range strings.Split(cell, ";") {
			if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
				out = append(out, f)
			}
		}
		return out
	}
	paren := regexp.MustCompile(`\s*\(.*\)$`)
	var terms []term
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if !strings.HasPrefix(line, "| ") || len(cells) < 5 || cells[0] == "Chinese" {
			continue
		}
		zh := paren.ReplaceAllString(strings.NewReplacer("“", "", "”", "").Replace(cells[0]), "")
		terms = append(terms, term{zh, forms(cells[2]), forms(cells[3])})
	}
	if len(terms) < 100 {
		t.Fatalf("only %d terms in the glossary", len(terms))
	}
	return terms
}

// pair is a Chinese text and its English, at a path of the dataset. A
// short label or a unit is held only to what English may never say.
type pair struct {
	path, zh, en string
	neverOnly    bool
}

// pairs finds every Text and every Quote of the dataset by reflection,
// and adds the display of every figure.
func pairs(ds *Dataset) []pair {
	var out []pair
	walk(reflect.ValueOf(ds).Elem(), "dataset", func(v reflect.Value, path string) bool {
		switch x := v.Interface().(type) {
		case Text:
			out = append(out, pair{path, x.ZH, x.EN, strings.Contains(path, ".Short") || strings.Contains(path, ".Unit")})
			return false
		case Quote:
			out = append(out, pair{path + ".translation", x.Source, x.Translation, false})
			return false
		}
		return true
	})
	for _, f := range ds.Figures {
		out = append(out, pair{"figure " + f.ID + " display", f.Display(ZH), f.Display(EN), false})
	}
	return out
}

// startsWord reports whether s holds w at the start of a word.
func startsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		if at := i + j; at == 0 || !(s[at-1] >= 'a' && s[at-1] <= 'z') {
			return true
		}
		i += j + 1
	}
}

// glossaryProblems are the problems of texts against the glossary: where
// the Chinese has a term, the English lacks all its accepted forms; an
// English text says a form the glossary never uses, or what the house
// style forbids; or holds an East Asian ambiguous-width character (two
// cells in Chinese-locale terminals).
func glossaryProblems(terms []term, ps []pair) []string {
	// invented periods and the machine unit, which only unit.en may say
	forbidden := []string{"by the time of the report", "at the time of the report", "100 million yuan", "x 100 million"}
	var out []string
	for _, p := range ps {
		en := strings.ToLower(p.en)
		for _, tm := range terms {
			if !p.neverOnly && len(tm.accepts) > 0 && strings.Contains(p.zh, tm.zh) && !containsAny(en, tm.accepts) {
				out = append(out, fmt.Sprintf("%s: glossary: %s wants one of %q in %q", p.path, tm.zh, tm.accepts, p.en))
			}
			for _, n := range tm.never {
				if startsWord(en, n) {
					out = append(out, fmt.Sprintf("%s: glossary: %q is never used (%s): %q", p.path, n, tm.zh, p.en))
				}
			}
		}
		for _, f := range forbidden {
			if strings.Contains(en, f) && !strings.HasSuffix(p.path, ".Unit") {
				out = append(out, fmt.Sprintf("%s: %q is not said: %q", p.path, f, p.en))
			}
		}
		if i := strings.IndexFunc(p.en, runewidth.IsAmbiguousWidth); i >= 0 {
			out = append(out, fmt.Sprintf("%s: ambiguous-width %q in English: %q", p.path, []rune(p.en[i:])[0], p.en))
		}
	}
	return out
}

// TestGlossary holds the whole dataset to docs/glossary.md, and shows that
// the check finds what it should.
func TestGlossary(t *testing.T) {
	terms := glossary(t)
	ps := pairs(Default())
	if len(ps) < 600 {
		t.Fatalf("only %d texts found", len(ps))
	}
	for _, p := range glossaryProblems(terms, ps) {
		t.Error(p)
	}
	bad := []pair{
		{"a", "规模以上工业增加值", "Above-scale industrial value added", false}, // accepted form missing, never form
		{"b", "上争", "Striving upward", false},                           // both again
		{"c", "截至目前", "to date", false},                                 // fine
		{"d", "增速", "10.3 × 100 million yuan", false},                   // machine unit, ambiguous ×
		{"e.Unit", "亿元", "100 million yuan", true},                      // a unit may say it
		{"f.Short", "规上工业", "Above-scale industry", true},               // a short label: never forms only
		{"g", "完成", "completed by the time of the report", false},       // an invented period
	}
	got := glossaryProblems(terms, bad)
	want := []string{"a: glossary: 规模以上 wants", `a: glossary: "above-scale"`, `a: glossary: "above-scale"`,
		"b: glossary: 上争 wants", `b: glossary: "striving upward"`, `d: glossary: "× 100 million"`,
		`d: "100 million yuan" is not said`, "d: ambiguous-width", `f.Short: glossary: "above-scale"`,
		`f.Short: glossary: "above-scale"`, `g: "by the time of the report"`}
	if len(got) != len(want) {
		t.Fatalf("the check found %d problems in the bad texts, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}
