package data

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/macun-tui/macun-tui/internal/termtext"
)

// MaxNumber is the largest number a dataset may hold; anything larger is
// taken for a typing slip.
const MaxNumber = 1e15

// The values of the closed lists, for the checks.
var (
	charts = []string{ChartBar, ChartShare, ChartPair, ChartChange, ChartRank, ChartTiles, ChartPipeline, ChartNone}
	tabIDs = TabIDs()
	bases  = []string{"stated", "inferred"}
	// wonWords: a source that says an honour was won has one of them.
	wonWords = []string{"荣获", "获得", "称号"}
	// numberWords: a translation may spell out one to nine.
	numberWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	yearRE      = regexp.MustCompile(`(19|20)[0-9][0-9]`)
)

// checker runs the rules over the values of a decoded dataset and records
// each problem at the JSON Pointer of its value.
type checker struct {
	ds      *Dataset
	article bool // the article will be read: keep lookups
	probs   []ptrProblem
	full    bool                  // more problems were found than recorded
	lookups []lookup              // what must be in the article
	trans   map[string]translated // the first translation of each source
}

// lookup is a string that must occur in the article: where it is, what it
// is, and the notes of its record, one of which must explain why it occurs
// more than once (any may for a note's own quote).
type lookup struct {
	p, s, what string
	notes      []string
	repeatOK   bool
}

// translated is where a source sentence is first translated, and how.
type translated struct{ p, text string }

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
	// A problem ifGiven of a member the file never names is none: it need
	// not be looked for (which reads the whole file).
	c.probs = slices.DeleteFunc(c.probs, func(p ptrProblem) bool {
		return p.ifGiven && !bytes.Contains(b, []byte(strconv.Quote(jsontext.Pointer(p.ptr).LastToken())))
	})
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

// listTab checks the tab of a programme or structure, which may be left
// out (the first tab lists it).
func (c *checker) listTab(tab, p string) {
	if tab != "" {
		c.oneOf(tab, tabIDs, "tab", p, "/tab")
	}
}

// num writes a number as a file would: 3e16, not 3e+16.
func num(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), "e+", "e", 1) }

// each checks every element of a list at p.
func each[T any](list []T, p string, check func(*T, string)) {
	for i := range list {
		check(&list[i], elem(p, i))
	}
}

// optLine checks an optional string: absent (or empty) is fine, given it
// must be a line of text.
func (c *checker) optLine(s, p, f string) bool { return s != "" && c.line(s, p, f) }

// containsAny reports whether s holds one of the words.
func containsAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// inSource reports whether s is in a source sentence (white space aside);
// an empty source is told elsewhere and holds everything.
func inSource(s, src string) bool {
	return strings.TrimSpace(src) == "" || strings.Contains(Fold(src), Fold(s))
}

// dataset checks everything: each value, then the references between
// them, the formulas and the article.
func (c *checker) dataset(readArticle func(string) ([]byte, error)) {
	ds := c.ds
	c.trans = map[string]translated{}
	switch ds.Schema {
	case SchemaVersion:
	case 1:
		c.add("/schema", "schema 1 is no longer read; see docs/schema.md for the changes")
	default:
		c.add("/schema", "unsupported schema version %d (this program reads schema %d)", ds.Schema, SchemaVersion)
	}
	m := &ds.Meta
	c.text(&m.Title, "/meta", "/title")
	c.text(&m.Region, "/meta", "/region")
	c.text(&m.Source, "/meta", "/source")
	for i, t := range []*Text{m.Headline, m.Byline, m.Credits} {
		f := []string{"headline", "byline", "credits"}[i]
		c.text(t, "/meta", "/"+f)
		if t != nil { // the article's own words
			c.lookups = append(c.lookups, lookup{p: "/meta/" + f + "/zh", s: t.ZH, what: f})
		}
	}
	if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
		c.add("/meta/date", "want the article's date as YYYY-MM-DD, got %q", m.Date)
	}
	for k, n := range m.Captions {
		if n < 1 {
			c.add(elem("/meta/captions", k), "want a paragraph number >= 1, got %d", n)
		}
	}
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
	c.article = article && readArticle != nil
	if len(ds.Groups) == 0 {
		c.add("/groups", "must list at least one group")
	}
	if len(ds.Figures) == 0 {
		c.add("/figures", "must list at least one figure")
	}
	each(ds.Groups, "/groups", c.group)
	each(ds.Figures, "/figures", c.figure)
	each(ds.Projects, "/projects", c.project)
	each(ds.Honours, "/honours", c.honour)
	each(ds.Claims, "/claims", c.claim)
	each(ds.Programs, "/programs", c.program)
	each(ds.Structures, "/structures", c.structure)
	each(ds.Notes, "/notes", func(n *Note, p string) {
		c.id(n.ID, p)
		c.oneOf(n.Kind, noteKinds.ids(), "note kind", p, "/kind")
		c.text(&n.Text, p, "/text")
		if c.line(n.Quote, p, "/quote") {
			c.lookups = append(c.lookups, lookup{p: p + "/quote", s: n.Quote, what: "quote", repeatOK: true})
		}
	})
	c.references()
	c.derive()
	if c.article {
		c.readArticle(readArticle)
	}
}

