package data

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-json-experiment/json"
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

// docTable returns the rows of the first Markdown table after heading in
// doc: the backquoted name in the first column, and the other cells.
func docTable(t *testing.T, doc, heading string) (names []string, rows map[string][]string) {
	t.Helper()
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no %q in docs/schema.md", heading)
	}
	rows = map[string][]string{}
	inTable := false
	for _, line := range strings.Split(doc[i+len(heading)+2:], "\n") {
		if !strings.HasPrefix(line, "|") {
			if inTable {
				break
			}
			continue
		}
		inTable = true
		cells := strings.Split(strings.Trim(line, "|"), "|")
		name := strings.TrimSpace(cells[0])
		if !strings.HasPrefix(name, "`") {
			continue // the header and its rule
		}
		name = strings.Trim(name, "`")
		names = append(names, name)
		for _, c := range cells[1:] {
			rows[name] = append(rows[name], strings.TrimSpace(c))
		}
	}
	return names, rows
}

var backquoted = regexp.MustCompile("`([^`]+)`")

// quotedWords are the backquoted words of s, in order.
func quotedWords(s string) []string {
	var ws []string
	for _, m := range backquoted.FindAllStringSubmatch(s, -1) {
		ws = append(ws, m[1])
	}
	return ws
}

// TestSchemaDocTables: the field tables of docs/schema.md name the fields
// of the types; a field the doc calls required is
// reported missing when it is left out of the example, and no other is;
// the closed lists and the limits are the code's.
func TestSchemaDocTables(t *testing.T) {
	b, err := os.ReadFile("../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	example := block(t, doc, "## Example", "json")
	art := block(t, doc, "## Example", "text")
	var root map[string]any
	if err := json.Unmarshal([]byte(example), &root); err != nil {
		t.Fatal(err)
	}
	// without removes field from the first object of the example where
	// objects(root) has it, and returns the problems of the result.
	without := func(objects func(map[string]any) []any, field string) (string, bool) {
		var copied map[string]any
		json.Unmarshal([]byte(example), &copied)
		for _, o := range objects(copied) {
			if m := o.(map[string]any); m[field] != nil {
				delete(m, field)
				out, err := json.Marshal(copied)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Parse("example.json", out, func(string) ([]byte, error) { return []byte(art), nil })
				if err == nil {
					return "", true
				}
				return err.Error(), true
			}
		}
		return "", false
	}
	list := func(name string) func(map[string]any) []any {
		return func(r map[string]any) []any { l, _ := r[name].([]any); return l }
	}
	for _, c := range []struct {
		heading string
		typ     reflect.Type
		objects func(map[string]any) []any
	}{
		{"## Top level", reflect.TypeFor[Dataset](), func(r map[string]any) []any { return []any{r} }},
		{"### Meta", reflect.TypeFor[Meta](), func(r map[string]any) []any { return []any{r["meta"]} }},
		{"### Group", reflect.TypeFor[Group](), list("groups")},
		{"### Figure", reflect.TypeFor[Figure](), list("figures")},
		{"### Project", reflect.TypeFor[Project](), list("projects")},
		{"### Structure", reflect.TypeFor[Structure](), list("structures")},
		{"### Note", reflect.TypeFor[Note](), list("notes")},
	} {
		names, rows := docTable(t, doc, c.heading)
		if got, want := slices.Sorted(slices.Values(names)), slices.Sorted(slices.Values(fieldNames(c.typ))); !slices.Equal(got, want) {
			t.Errorf("%s: the doc has fields %s, the code %s", c.heading, got, want)
		}
		for _, name := range names {
			required := rows[name][1]
			msg, found := without(c.objects, name)
			if !found {
				if required == "yes" {
					t.Errorf("%s: the example lacks the required %q", c.heading, name)
				}
				continue
			}
			missing := strings.Contains(msg, fmt.Sprintf("missing required field %q", name))
			switch {
			case required == "yes" && !missing:
				t.Errorf("%s: without %q: %q, want it missing", c.heading, name, msg)
			case required != "yes" && missing:
				t.Errorf("%s: %q is required, the doc says %q", c.heading, name, required)
			case strings.HasPrefix(required, "one of") && !strings.Contains(msg, `needs "value" or "derived"`):
				t.Errorf("%s: without %q: %q, want one of value and derived", c.heading, name, msg)
			}
		}
	}

	_, group := docTable(t, doc, "### Group")
	_, project := docTable(t, doc, "### Project")
	_, note := docTable(t, doc, "### Note")
	for _, c := range []struct {
		what      string
		doc, code []string
	}{
		{"tabs", quotedWords(group["tab"][2]), TabIDs()},
		{"charts", quotedWords(group["chart"][2]), charts},
		{"categories", quotedWords(project["category"][2]), Categories()},
		{"stages", quotedWords(project["stage"][2]), Stages()},
		{"note kinds", quotedWords(note["kind"][2]), NoteKinds()},
	} {
		if !slices.Equal(c.doc, c.code) {
			t.Errorf("%s: the doc lists %q, the code %q", c.what, c.doc, c.code)
		}
	}
	size := regexp.MustCompile(`at most 16 MiB \(([0-9 \p{Zs}]+) bytes\)`).FindStringSubmatch(doc)
	if size == nil || strings.Join(strings.FieldsFunc(size[1], unicode.IsSpace), "") != strconv.Itoa(MaxFileSize) {
		t.Errorf("the doc's file size limit %q is not %d bytes", size, MaxFileSize)
	}
	for _, s := range []string{
		fmt.Sprintf("`<= %s`", num(MaxNumber)),
		fmt.Sprintf("At most %d tokens and %d levels of parentheses", MaxFormulaTokens, MaxFormulaDepth),
		fmt.Sprintf("up to %d", MaxProblems),
		fmt.Sprintf("must be `%d`", SchemaVersion),
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("docs/schema.md does not say %q", s)
		}
	}
}
