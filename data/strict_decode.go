package data

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// MaxNumber is the largest number a dataset may hold; anything larger is
// taken for a typing slip.
const MaxNumber = 1e15

// decoder decodes a dataset from the lexer's values into the Dataset types,
// checking each value's JSON type and the rules that need only the value
// and its object. It records problems with their byte offsets.
type decoder struct {
	name  string
	b     []byte
	lex   *lexer
	probs []offProblem

	// elemOff holds the offsets of the elements of every array decoded,
	// by the array's path, to find values for problems quickly.
	elemOff map[string][]int

	// groupsPartial is set when a group or its list of figures could not
	// be read, so that "not listed in any group" is not reported.
	groupsPartial bool
}

type offProblem struct {
	off int // -1 when the problem has no position
	msg string
}

// tooMany is raised (with panic) when MaxProblems problems are recorded.
type tooMany struct{}

func (d *decoder) add(off int, p path, format string, a ...any) {
	if len(d.probs) >= MaxProblems {
		panic(tooMany{})
	}
	msg := fmt.Sprintf(format, a...)
	if s := p.String(); s != "" {
		msg = s + ": " + msg
	}
	d.probs = append(d.probs, offProblem{off, msg})
}

// addAt records a problem at the value at path p (found in the input).
func (d *decoder) addAt(p path, format string, a ...any) {
	if len(d.probs) >= MaxProblems {
		panic(tooMany{})
	}
	d.add(d.locate(p), p, format, a...)
}

// at returns "line:col" of the value at path p.
func (d *decoder) at(p path) string {
	l, c := lineCol(d.b, d.locate(p))
	return fmt.Sprintf("%d:%d", l, c)
}

// locate returns the offset of the value at path p, searching from the
// nearest array element on the path whose offset was recorded.
func (d *decoder) locate(p path) int {
	for n := len(p); n > 0; n-- {
		if k, ok := p[n-1].(int); ok {
			if offs := d.elemOff[p[:n-1].String()]; k < len(offs) {
				return findFrom(d.b, offs[k], p[n:])
			}
		}
	}
	return findFrom(d.b, 0, p)
}

// field is one field of an object for decoder.object.
type field struct {
	name     string
	required bool
	read     func(p path) // consumes the value
}

// object decodes an object with the given fields. what names the object in
// the message about an unknown field. It returns the names of the fields
// present (whatever their values) and the object's offset; ok is false
// when the value is not an object.
func (d *decoder) object(p path, what string, fields []field) (present map[string]bool, off int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindObject {
		d.wrongType(p, "an object", kind, off)
		return nil, off, false
	}
	present = make(map[string]bool, len(fields))
	first := make(map[string]int, len(fields))
	d.lex.object(func(key string, keyOff int) {
		if o, dup := first[key]; dup {
			line, col := lineCol(d.b, o)
			d.add(keyOff, p, "duplicate key %q (first at %d:%d)", key, line, col)
			d.lex.skipValue()
			return
		}
		first[key] = keyOff
		for _, f := range fields {
			if f.name == key {
				present[key] = true
				f.read(p.key(key))
				return
			}
		}
		names := make([]string, len(fields))
		for i, f := range fields {
			names[i] = f.name
		}
		d.add(keyOff, p, "unknown field %q (%s has: %s)", key, what, strings.Join(names, ", "))
		d.lex.skipValue()
	})
	for _, f := range fields {
		if f.required && !present[f.name] {
			d.add(off, p, "missing required field %q", f.name)
		}
	}
	return present, off, true
}

func (d *decoder) wrongType(p path, want string, got jsonKind, off int) {
	d.lex.skipValue()
	d.add(off, p, "want %s, got %s", want, got)
}

// array decodes an array, calling elem for each element. ok is false when
// the value is not an array.
func (d *decoder) array(p path, elem func(p path, i int)) (n int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindArray {
		d.wrongType(p, "an array", kind, off)
		return 0, false
	}
	var offs []int
	d.lex.array(func(i int) {
		_, off := d.lex.peek()
		offs = append(offs, off)
		elem(p.idx(i), i)
		n = i + 1
	})
	if d.elemOff == nil {
		d.elemOff = make(map[string][]int)
	}
	d.elemOff[p.String()] = offs
	return n, true
}

