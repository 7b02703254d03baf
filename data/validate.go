package data

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/macun-tui/macun-tui/internal/termtext"
)

// MaxNumber is the largest number a dataset may hold; anything larger is
// taken for a typing slip.
const MaxNumber = 1e15

// The values of the closed lists, for the checks.
var (
	charts      = []string{ChartBar, ChartRank, ChartNone}
	tabIDs      = TabIDs()
	stageIDs    = stages.ids()
	categoryIDs = categories.ids()
	noteKindIDs = noteKinds.ids()
)

// checker runs the rules over the values of a decoded dataset and records
// each problem at the JSON Pointer of its value.
type checker struct {
	ds    *Dataset
	probs []ptrProblem
	full  bool // more problems were found than recorded
}

// maxRecorded is more than MaxProblems: the problems of a value the file
// lacks are told once (a missing Text is one problem, not one a language).
const maxRecorded = 3 * MaxProblems

// ptrProblem is a problem with the value at a JSON Pointer. Where the file
// has no value, a required value is missing, which is told at the object
// that lacks it; a problem ifGiven is then none. A problem with a first
// pointer tells where that value is too.
type ptrProblem struct {
	ptr, msg, first string
	ifGiven         bool
}

func (c *checker) add(ptr, format string, a ...any) {
	c.put(ptrProblem{ptr: ptr, msg: fmt.Sprintf(format, a...)})
}

func (c *checker) put(p ptrProblem) {
	c.full = len(c.probs) == maxRecorded
	if !c.full {
		c.probs = append(c.probs, p)
	}
}

// report finds the problems' values in b and returns them as a
// ProblemList, or nil when there is none.
func (c *checker) report(name string, b []byte) error {
	if len(c.probs) == 0 {
		return nil
	}
	var ptrs []string
	for _, p := range c.probs {
		ptrs = append(ptrs, p.ptr, p.first)
	}
	spots := locate(b, ptrs...)
	var ps []offProblem
	for _, p := range c.probs {
		ptr := jsontext.Pointer(p.ptr)
		s, ok := spots[p.ptr]
		switch {
		case ok && p.first != "":
			line, col := lineCol(b, spots[p.first].value)
			ps = append(ps, offProblem{s.value, fmt.Sprintf("%s%s (first at %d:%d)", at(ptr), p.msg, line, col)})
		case ok:
			ps = append(ps, offProblem{s.value, at(ptr) + p.msg})
		case !p.ifGiven: // the deepest value present, and the member it lacks
			for _, ok := spots[string(ptr.Parent())]; !ok; _, ok = spots[string(ptr.Parent())] {
				ptr = ptr.Parent()
			}
			parent := ptr.Parent()
			ps = append(ps, offProblem{spots[string(parent)].value, at(parent) + fmt.Sprintf("missing required field %q", ptr.LastToken())})
		}
	}
	if len(ps) == 0 {
		return nil
	}
	l := positions(name, b, ps)
	if len(l) > MaxProblems || c.full {
		l = append(l[:min(len(l), MaxProblems)], Problem{Pos: Position{Filename: name},
			Msg: fmt.Sprintf("too many problems; stopped after %d", MaxProblems)})
	}
	return l
}

// elem is the pointer of element i of the list at p.
func elem(p string, i int) string { return p + "/" + strconv.Itoa(i) }

// line checks the string at p+f (lineProblem).
func (c *checker) line(s, p, f string) bool {
	msg := lineProblem(s)
	if msg != "" {
		c.add(p+f, "%s", msg)
	}
	return msg == ""
}

// lineProblem is what is wrong with the characters of a string the
// terminal shows, or "": what termtext.Clean would change (control and
// format characters, clusters terminals draw wider than they measure),
// and nothing to see. Every rule about the characters of a string is
// here.
func lineProblem(s string) string {
	if p := termtext.Check(s); p != nil {
		return "contains " + p.Msg
	}
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty or only white space"
	case termtext.Invisible(s):
		return "must not be only invisible characters"
	}
	return ""
}

// text checks a Text (t may be nil for an optional one).
func (c *checker) text(t *Text, p, f string) {
	if t != nil {
		c.line(t.ZH, p, f+"/zh")
		c.line(t.EN, p, f+"/en")
	}
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
	_, err := strconv.ParseFloat(s, 64) // inf, infinity, nan
	return err != nil
}

func (c *checker) id(s, p string) {
	switch {
	case s == "":
		c.add(p+"/id", "must not be empty")
	case !ValidID(s):
		c.add(p+"/id", "invalid id %q: use ASCII letters, digits, '-' and '_', start with a letter, do not end with '-'", s)
	}
}

// refs checks a list of ids of other things (references checks that they
// exist).
func (c *checker) refs(ids []string, p, f string) {
	for k, id := range ids {
		if id == "" {
			c.add(elem(p+f, k), "must not be empty")
		}
	}
}

