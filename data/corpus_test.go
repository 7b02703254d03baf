package data

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.want from the current output")

// loadProblems loads a file and returns its problems, one a line. A
// successful load, or an error that is not a *ProblemsError, fails the
// test.
func loadProblems(t *testing.T, path string) string {
	t.Helper()
	ds, err := LoadFile(path)
	if err == nil {
		t.Fatalf("%s: loaded without problems", path)
	}
	if ds != nil {
		t.Errorf("%s: a dataset is returned with an error", path)
	}
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("%s: error %T is not a *ProblemsError: %v", path, err, err)
	}
	for _, p := range pe.Problems {
		if p.File != path {
			t.Errorf("problem names file %q, want %q", p.File, path)
		}
		if (p.Line == 0) != (p.Col == 0) || p.Line < 0 || p.Col < 0 {
			t.Errorf("bad position in %+v", p)
		}
		if p.Msg == "" || strings.Contains(p.Msg, "\n") {
			t.Errorf("bad message in %+v", p)
		}
	}
	return err.Error()
}

// TestBadCorpus loads every testdata/bad/NAME.json (from the repository
// root, as `macun-tui validate testdata/bad/NAME.json` would) and compares
// the problems with NAME.want.
func TestBadCorpus(t *testing.T) {
	t.Chdir("..")
	files, err := filepath.Glob("testdata/bad/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("only %d files in testdata/bad", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			got := loadProblems(t, file) + "\n"
			wantFile := strings.TrimSuffix(file, ".json") + ".want"
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", file, got, want)
			}
		})
	}
	// every .want has its .json
	wants, _ := filepath.Glob("testdata/bad/*.want")
	for _, w := range wants {
		if _, err := os.Stat(strings.TrimSuffix(w, ".want") + ".json"); err != nil {
			t.Errorf("%s has no dataset file", w)
		}
	}
}
