package data

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// scales are the units of the article that count in tens of thousands or
// hundreds of millions: the unit's Chinese starts with the character, its
// English with the words, and the value in base units is the article's
// shifted by k decimal places.
var scales = []struct {
	zh string
	k  int
	en string
}{{"亿", 8, "100 million "}, {"万", 4, "10,000 "}}

// scaleOf is the scale of a unit: its decimal shift and English prefix.
func scaleOf(u Text) (k int, en string) {
	for _, s := range scales {
		if strings.HasPrefix(u.ZH, s.zh) && len(u.ZH) > len(s.zh) {
			return s.k, s.en
		}
	}
	return 0, ""
}

// written is the figure's number as the article writes it ("5.1", "2406"),
// or, for a derived one, rounded to its decimals.
func (f *Figure) written() string {
	if f.Derived != nil && f.Derived.Decimals != nil {
		return strconv.FormatFloat(f.V(), 'f', *f.Derived.Decimals, 64)
	}
	return strconv.FormatFloat(f.V(), 'f', -1, 64)
}

// baseRat is the value in base units: the written number shifted by the
// unit's scale, exactly (5.1亿 is 510000000, which 5.1*1e8 in floating
// point is not).
func (f *Figure) baseRat() *big.Rat {
	r, ok := new(big.Rat).SetString(f.written())
	if !ok {
		return new(big.Rat)
	}
	k, _ := scaleOf(f.Unit)
	return r.Mul(r, new(big.Rat).SetInt(pow10(k)))
}

// pow10 is 10 to the power k >= 0, exactly.
func pow10(k int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }

// BaseValue is the value in Base units as a plain decimal without
// separators ("10300000000"), for a spreadsheet to sum; "" when the figure
// has no base unit.
func (f *Figure) BaseValue() string {
	if f.Base == "" {
		return ""
	}
	return decimal(f.baseRat())
}

// decimal writes a rational with a finite decimal expansion exactly,
// without trailing zeros.
func decimal(r *big.Rat) string {
	s := r.FloatString(30)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// Display is how the figure's value prints in l: the one formatter of the
// screen and every export. A reporter's form, converted by moving the
// decimal point, never by rounding:
//
//	rank      全市城区第一      first among the city's urban districts
//	share     44.4%            44.4%
//	points    15.7个百分点      15.7 percentage points
//	money     103亿元           10.3 billion yuan
//	people    3.5万人           35,000 people
//	area      30平方公里        30 sq km
//	bound     突破150亿元       more than 15 billion yuan
func (f *Figure) Display(l Lang) string {
	before, num, after := f.amount(l)
	s := before + num + after
	if f.Bound == nil {
		return s
	}
	if l == EN {
		return boundKinds.name(f.Bound.Kind).EN + " " + s
	}
	for _, w := range boundKinds.get(f.Bound.Kind).words {
		switch {
		case !strings.Contains(f.Bound.Cue, w):
		case slices.Contains([]string{"以上", "以下", "左右"}, w):
			return s + w
		default:
			return w + s
		}
	}
	return s
}

// amount is the display in three parts: what comes before the number,
// the number, and what follows. The English number is what a translation
// of the source must contain ("10.3 billion", "2,406", "first").
func (f *Figure) amount(l Lang) (before, num, after string) {
	n := f.written()
	switch {
	case f.Rank != nil && l == ZH:
		return f.Rank.Scope.ZH, "第" + chineseOrdinal(n), ""
	case f.Rank != nil:
		prep := " in "
		if strings.HasSuffix(f.Rank.Scope.EN, "s") { // a set of districts: among them
			prep = " among "
		}
		return "", englishOrdinal(n), prep + f.Rank.Scope.EN
	case l == ZH:
		return "", n, f.Unit.ZH
	case f.Base == "":
		if f.Unit.EN == "%" {
			return "", thousands(n), "%"
		}
		return "", thousands(n), " " + f.Unit.EN
	}
	b := f.baseRat()
	switch f.Base {
	case "yuan":
		for _, m := range []struct {
			exp  int
			word string
		}{{9, " billion"}, {6, " million"}} {
			unit := new(big.Rat).SetInt(pow10(m.exp))
			if b.Cmp(unit) >= 0 {
				return "", decimal(new(big.Rat).Quo(b, unit)) + m.word, " yuan"
			}
		}
		return "", thousands(decimal(b)), " yuan"
	case "km2":
		return "", thousands(decimal(b)), " sq km"
	}
	_, prefix := scaleOf(f.Unit)
	return "", thousands(decimal(b)), " " + strings.TrimPrefix(f.Unit.EN, prefix)
}

// thousands puts commas in the whole part of a decimal number from 1,000.
func thousands(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		return b.String() + "." + frac
	}
	return b.String()
}

var (
	cnOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	enOrdinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)

// chineseOrdinal is a rank position after 第: 一 to 十, then digits.
func chineseOrdinal(n string) string {
	if i, err := strconv.Atoi(n); err == nil && i >= 1 && i <= len(cnOrdinals) {
		return cnOrdinals[i-1]
	}
	return n
}

// englishOrdinal is a rank position in words to tenth, then 11th, 22nd.
func englishOrdinal(n string) string {
	i, err := strconv.Atoi(n)
	switch {
	case err != nil:
		return n
	case i >= 1 && i <= len(enOrdinals):
		return enOrdinals[i-1]
	}
	return numeralOrdinal(n)
}

// RankTile is a rank as a tile shows it: the position in figures, then
// the scope it is counted in. "1st", "among the city's urban districts";
// "第1", "全市城区". Empty for a figure that is not a rank.
func (f *Figure) RankTile(l Lang) (pos, scope string) {
	if f.Rank == nil {
		return "", ""
	}
	n := f.written()
	if l == ZH {
		return "第" + n, f.Rank.Scope.ZH
	}
	_, _, after := f.amount(l)
	return numeralOrdinal(n), strings.TrimSpace(after)
}

// numeralOrdinal is a rank position in figures: 1st, 2nd, 3rd, 11th.
func numeralOrdinal(n string) string {
	i, err := strconv.Atoi(n)
	switch {
	case err != nil:
		return n
	case i%100/10 != 1 && i%10 >= 1 && i%10 <= 3:
		return n + []string{"st", "nd", "rd"}[i%10-1]
	}
	return n + "th"
}