// nonEmpty reports a list that must have elements.
func (d *decoder) nonEmpty(p path, n int, ok bool, what string) {
	if ok && n == 0 {
		d.addAt(p, "must list at least one %s", what)
	}
}

// str decodes a string. Control characters (which would garble a
// terminal) are a problem.
func (d *decoder) str(p path) (string, int, bool) {
	kind, off := d.lex.peek()
	if kind != kindString {
		d.wrongType(p, "a string", kind, off)
		return "", off, false
	}
	s, _ := d.lex.readString()
	for _, r := range s {
		if unicode.IsControl(r) {
			d.add(off, p, "contains control character %U", r)
			return s, off, false
		}
	}
	return s, off, true
}

// line decodes a string that must not be empty or white space only.
func (d *decoder) line(p path) string {
	s, off, ok := d.str(p)
	if ok && strings.TrimSpace(s) == "" {
		d.add(off, p, "must not be empty or only white space")
	}
	return s
}

// text decodes a Text: both languages are required.
func (d *decoder) text(p path, t *Text) bool {
	_, _, ok := d.object(p, "a text", []field{
		{"zh", true, func(p path) { t.ZH = d.line(p) }},
		{"en", true, func(p path) { t.EN = d.line(p) }},
	})
	return ok
}

func (d *decoder) optText(p path) *Text {
	var t Text
	if d.text(p, &t) {
		return &t
	}
	return nil
}

func (d *decoder) texts(p path) []Text {
	var ts []Text
	d.array(p, func(p path, _ int) {
		var t Text
		d.text(p, &t)
		ts = append(ts, t)
	})
	return ts
}

// ValidID reports whether s can be an id: ASCII letters, digits, '-' and
// '_', starting with a letter and not ending with '-' (so that it reads as
// one name in a formula), and not a number such as "inf".
func ValidID(s string) bool {
	if s == "" || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-' || c == '_')) {
			return false
		}
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

func (d *decoder) id(p path) string {
	s, off, ok := d.str(p)
	switch {
	case !ok:
	case s == "":
		d.add(off, p, "must not be empty")
	case !ValidID(s):
		d.add(off, p, "invalid id %q: use ASCII letters, digits, '-' and '_', start with a letter, do not end with '-'", s)
	}
	return s
}

// refs decodes a list of ids of other things; whether they exist is
// checked later.
func (d *decoder) refs(p path) []string {
	ids, _ := d.refList(p)
	return ids
}

func (d *decoder) refList(p path) ([]string, bool) {
	var ids []string
	_, ok := d.array(p, func(p path, _ int) {
		s, off, ok := d.str(p)
		if ok && s == "" {
			d.add(off, p, "must not be empty")
		}
		ids = append(ids, s)
	})
	return ids, ok
}

// enum decodes a string that must be one of allowed.
func (d *decoder) enum(p path, what string, allowed []string) string {
	s, off, ok := d.str(p)
	if ok && !slices.Contains(allowed, s) {
		d.add(off, p, "unknown %s %q (want one of: %s)", what, s, strings.Join(allowed, ", "))
	}
	return s
}

func keysOf(m map[string]Text) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// num decodes a number; it must be finite.
func (d *decoder) num(p path) (v float64, raw string, off int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindNumber {
		d.wrongType(p, "a number", kind, off)
		return 0, "", off, false
	}
	raw, _ = d.lex.readNumber()
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		d.add(off, p, "number %s is out of range", raw)
		return 0, raw, off, false
	}
	if v == 0 {
		v = 0 // no -0
	}
	return v, raw, off, true
}

// amount decodes a number that must be >= 0 and <= MaxNumber.
func (d *decoder) amount(p path) (float64, int, bool) {
	v, raw, off, ok := d.num(p)
	switch {
	case !ok:
	case v < 0:
		d.add(off, p, "%s is negative; values must be >= 0", raw)
		ok = false
	case v > MaxNumber:
		d.add(off, p, "%s is too large (the limit is 1e15)", raw)
		ok = false
	}
	return v, off, ok
}