// quote checks the evidence of a record: a source sentence, to be found in
// the article, and its translation, the same wherever the sentence is.
func (c *checker) quote(q *Quote, p string, notes []string) {
	if c.line(q.Source, p, "/source") && c.article {
		c.lookups = append(c.lookups, lookup{p: p + "/source", s: q.Source, what: "source sentence", notes: notes})
	}
	if !c.line(q.Translation, p, "/translation") || strings.TrimSpace(q.Source) == "" {
		return
	}
	if t, ok := c.trans[q.Source]; !ok {
		c.trans[q.Source] = translated{p + "/translation", q.Translation}
	} else if t.text != q.Translation {
		c.put(ptrProblem{ptr: p + "/translation", msg: "the same source sentence is translated differently", first: t.p})
	}
}

// evidence checks a status or a bound: its kind, and a cue that is words
// of the source and holds one of the kind's words.
func (c *checker) evidence(s *Status, kinds enum, what, src, p string) {
	if s == nil {
		return
	}
	c.oneOf(s.Kind, kinds.ids(), what, p, "/kind")
	if !c.line(s.Cue, p, "/cue") {
		return
	}
	if w := kinds.get(s.Kind).words; !inSource(s.Cue, src) {
		c.add(p+"/cue", "%q is not in the source sentence", s.Cue)
	} else if w != nil && !containsAny(s.Cue, w) {
		c.add(p+"/cue", "%q does not say %s %s (want one of: %s)", s.Cue, what, s.Kind, strings.Join(w, " "))
	}
}

// period checks a period: stated, it is in its cue, years and all;
// inferred, its rule reads the cue (which names no year) and gives the
// year it names.
func (c *checker) period(pe *Period, src, p string) {
	if pe == nil {
		return
	}
	c.text(&pe.Text, p, "")
	c.oneOf(pe.Basis, bases, "period basis", p, "/basis")
	if !c.line(pe.Cue, p, "/cue") {
		return
	}
	if !inSource(pe.Cue, src) {
		c.add(p+"/cue", "%q is not in the source sentence", pe.Cue)
		return
	}
	switch r := periodRules.get(pe.Rule); pe.Basis {
	case "stated":
		if pe.Rule != "" {
			c.add(p+"/rule", "a stated period has no rule")
		}
		for _, y := range yearRE.FindAllString(pe.ZH+pe.EN, -1) {
			if !strings.Contains(pe.Cue, y) {
				c.add(p, "names %s, which its cue %q does not: a year from the article's date is inferred", y, pe.Cue)
				break
			}
		}
	case "inferred":
		want := strconv.Itoa(c.ds.Year() + ruleYear[r.id])
		switch {
		case r.id == "":
			c.oneOf(pe.Rule, periodRules.ids(), "period rule", p, "/rule")
		case yearRE.MatchString(pe.Cue):
			c.add(p+"/cue", "%q names a year: the period is stated, not inferred", pe.Cue)
		case !containsAny(pe.Cue, r.words):
			c.add(p+"/cue", "%q is not what rule %q reads (%s)", pe.Cue, r.id, strings.Join(r.words, " "))
		case c.ds.Year() > 0 && !(strings.Contains(pe.ZH, want) && strings.Contains(pe.EN, want)):
			c.add(p, "rule %q gives %s, which the period does not name in both languages", r.id, want)
		}
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
	c.oneOf(f.Measure, measures.ids(), "measure", p, "/measure")
	c.text(&f.Label, p, "/label")
	c.text(&f.Short, p, "/short")
	c.text(&f.Unit, p, "/unit")
	c.text(f.Comparison, p, "/comparison")
	if f.Rank != nil {
		c.text(&f.Rank.Scope, p, "/rank/scope")
	}
	c.quote(&f.Quote, p, f.Notes)
	c.refs(f.Notes, p, "/notes")
	c.evidence(f.Status, statusKinds, "status", f.Source, p+"/status")
	c.evidence(f.Bound, boundKinds, "bound", f.Source, p+"/bound")
	c.period(f.Period, f.Source, p+"/period")
	switch allowed := measures.get(f.Measure).words; {
	case f.Measure == "": // told already
	case f.Measure == "rank" && f.Rank == nil:
		c.add(p+"/rank", `a figure of measure "rank" needs "rank"`)
	case f.Measure != "rank" && f.Rank != nil:
		c.add(p+"/measure", `a ranked figure has measure "rank"`)
	case allowed == nil && f.Base != "":
		c.add(p+"/base", "a %s figure has no base unit", f.Measure)
	case allowed != nil && !slices.Contains(allowed, f.Base):
		c.add(p+"/base", "a %s figure needs the base unit %s", f.Measure, strings.Join(allowed, " or "))
	}
	if k, en := scaleOf(f.Unit); k > 0 && !strings.HasPrefix(f.Unit.EN, en) {
		c.add(p+"/unit/en", "unit.zh %q counts in %s: start unit.en with %q", f.Unit.ZH, strings.TrimSpace(en), en)
	}
	if d := f.Derived; d != nil {
		c.line(d.Formula, p, "/derived/formula")
		c.text(&d.Caveat, p, "/derived/caveat")
		if d.Decimals == nil || *d.Decimals < 0 || *d.Decimals > 15 {
			c.add(p+"/derived/decimals", "want a whole number from 0 to 15")
		}
	}
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
	default:
		if v == 0 {
			*f.Value = 0 // not -0
		}
		if f.Derived == nil {
			c.quoted(f, p)
		}
	}
}

