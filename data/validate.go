package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// MaxProblems is the number of problems after which checking a dataset
// stops.
const MaxProblems = 100

// Problem is one thing wrong with a dataset file. Line and Col are 1-based
// (Col counts characters, not bytes); both are 0 when the problem has no
// position, such as a missing file.
type Problem struct {
	File      string
	Line, Col int
	Msg       string
}

// String renders the problem as FILE:LINE:COL: message, or FILE: message
// when it has no position.
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	}
	return p.File + ": " + p.Msg
}

// ProblemsError is the error of Parse, Load and LoadFile: every problem
// found, in file order (those without a position first).
type ProblemsError struct {
	Problems []Problem
}

// Error prints one problem a line.
func (e *ProblemsError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ProblemsOf returns the problems of an error from this package; any other
// error is one problem without a file or position.
func ProblemsOf(err error) []Problem {
	if err == nil {
		return nil
	}
	var pe *ProblemsError
	if errors.As(err, &pe) {
		return pe.Problems
	}
	return []Problem{{Msg: err.Error()}}
}

func fileProblem(file, format string, a ...any) error {
	return &ProblemsError{[]Problem{{File: file, Msg: fmt.Sprintf(format, a...)}}}
}

// err converts the recorded problems, sorted by position, or returns nil.
func (d *decoder) err(tooMany bool) error {
	if len(d.probs) == 0 {
		return nil
	}
	sort.SliceStable(d.probs, func(i, j int) bool { return d.probs[i].off < d.probs[j].off })
	ps := make([]Problem, 0, len(d.probs)+1)
	line, ls, last := 1, 0, 0 // incremental line counting
	for _, p := range d.probs {
		pr := Problem{File: d.name, Msg: p.msg}
		if p.off >= 0 {
			off := min(p.off, len(d.b))
			for i := last; i < off; i++ {
				if d.b[i] == '\n' {
					line, ls = line+1, i+1
				}
			}
			last = off
			pr.Line, pr.Col = line, 1+utf8.RuneCount(d.b[ls:off])
		}
		ps = append(ps, pr)
	}
	if tooMany {
		ps = append(ps, Problem{File: d.name, Msg: fmt.Sprintf("too many problems; stopped after %d", MaxProblems)})
	}
	return &ProblemsError{ps}
}

// check runs the rules that relate parts of the dataset to each other: ids,
// references, charts, formulas and the article.
func (d *decoder) check(ds *Dataset, readArticle func(string) ([]byte, error)) {
	ds.figByID = d.unique("figures", "figure", len(ds.Figures), func(i int) string { return ds.Figures[i].ID })
	ds.noteByID = d.unique("notes", "note", len(ds.Notes), func(i int) string { return ds.Notes[i].ID })
	d.unique("groups", "group", len(ds.Groups), func(i int) string { return ds.Groups[i].ID })
	d.unique("projects", "project", len(ds.Projects), func(i int) string { return ds.Projects[i].ID })
	d.unique("structures", "structure", len(ds.Structures), func(i int) string { return ds.Structures[i].ID })

	listed := make(map[string]bool)
	for gi := range ds.Groups {
		g := &ds.Groups[gi]
		seen := make(map[string]bool)
		var first *Figure // first known figure, for the unit rule
		for k, id := range g.Figures {
			p := path{"groups", gi, "figures", k}
			listed[id] = true
			i, ok := ds.figByID[id]
			if !ok && id == "" {
				continue // reported when decoding
			}
			if !ok {
				d.addAt(p, "unknown figure %q", id)
				continue
			}
			if seen[id] {
				d.addAt(p, "figure %q is listed twice in this group", id)
				continue
			}
			seen[id] = true
			f := &ds.Figures[i]
			if g.Chart == ChartRank && f.Rank == nil {
				d.addAt(p, "figure %q has no \"rank\", but the group's chart is %q", id, ChartRank)
			}
			if g.Chart == ChartBar || g.Chart == ChartRank {
				if first == nil {
					first = f
				} else if f.Unit.EN != first.Unit.EN && f.Unit.EN != "" && first.Unit.EN != "" {
					d.addAt(p, "figure %q has unit %q but %q has %q; a %s chart needs one unit (unit.en)",
						id, f.Unit.EN, first.ID, first.Unit.EN, g.Chart)
				}
			}
		}
	}
	for i, f := range ds.Figures {
		if f.ID != "" && !listed[f.ID] && !d.groupsPartial {
			d.addAt(path{"figures", i, "id"}, "figure %q is not listed in any group", f.ID)
		}
		d.noteRefs(ds, path{"figures", i, "notes"}, f.Notes)
	}
	for i, pr := range ds.Projects {
		for k, id := range pr.Figures {
			if _, ok := ds.figByID[id]; !ok && id != "" {
				d.addAt(path{"projects", i, "figures", k}, "unknown figure %q", id)
			}
		}
		d.noteRefs(ds, path{"projects", i, "notes"}, pr.Notes)
	}
	for i, s := range ds.Structures {
		d.noteRefs(ds, path{"structures", i, "notes"}, s.Notes)
	}

	d.derive(ds)

	if ds.Meta.Article != "" && readArticle != nil {
		d.article(ds, readArticle)
	}
}

// unique reports duplicate ids in a list and returns the index of each id
// (the first, for duplicates).
func (d *decoder) unique(list, what string, n int, id func(int) string) map[string]int {
	idx := make(map[string]int, n)
	for i := range n {
		s := id(i)
		if s == "" {
			continue
		}
		if j, dup := idx[s]; dup {
			d.addAt(path{list, i, "id"}, "duplicate %s id %q (first at %s)", what, s, d.at(path{list, j, "id"}))
			continue
		}
		idx[s] = i
	}
	return idx
}

func (d *decoder) noteRefs(ds *Dataset, p path, ids []string) {
	for k, id := range ids {
		if _, ok := ds.noteByID[id]; !ok && id != "" {
			d.addAt(p.idx(k), "unknown note %q", id)
		}
	}
}

// derive computes every derived figure from its formula, in dependency
// order. Parse errors, unknown ids, cycles, division by zero and results
// that break the value rules are problems at the formula. A figure whose
// formula depends on a figure with a problem is left without a value and
// not reported again.
func (d *decoder) derive(ds *Dataset) {
	formula := func(i int) path { return path{"figures", i, "derived", "formula"} }
	exprs := make(map[int]*Expr)
	for i := range ds.Figures {
		f := &ds.Figures[i]
		if f.Derived == nil || strings.TrimSpace(f.Derived.Formula) == "" {
			continue
		}
		e, err := ParseFormula(f.Derived.Formula)
		if err != nil {
			d.addAt(formula(i), "%v", err)
			continue
		}
		ok := true
		for _, r := range e.Refs() {
			if _, known := ds.figByID[r]; !known {
				d.addAt(formula(i), "formula names unknown figure %q", r)
				ok = false
			}
		}
		if ok {
			exprs[i] = e
		}
	}

	const (
		visiting = 1
		done     = 2
		failed   = 3
	)
	state := make(map[int]int)
	var stack []int
	var visit func(i int) bool
	visit = func(i int) bool {
		f := &ds.Figures[i]
		if f.Derived == nil {
			return f.Value != nil
		}
		switch state[i] {
		case visiting:
			var ids []string
			for k := slices.Index(stack, i); k < len(stack); k++ {
				ids = append(ids, ds.Figures[stack[k]].ID)
			}
			ids = append(ids, f.ID)
			d.addAt(formula(i), "formula cycle: %s", strings.Join(ids, " -> "))
			state[i] = failed
			return false
		case done:
			return true
		case failed:
			return false
		}
		e := exprs[i]
		if e == nil {
			state[i] = failed
			return false
		}
		state[i] = visiting
		stack = append(stack, i)
		defer func() { stack = stack[:len(stack)-1] }()
		for _, r := range e.Refs() {
			if !visit(ds.figByID[r]) {
				if state[i] == visiting {
					state[i] = failed
				}
				return false
			}
		}
		if state[i] != visiting { // reported as part of a cycle meanwhile
			return false
		}
		v, err := e.Eval(func(ref string) (float64, bool) {
			j, ok := ds.figByID[ref]
			return ds.Figures[j].V(), ok
		})
		if err != nil {
			d.addAt(formula(i), "%v", err)
			state[i] = failed
			return false
		}
		v = cleanSum(e, v, ds)
		switch {
		case v < 0:
			d.addAt(formula(i), "result %s is negative; values must be >= 0", strconv.FormatFloat(v, 'g', -1, 64))
		case v > MaxNumber:
			d.addAt(formula(i), "result %s is too large (the limit is 1e15)", strconv.FormatFloat(v, 'g', -1, 64))
		default:
			if v == 0 {
				v = 0
			}
			f.Value = &v
			state[i] = done
			return true
		}
		state[i] = failed
		return false
	}
	for i := range ds.Figures {
		if ds.Figures[i].Derived != nil {
			visit(i)
		}
	}
}

// article reads the article and checks that every source sentence and
// note quote occurs in it, ignoring white space.
func (d *decoder) article(ds *Dataset, readArticle func(string) ([]byte, error)) {
	p := path{"meta", "article"}
	a, err := readArticle(ds.Meta.Article)
	if err != nil {
		d.addAt(p, "cannot read article %q: %v", ds.Meta.Article, err)
		return
	}
	if off := firstInvalidUTF8(a); off >= 0 {
		line, col := lineCol(a, off)
		d.addAt(p, "article %q is not valid UTF-8 (at its %d:%d)", ds.Meta.Article, line, col)
		return
	}
	// The article's bytes are the dataset's now (see Parse): no copy.
	ds.Article = unsafe.String(unsafe.SliceData(a), len(a))
	folded := newFinder(foldValid(ds.Article))
	// Many things quote the same sentence: each is looked up once.
	found := make(map[string]bool)
	in := func(s string) bool {
		ok, seen := found[s]
		if !seen {
			ok = folded.contains(foldValid(s))
			found[s] = ok
		}
		return ok
	}
	for i, f := range ds.Figures {
		if !isBlank(f.Source) && !in(f.Source) {
			d.addAt(path{"figures", i, "source"}, "source sentence not found in article")
		}
	}
	for i, pr := range ds.Projects {
		if !isBlank(pr.Source) && !in(pr.Source) {
			d.addAt(path{"projects", i, "source"}, "source sentence not found in article")
		}
	}
	for i, s := range ds.Structures {
		if !isBlank(s.Source) && !in(s.Source) {
			d.addAt(path{"structures", i, "source"}, "source sentence not found in article")
		}
	}
	for i, n := range ds.Notes {
		if !isBlank(n.Quote) && !in(n.Quote) {
			d.addAt(path{"notes", i, "quote"}, "quote not found in article")
		}
	}
}

// cleanSum removes binary floating-point noise from a formula of only + and
// -: 44.4 - 15.7 is 28.7, not 28.700000000000003. The result keeps as many
// decimals as its most precise operand, so nothing is rounded away.
func cleanSum(e *Expr, v float64, ds *Dataset) float64 {
	dec, ok := sumDecimals(e, ds)
	if !ok || dec > 15 {
		return v
	}
	p := math.Pow10(dec)
	r := math.Round(v*p) / p
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}

func sumDecimals(e *Expr, ds *Dataset) (int, bool) {
	if e.op == 0 {
		v := e.num
		if e.ref != "" {
			v = ds.Figures[ds.figByID[e.ref]].V()
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if i := strings.IndexByte(s, '.'); i >= 0 {
			return len(s) - i - 1, true
		}
		return 0, true
	}
	if e.op != '+' && e.op != '-' {
		return 0, false
	}
	l, ok1 := sumDecimals(e.left, ds)
	r, ok2 := sumDecimals(e.right, ds)
	return max(l, r), ok1 && ok2
}

// foldValid is Fold for valid UTF-8 (which the article and every string
// of a dataset are): it removes the white space (unicode.IsSpace) of s,
// copying runs of other bytes at once, and returns s itself when it has
// none.
func foldValid(s string) string {
	var b []byte
	last := 0 // start of the run not yet copied
	for i := 0; i < len(s); {
		c, n := s[i], 1
		space := false
		switch {
		case c < utf8.RuneSelf:
			space = c == ' ' || c >= '\t' && c <= '\r'
		case c == 0xC2 || c >= 0xE1 && c <= 0xE3: // where the other spaces are
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		case c >= 0xF0:
			n = 4
		case c >= 0xE0:
			n = 3
		default:
			n = 2
		}
		if space {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:i]...)
			last = i + n
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// finder finds strings in a text by looking for the rarest byte of each.
type finder struct {
	text  string
	count [256]int // how often each byte occurs in text
}

func newFinder(text string) *finder {
	f := &finder{text: text}
	for i := 0; i < len(text); i++ {
		f.count[text[i]]++
	}
	return f
}

// contains reports whether q occurs in the text, as strings.Contains.
func (f *finder) contains(q string) bool {
	t := f.text
	if len(q) == 0 {
		return true
	}
	if len(q) > len(t) {
		return false
	}
	k := 0 // the rarest byte of q, at q[k]
	for i := 1; i < len(q); i++ {
		if f.count[q[i]] < f.count[q[k]] {
			k = i
		}
	}
	if f.count[q[k]] == 0 {
		return false
	}
	c, end := q[k], len(t)-len(q)+k+1 // q[k] can be at t[k:end]
	for i := k; i < end; i++ {
		j := strings.IndexByte(t[i:end], c)
		if j < 0 {
			return false
		}
		i += j
		if t[i-k:i-k+len(q)] == q {
			return true
		}
	}
	return false
}
