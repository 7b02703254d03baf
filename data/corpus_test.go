package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// loadProblems loads a file and returns its problems, one a line. A
// successful load, or an error that is not a ProblemList, fails the test.
func loadProblems(t *testing.T, path string) string {
	t.Helper()
	ds, err := LoadFile(path)
	if err == nil {
		t.Fatalf("%s: loaded without problems", path)
	}
	if ds != nil {
		t.Errorf("%s: a dataset is returned with an error", path)
	}
	var l ProblemList
	if !errors.As(err, &l) {
		t.Fatalf("%s: error %T is not a ProblemList: %v", path, err, err)
	}
	for _, p := range l {
		if p.Pos.Filename != path {
			t.Errorf("problem names file %q, want %q", p.Pos.Filename, path)
		}
		if (p.Pos.Line == 0) != (p.Pos.Column == 0) || p.Pos.Line < 0 || p.Pos.Column < 0 {
			t.Errorf("bad position in %+v", p)
		}
		if p.Msg == "" || strings.Contains(p.Msg, "\n") {
			t.Errorf("bad message in %+v", p)
		}
	}
	return err.Error()
}

// TestBadCorpus loads every testdata/bad/NAME.json from the repository
// root, as `macun-tui validate testdata/bad/NAME.json` would, and compares
// the problems with testdata/TestBadCorpus/NAME.golden (go test ./data
// -update rewrites them).
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
			golden.RequireEqual(t, []byte(loadProblems(t, file)+"\n"))
		})
	}
	// every expected output has its dataset
	goldens, _ := filepath.Glob("testdata/TestBadCorpus/*.golden")
	for _, g := range goldens {
		if _, err := os.Stat(filepath.Join("testdata/bad", strings.TrimSuffix(filepath.Base(g), ".golden")+".json")); err != nil {
			t.Errorf("%s has no dataset file", g)
		}
	}
}
