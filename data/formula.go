package data

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// Expr is a parsed derived-figure formula: figure ids, numbers,
// + - * / and parentheses.
type Expr struct {
	op          byte // + - * /, or 0 for a leaf: a figure id or a number
	left, right *Expr
	ref         string
	num         *big.Rat
	text        string // a number as written
}

// Limits of a formula.
const (
	MaxFormulaTokens = 256
	MaxFormulaDepth  = 64
	// maxNumberLen bounds the digits of a number, which are read exactly.
	maxNumberLen = 32
)

// ParseFormula parses a formula. Identifiers are figure ids: letters,
// digits, '-' inside a word and '_'; a '-' between spaces is subtraction.
// A formula has at most MaxFormulaTokens tokens and nests parentheses at
// most MaxFormulaDepth deep.
func ParseFormula(s string) (*Expr, error) {
	p := &parser{toks: tokenize(s)}
	switch {
	case len(p.toks) == 0:
		return nil, errors.New("empty formula")
	case len(p.toks) > MaxFormulaTokens:
		return nil, fmt.Errorf("formula is too long (more than %d tokens)", MaxFormulaTokens)
	}
	e, err := p.binary(1)
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %q in formula", p.toks[p.i])
	}
	if err != nil {
		return nil, err
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
			toks = append(toks, string(rs[i:max(j, i+1)]))
			i = max(j, i+1)
		}
	}
	return toks
}

type parser struct {
	toks     []string
	i, depth int
}

func (p *parser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

var precedence = map[string]int{"+": 1, "-": 1, "*": 2, "/": 2}

// binary parses operands joined by operators of at least precedence min,
// left to right.
func (p *parser) binary(min int) (*Expr, error) {
	l, err := p.operand()
	for err == nil && precedence[p.peek()] >= min {
		op := p.peek()
		p.i++
		var r *Expr
		if r, err = p.binary(precedence[op] + 1); err == nil {
			l = &Expr{op: op[0], left: l, right: r}
		}
	}
	return l, err
}

func (p *parser) operand() (*Expr, error) {
	t := p.peek()
	p.i++
	switch t {
	case "":
		return nil, errors.New("formula ends early")
	case "(":
		if p.depth++; p.depth > MaxFormulaDepth {
			return nil, fmt.Errorf("parentheses nest deeper than %d levels in formula", MaxFormulaDepth)
		}
		e, err := p.binary(1)
		if err == nil && p.peek() != ")" {
			err = errors.New("missing ')' in formula")
		}
		p.i++
		p.depth--
		return e, err
	case "+", "-", "*", "/", ")":
		return nil, fmt.Errorf("unexpected %q in formula", t)
	}
	if !isNumber(t) {
		return &Expr{ref: t}, nil
	}
	if !isDecimal(t) {
		return nil, fmt.Errorf("invalid number %q in formula (numbers are decimal: 100, 0.5)", t)
	}
	if len(t) > maxNumberLen {
		return nil, fmt.Errorf("number %.20s… in formula is longer than %d characters", t, maxNumberLen)
	}
	n, _ := new(big.Rat).SetString(t)
	return &Expr{num: n, text: t}, nil
}

// isNumber reports whether a token is meant as a number: it starts with a
// digit or a point, or it is a word strconv reads as one (NaN, Inf),
// which no id can be (ValidID).
func isNumber(t string) bool {
	if t[0] >= '0' && t[0] <= '9' || t[0] == '.' {
		return true
	}
	_, err := strconv.ParseFloat(t, 64)
	return err == nil
}

// isDecimal reports whether t is a decimal number: digits, and a point
// followed by digits if any.
func isDecimal(t string) bool {
	whole, frac, point := strings.Cut(t, ".")
	digits := func(s string) bool {
		return s != "" && strings.Trim(s, "0123456789") == ""
	}
	return digits(whole) && (!point || digits(frac))
}

// Refs returns the figure ids the formula uses, in order of appearance.
func (e *Expr) Refs() []string {
	switch {
	case e == nil || e.num != nil:
		return nil
	case e.op == 0:
		return []string{e.ref}
	}
	return append(e.left.Refs(), e.right.Refs()...)
}

// Format writes the formula with each figure id replaced by name(id) (the
// id itself where that is ""), the operators between spaces and the
// parentheses its reading needs: it replaces whole ids only, never part of
// one id or of an earlier replacement.
func (e *Expr) Format(name func(id string) string) string {
	switch {
	case e.num != nil:
		return e.text
	case e.op == 0:
		if s := name(e.ref); s != "" {
			return s
		}
		return e.ref
	}
	p := precedence[string(e.op)]
	l, r := e.left.Format(name), e.right.Format(name)
	if e.left.op != 0 && precedence[string(e.left.op)] < p {
		l = "(" + l + ")"
	}
	if e.right.op != 0 && precedence[string(e.right.op)] <= p {
		r = "(" + r + ")"
	}
	return l + " " + string(e.op) + " " + r
}

// Eval computes the formula with the values given by lookup. It computes
// exactly, with the numbers as they are written (44.4 - 15.7 is 28.7,
// not 28.700000000000003), and rounds once, at the end.
func (e *Expr) Eval(lookup func(id string) (float64, bool)) (float64, error) {
	r, err := e.eval(lookup)
	if err != nil {
		return 0, err
	}
	v, _ := r.Float64()
	if math.IsInf(v, 0) {
		return 0, errors.New("formula result is too large to be a number")
	}
	return v, nil
}

func (e *Expr) eval(lookup func(id string) (float64, bool)) (*big.Rat, error) {
	switch {
	case e.num != nil:
		return e.num, nil
	case e.op == 0:
		v, ok := lookup(e.ref)
		if !ok {
			return nil, fmt.Errorf("formula names unknown figure %q", e.ref)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("figure %q has no finite value (%v)", e.ref, v)
		}
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64)) // as written
		return r, nil
	}
	l, err := e.left.eval(lookup)
	if err != nil {
		return nil, err
	}
	r, err := e.right.eval(lookup)
	switch {
	case err != nil:
		return nil, err
	case e.op == '+':
		return new(big.Rat).Add(l, r), nil
	case e.op == '-':
		return new(big.Rat).Sub(l, r), nil
	case e.op == '*':
		return new(big.Rat).Mul(l, r), nil
	case r.Sign() == 0:
		return nil, errors.New("formula divides by zero")
	}
	return new(big.Rat).Quo(l, r), nil
}
