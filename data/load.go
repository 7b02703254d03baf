package data

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:embed macun.json source/*.txt
var embedded embed.FS

// DefaultFile is the name of the embedded dataset in messages.
const DefaultFile = "macun.json"

var (
	defaultOnce sync.Once
	defaultDS   *Dataset
)

// Default returns the embedded dataset. It panics if the embedded file is
// invalid, which the tests rule out.
func Default() *Dataset {
	defaultOnce.Do(func() {
		b, err := embedded.ReadFile(DefaultFile)
		if err == nil {
			defaultDS, err = Parse(DefaultFile, b, func(p string) ([]byte, error) { return embedded.ReadFile(p) })
		}
		if err != nil {
			panic("embedded dataset: " + err.Error())
		}
	})
	return defaultDS
}

// Load decodes a dataset from r without an article.
func Load(r io.Reader) (*Dataset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse("<input>", b, nil)
}

// Parse decodes and validates a dataset. readArticle, when not nil, reads
// the article the dataset names (a path relative to the dataset file).
func Parse(name string, b []byte, readArticle func(string) ([]byte, error)) (*Dataset, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ds Dataset
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if ds.Meta.Article != "" && readArticle != nil {
		a, err := readArticle(ds.Meta.Article)
		if err != nil {
			return nil, fmt.Errorf("%s: article: %v", name, err)
		}
		ds.Article = string(a)
	}
	if err := ds.index(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if err := ds.derive(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return &ds, nil
}

func (ds *Dataset) index() error {
	ds.figByID = make(map[string]int, len(ds.Figures))
	for i, f := range ds.Figures {
		if _, dup := ds.figByID[f.ID]; dup {
			return fmt.Errorf("duplicate figure id %q", f.ID)
		}
		ds.figByID[f.ID] = i
	}
	ds.noteByID = make(map[string]int, len(ds.Notes))
	for i, n := range ds.Notes {
		ds.noteByID[n.ID] = i
	}
	return nil
}

// derive computes every derived figure from its formula, in dependency
// order; a cycle or an unknown id is an error.
func (ds *Dataset) derive() error {
	state := make(map[string]int) // 1 visiting, 2 done
	var visit func(id string) (float64, error)
	visit = func(id string) (float64, error) {
		i, ok := ds.figByID[id]
		if !ok {
			return 0, fmt.Errorf("unknown figure %q", id)
		}
		f := &ds.Figures[i]
		if f.Derived == nil || state[id] == 2 {
			return f.V(), nil
		}
		if state[id] == 1 {
			return 0, fmt.Errorf("figure %q: formula refers to itself", id)
		}
		state[id] = 1
		e, err := ParseFormula(f.Derived.Formula)
		if err != nil {
			return 0, fmt.Errorf("figure %q: %v", id, err)
		}
		v, err := e.Eval(func(ref string) (float64, bool) {
			if _, ok := ds.figByID[ref]; !ok {
				return 0, false
			}
			x, err2 := visit(ref)
			if err2 != nil {
				err = err2
			}
			return x, true
		})
		if err != nil {
			return 0, fmt.Errorf("figure %q: %v", id, err)
		}
		v = cleanSum(e, v, ds)
		f.Value = &v
		state[id] = 2
		return v, nil
	}
	for _, f := range ds.Figures {
		if f.Derived != nil {
			if _, err := visit(f.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// cleanSum removes binary floating-point noise from a formula of only + and
// -: 44.4 - 15.7 is 28.7, not 28.700000000000003. The result keeps as many
// decimals as its most precise operand, so nothing is rounded away.
func cleanSum(e *Expr, v float64, ds *Dataset) float64 {
	dec, ok := sumDecimals(e, ds)
	if !ok {
		return v
	}
	p := math.Pow10(dec)
	return math.Round(v*p) / p
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
