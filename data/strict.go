package data

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is a small JSON lexer that knows the byte offset of every value,
// so that the decoder (strict_decode.go) can report line:column positions.
// It accepts exactly RFC 8259 JSON and nests at most MaxDepth levels; it
// never recurses deeper than that, whatever the input.

// MaxDepth is the deepest nesting of JSON objects and arrays a dataset may
// have. The schema itself needs five levels.
const MaxDepth = 64

type jsonKind uint8

const (
	kindObject jsonKind = iota + 1
	kindArray
	kindString
	kindNumber
	kindBool
	kindNull
)

func (k jsonKind) String() string {
	switch k {
	case kindObject:
		return "object"
	case kindArray:
		return "array"
	case kindString:
		return "string"
	case kindNumber:
		return "number"
	case kindBool:
		return "boolean"
	case kindNull:
		return "null"
	}
	return "invalid value"
}

// syntaxError stops the lexer; it is raised with panic and recovered by
// the decoder.
type syntaxError struct {
	off int
	msg string
}

type lexer struct {
	b    []byte
	s    string // the same bytes as b: strings without escapes are sliced from it
	i    int
	open []int // offsets of the objects and arrays being read
}

func (l *lexer) fail(off int, format string, a ...any) {
	panic(&syntaxError{off, fmt.Sprintf(format, a...)})
}

// eof fails at the end of the input, naming the innermost open container.
func (l *lexer) eof() {
	msg := "syntax error: unexpected end of file"
	if n := len(l.open); n > 0 {
		o := l.open[n-1]
		what := "object"
		if l.b[o] == '[' {
			what = "array"
		}
		line, col := lineCol(l.b, o)
		msg += fmt.Sprintf(": the %s opened at %d:%d is not closed", what, line, col)
	}
	panic(&syntaxError{len(l.b), msg})
}

