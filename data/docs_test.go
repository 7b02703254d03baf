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
	// a programme or structure without a tab is listed on the overview
	tabOf := func(list []*Program) (out []string) {
		for _, g := range list {
			out = append(out, g.ID)
		}
		return out
	}
	if got := tabOf(ds.ProgramsOf("industry")); !slices.Equal(got, []string{"hundred-firms"}) {
		t.Errorf("programmes on industry: %v", got)
	}
	if got := tabOf(ds.ProgramsOf("overview")); !slices.Equal(got, []string{"one-window"}) {
		t.Errorf("programmes on the overview: %v", got)
	}
	if got := ds.StructuresOf("overview"); len(got) != 1 || got[0].ID != "two-centres" {
		t.Errorf("structures on the overview: %v", got)
	}
	// the example shows every kind of record and the main optional parts
	for _, f := range []string{`"schema"`, `"meta"`, `"groups"`, `"figures"`, `"projects"`, `"honours"`, `"claims"`,
		`"programs"`, `"structures"`, `"notes"`, `"rank"`, `"derived"`, `"comparison"`, `"declared"`, `"milestones"`,
		`"status"`, `"bound"`, `"period"`, `"inferred"`, `"base"`, `"also"`, `"gloss_source"`, `"captions"`} {
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
	// in: the objects at key of each object of a list (the milestones of
	// the projects, the period of the figures).
	in := func(outer func(map[string]any) []any, key string) func(map[string]any) []any {
		return func(r map[string]any) []any {
			var out []any
			for _, o := range outer(r) {
				switch v := o.(map[string]any)[key].(type) {
				case []any:
					out = append(out, v...)
				case map[string]any:
					out = append(out, v)
				}
			}
			return out
		}
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
		{"### Status", reflect.TypeFor[Status](), in(list("figures"), "status")},
		{"### Period", reflect.TypeFor[Period](), in(list("figures"), "period")},
		{"### Project", reflect.TypeFor[Project](), list("projects")},
		{"### Milestone", reflect.TypeFor[Milestone](), in(list("projects"), "milestones")},
		{"### Honour", reflect.TypeFor[Honour](), list("honours")},
		{"### Claim", reflect.TypeFor[Claim](), list("claims")},
		{"### Program", reflect.TypeFor[Program](), list("programs")},
		{"### Structure", reflect.TypeFor[Structure](), list("structures")},
		{"### Note", reflect.TypeFor[Note](), list("notes")},
	} {
		names, rows := docTable(t, doc, c.heading)
		if got, want := slices.Sorted(slices.Values(names)), slices.Sorted(slices.Values(fieldNames(c.typ))); !slices.Equal(got, want) {
			t.Errorf("%s: the doc has fields %s, the code %s", c.heading, got, want)
		}
		for _, name := range names {
			// "yes", or "when …": required (in the example, where it is given)
			required := rows[name][1] == "yes" || strings.HasPrefix(rows[name][1], "when ")
			msg, found := without(c.objects, name)
			if !found {
				if rows[name][1] == "yes" {
					t.Errorf("%s: the example lacks the required %q", c.heading, name)
				}
				continue
			}
			missing := strings.Contains(msg, fmt.Sprintf("missing required field %q", name))
			switch {
			case required && !missing:
				t.Errorf("%s: without %q: %q, want it missing", c.heading, name, msg)
			case !required && missing:
				t.Errorf("%s: %q is required, the doc says %q", c.heading, name, rows[name][1])
			case strings.HasPrefix(rows[name][1], "one of") && !strings.Contains(msg, `needs "value" or "derived"`):
				t.Errorf("%s: without %q: %q, want one of value and derived", c.heading, name, msg)
			}
		}
	}

	cell := func(heading, row string, col int) []string {
		_, rows := docTable(t, doc, heading)
		if len(rows[row]) <= col {
			t.Fatalf("%s: no row %q", heading, row)
		}
		return quotedWords(rows[row][col])
	}
	var baseUnits []string
	for _, m := range measures {
		baseUnits = append(baseUnits, m.words...)
	}
	for _, c := range []struct {
		what      string
		doc, code []string
	}{
		{"tabs", cell("### Group", "tab", 2), TabIDs()},
		{"charts", cell("### Group", "chart", 2), charts},
		{"measures", cell("### Figure", "measure", 2), measures.ids()},
		{"base units", cell("### Figure", "base", 2), baseUnits},
		{"categories", cell("### Project", "category", 2), Categories()},
		{"levels", cell("### Honour", "level", 2), levels.ids()},
		{"claim kinds", cell("### Claim", "kind", 2), claimKinds.ids()},
		{"programme kinds", cell("### Program", "kind", 2), programKinds.ids()},
		{"note kinds", cell("### Note", "kind", 2), NoteKinds()},
		{"period bases", cell("### Period", "basis", 2), bases},
	} {
		if !slices.Equal(c.doc, c.code) {
			t.Errorf("%s: the doc lists %q, the code %q", c.what, c.doc, c.code)
		}
	}
	// the kinds of status and bound, and the period rules, with their
	// names and the words their cues must hold
	for _, c := range []struct {
		heading string
		kinds   enum
		names   bool
	}{{"**Kinds of status**", statusKinds, true}, {"### Bound", boundKinds, true}, {"**Rules of inferred periods**", periodRules, false}} {
		names, rows := docTable(t, doc, c.heading)
		if !slices.Equal(names, c.kinds.ids()) {
			t.Errorf("%s: the doc has %q, the code %q", c.heading, names, c.kinds.ids())
		}
		for _, k := range c.kinds {
			r := rows[k.id]
			if len(r) < 3 {
				continue
			}
			if c.names && (r[0] != k.name.ZH || r[1] != k.name.EN) {
				t.Errorf("%s %s: the doc names it %q, %q; the code %q, %q", c.heading, k.id, r[0], r[1], k.name.ZH, k.name.EN)
			}
			if got := r[len(r)-1]; got != strings.Join(k.words, " ") {
				t.Errorf("%s %s: the doc's words %q, the code's %q", c.heading, k.id, got, strings.Join(k.words, " "))
			}
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