// quoted checks that a quoted figure's number is in its source as the
// article writes it (103亿, 44.4%, 2406名, 全市城区第一) and in its
// translation as the English display gives it (10.3 billion, 2,406,
// first; one to nine may be words).
func (c *checker) quoted(f *Figure, p string) {
	before, n, after := f.amount(ZH)
	if k, _ := scaleOf(f.Unit); k > 0 {
		after = string([]rune(f.Unit.ZH)[0])
	}
	if tok := before + n + after; !inSource(tok, f.Source) && (f.Rank == nil || !inSource(before+"第"+f.written(), f.Source)) {
		c.add(p+"/value", "%s is not in the source sentence", tok)
	}
	_, en, _ := f.amount(EN)
	forms := []string{en}
	if i, err := strconv.Atoi(en); err == nil && i >= 1 && i <= 9 {
		forms = append(forms, numberWords[i])
	}
	if !slices.ContainsFunc(forms, func(w string) bool { return hasNumber(f.Translation, w) }) && strings.TrimSpace(f.Translation) != "" {
		c.add(p+"/translation", "does not give the figure as %q", en)
	}
}

// hasNumber reports whether the words of n (a number, or a number and a
// word: "10.3 billion") occur in s as whole words: "35" is not in "135" or
// "35.5", "two" not in "twofold".
func hasNumber(s, n string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '.' || r == ',')
	})
	for i, w := range words {
		words[i] = strings.TrimRight(w, ".,")
	}
	return strings.Contains(" "+strings.Join(words, " ")+" ", " "+n+" ")
}

func (c *checker) project(pr *Project, p string) {
	c.id(pr.ID, p)
	c.oneOf(pr.Category, categories.ids(), "category", p, "/category")
	c.text(&pr.Name, p, "/name")
	c.text(&pr.Short, p, "/short")
	for k := range pr.Programs {
		r, rp := &pr.Programs[k], elem(p+"/programs", k)
		c.line(r.ID, rp, "/id")
		c.quote(&r.Quote, rp, pr.Notes)
	}
	c.refs(pr.Figures, p, "/figures")
	for k := range pr.Milestones {
		m, mp := &pr.Milestones[k], elem(p+"/milestones", k)
		c.text(&m.Label, mp, "/label")
		c.evidence(&m.Status, statusKinds, "status", m.Source, mp+"/status")
		c.period(m.Period, m.Source, mp+"/period")
		c.quote(&m.Quote, mp, pr.Notes)
	}
	c.quote(&pr.Quote, p, pr.Notes)
	c.refs(pr.Notes, p, "/notes")
}

