package data

import (
	"os"
	"strings"
	"testing"
)

// block returns the text of the first ```lang block after marker in s.
func block(t *testing.T, s, marker, lang string) string {
	t.Helper()
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("%q not found", marker)
	}
	s = s[i:]
	start := strings.Index(s, "```"+lang+"\n")
	if start < 0 {
		t.Fatalf("no %s block after %q", lang, marker)
	}
	s = s[start+len("```"+lang+"\n"):]
	end := strings.Index(s, "\n```")
	if end < 0 {
		t.Fatalf("unclosed %s block", lang)
	}
	return s[:end+1]
}

// TestSchemaDocExample loads the example of docs/schema.md with its
// article: the documented example must be a valid dataset.
func TestSchemaDocExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	js := block(t, string(doc), "## Example", "json")
	art := block(t, string(doc), "## Example", "text")
	ds, err := Parse("example.json", []byte(js), func(p string) ([]byte, error) {
		if p != "article.txt" {
			t.Errorf("article path %q", p)
		}
		return []byte(art), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := ds.Figure("city-gdp-growth"); f.V() != 5.3 {
		t.Errorf("city-gdp-growth = %v, the doc says 5.3", f.V())
	}
	// every field the doc tables name exists in the example or is optional
	for _, f := range []string{`"schema"`, `"meta"`, `"groups"`, `"figures"`, `"projects"`, `"structures"`, `"notes"`,
		`"rank"`, `"derived"`, `"comparison"`, `"declared"`} {
		if !strings.Contains(js, f) {
			t.Errorf("the example does not show %s", f)
		}
	}
}
