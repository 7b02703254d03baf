package views

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// FormatNumber writes v as the article would: exact decimals, 万 for round
// ten-thousands in Chinese, thousands separators in English. Derived
// quotients, which have no exact decimal form, show two decimals.
func FormatNumber(f *data.Figure, l data.Lang) string {
	v := f.V()
	if f.IsDerived() && v != math.Trunc(v*10)/10 {
		return "≈" + strconv.FormatFloat(v, 'f', 2, 64)
	}
	if l == data.ZH && v >= 10000 {
		w := v / 10000
		if s := strconv.FormatFloat(w, 'f', -1, 64); len(s) <= 6 {
			return s + "万"
		}
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if l == data.EN && v >= 10000 {
		s = thousands(s)
	}
	return s
}

func thousands(s string) string {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + frac
}

// FormatValue is the number with its unit ("44.4%", "103亿元",
// "103 × 100 million yuan") or, for a rank, the position in its scope.
func FormatValue(f *data.Figure, l data.Lang) string {
	n := FormatNumber(f, l)
	if f.Rank != nil {
		if l == data.ZH {
			return f.Rank.Scope.ZH + "第" + n
		}
		return "No. " + n + ", " + f.Rank.Scope.EN
	}
	u := f.Unit.In(l)
	switch {
	case u == "%" || l == data.ZH:
		return n + u
	case u != "" && u[0] >= '0' && u[0] <= '9':
		return n + " × " + u
	default:
		return n + " " + u
	}
}

// UnitLabel is the unit of a chart for its title: "(亿元)", "(%)". A
// chart holds one unit (its English names agree); Chinese may name it
// with different measure words, which are all shown: "(个/项)".
func UnitLabel(figs []*data.Figure, l data.Lang) string {
	var us []string
	for _, f := range figs {
		if u := f.Unit.In(l); !slices.Contains(us, u) {
			us = append(us, u)
		}
	}
	return "(" + strings.Join(us, "/") + ")"
}