// whole decodes a whole number >= 1.
func (d *decoder) whole(p path) (int, int, bool) {
	v, off, ok := d.amount(p)
	if ok && (v < 1 || v != math.Trunc(v)) {
		d.add(off, p, "want a whole number >= 1, got %v", v)
		ok = false
	}
	return int(v), off, ok
}

func (d *decoder) dataset(ds *Dataset) {
	d.object(nil, "the dataset", []field{
		{"schema", true, func(p path) {
			v, raw, off, ok := d.num(p)
			if ok && v != SchemaVersion {
				d.add(off, p, "unsupported schema version %s (this program reads schema %d)", raw, SchemaVersion)
			}
			ds.Schema = int(v)
		}},
		{"meta", true, func(p path) { d.meta(p, &ds.Meta) }},
		{"groups", true, func(p path) {
			n, ok := d.array(p, func(p path, i int) {
				ds.Groups = append(ds.Groups, Group{})
				d.group(p, &ds.Groups[i])
			})
			d.nonEmpty(p, n, ok, "group")
			d.groupsPartial = d.groupsPartial || !ok
		}},
		{"figures", true, func(p path) {
			n, ok := d.array(p, func(p path, i int) {
				ds.Figures = append(ds.Figures, Figure{})
				d.figure(p, &ds.Figures[i])
			})
			d.nonEmpty(p, n, ok, "figure")
		}},
		{"projects", false, func(p path) {
			d.array(p, func(p path, i int) {
				ds.Projects = append(ds.Projects, Project{})
				d.project(p, &ds.Projects[i])
			})
		}},
		{"structures", false, func(p path) {
			d.array(p, func(p path, i int) {
				ds.Structures = append(ds.Structures, Structure{})
				d.structure(p, &ds.Structures[i])
			})
		}},
		{"notes", false, func(p path) {
			d.array(p, func(p path, i int) {
				ds.Notes = append(ds.Notes, Note{})
				d.note(p, &ds.Notes[i])
			})
		}},
	})
}

func (d *decoder) meta(p path, m *Meta) {
	d.object(p, "meta", []field{
		{"title", true, func(p path) { d.text(p, &m.Title) }},
		{"region", true, func(p path) { d.text(p, &m.Region) }},
		{"source", true, func(p path) { d.text(p, &m.Source) }},
		{"article", false, func(p path) {
			s, off, ok := d.str(p)
			switch {
			case !ok:
			case strings.TrimSpace(s) == "":
				d.add(off, p, "must not be empty or only white space")
			case strings.HasPrefix(s, "/") || filepath.IsAbs(s):
				d.add(off, p, "must be a path relative to the dataset file, got %q", s)
			default:
				m.Article = s
			}
		}},
	})
}

func (d *decoder) group(p path, g *Group) {
	present, _, ok := d.object(p, "a group", []field{
		{"id", true, func(p path) { g.ID = d.id(p) }},
		{"tab", true, func(p path) {
			ids := make([]string, len(Tabs))
			for i, t := range Tabs {
				ids[i] = t.ID
			}
			g.Tab = d.enum(p, "tab", ids)
		}},
		{"title", true, func(p path) { d.text(p, &g.Title) }},
		{"chart", true, func(p path) { g.Chart = d.enum(p, "chart", []string{ChartBar, ChartRank, ChartNone}) }},
		{"figures", true, func(p path) {
			var ok bool
			g.Figures, ok = d.refList(p)
			d.nonEmpty(p, len(g.Figures), ok, "figure")
			d.groupsPartial = d.groupsPartial || !ok
		}},
		{"note", false, func(p path) { g.Note = d.optText(p) }},
	})
	d.groupsPartial = d.groupsPartial || !ok || !present["figures"]
}

