package startbench

import (
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// libraryImports are the imports outside the standard library and
// macun-tui of the non-test Go files of the package directories.
func libraryImports(t *testing.T, dirs ...string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, im := range af.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				first, _, _ := strings.Cut(p, "/")
				if strings.Contains(first, ".") && !strings.HasPrefix(p, "github.com/macun-tui/macun-tui") {
					out[p] = true
				}
			}
		}
	}
	return out
}

// TestFloorImports: libfloor links the libraries macun-tui links, no more
// and no fewer, so that it stays the floor of this stack.
func TestFloorImports(t *testing.T) {
	want := libraryImports(t, "../..", "../../cmd", "../../internal/termbg", "../../internal/serve", "../../internal/termtext", "../../model", "../../views", "../../data")
	got := libraryImports(t, "libfloor")
	if !maps.Equal(got, want) {
		t.Errorf("libfloor imports\n  %s\nmacun-tui imports\n  %s",
			strings.Join(slices.Sorted(maps.Keys(got)), "\n  "), strings.Join(slices.Sorted(maps.Keys(want)), "\n  "))
	}
}