// level checks the level of government of an honour or programme: the
// source must say it.
func (c *checker) level(id, src, p string) {
	c.oneOf(id, levels.ids(), "level", p, "/level")
	if w := levels.get(id).words; w != nil && !containsAny(src, w) {
		c.add(p+"/level", "the source sentence does not say %s (%s)", id, strings.Join(w, " "))
	}
}

func (c *checker) honour(h *Honour, p string) {
	c.id(h.ID, p)
	c.level(h.Level, h.Source, p)
	c.oneOf(h.Tab, tabIDs, "tab", p, "/tab")
	c.text(&h.Title, p, "/title")
	c.text(&h.Short, p, "/short")
	c.refs(h.Figures, p, "/figures")
	c.refs(h.Programs, p, "/programs")
	c.quote(&h.Quote, p, h.Notes)
	c.refs(h.Notes, p, "/notes")
	switch {
	case !inSource(h.Title.ZH, h.Source):
		c.add(p+"/title/zh", "the title is not in the source sentence")
	case h.AmongOthers && !inSource(h.Title.ZH+"等", h.Source):
		c.add(p+"/among_others", "the source sentence does not name it among others (%s等)", h.Title.ZH)
	case strings.TrimSpace(h.Source) != "" && !containsAny(h.Source, wonWords):
		c.add(p+"/source", "does not say that the title was won (%s)", strings.Join(wonWords, " "))
	}
}

func (c *checker) claim(cl *Claim, p string) {
	c.id(cl.ID, p)
	c.oneOf(cl.Kind, claimKinds.ids(), "claim kind", p, "/kind")
	c.oneOf(cl.Tab, tabIDs, "tab", p, "/tab")
	c.text(cl.AttributedTo, p, "/attributed_to")
	c.text(&cl.Label, p, "/label")
	c.text(&cl.Short, p, "/short")
	c.evidence(cl.Status, statusKinds, "status", cl.Source, p+"/status")
	c.period(cl.Period, cl.Source, p+"/period")
	c.refs(cl.Projects, p, "/projects")
	c.refs(cl.Programs, p, "/programs")
	c.refs(cl.Figures, p, "/figures")
	c.refs(cl.Notes, p, "/notes")
	c.quote(&cl.Quote, p, cl.Notes)
	if w := claimKinds.get(cl.Kind).words; w != nil && strings.TrimSpace(cl.Source) != "" && !containsAny(cl.Source, w) {
		c.add(p+"/kind", "the source sentence does not say %s (%s)", cl.Kind, strings.Join(w, " "))
	}
	switch {
	case cl.Kind != "attributed":
	case cl.AttributedTo == nil:
		c.add(p+"/attributed_to", "an attributed claim names who says it")
	case !inSource(cl.AttributedTo.ZH, cl.Source):
		c.add(p+"/attributed_to/zh", "is not in the source sentence")
	}
}

func (c *checker) program(g *Program, p string) {
	c.id(g.ID, p)
	c.oneOf(g.Kind, programKinds.ids(), "programme kind", p, "/kind")
	c.listTab(g.Tab, p)
	if c.optLine(g.Level, p, "/level") {
		c.level(g.Level, g.Source, p)
	}
	c.text(&g.Name, p, "/name")
	c.text(&g.Short, p, "/short")
	c.text(&g.Gloss, p, "/gloss")
	c.optLine(g.GlossSource, p, "/gloss_source")
	c.evidence(g.Status, statusKinds, "status", g.Source, p+"/status")
	c.period(g.Period, g.Source, p+"/period")
	for k := range g.Also {
		c.quote(&g.Also[k], elem(p+"/also", k), g.Notes)
	}
	c.quote(&g.Quote, p, g.Notes)
	c.refs(g.Notes, p, "/notes")
	if !inSource(strings.Trim(g.Name.ZH, "“”"), g.Source) {
		c.add(p+"/name/zh", "the name is not in the source sentence")
	}
}

