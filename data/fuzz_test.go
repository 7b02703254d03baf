package data

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse: it must not panic, and it must
// return either a dataset whose references hold or a *ProblemsError of
// well-formed problems. Seeds: the embedded dataset, the bad corpus and
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	good, err := embedded.ReadFile(DefaultFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	bad, _ := filepath.Glob("../testdata/bad/*.json")
	for _, p := range bad {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	article, _ := embedded.ReadFile("source/jiaozuo-daily-2024-10-01.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := Parse("f.json", b, func(string) ([]byte, error) { return article, nil })
		if err != nil {
			checkProblems(t, "f.json", b, ds, err)
			return
		}
		checkDataset(t, ds)
	})
}

func checkProblems(t *testing.T, name string, b []byte, ds *Dataset, err error) {
	t.Helper()
	if ds != nil {
		t.Fatal("a dataset with an error")
	}
	var l ProblemList
	if !errors.As(err, &l) || len(l) == 0 {
		t.Fatalf("error %T %v", err, err)
	}
	lines := breaks(b, 0, len(b)) + 1
	for _, p := range l {
		if p.Pos.Filename != name || p.Msg == "" || strings.ContainsAny(p.Msg, "\n\r") ||
			p.Pos.Line < 0 || p.Pos.Line > lines || (p.Pos.Line == 0) != (p.Pos.Column == 0) {
			t.Fatalf("malformed problem %#v", p)
		}
	}
	if got := strings.Count(err.Error(), "\n") + 1; got != len(l) {
		t.Fatalf("%d lines for %d problems", got, len(l))
	}
}

// checkDataset checks what the views rely on in a dataset without problems.
func checkDataset(t *testing.T, ds *Dataset) {
	t.Helper()
	if ds == nil {
		t.Fatal("nil dataset without an error")
	}
	for _, f := range ds.Figures {
		if f.Value == nil || math.IsNaN(*f.Value) || math.IsInf(*f.Value, 0) || *f.Value < 0 || *f.Value > MaxNumber {
			t.Fatalf("figure %s: value %v", f.ID, f.Value)
		}
		if g, ok := ds.Figure(f.ID); !ok || g.ID != f.ID {
			t.Fatalf("figure %s not found by id", f.ID)
		}
		if strings.TrimSpace(f.Label.ZH) == "" || strings.TrimSpace(f.Unit.EN) == "" {
			t.Fatalf("figure %s: empty text", f.ID)
		}
	}
	for i := range ds.Groups {
		g := &ds.Groups[i]
		if len(ds.FiguresOf(g)) != len(g.Figures) || len(g.Figures) == 0 {
			t.Fatalf("group %s: figures %v", g.ID, g.Figures)
		}
		if _, ok := TabByID(g.Tab); !ok {
			t.Fatalf("group %s: tab %q", g.ID, g.Tab)
		}
	}
}

// FuzzParseFormula feeds arbitrary text to ParseFormula: it must not
// panic; a formula it accepts names only ids that are not numbers, and
// computes to a finite number or an error, never NaN or an infinity; a
// formula that is one decimal number computes to that number; an error
// is one line.
func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{
		"a - b-c", "(a + 2) * (b-c - 1)", "100", "0.5", "a / (b - 2)", "NaN", "nan + 1", "0x1p4", "1_000", "1_0.5",
		"1e999 * 1e999", "a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a",
		"((((a))))", "a +", "(a", "-1", "中文 + 1", ".5", "5.", "1.2.3", "Inf - Inf",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseFormula(s)
		if err != nil {
			if e != nil || err.Error() == "" || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("%q: expression %v with error %q", s, e, err)
			}
			return
		}
		for _, r := range e.Refs() {
			if r == "" || isNumber(r) {
				t.Fatalf("%q: ref %q", s, r)
			}
		}
		for _, x := range []float64{0, 1.5, MaxNumber} {
			v, err := e.Eval(func(string) (float64, bool) { return x, true })
			if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
				t.Fatalf("%q with ids = %v: %v", s, x, v)
			}
		}
		if n := strings.TrimSpace(s); len(e.Refs()) == 0 && isDecimal(n) {
			want, _ := strconv.ParseFloat(n, 64)
			if v, err := e.Eval(nil); err != nil || v != want {
				t.Fatalf("%q = %v, %v; want %v", s, v, err, want)
			}
		}
	})
}