// oneOf checks a string that must be one of a closed list.
func (c *checker) oneOf(s string, list []string, what, p, f string) {
	if !slices.Contains(list, s) {
		c.add(p+f, "unknown %s %q (want one of: %s)", what, s, strings.Join(list, ", "))
	}
}

// num writes a number as a file would: 3e16, not 3e+16.
func num(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), "e+", "e", 1) }

// dataset checks everything: each value, then the references between
// them, the formulas and the article.
func (c *checker) dataset(readArticle func(string) ([]byte, error)) {
	ds := c.ds
	if ds.Schema != SchemaVersion {
		c.add("/schema", "unsupported schema version %d (this program reads schema %d)", ds.Schema, SchemaVersion)
	}
	m := &ds.Meta
	c.text(&m.Title, "/meta", "/title")
	c.text(&m.Region, "/meta", "/region")
	c.text(&m.Source, "/meta", "/source")
	article := m.Article != "" && c.line(m.Article, "/meta/article", "")
	switch {
	case m.Article == "":
		c.put(ptrProblem{ptr: "/meta/article", msg: "must not be empty or only white space", ifGiven: true})
	case !article:
	case strings.HasPrefix(m.Article, "/") || filepath.IsAbs(m.Article):
		c.add("/meta/article", "must be a path relative to the dataset file, got %q", m.Article)
		article = false
	case strings.Contains(m.Article, `\`) || !filepath.IsLocal(filepath.FromSlash(m.Article)):
		c.add("/meta/article", "must name a file in the dataset file's directory or below it, with / between names, got %q", m.Article)
		article = false
	}
	if len(ds.Groups) == 0 {
		c.add("/groups", "must list at least one group")
	}
	if len(ds.Figures) == 0 {
		c.add("/figures", "must list at least one figure")
	}
	for i := range ds.Groups {
		c.group(&ds.Groups[i], elem("/groups", i))
	}
	for i := range ds.Figures {
		c.figure(&ds.Figures[i], elem("/figures", i))
	}
	for i := range ds.Projects {
		c.project(&ds.Projects[i], elem("/projects", i))
	}
	for i := range ds.Structures {
		c.structure(&ds.Structures[i], elem("/structures", i))
	}
	for i, n := range ds.Notes {
		p := elem("/notes", i)
		c.id(n.ID, p)
		c.oneOf(n.Kind, noteKindIDs, "note kind", p, "/kind")
		c.text(&n.Text, p, "/text")
		c.line(n.Quote, p, "/quote")
	}
	c.references()
	c.derive()
	if article && readArticle != nil {
		c.article(readArticle)
	}
}

func (c *checker) group(g *Group, p string) {
	c.id(g.ID, p)
	c.oneOf(g.Tab, tabIDs, "tab", p, "/tab")
	c.text(&g.Title, p, "/title")
	c.oneOf(g.Chart, charts, "chart", p, "/chart")
	if len(g.Figures) == 0 {
		c.add(p+"/figures", "must list at least one figure")
	}
	c.refs(g.Figures, p, "/figures")
	c.text(g.Note, p, "/note")
}

func (c *checker) figure(f *Figure, p string) {
	c.id(f.ID, p)
	c.text(&f.Label, p, "/label")
	c.text(&f.Unit, p, "/unit")
	c.text(&f.Period, p, "/period")
	c.text(f.Comparison, p, "/comparison")
	if f.Rank != nil {
		c.text(&f.Rank.Scope, p, "/rank/scope")
	}
	c.line(f.Source, p, "/source")
	if f.Derived != nil {
		c.line(f.Derived.Formula, p, "/derived/formula")
	}
	c.refs(f.Notes, p, "/notes")
	switch {
	case f.Value != nil && f.Derived != nil:
		c.add(p, `has both "value" and "derived"; give one of them`)
	case f.Value == nil && f.Derived == nil:
		c.add(p, `needs "value" or "derived"`)
	case f.Rank != nil && f.Derived != nil:
		c.add(p, "a ranked figure cannot be derived")
	}
	if f.Value == nil {
		return
	}
	switch v := *f.Value; {
	case math.IsNaN(v) || math.IsInf(v, 0): // not from JSON, but from a caller's Dataset
		c.add(p+"/value", "%v is not a finite number", v)
		f.Value = nil
	case v < 0:
		c.add(p+"/value", "%s is negative; values must be >= 0", num(v))
		f.Value = nil // no formula uses it, and none is told so
	case v > MaxNumber:
		c.add(p+"/value", "%s is too large (the limit is 1e15)", num(v))
		f.Value = nil
	case f.Rank != nil && (v < 1 || v != math.Trunc(v)):
		c.add(p+"/value", "a rank must be a whole number >= 1, got %s", num(v))
	case v == 0:
		*f.Value = 0 // not -0
	}
}

func (c *checker) project(pr *Project, p string) {
	c.id(pr.ID, p)
	c.text(&pr.Name, p, "/name")
	c.oneOf(pr.Category, categoryIDs, "category", p, "/category")
	c.oneOf(pr.Stage, stageIDs, "stage", p, "/stage")
	c.text(&pr.Status, p, "/status")
	c.text(pr.Covers, p, "/covers")
	for k := range pr.Programs {
		c.text(&pr.Programs[k], elem(p+"/programs", k), "")
	}
	c.refs(pr.Figures, p, "/figures")
	c.line(pr.Source, p, "/source")
	c.refs(pr.Notes, p, "/notes")
}

func (c *checker) structure(s *Structure, p string) {
	c.id(s.ID, p)
	c.text(&s.Name, p, "/name")
	if s.Declared < 1 { // 0 is also what no "declared" reads as
		c.put(ptrProblem{ptr: p + "/declared", msg: fmt.Sprintf("want a whole number >= 1, got %d", s.Declared), ifGiven: s.Declared == 0})
	}
	if len(s.Items) == 0 {
		c.add(p+"/items", "must list at least one item")
	}
	for k := range s.Items {
		c.text(&s.Items[k], elem(p+"/items", k), "")
	}
	c.line(s.Source, p, "/source")
	c.refs(s.Notes, p, "/notes")
	if s.Declared >= 1 && len(s.Items) > 0 && s.Declared != len(s.Items) && len(s.Notes) == 0 {
		c.add(p+"/declared", "declares %d items but lists %d; add a note that explains the difference", s.Declared, len(s.Items))
	}
}

// references checks what relates parts of the dataset: unique ids, the
// figures of groups and projects, the notes of everything.
func (c *checker) references() {
	ds := c.ds
	ds.figByID = unique(c, "/figures", "figure", ds.Figures, func(f Figure) string { return f.ID })
	ds.noteByID = unique(c, "/notes", "note", ds.Notes, func(n Note) string { return n.ID })
	unique(c, "/groups", "group", ds.Groups, func(g Group) string { return g.ID })
	unique(c, "/projects", "project", ds.Projects, func(p Project) string { return p.ID })
	unique(c, "/structures", "structure", ds.Structures, func(s Structure) string { return s.ID })

	listed := make(map[string]bool, len(ds.Figures))
	for gi, g := range ds.Groups {
		seen := make(map[string]bool)
		var first *Figure // the first of a chart, for the unit rule
		for k, id := range g.Figures {
			p := elem(elem("/groups", gi)+"/figures", k)
			i, known := ds.figByID[id]
			switch {
			case id == "": // told already
			case !known:
				c.add(p, "unknown figure %q", id)
			case seen[id]:
				c.add(p, "figure %q is listed twice in this group", id)
			}
			if !known || seen[id] {
				continue
			}
			listed[id], seen[id] = true, true
			f := &ds.Figures[i]
			if g.Chart == ChartRank && f.Rank == nil {
				c.add(p, "figure %q has no \"rank\", but the group's chart is %q", id, ChartRank)
			}
			if g.Chart != ChartBar && g.Chart != ChartRank {
				continue
			}
			if first == nil {
				first = f
			} else if f.Unit.EN != first.Unit.EN && f.Unit.EN != "" && first.Unit.EN != "" {
				c.add(p, "figure %q has unit %q but %q has %q; a %s chart needs one unit (unit.en)",
					id, f.Unit.EN, first.ID, first.Unit.EN, g.Chart)
			}
		}
	}
	for i, f := range ds.Figures {
		if f.ID != "" && !listed[f.ID] {
			c.add(elem("/figures", i)+"/id", "figure %q is not listed in any group", f.ID)
		}
		c.noteRefs(f.Notes, elem("/figures", i))
	}
	for i, pr := range ds.Projects {
		for k, id := range pr.Figures {
			if _, ok := ds.figByID[id]; !ok && id != "" {
				c.add(elem(elem("/projects", i)+"/figures", k), "unknown figure %q", id)
			}
		}
		c.noteRefs(pr.Notes, elem("/projects", i))
	}
	for i, s := range ds.Structures {
		c.noteRefs(s.Notes, elem("/structures", i))
	}
}

// unique reports the ids of a list that are not unique and returns the
// index of each id (the first, for duplicates).
func unique[T any](c *checker, list, what string, items []T, id func(T) string) map[string]int {
	idx := make(map[string]int, len(items))
	for i, item := range items {
		s := id(item)
		j, dup := idx[s]
		switch {
		case s == "": // told already
		case dup:
			c.put(ptrProblem{ptr: elem(list, i) + "/id", msg: fmt.Sprintf("duplicate %s id %q", what, s), first: elem(list, j) + "/id"})
		default:
			idx[s] = i
		}
	}
	return idx
}

func (c *checker) noteRefs(ids []string, p string) {
	for k, id := range ids {
		if _, ok := c.ds.noteByID[id]; !ok && id != "" {
			c.add(elem(p+"/notes", k), "unknown note %q", id)
		}
	}
}

// derive computes each derived figure from its formula, after the figures
// it uses. A parse error, an unknown id, a cycle, a division by zero or a
// result out of range is a problem at the formula; a figure whose formula
// uses a figure with a problem is left without a value, and not told.
func (c *checker) derive() {
	ds := c.ds
	const (
		busy = iota + 1
		done
		failed
	)
	state := make([]int, len(ds.Figures))
	var stack []int // the figures being computed
	var visit func(i int) bool
	visit = func(i int) bool {
		f := &ds.Figures[i]
		p := elem("/figures", i) + "/derived/formula"
		switch {
		case f.Derived == nil:
			return f.Value != nil
		case state[i] == busy:
			var ids []string
			for _, k := range stack[slices.Index(stack, i):] {
				ids = append(ids, ds.Figures[k].ID)
			}
			c.add(p, "formula cycle: %s -> %s", strings.Join(ids, " -> "), f.ID)
			state[i] = failed
			return false
		case state[i] != 0:
			return state[i] == done
		}
		state[i] = failed
		if strings.TrimSpace(f.Derived.Formula) == "" {
			return false // told already
		}
		e, err := ParseFormula(f.Derived.Formula)
		if err != nil {
			c.add(p, "%v", err)
			return false
		}
		known := true
		for _, r := range e.Refs() {
			if _, ok := ds.figByID[r]; !ok {
				c.add(p, "formula names unknown figure %q", r)
				known = false
			}
		}
		if !known {
			return false
		}
		state[i], stack = busy, append(stack, i)
		ok := true
		for _, r := range e.Refs() {
			if ok = visit(ds.figByID[r]); !ok {
				break
			}
		}
		stack = stack[:len(stack)-1]
		if !ok || state[i] != busy { // state is failed when i was part of a cycle
			state[i] = failed
			return false
		}
		state[i] = failed
		v, err := e.Eval(func(ref string) (float64, bool) { return ds.Figures[ds.figByID[ref]].V(), true })
		switch {
		case err != nil:
			c.add(p, "%v", err)
		case math.IsNaN(v) || math.IsInf(v, 0):
			c.add(p, "result %v is not a finite number", v)
		case v < 0:
			c.add(p, "result %s is negative; values must be >= 0", num(v))
		case v > MaxNumber:
			c.add(p, "result %s is too large (the limit is 1e15)", num(v))
		default:
			f.Value, state[i] = &v, done
		}
		return state[i] == done
	}
	for i := range ds.Figures {
		visit(i)
	}
}

// article reads the article and checks that every source sentence and
// note quote occurs in it, ignoring white space.
func (c *checker) article(readArticle func(string) ([]byte, error)) {
	ds := c.ds
	const p = "/meta/article"
	a, err := readArticle(ds.Meta.Article)
	if err != nil {
		c.add(p, "cannot read article %q: %v", ds.Meta.Article, err)
		return
	}
	for i, r := range string(a) {
		if _, n := utf8.DecodeRune(a[i:]); r == utf8.RuneError && n == 1 {
			line, col := lineCol(a, i)
			c.add(p, "article %q is not valid UTF-8 (at its %d:%d)", ds.Meta.Article, line, col)
			return
		}
	}
	// Tabs and line breaks (LF, CRLF or CR) are the article's layout;
	// every other character is as in a string of the dataset. Tabs become
	// spaces and line breaks LF, for the terminal.
	text := strings.ReplaceAll(string(a), "\t", " ")
	for start := 0; start < len(text); {
		end := strings.IndexAny(text[start:], "\r\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if pr := termtext.Check(text[start:end]); pr != nil {
			line, col := lineCol(a, start+pr.Offset)
			c.add(p, "article %q contains %s (at its %d:%d)", ds.Meta.Article, pr.Msg, line, col)
			return
		}
		start = end + 1
	}
	ds.Article = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	folded := Fold(ds.Article)
	in := func(s, p, what string) {
		if strings.TrimSpace(s) != "" && !strings.Contains(folded, Fold(s)) {
			c.add(p, "%s not found in article", what)
		}
	}
	for i, f := range ds.Figures {
		in(f.Source, elem("/figures", i)+"/source", "source sentence")
	}
	for i, pr := range ds.Projects {
		in(pr.Source, elem("/projects", i)+"/source", "source sentence")
	}
	for i, s := range ds.Structures {
		in(s.Source, elem("/structures", i)+"/source", "source sentence")
	}
	for i, n := range ds.Notes {
		in(n.Quote, elem("/notes", i)+"/quote", "quote")
	}
}