func (d *decoder) figure(p path, f *Figure) {
	var (
		value    float64
		valueOff int
		valueOK  bool
	)
	present, off, ok := d.object(p, "a figure", []field{
		{"id", true, func(p path) { f.ID = d.id(p) }},
		{"label", true, func(p path) { d.text(p, &f.Label) }},
		{"value", false, func(p path) {
			value, valueOff, valueOK = d.amount(p)
			if valueOK {
				f.Value = &value
			}
		}},
		{"unit", true, func(p path) { d.text(p, &f.Unit) }},
		{"period", true, func(p path) { d.text(p, &f.Period) }},
		{"comparison", false, func(p path) { f.Comparison = d.optText(p) }},
		{"rank", false, func(p path) {
			var r Rank
			if _, _, ok := d.object(p, "a rank", []field{
				{"scope", true, func(p path) { d.text(p, &r.Scope) }},
			}); ok {
				f.Rank = &r
			}
		}},
		{"source", true, func(p path) { f.Source = d.line(p) }},
		{"derived", false, func(p path) {
			var dv Derived
			if _, _, ok := d.object(p, "derived", []field{
				{"formula", true, func(p path) { dv.Formula = d.line(p) }},
			}); ok {
				f.Derived = &dv
			}
		}},
		{"notes", false, func(p path) { f.Notes = d.refs(p) }},
	})
	if !ok {
		return
	}
	switch {
	case present["value"] && present["derived"]:
		d.add(off, p, `has both "value" and "derived"; give one of them`)
	case !present["value"] && !present["derived"]:
		d.add(off, p, `needs "value" or "derived"`)
	}
	if present["rank"] && present["derived"] && !present["value"] {
		d.add(off, p, "a ranked figure cannot be derived")
	}
	if present["rank"] && valueOK && (value < 1 || value != math.Trunc(value)) {
		d.add(valueOff, p.key("value"), "a rank must be a whole number >= 1, got %v", value)
	}
}

func (d *decoder) project(p path, pr *Project) {
	d.object(p, "a project", []field{
		{"id", true, func(p path) { pr.ID = d.id(p) }},
		{"name", true, func(p path) { d.text(p, &pr.Name) }},
		{"category", true, func(p path) { pr.Category = d.enum(p, "category", keysOf(Categories)) }},
		{"stage", true, func(p path) { pr.Stage = d.enum(p, "stage", keysOf(Stages)) }},
		{"status", true, func(p path) { d.text(p, &pr.Status) }},
		{"covers", false, func(p path) { pr.Covers = d.optText(p) }},
		{"programs", false, func(p path) { pr.Programs = d.texts(p) }},
		{"figures", false, func(p path) { pr.Figures = d.refs(p) }},
		{"source", true, func(p path) { pr.Source = d.line(p) }},
		{"notes", false, func(p path) { pr.Notes = d.refs(p) }},
	})
}

func (d *decoder) structure(p path, s *Structure) {
	declOff, itemsOK := -1, false
	_, _, ok := d.object(p, "a structure", []field{
		{"id", true, func(p path) { s.ID = d.id(p) }},
		{"name", true, func(p path) { d.text(p, &s.Name) }},
		{"declared", false, func(p path) {
			v, off, ok := d.whole(p)
			if ok {
				s.Declared, declOff = v, off
			}
		}},
		{"items", true, func(p path) {
			var n int
			n, itemsOK = d.array(p, func(p path, _ int) {
				var t Text
				d.text(p, &t)
				s.Items = append(s.Items, t)
			})
			d.nonEmpty(p, n, itemsOK, "item")
		}},
		{"source", true, func(p path) { s.Source = d.line(p) }},
		{"notes", false, func(p path) { s.Notes = d.refs(p) }},
	})
	if ok && declOff >= 0 && itemsOK && len(s.Items) > 0 && s.Declared != len(s.Items) && len(s.Notes) == 0 {
		d.add(declOff, p.key("declared"), "declares %d items but lists %d; add a note that explains the difference", s.Declared, len(s.Items))
	}
}

func (d *decoder) note(p path, n *Note) {
	d.object(p, "a note", []field{
		{"id", true, func(p path) { n.ID = d.id(p) }},
		{"kind", true, func(p path) { n.Kind = d.enum(p, "note kind", keysOf(NoteKinds)) }},
		{"text", true, func(p path) { d.text(p, &n.Text) }},
		{"quote", true, func(p path) { n.Quote = d.line(p) }},
	})
}