func (c *checker) structure(s *Structure, p string) {
	c.id(s.ID, p)
	c.listTab(s.Tab, p)
	c.text(&s.Name, p, "/name")
	c.text(s.Gloss, p, "/gloss")
	if s.Declared != nil && *s.Declared < 1 {
		c.add(p+"/declared", "want a whole number >= 1, got %d", *s.Declared)
	}
	if len(s.Items) == 0 {
		c.add(p+"/items", "must list at least one item")
	}
	for k := range s.Items {
		it, ip := &s.Items[k], elem(p+"/items", k)
		c.text(&it.Text, ip, "")
		src := s.Source
		if it.Source != "" {
			src = it.Source
			if c.line(it.Source, ip, "/source") && c.article {
				c.lookups = append(c.lookups, lookup{p: ip + "/source", s: it.Source, what: "source sentence"})
			}
		}
		if !inSource(it.ZH, src) {
			c.add(ip+"/zh", "the item is not in its source sentence")
		}
	}
	c.quote(&s.Quote, p, s.Notes)
	c.refs(s.Notes, p, "/notes")
	if s.Declared != nil && *s.Declared >= 1 && len(s.Items) > 0 && *s.Declared != len(s.Items) && len(s.Notes) == 0 {
		c.add(p+"/declared", "declares %d items but lists %d; add a note that explains the difference", *s.Declared, len(s.Items))
	}
}

// references checks what relates parts of the dataset: unique ids, the
// figures of groups (and what a chart may compare), the ids records name
// and the notes of everything.
func (c *checker) references() {
	ds := c.ds
	ds.figByID = unique(c, "/figures", "figure", ds.Figures, func(f Figure) string { return f.ID })
	ds.noteByID = unique(c, "/notes", "note", ds.Notes, func(n Note) string { return n.ID })
	ds.progByID = unique(c, "/programs", "programme", ds.Programs, func(g Program) string { return g.ID })
	projByID := unique(c, "/projects", "project", ds.Projects, func(p Project) string { return p.ID })
	unique(c, "/groups", "group", ds.Groups, func(g Group) string { return g.ID })
	unique(c, "/honours", "honour", ds.Honours, func(h Honour) string { return h.ID })
	unique(c, "/claims", "claim", ds.Claims, func(cl Claim) string { return cl.ID })
	unique(c, "/structures", "structure", ds.Structures, func(s Structure) string { return s.ID })

	listed := make(map[string]bool, len(ds.Figures))
	onCard := map[string]bool{}
	for _, pr := range ds.Projects {
		for _, id := range pr.Figures {
			onCard[id] = true
		}
	}
	for gi, g := range ds.Groups {
		seen := make(map[string]bool)
		var figs []*Figure
		var ptrs []string
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
			figs, ptrs = append(figs, &ds.Figures[i]), append(ptrs, p)
		}
		c.form(&ds.Groups[gi], figs, ptrs, elem("/groups", gi), onCard)
	}
	for i, f := range ds.Figures {
		if f.ID != "" && !listed[f.ID] {
			c.add(elem("/figures", i)+"/id", "figure %q is not listed in any group", f.ID)
		}
		c.noteRefs(f.Notes, elem("/figures", i))
	}
	for i, pr := range ds.Projects {
		p := elem("/projects", i)
		c.known(pr.Figures, p+"/figures", "figure", ds.figByID)
		for k, r := range pr.Programs {
			rp := elem(p+"/programs", k)
			j, ok := ds.progByID[r.ID]
			if !ok {
				if r.ID != "" {
					c.add(rp+"/id", "unknown programme %q", r.ID)
				}
				continue
			}
			if name := strings.TrimLeft(ds.Programs[j].Name.ZH, "省市"); !inSource(name, r.Source) {
				c.add(rp+"/source", "the sentence does not name programme %q (%s)", r.ID, name)
			}
		}
		c.noteRefs(pr.Notes, p)
		if len(pr.Milestones) == 0 && !c.hasNote(pr.Notes, "unstated", "ambiguous") {
			c.add(p, "has no milestones: add a note of kind unstated or ambiguous that says why no status is given")
		}
	}
	for i, h := range ds.Honours {
		p := elem("/honours", i)
		c.known(h.Figures, p+"/figures", "figure", ds.figByID)
		c.known(h.Programs, p+"/programs", "programme", ds.progByID)
		c.noteRefs(h.Notes, p)
	}
	for i, cl := range ds.Claims {
		p := elem("/claims", i)
		c.known(cl.Figures, p+"/figures", "figure", ds.figByID)
		c.known(cl.Programs, p+"/programs", "programme", ds.progByID)
		c.known(cl.Projects, p+"/projects", "project", projByID)
		c.noteRefs(cl.Notes, p)
	}
	for i, g := range ds.Programs {
		c.noteRefs(g.Notes, elem("/programs", i))
	}
	for i, s := range ds.Structures {
		c.noteRefs(s.Notes, elem("/structures", i))
	}
}

