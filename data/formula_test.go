package data

import (
	"strings"
	"testing"
)

func TestParseFormula(t *testing.T) {
	vals := map[string]float64{"a": 6, "b-c": 2, "d_1": 0.5}
	lookup := func(id string) (float64, bool) { v, ok := vals[id]; return v, ok }
	for _, c := range []struct {
		f    string
		want float64
		refs string
	}{
		{"a - b-c", 4, "a b-c"},
		{"a / b-c * d_1", 1.5, "a b-c d_1"},
		{"(a + 2) * (b-c - 1)", 8, "a b-c"},
		{"a-b-c", 0, "a-b-c"}, // one (unknown) id
		{"100", 100, ""},
	} {
		e, err := ParseFormula(c.f)
		if err != nil {
			t.Errorf("%q: %v", c.f, err)
			continue
		}
		if got := strings.Join(e.Refs(), " "); got != c.refs {
			t.Errorf("%q: refs %q, want %q", c.f, got, c.refs)
		}
		v, err := e.Eval(lookup)
		if c.f == "a-b-c" {
			if err == nil {
				t.Errorf("%q: no error for an unknown id", c.f)
			}
			continue
		}
		if err != nil || v != c.want {
			t.Errorf("%q = %v, %v; want %v", c.f, v, err, c.want)
		}
	}
	for f, msg := range map[string]string{
		"":      "empty formula",
		"a +":   "formula ends early",
		"(a":    "missing ')' in formula",
		"a b-c": `unexpected "b-c" in formula`,
		"* a":   `unexpected "*" in formula`,
		strings.Repeat("(", 65) + "a" + strings.Repeat(")", 65): "parentheses nest deeper than 64 levels in formula",
		strings.Repeat("a + ", 200) + "a":                       "formula is too long (more than 256 tokens)",
	} {
		if _, err := ParseFormula(f); err == nil || err.Error() != msg {
			t.Errorf("%.20q: error %v, want %s", f, err, msg)
		}
	}
	e, _ := ParseFormula("a / (b-c - 2)")
	if _, err := e.Eval(lookup); err == nil || err.Error() != "formula divides by zero" {
		t.Errorf("division by zero: %v", err)
	}
	if _, err := ParseFormula(strings.Repeat("(", 64) + "a" + strings.Repeat(")", 64)); err != nil {
		t.Errorf("64 levels: %v", err)
	}
}
