package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Expr is a parsed derived-figure formula: figure ids, numbers,
// + - * / and parentheses.
type Expr struct {
	op          byte // 0 for a leaf
	left, right *Expr
	ref         string
	num         float64
}

// Limits of a formula.
const (
	MaxFormulaTokens = 256
	MaxFormulaDepth  = 64
)

// ParseFormula parses a formula. Identifiers are figure ids: letters,
// digits, '-' inside a word and '_'; a '-' between spaces is subtraction.
// A formula has at most MaxFormulaTokens tokens and nests parentheses at
// most MaxFormulaDepth deep.
func ParseFormula(s string) (*Expr, error) {
	p := &parser{toks: tokenize(s)}
	if len(p.toks) == 0 {
		return nil, fmt.Errorf("empty formula")
	}
	if len(p.toks) > MaxFormulaTokens {
		return nil, fmt.Errorf("formula is too long (more than %d tokens)", MaxFormulaTokens)
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.i != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q in formula", p.toks[p.i])
	}
	return e, nil
}

func tokenize(s string) []string {
	var toks []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case strings.ContainsRune("+-*/()", r):
			toks = append(toks, string(r))
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune("+*/()", rs[j]) &&
				!(rs[j] == '-' && (j == i || j+1 >= len(rs) || unicode.IsSpace(rs[j+1]))) {
				j++
			}
			if j == i {
				j++
			}
			toks = append(toks, string(rs[i:j]))
			i = j
		}
	}
	return toks
}

type parser struct {
	toks  []string
	i     int
	depth int
}

func (p *parser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *parser) expr() (*Expr, error) {
	l, err := p.term()
	for err == nil && (p.peek() == "+" || p.peek() == "-") {
		op := p.toks[p.i][0]
		p.i++
		var r *Expr
		if r, err = p.term(); err == nil {
			l = &Expr{op: op, left: l, right: r}
		}
	}
	return l, err
}

func (p *parser) term() (*Expr, error) {
	l, err := p.factor()
	for err == nil && (p.peek() == "*" || p.peek() == "/") {
		op := p.toks[p.i][0]
		p.i++
		var r *Expr
		if r, err = p.factor(); err == nil {
			l = &Expr{op: op, left: l, right: r}
		}
	}
	return l, err
}

func (p *parser) factor() (*Expr, error) {
	t := p.peek()
	switch t {
	case "":
		return nil, fmt.Errorf("formula ends early")
	case "(":
		if p.depth++; p.depth > MaxFormulaDepth {
			return nil, fmt.Errorf("parentheses nest deeper than %d levels in formula", MaxFormulaDepth)
		}
		defer func() { p.depth-- }()
		p.i++
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("missing ')' in formula")
		}
		p.i++
		return e, nil
	case "+", "-", "*", "/", ")":
		return nil, fmt.Errorf("unexpected %q in formula", t)
	}
	p.i++
	if n, err := strconv.ParseFloat(t, 64); err == nil {
		return &Expr{num: n}, nil
	}
	return &Expr{ref: t}, nil
}

// Refs returns the figure ids the formula uses, in order of appearance.
func (e *Expr) Refs() []string {
	if e == nil {
		return nil
	}
	if e.op == 0 {
		if e.ref != "" {
			return []string{e.ref}
		}
		return nil
	}
	return append(e.left.Refs(), e.right.Refs()...)
}

// Eval computes the formula with the values given by lookup.
func (e *Expr) Eval(lookup func(id string) (float64, bool)) (float64, error) {
	if e.op == 0 {
		if e.ref == "" {
			return e.num, nil
		}
		v, ok := lookup(e.ref)
		if !ok {
			return 0, fmt.Errorf("formula names unknown figure %q", e.ref)
		}
		return v, nil
	}
	l, err := e.left.Eval(lookup)
	if err != nil {
		return 0, err
	}
	r, err := e.right.Eval(lookup)
	if err != nil {
		return 0, err
	}
	var v float64
	switch e.op {
	case '+':
		v = l + r
	case '-':
		v = l - r
	case '*':
		v = l * r
	case '/':
		if r == 0 {
			return 0, fmt.Errorf("formula divides by zero")
		}
		v = l / r
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("formula result is not a finite number")
	}
	return v, nil
}
