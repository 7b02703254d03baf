package data

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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

	// stack is the path to the value being decoded; it is rendered only
	// for a problem.
	stack []step

	// elemOff holds the offsets of the elements of the top-level arrays
	// decoded, by the array's name, to find values for problems quickly.
	elemOff map[string][]int

	// groupsPartial is set when a group or its list of figures could not
	// be read, so that "not listed in any group" is not reported.
	groupsPartial bool

	// the last array counted by capHint: its offset, countElems' results
	hintOff, hintN, hintSize int

	// the allowed values of the enumerations, sorted
	categories, stages, noteKinds, tabs []string
}

// step is one step of the decoder's path: a field name, or an array index
// when idx >= 0.
type step struct {
	key string
	idx int
}

func (d *decoder) push(key string) { d.stack = append(d.stack, step{key, -1}) }
func (d *decoder) pushIdx(i int)   { d.stack = append(d.stack, step{"", i}) }
func (d *decoder) pop()            { d.stack = d.stack[:len(d.stack)-1] }

// here returns the path of the value being decoded.
func (d *decoder) here() path {
	p := make(path, len(d.stack))
	for i, s := range d.stack {
		if s.idx >= 0 {
			p[i] = s.idx
		} else {
			p[i] = s.key
		}
	}
	return p
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

// addHere records a problem at offset off of the value being decoded.
func (d *decoder) addHere(off int, format string, a ...any) {
	if len(d.probs) >= MaxProblems {
		panic(tooMany{})
	}
	d.add(off, d.here(), format, a...)
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
// nearest element of a top-level array on the path whose offset was
// recorded.
func (d *decoder) locate(p path) int {
	if len(p) >= 2 {
		if name, ok := p[0].(string); ok {
			if k, ok := p[1].(int); ok {
				if offs := d.elemOff[name]; k < len(offs) {
					return findFrom(d.b, d.lex.s, offs[k], p[2:])
				}
			}
		}
	}
	return findFrom(d.b, d.lex.s, 0, p)
}

// field is one field of an object for decoder.object.
type field struct {
	name     string
	required bool
}

// fieldSet is the fields of one kind of object.
type fieldSet struct {
	what   string // names the object in the message about an unknown field
	fields []field
	names  string // the names of the fields, for that message
}

func newFieldSet(what string, fields ...field) *fieldSet {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return &fieldSet{what, fields, strings.Join(names, ", ")}
}

// index returns the index of the field named key, or -1.
func (fs *fieldSet) index(key string) int {
	for i := range fs.fields {
		if fs.fields[i].name == key {
			return i
		}
	}
	return -1
}

// maxFields is the most fields a fieldSet may have.
const maxFields = 16

// keyAt is a key of an object that is not one of its fields.
type keyAt struct {
	key string
	off int
}

// object decodes an object with the fields of fs: read is called with the
// index of each field present, with the field's name on the path, and
// must consume the value. It returns the set of the fields present
// (whatever their values; bit k for field k) and the object's offset; ok
// is false when the value is not an object.
func (d *decoder) object(fs *fieldSet, read func(k int)) (present uint32, off int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindObject {
		d.wrongType("an object", kind, off)
		return 0, off, false
	}
	l := d.lex
	var firstOff [maxFields]int // offsets of the keys of the fields present
	var others []keyAt          // the other keys
	if l.objOpen() {
		for {
			key, keyOff := l.objKey()
			k := fs.index(key)
			first := -1
			if k >= 0 {
				if present&(1<<k) != 0 {
					first = firstOff[k]
				}
			} else {
				for _, o := range others {
					if o.key == key {
						first = o.off
						break
					}
				}
			}
			switch {
			case first >= 0:
				line, col := lineCol(d.b, first)
				d.addHere(keyOff, "duplicate key %q (first at %d:%d)", key, line, col)
				l.skipValue()
			case k >= 0:
				present |= 1 << k
				firstOff[k] = keyOff
				d.push(key)
				read(k)
				d.pop()
			default:
				others = append(others, keyAt{key, keyOff})
				d.addHere(keyOff, "unknown field %q (%s has: %s)", key, fs.what, fs.names)
				l.skipValue()
			}
			if !l.objNext(key) {
				break
			}
		}
	}
	for k, f := range fs.fields {
		if f.required && present&(1<<k) == 0 {
			d.addHere(off, "missing required field %q", f.name)
		}
	}
	return present, off, true
}

func (d *decoder) wrongType(want string, got jsonKind, off int) {
	d.lex.skipValue()
	d.addHere(off, "want %s, got %s", want, got)
}

// array decodes an array, calling elem for each element with its index
// on the path. ok is false when the value is not an array.
func (d *decoder) array(elem func(i int)) (n int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindArray {
		d.wrongType("an array", kind, off)
		return 0, false
	}
	l := d.lex
	top := len(d.stack) == 1
	var offs []int
	if top {
		offs = make([]int, 0, d.capHint(off, 64))
	}
	if l.arrOpen() {
		for i := 0; ; i++ {
			if top {
				_, off := l.peek()
				offs = append(offs, off)
			}
			d.pushIdx(i)
			elem(i)
			d.pop()
			n = i + 1
			if !l.arrNext() {
				break
			}
		}
	}
	if top {
		if d.elemOff == nil {
			d.elemOff = make(map[string][]int)
		}
		d.elemOff[d.stack[0].key] = offs
	}
	return n, true
}

// capHint returns a capacity for the elements of the array at offset off
// (the number of its elements, if it is valid), at most one for each
// minSize bytes of the array, so that invalid input cannot make it large.
func (d *decoder) capHint(off, minSize int) int {
	if off != d.hintOff || d.hintN < 0 {
		d.hintOff = off
		d.hintN, d.hintSize = countElems(d.b, off)
	}
	return min(d.hintN, d.hintSize/minSize+1)
}

// nonEmpty reports a list that must have elements.
func (d *decoder) nonEmpty(n int, ok bool, what string) {
	if ok && n == 0 {
		d.addAt(d.here(), "must list at least one %s", what)
	}
}

// controlChar returns the first control character of s (as unicode.IsControl
// has them: U+0000 to U+001F and U+007F to U+009F), if any. s is valid UTF-8.
func controlChar(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7F:
			return rune(c), true
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
			return rune(s[i+1]), true
		}
	}
	return 0, false
}