// form checks that the figures of a group can take the visual form its
// chart names: a chart compares one measure in one unit, and never what
// is expected beside what is reported; a rank is a position, shown only
// as one; a pair or change is a figure and what is derived from it.
// figs are the group's known figures, each at ptrs.
func (c *checker) form(g *Group, figs []*Figure, ptrs []string, p string, onCard map[string]bool) {
	for k, f := range figs {
		switch {
		case g.Chart == ChartRank && f.Rank == nil:
			c.add(ptrs[k], "figure %q has no \"rank\", but the group's chart is %q", f.ID, ChartRank)
		case f.Rank != nil && g.Chart != ChartRank && g.Chart != ChartTiles && g.Chart != ChartNone:
			c.add(ptrs[k], "figure %q is a rank, a position and not a quantity: a %q chart cannot show it; use %q or %q",
				f.ID, g.Chart, ChartRank, ChartTiles)
		case g.Chart == ChartShare && !f.IsShare():
			c.add(ptrs[k], "figure %q is %s in %q; a %q chart shows shares in %% on a scale of 0 to 100",
				f.ID, f.Measure, f.Unit.EN, ChartShare)
		case g.Chart == ChartPipeline && !onCard[f.ID]:
			c.add(ptrs[k], "figure %q is not among the figures of any project; a %q group shows each figure on its project's card",
				f.ID, ChartPipeline)
		}
	}
	switch g.Chart {
	case ChartBar, ChartShare, ChartTiles:
		for k, f := range figs[min(1, len(figs)):] {
			first := figs[0]
			switch {
			case g.Chart != ChartTiles && (f.Measure != first.Measure || f.Unit.EN != first.Unit.EN):
				c.add(ptrs[k+1], "figure %q is %s in %q but %q is %s in %q; a %s chart compares one measure in one unit",
					f.ID, f.Measure, f.Unit.EN, first.ID, first.Measure, first.Unit.EN, g.Chart)
			case f.Status.Forward() != first.Status.Forward():
				c.add(ptrs[k+1], "figure %q is %s but %q is %s; a %s group never puts what is expected beside what is reported",
					f.ID, c.ahead(f), first.ID, c.ahead(first), g.Chart)
			}
		}
	case ChartPair, ChartChange:
		c.pairForm(g, figs, ptrs, p)
	}
}

// pairForm checks a pair (a figure and the city average derived from it)
// or a change (a figure and its earlier level derived from it): the
// reported figure, the derived one in the same measure and unit, and,
// third if given, the gap the derived one is computed with; none looks
// ahead.
func (c *checker) pairForm(g *Group, figs []*Figure, ptrs []string, p string) {
	if len(figs) != len(g.Figures) {
		return // an unknown or repeated figure, told already
	}
	if len(figs) < 2 || len(figs) > 3 {
		c.add(p+"/figures", "a %q group lists a reported figure and the one derived from it, and may add the gap between them third; it lists %d",
			g.Chart, len(figs))
		return
	}
	refs := func(f *Figure) []string {
		if f.Derived == nil {
			return nil
		}
		e, err := ParseFormula(f.Derived.Formula)
		if err != nil {
			return nil // told at the formula
		}
		return e.Refs()
	}
	a, b := figs[0], figs[1]
	switch {
	case a.IsDerived():
		c.add(ptrs[0], "figure %q is derived; the first figure of a %q group is the reported one", a.ID, g.Chart)
	case !slices.Contains(refs(b), a.ID):
		c.add(ptrs[1], "figure %q is not derived from %q; the second figure of a %q group is computed from the first", b.ID, a.ID, g.Chart)
	case a.Measure != b.Measure || a.Unit.EN != b.Unit.EN:
		c.add(ptrs[1], "figure %q is %s in %q but %q is %s in %q; a %q group shows both on one scale",
			b.ID, b.Measure, b.Unit.EN, a.ID, a.Measure, a.Unit.EN, g.Chart)
	}
	if len(figs) == 3 && !slices.Contains(refs(b), figs[2].ID) {
		c.add(ptrs[2], "figure %q is not in the formula of %q; the third figure of a %q group is the gap it is computed with",
			figs[2].ID, b.ID, g.Chart)
	}
	for k, f := range figs {
		if f.Status.Forward() {
			c.add(ptrs[k], "figure %q is %s; a %q group compares what is reported", f.ID, c.ahead(f), g.Chart)
		}
	}
}

