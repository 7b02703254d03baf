package data

import (
	"errors"
	"os"
	"path/filepath"
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
	lines := strings.Count(string(b), "\n") + 1
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
		if f.Value == nil || *f.Value < 0 || *f.Value > MaxNumber {
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
