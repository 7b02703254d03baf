package data

import (
	"fmt"
	"math"
	"slices"
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

// TestFormulaNumbers: numbers in a formula are decimal, as docs/schema.md
// says: digits with an optional fraction. Go's other ways of writing a
// number (hexadecimal, underscores, exponents) and the number words that
// strconv reads (NaN, Inf) are refused with a message that says so.
func TestFormulaNumbers(t *testing.T) {
	for f, want := range map[string]float64{
		"100": 100, "0.5": 0.5, "12.25": 12.25, "007": 7, "2 * 0.25": 0.5,
	} {
		e, err := ParseFormula(f)
		if err != nil {
			t.Errorf("%q: %v", f, err)
			continue
		}
		if v, err := e.Eval(func(string) (float64, bool) { return 0, false }); err != nil || v != want {
			t.Errorf("%q = %v, %v; want %v", f, v, err, want)
		}
	}
	for _, f := range []string{
		"NaN", "nan", "NAN", "Inf", "inf", "Infinity", "a + NaN", "0x1p4", "0x10", "1_000", "1_0.5",
		"1e3", "1E3", ".5", "5.", "1.2.3", "0b101", "0o17", "12abc",
	} {
		_, err := ParseFormula(f)
		tok := strings.Fields(f)[len(strings.Fields(f))-1]
		want := fmt.Sprintf("invalid number %q in formula (numbers are decimal: 100, 0.5)", tok)
		if err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", f, err, want)
		}
	}
}

// TestFormulaFinite: Eval refuses an operand that is not a finite number
// and a result too large to be one, whatever the caller's checks.
func TestFormulaFinite(t *testing.T) {
	e, err := ParseFormula("a + 1")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := e.Eval(func(string) (float64, bool) { return v, true })
		if want := fmt.Sprintf("figure \"a\" has no finite value (%v)", v); err == nil || err.Error() != want {
			t.Errorf("a = %v: error %v, want %s", v, err, want)
		}
	}
	big, err := ParseFormula(strings.Repeat("a * ", 100) + "a")
	if err != nil {
		t.Fatal(err)
	}
	v, err := big.Eval(func(string) (float64, bool) { return 1e15, true })
	if want := "formula result is too large to be a number"; err == nil || err.Error() != want {
		t.Errorf("(1e15)^101 = %v, %v; want the error %s", v, err, want)
	}
}

// TestFormulaLongNumber: a number is read exactly, so its length is
// bounded: a formula of a million digits is refused, not computed.
func TestFormulaLongNumber(t *testing.T) {
	if _, err := ParseFormula(strings.Repeat("9", 32)); err != nil {
		t.Errorf("32 digits: %v", err)
	}
	_, err := ParseFormula(strings.Repeat("9", 1e6))
	if want := "number 99999999999999999999… in formula is longer than 32 characters"; err == nil || err.Error() != want {
		t.Errorf("a million digits: %v, want %s", err, want)
	}
}

// TestValueFinite: a value that is not a finite number is a problem at
// the value, and no formula uses it. JSON cannot hold one; a Dataset
// built in code can.
func TestValueFinite(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1)} {
		f := Figure{ID: "a", Value: &v}
		c := &checker{ds: &Dataset{}}
		c.figure(&f, "/figures/0")
		var got []string
		for _, p := range c.probs {
			if p.ptr == "/figures/0/value" {
				got = append(got, p.msg)
			}
		}
		want := []string{fmt.Sprintf("%v is not a finite number", v)}
		if !slices.Equal(got, want) || f.Value != nil {
			t.Errorf("value %v: problems %q, value %v; want %q and no value", v, got, f.Value, want)
		}
	}
}

// TestFormulaFormat: Format replaces whole ids only (an id that begins
// another, an id inside an earlier value) and keeps the reading with
// parentheses.
func TestFormulaFormat(t *testing.T) {
	names := map[string]string{"x": "1 a", "x-gap": "2 x", "a": "3", "b": "4", "c": "5"}
	name := func(id string) string { return names[id] }
	for in, want := range map[string]string{
		"x-gap - x":       "2 x - 1 a",
		"x - x-gap":       "1 a - 2 x",
		"(a + b) / 2":     "(3 + 4) / 2",
		"a - (b - c)":     "3 - (4 - 5)",
		"a - b - c":       "3 - 4 - 5",
		"a * (b + c) * 2": "3 * (4 + 5) * 2",
		"a + b * c":       "3 + 4 * 5",
		"unknown + 0.5":   "unknown + 0.5",
	} {
		e, err := ParseFormula(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := e.Format(name); got != want {
			t.Errorf("%q formats as %q, want %q", in, got, want)
		}
	}
}