// ahead names whether a figure is forward-looking, for a message.
func (c *checker) ahead(f *Figure) string {
	if f.Status.Forward() {
		return StatusName(f.Status.Kind).EN
	}
	return "reported"
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

// known checks that the ids of a list at p are in idx.
func (c *checker) known(ids []string, p, what string, idx map[string]int) {
	for k, id := range ids {
		if _, ok := idx[id]; !ok && id != "" {
			c.add(elem(p, k), "unknown %s %q", what, id)
		}
	}
}

func (c *checker) noteRefs(ids []string, p string) { c.known(ids, p+"/notes", "note", c.ds.noteByID) }

// hasNote reports whether one of the notes is of one of the kinds.
func (c *checker) hasNote(ids []string, kinds ...string) bool {
	return slices.ContainsFunc(ids, func(id string) bool {
		i, ok := c.ds.noteByID[id]
		return ok && slices.Contains(kinds, c.ds.Notes[i].Kind)
	})
}

// places is the number of decimals a figure has: as written, or as
// derived.
func places(f *Figure) int {
	if f.Derived != nil && f.Derived.Decimals != nil {
		return *f.Derived.Decimals
	}
	_, frac, _ := strings.Cut(f.written(), ".")
	return len(frac)
}

// roundHalfAway rounds v >= 0 to d decimals, half away from zero, as the
// decimal it is written as (2.25 is 2.3, which float rounding makes 2.2).
func roundHalfAway(v float64, d int) float64 {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	scale := pow10(d)
	r.Add(r.Mul(r, new(big.Rat).SetInt(scale)), big.NewRat(1, 2))
	out, _ := new(big.Rat).SetFrac(new(big.Int).Quo(r.Num(), r.Denom()), scale).Float64()
	return out
}

// derive computes each derived figure from its formula, after the figures
// it uses, and rounds it to its decimals. A parse error, an unknown id, a
// cycle, a division by zero or a result out of range is a problem at the
// formula; a figure whose formula uses a figure with a problem is left
// without a value, and not told. A derived figure may not have more
// decimals than its operands, and holds for the period they hold for.
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
		fp := elem("/figures", i)
		p := fp + "/derived/formula"
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
			if d := f.Derived.Decimals; d != nil && *d >= 0 && *d <= 15 {
				v = roundHalfAway(v, *d)
			}
			f.Value, state[i] = &v, done
			c.operands(f, e.Refs(), fp)
		}
		return state[i] == done
	}
	for i := range ds.Figures {
		visit(i)
	}
}

// operands checks a derived figure against the figures it is computed
// from: no more decimals than the fewest of theirs, and their period.
func (c *checker) operands(f *Figure, refs []string, p string) {
	for _, r := range refs {
		g := &c.ds.Figures[c.ds.figByID[r]]
		if d := f.Derived.Decimals; d != nil && *d > places(g) {
			c.add(p+"/derived/decimals", "%d decimals is more than %s has (%d); a result is no more precise than its operands", *d, r, places(g))
			return
		}
		if !(f.Period == nil && g.Period == nil || f.Period != nil && g.Period != nil && *f.Period == *g.Period) {
			c.add(p+"/period", "differs from the period of %s, which it is computed from", r)
			return
		}
	}
}

// readArticle reads the article and checks that every source sentence, item
// source and note quote occurs in it, ignoring white space; that a
// sentence printed more than once has a note that says so; and that the
// caption paragraphs are paragraphs of it.
func (c *checker) readArticle(readArticle func(string) ([]byte, error)) {
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
	for _, l := range c.lookups {
		switch n := strings.Count(folded, Fold(l.s)); {
		case n == 0:
			c.add(l.p, "%s not found in article", l.what)
		case n > 1 && !l.repeatOK && !c.hasNote(l.notes, "duplicate", "layout"):
			c.add(l.p, "%s is printed %d times in the article; add a note of kind duplicate or layout that says so", l.what, n)
		}
	}
	paras := ds.Paragraphs()
	for k, n := range ds.Meta.Captions {
		if n > paras {
			c.add(elem("/meta/captions", k), "the article has %d paragraphs, not %d", paras, n)
		}
	}
}