func (l *lexer) ws() {
	for l.i < len(l.b) {
		switch l.b[l.i] {
		case ' ', '\t', '\n', '\r':
			l.i++
		default:
			return
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == '+' || c == '-'
}

// describe names what is at offset off for a message: a word such as
// "NaN" or 'x' for a single character.
func (l *lexer) describe(off int) string {
	if off >= len(l.b) {
		return "end of file"
	}
	if isWordByte(l.b[off]) {
		j := off
		for j < len(l.b) && j-off < 24 && isWordByte(l.b[j]) {
			j++
		}
		return strconv.Quote(string(l.b[off:j]))
	}
	r, _ := utf8.DecodeRune(l.b[off:])
	return strconv.QuoteRune(r)
}

// peek skips white space and returns the kind and offset of the next value
// without consuming it.
func (l *lexer) peek() (jsonKind, int) {
	l.ws()
	if l.i >= len(l.b) {
		l.eof()
	}
	switch c := l.b[l.i]; {
	case c == '{':
		return kindObject, l.i
	case c == '[':
		return kindArray, l.i
	case c == '"':
		return kindString, l.i
	case c == '-' || c >= '0' && c <= '9':
		return kindNumber, l.i
	case c == 't' || c == 'f':
		return kindBool, l.i
	case c == 'n':
		return kindNull, l.i
	}
	l.fail(l.i, "syntax error: unexpected %s, want a value (string, number, object, array, true, false or null)", l.describe(l.i))
	return 0, 0
}

func (l *lexer) enter() {
	if len(l.open) >= MaxDepth {
		l.fail(l.i, "nesting is deeper than %d levels", MaxDepth)
	}
	l.open = append(l.open, l.i)
	l.i++
}

// objOpen consumes the '{' at l.i. It returns false, having consumed the
// closing '}' too, when the object is empty; otherwise objKey reads the
// first member's key.
func (l *lexer) objOpen() bool {
	l.enter()
	l.ws()
	if l.i < len(l.b) && l.b[l.i] == '}' {
		l.i++
		l.open = l.open[:len(l.open)-1]
		return false
	}
	return true
}

// objKey reads a member's key and the ':' after it, leaving the lexer at
// the member's value, which the caller must consume.
func (l *lexer) objKey() (key string, keyOff int) {
	l.ws()
	if l.i >= len(l.b) {
		l.eof()
	}
	if l.b[l.i] != '"' {
		l.fail(l.i, "syntax error: unexpected %s, want a field name in double quotes", l.describe(l.i))
	}
	key, keyOff = l.readString()
	l.ws()
	if l.i >= len(l.b) {
		l.eof()
	}
	if l.b[l.i] != ':' {
		l.fail(l.i, "syntax error: unexpected %s after field name %q, want ':'", l.describe(l.i), key)
	}
	l.i++
	return key, keyOff
}

// objNext reads what follows the value of member key: it returns true
// after a ',' (another member follows) and false after the closing '}'.
func (l *lexer) objNext(key string) bool {
	return l.next('}', func() {
		l.fail(l.i, "syntax error: unexpected %s after the value of %q, want ',' or '}'", l.describe(l.i), key)
	})
}

// next reads what follows a member or an element: true after a ',' (one
// more follows), false after the closing byte; anything else is reported
// by bad, which does not return.
func (l *lexer) next(closing byte, bad func()) bool {
	l.ws()
	if l.i >= len(l.b) {
		l.eof()
	}
	switch l.b[l.i] {
	case ',':
		comma := l.i
		l.i++
		l.ws()
		if l.i < len(l.b) && l.b[l.i] == closing {
			l.fail(comma, "syntax error: trailing comma before '%c'", closing)
		}
		return true
	case closing:
		l.i++
		l.open = l.open[:len(l.open)-1]
		return false
	}
	bad()
	return false
}

// object reads an object; member is called for each key with the lexer
// at the member's value, and must consume the value.
func (l *lexer) object(member func(key string, keyOff int)) {
	if !l.objOpen() {
		return
	}
	for {
		key, keyOff := l.objKey()
		member(key, keyOff)
		if !l.objNext(key) {
			return
		}
	}
}

// arrOpen consumes the '[' at l.i. It returns false, having consumed the
// closing ']' too, when the array is empty; otherwise the lexer is at the
// first element, which the caller must consume before calling arrNext.
func (l *lexer) arrOpen() bool {
	l.enter()
	l.ws()
	if l.i < len(l.b) && l.b[l.i] == ']' {
		l.i++
		l.open = l.open[:len(l.open)-1]
		return false
	}
	return true
}

// arrNext reads what follows an element: it returns true after a ','
// (another element follows) and false after the closing ']'.
func (l *lexer) arrNext() bool {
	return l.next(']', func() {
		l.fail(l.i, "syntax error: unexpected %s after an array element, want ',' or ']'", l.describe(l.i))
	})
}

// array reads an array; elem is called for each element with the lexer at
// the element, and must consume it.
func (l *lexer) array(elem func(i int)) {
	if !l.arrOpen() {
		return
	}
	for n := 0; ; n++ {
		elem(n)
		if !l.arrNext() {
			return
		}
	}
}

// readString reads the string at l.i and returns it with its offset. A
// string without escapes is a slice of l.s; it allocates nothing.
func (l *lexer) readString() (string, int) {
	start := l.i
	i := start + 1
	for b := l.b; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			l.i = i + 1
			return l.s[start+1 : i], start
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	return l.readStringSlow(start, i)
}

// readStringSlow goes on reading the string at offset start from offset i,
// where the first escape, control character or the end of input is.
func (l *lexer) readStringSlow(start, i int) (string, int) {
	var buf []byte
	for {
		if i >= len(l.b) {
			l.fail(start, "syntax error: unterminated string")
		}
		c := l.b[i]
		switch {
		case c == '"':
			l.i = i + 1
			if buf == nil {
				return l.s[start+1 : i], start
			}
			return string(buf), start
		case c == '\n' || c == '\r':
			l.fail(start, "syntax error: unterminated string (a string cannot span lines)")
		case c < 0x20:
			l.fail(i, "syntax error: control character %U in string (write it as a \\u escape)", rune(c))
		case c == '\\':
			if buf == nil {
				buf = append([]byte{}, l.b[start+1:i]...)
			}
			if i+1 >= len(l.b) {
				l.fail(start, "syntax error: unterminated string")
			}
			switch e := l.b[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r := l.hex4(i)
				n := 6
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+12 <= len(l.b) && l.b[i+6] == '\\' && l.b[i+7] == 'u' {
						r2 = l.hex4(i + 6)
					}
					r = utf16.DecodeRune(r, r2)
					if r == utf8.RuneError {
						l.fail(i, "syntax error: invalid surrogate pair in \\u escape")
					}
					n = 12
				}
				buf = utf8.AppendRune(buf, r)
				i += n
				continue
			default:
				if r, _ := utf8.DecodeRune(l.b[i+1:]); unicode.IsGraphic(r) {
					l.fail(i, "syntax error: invalid escape \\%c in string", r)
				}
				l.fail(i, "syntax error: invalid escape: \\ followed by %U in string", l.b[i+1])
			}
			i += 2
		default:
			if buf != nil {
				buf = append(buf, c)
			}
			i++
		}
	}
}

// hex4 decodes the four hex digits of the \u escape at offset i.
func (l *lexer) hex4(i int) rune {
	if i+6 > len(l.b) {
		l.fail(i, "syntax error: invalid \\u escape")
	}
	v, err := strconv.ParseUint(l.s[i+2:i+6], 16, 32)
	if err != nil {
		l.fail(i, "syntax error: invalid \\u escape %q", l.s[i:i+6])
	}
	return rune(v)
}

// readNumber reads the number literal at l.i.
func (l *lexer) readNumber() (string, int) {
	start, i, n := l.i, l.i, len(l.b)
	digits := func() bool {
		j := i
		for i < n && l.b[i] >= '0' && l.b[i] <= '9' {
			i++
		}
		return i > j
	}
	ok := true
	if l.b[i] == '-' {
		i++
	}
	if i < n && l.b[i] == '0' {
		i++
	} else {
		ok = digits()
	}
	if ok && i < n && l.b[i] == '.' {
		i++
		ok = digits()
	}
	if ok && i < n && (l.b[i] == 'e' || l.b[i] == 'E') {
		i++
		if i < n && (l.b[i] == '+' || l.b[i] == '-') {
			i++
		}
		ok = digits()
	}
	if !ok || i < n && isWordByte(l.b[i]) {
		l.fail(start, "syntax error: invalid number %s", l.describe(start))
	}
	l.i = i
	return l.s[start:i], start
}

// readLiteral reads true, false or null.
func (l *lexer) readLiteral() (string, int) {
	start := l.i
	for _, w := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(l.s[start:], w) &&
			(start+len(w) == len(l.b) || !isWordByte(l.b[start+len(w)])) {
			l.i += len(w)
			return w, start
		}
	}
	l.fail(start, "syntax error: unexpected %s, want a value (string, number, object, array, true, false or null)", l.describe(start))
	return "", 0
}