// str decodes a string. Control characters (which would garble a
// terminal) are a problem.
func (d *decoder) str() (string, int, bool) {
	kind, off := d.lex.peek()
	if kind != kindString {
		d.wrongType("a string", kind, off)
		return "", off, false
	}
	s, _ := d.lex.readString()
	if r, ok := controlChar(s); ok {
		d.addHere(off, "contains control character %U", r)
		return s, off, false
	}
	return s, off, true
}

// isBlank reports whether s is empty or white space only, as
// strings.TrimSpace(s) == "" does.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
		default:
			if s[i] < utf8.RuneSelf {
				return false
			}
			return strings.TrimSpace(s[i:]) == ""
		}
	}
	return true
}

// line decodes a string that must not be empty or white space only.
func (d *decoder) line() string {
	s, off, ok := d.str()
	if ok && isBlank(s) {
		d.addHere(off, "must not be empty or only white space")
	}
	return s
}

var textFields = newFieldSet("a text", field{"zh", true}, field{"en", true})

// text decodes a Text: both languages are required.
func (d *decoder) text(t *Text) bool {
	_, _, ok := d.object(textFields, func(k int) {
		if k == 0 {
			t.ZH = d.line()
		} else {
			t.EN = d.line()
		}
	})
	return ok
}

func (d *decoder) optText() *Text {
	var t Text
	if d.text(&t) {
		return &t
	}
	return nil
}

func (d *decoder) texts() []Text {
	var ts []Text
	d.array(func(int) {
		var t Text
		d.text(&t)
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
	// The only numbers that start with a letter are inf, infinity and nan.
	if c := s[0] | 0x20; c != 'i' && c != 'n' {
		return true
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

func (d *decoder) id() string {
	s, off, ok := d.str()
	switch {
	case !ok:
	case s == "":
		d.addHere(off, "must not be empty")
	case !ValidID(s):
		d.addHere(off, "invalid id %q: use ASCII letters, digits, '-' and '_', start with a letter, do not end with '-'", s)
	}
	return s
}

// refs decodes a list of ids of other things; whether they exist is
// checked later.
func (d *decoder) refs() []string {
	ids, _ := d.refList()
	return ids
}

func (d *decoder) refList() ([]string, bool) {
	var ids []string
	_, ok := d.array(func(int) {
		s, off, ok := d.str()
		if ok && s == "" {
			d.addHere(off, "must not be empty")
		}
		ids = append(ids, s)
	})
	return ids, ok
}

// enum decodes a string that must be one of allowed.
func (d *decoder) enum(what string, allowed []string) string {
	s, off, ok := d.str()
	if ok && !slices.Contains(allowed, s) {
		d.addHere(off, "unknown %s %q (want one of: %s)", what, s, strings.Join(allowed, ", "))
	}
	return s
}

func keysOf(e enum) []string {
	ks := e.ids()
	slices.Sort(ks)
	return ks
}

// num decodes a number; it must be finite.
func (d *decoder) num() (v float64, raw string, off int, ok bool) {
	kind, off := d.lex.peek()
	if kind != kindNumber {
		d.wrongType("a number", kind, off)
		return 0, "", off, false
	}
	raw, _ = d.lex.readNumber()
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		d.addHere(off, "number %s is out of range", raw)
		return 0, raw, off, false
	}
	if v == 0 {
		v = 0 // no -0
	}
	return v, raw, off, true
}

// amount decodes a number that must be >= 0 and <= MaxNumber.
func (d *decoder) amount() (float64, int, bool) {
	v, raw, off, ok := d.num()
	switch {
	case !ok:
	case v < 0:
		d.addHere(off, "%s is negative; values must be >= 0", raw)
		ok = false
	case v > MaxNumber:
		d.addHere(off, "%s is too large (the limit is 1e15)", raw)
		ok = false
	}
	return v, off, ok
}

// whole decodes a whole number >= 1.
func (d *decoder) whole() (int, int, bool) {
	v, off, ok := d.amount()
	if ok && (v < 1 || v != math.Trunc(v)) {
		d.addHere(off, "want a whole number >= 1, got %v", v)
		ok = false
	}
	return int(v), off, ok
}

var datasetFields = newFieldSet("the dataset",
	field{"schema", true},
	field{"meta", true},
	field{"groups", true},
	field{"figures", true},
	field{"projects", false},
	field{"structures", false},
	field{"notes", false},
)

func (d *decoder) dataset(ds *Dataset) {
	d.object(datasetFields, func(k int) {
		switch k {
		case 0: // schema
			v, raw, off, ok := d.num()
			if ok && v != SchemaVersion {
				d.addHere(off, "unsupported schema version %s (this program reads schema %d)", raw, SchemaVersion)
			}
			ds.Schema = int(v)
		case 1:
			d.meta(&ds.Meta)
		case 2: // groups
			presize(d, &ds.Groups)
			n, ok := d.array(func(i int) {
				ds.Groups = append(ds.Groups, Group{})
				d.group(&ds.Groups[i])
			})
			d.nonEmpty(n, ok, "group")
			d.groupsPartial = d.groupsPartial || !ok
		case 3: // figures
			presize(d, &ds.Figures)
			n, ok := d.array(func(i int) {
				ds.Figures = append(ds.Figures, Figure{})
				d.figure(&ds.Figures[i])
			})
			d.nonEmpty(n, ok, "figure")
		case 4: // projects
			presize(d, &ds.Projects)
			d.array(func(i int) {
				ds.Projects = append(ds.Projects, Project{})
				d.project(&ds.Projects[i])
			})
		case 5: // structures
			presize(d, &ds.Structures)
			d.array(func(i int) {
				ds.Structures = append(ds.Structures, Structure{})
				d.structure(&ds.Structures[i])
			})
		case 6: // notes
			presize(d, &ds.Notes)
			d.array(func(i int) {
				ds.Notes = append(ds.Notes, Note{})
				d.note(&ds.Notes[i])
			})
		}
	})
}

// presize gives *list room for the elements of the array the lexer is at,
// when it is a non-empty array. A valid element of the dataset's lists is
// an object with at least four fields (some of them objects): about 64
// bytes or more.
func presize[T any](d *decoder, list *[]T) {
	if kind, off := d.lex.peek(); kind == kindArray {
		if n := d.capHint(off, 64); n > 0 {
			*list = make([]T, 0, n)
		}
	}
}

var metaFields = newFieldSet("meta",
	field{"title", true},
	field{"region", true},
	field{"source", true},
	field{"article", false},
)

func (d *decoder) meta(m *Meta) {
	d.object(metaFields, func(k int) {
		switch k {
		case 0:
			d.text(&m.Title)
		case 1:
			d.text(&m.Region)
		case 2:
			d.text(&m.Source)
		case 3: // article
			s, off, ok := d.str()
			switch {
			case !ok:
			case strings.TrimSpace(s) == "":
				d.addHere(off, "must not be empty or only white space")
			case strings.HasPrefix(s, "/") || filepath.IsAbs(s):
				d.addHere(off, "must be a path relative to the dataset file, got %q", s)
			default:
				m.Article = s
			}
		}
	})
}

var groupFields = newFieldSet("a group",
	field{"id", true},
	field{"tab", true},
	field{"title", true},
	field{"chart", true},
	field{"figures", true},
	field{"note", false},
)

var charts = []string{ChartBar, ChartRank, ChartNone}

func (d *decoder) group(g *Group) {
	present, _, ok := d.object(groupFields, func(k int) {
		switch k {
		case 0:
			g.ID = d.id()
		case 1:
			g.Tab = d.enum("tab", d.tabs)
		case 2:
			d.text(&g.Title)
		case 3:
			g.Chart = d.enum("chart", charts)
		case 4: // figures
			var ok bool
			g.Figures, ok = d.refList()
			d.nonEmpty(len(g.Figures), ok, "figure")
			d.groupsPartial = d.groupsPartial || !ok
		case 5:
			g.Note = d.optText()
		}
	})
	d.groupsPartial = d.groupsPartial || !ok || present&(1<<4) == 0
}

var (
	figureFields = newFieldSet("a figure",
		field{"id", true},
		field{"label", true},
		field{"value", false},
		field{"unit", true},
		field{"period", true},
		field{"comparison", false},
		field{"rank", false},
		field{"source", true},
		field{"derived", false},
		field{"notes", false},
	)
	rankFields    = newFieldSet("a rank", field{"scope", true})
	derivedFields = newFieldSet("derived", field{"formula", true})
)

// the bits of figure fields whose presence matters
const (
	figValue   = 1 << 2
	figRank    = 1 << 6
	figDerived = 1 << 8
)

func (d *decoder) figure(f *Figure) {
	var (
		value    float64
		valueOff int
		valueOK  bool
	)
	present, off, ok := d.object(figureFields, func(k int) {
		switch k {
		case 0:
			f.ID = d.id()
		case 1:
			d.text(&f.Label)
		case 2: // value
			value, valueOff, valueOK = d.amount()
			if valueOK {
				v := value
				f.Value = &v
			}
		case 3:
			d.text(&f.Unit)
		case 4:
			d.text(&f.Period)
		case 5:
			f.Comparison = d.optText()
		case 6: // rank
			var r Rank
			if _, _, ok := d.object(rankFields, func(int) { d.text(&r.Scope) }); ok {
				f.Rank = &r
			}
		case 7:
			f.Source = d.line()
		case 8: // derived
			var dv Derived
			if _, _, ok := d.object(derivedFields, func(int) { dv.Formula = d.line() }); ok {
				f.Derived = &dv
			}
		case 9:
			f.Notes = d.refs()
		}
	})
	if !ok {
		return
	}
	switch {
	case present&figValue != 0 && present&figDerived != 0:
		d.addHere(off, `has both "value" and "derived"; give one of them`)
	case present&figValue == 0 && present&figDerived == 0:
		d.addHere(off, `needs "value" or "derived"`)
	}
	if present&figRank != 0 && present&figDerived != 0 && present&figValue == 0 {
		d.addHere(off, "a ranked figure cannot be derived")
	}
	if present&figRank != 0 && valueOK && (value < 1 || value != math.Trunc(value)) {
		d.push("value")
		d.addHere(valueOff, "a rank must be a whole number >= 1, got %v", value)
		d.pop()
	}
}

var projectFields = newFieldSet("a project",
	field{"id", true},
	field{"name", true},
	field{"category", true},
	field{"stage", true},
	field{"status", true},
	field{"covers", false},
	field{"programs", false},
	field{"figures", false},
	field{"source", true},
	field{"notes", false},
)

func (d *decoder) project(pr *Project) {
	d.object(projectFields, func(k int) {
		switch k {
		case 0:
			pr.ID = d.id()
		case 1:
			d.text(&pr.Name)
		case 2:
			pr.Category = d.enum("category", d.categories)
		case 3:
			pr.Stage = d.enum("stage", d.stages)
		case 4:
			d.text(&pr.Status)
		case 5:
			pr.Covers = d.optText()
		case 6:
			pr.Programs = d.texts()
		case 7:
			pr.Figures = d.refs()
		case 8:
			pr.Source = d.line()
		case 9:
			pr.Notes = d.refs()
		}
	})
}

var structureFields = newFieldSet("a structure",
	field{"id", true},
	field{"name", true},
	field{"declared", false},
	field{"items", true},
	field{"source", true},
	field{"notes", false},
)

func (d *decoder) structure(s *Structure) {
	declOff, itemsOK := -1, false
	_, _, ok := d.object(structureFields, func(k int) {
		switch k {
		case 0:
			s.ID = d.id()
		case 1:
			d.text(&s.Name)
		case 2: // declared
			v, off, ok := d.whole()
			if ok {
				s.Declared, declOff = v, off
			}
		case 3: // items
			var n int
			n, itemsOK = d.array(func(int) {
				var t Text
				d.text(&t)
				s.Items = append(s.Items, t)
			})
			d.nonEmpty(n, itemsOK, "item")
		case 4:
			s.Source = d.line()
		case 5:
			s.Notes = d.refs()
		}
	})
	if ok && declOff >= 0 && itemsOK && len(s.Items) > 0 && s.Declared != len(s.Items) && len(s.Notes) == 0 {
		d.push("declared")
		d.addHere(declOff, "declares %d items but lists %d; add a note that explains the difference", s.Declared, len(s.Items))
		d.pop()
	}
}

var noteFields = newFieldSet("a note",
	field{"id", true},
	field{"kind", true},
	field{"text", true},
	field{"quote", true},
)

func (d *decoder) note(n *Note) {
	d.object(noteFields, func(k int) {
		switch k {
		case 0:
			n.ID = d.id()
		case 1:
			n.Kind = d.enum("note kind", d.noteKinds)
		case 2:
			d.text(&n.Text)
		case 3:
			n.Quote = d.line()
		}
	})
}