// skipValue reads and discards one value, checking its syntax.
func (l *lexer) skipValue() {
	kind, _ := l.peek()
	switch kind {
	case kindObject:
		l.object(func(string, int) { l.skipValue() })
	case kindArray:
		l.array(func(int) { l.skipValue() })
	case kindString:
		l.readString()
	case kindNumber:
		l.readNumber()
	default:
		l.readLiteral()
	}
}

// path leads to a value: field names and array indexes.
type path []any

// idx is p followed by array index i, sharing nothing with p.
func (p path) idx(i int) path { return append(p[:len(p):len(p)], i) }

// String renders the path as figures[3].label.en.
func (p path) String() string {
	var sb strings.Builder
	for _, s := range p {
		switch s := s.(type) {
		case string:
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(s)
		case int:
			fmt.Fprintf(&sb, "[%d]", s)
		}
	}
	return sb.String()
}

// found stops find once the value is found.
type found struct{ off int }

// findFrom returns the offset of the value at path p below the value at
// offset off of b, which must be syntactically valid JSON, or of the
// deepest value on the path that exists. For duplicate keys it follows the
// first.
func findFrom(b []byte, s string, off int, p path) (res int) {
	l := &lexer{b: b, s: s, i: off}
	defer func() {
		switch r := recover().(type) {
		case nil:
		case found:
			res = r.off
		default:
			res = off
		}
	}()
	return l.find(p)
}

func (l *lexer) find(p path) int {
	kind, off := l.peek()
	if len(p) == 0 {
		panic(found{off})
	}
	switch s := p[0].(type) {
	case string:
		if kind == kindObject {
			l.object(func(key string, _ int) {
				if key == s {
					l.find(p[1:])
				}
				l.skipValue()
			})
		}
	case int:
		if kind == kindArray {
			l.array(func(i int) {
				if i == s {
					l.find(p[1:])
				}
				l.skipValue()
			})
		}
	}
	panic(found{off})
}

// lineCol converts a byte offset of b to a 1-based line and a 1-based
// column counted in characters (runes); a tab counts as one.
func lineCol(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	line = 1 + bytes.Count(b[:off], []byte{'\n'})
	ls := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(b[ls:off])
}

// firstInvalidUTF8 returns the offset of the first byte of b that is not
// part of valid UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// countElems estimates the number of elements of the array at offset i of
// b (b[i] is '['), as a capacity hint: it counts the commas between the
// array's elements, without checking the syntax (the count is exact for
// valid JSON). It returns the hint and
// the length of the array in bytes (of the rest of b when the array is not
// closed).
func countElems(b []byte, i int) (n, size int) {
	start, depth := i, 0
	j := i + 1
	for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
		j++
	}
	if j < len(b) && b[j] == ']' {
		return 0, j + 1 - start
	}
	for ; i < len(b); i++ {
		switch b[i] {
		case '"':
			for {
				j := bytes.IndexByte(b[i+1:], '"')
				if j < 0 {
					return n + 1, len(b) - start
				}
				i += 1 + j
				k := i - 1
				for k > start && b[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 { // not escaped
					break
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return n + 1, i + 1 - start
			}
		case ',':
			if depth == 1 {
				n++
			}
		}
	}
	return n + 1, len(b) - start
}
