package data

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// MaxProblems is the number of problems after which checking a dataset
// stops.
const MaxProblems = 100

// Position is a place in a dataset file, as go/token.Position is in a Go
// file: Line and Column from 1, Column in characters (code points). With
// Line 0 it names only the file, for a problem of the whole file (empty,
// missing, too large).
type Position struct {
	Filename string
	Offset   int // in bytes, from 0
	Line     int
	Column   int
}

// IsValid reports whether the position is in the file, not just names it.
func (p Position) IsValid() bool { return p.Line > 0 }

// String is FILE:LINE:COL, or FILE.
func (p Position) String() string {
	if !p.IsValid() {
		return p.Filename
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

// Problem is one thing wrong with a dataset file, as go/scanner.Error.
type Problem struct {
	Pos Position
	Msg string
}

// Error is FILE:LINE:COL: message, or FILE: message.
func (p Problem) Error() string { return p.Pos.String() + ": " + p.Msg }

// ProblemList is the problems of a file, as go/scanner.ErrorList. It is
// the error of Parse, Load and LoadFile.
type ProblemList []Problem

func (l ProblemList) Len() int      { return len(l) }
func (l ProblemList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }

// Less orders by file, then position; problems of a whole file first.
func (l ProblemList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
}

// Sort sorts the list, keeping the order of problems at one place.
func (l ProblemList) Sort() { sort.Stable(l) }

// Error prints one problem a line.
func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ProblemList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func fileProblem(file, format string, a ...any) error {
	return ProblemList{{Pos: Position{Filename: file}, Msg: fmt.Sprintf(format, a...)}}
}

// offProblem is a problem at a byte offset.
type offProblem struct {
	off int
	msg string
}

// lineCol converts a byte offset of b to a line and a column (in
// characters), both from 1. Lines end in LF, CRLF or CR.
func lineCol(b []byte, off int) (line, col int) {
	return 1 + breaks(b, 0, off), 1 + utf8.RuneCount(b[lineStart(b[:off]):off])
}

// breaks counts the line breaks of b[from:to]: LF, CRLF or CR alone, the
// LF of a CRLF counted with its CR, which may be before from.
func breaks(b []byte, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if b[i] == '\r' || b[i] == '\n' && (i == 0 || b[i-1] != '\r') {
			n++
		}
	}
	return n
}

// lineStart is where the last line of b starts: after its last LF or CR.
func lineStart(b []byte) int {
	return max(bytes.LastIndexByte(b, '\n'), bytes.LastIndexByte(b, '\r')) + 1
}

// positions sorts problems by offset and tells each once, at its line
// and column in b, counting lines once for all.
func positions(name string, b []byte, ps []offProblem) ProblemList {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].off < ps[j].off })
	var l ProblemList
	line, start, last := 1, 0, 0 // the line at offset last, and where it starts
	for _, p := range ps {
		off := min(p.off, len(b))
		if n := breaks(b, last, off); n > 0 {
			line, start = line+n, last+lineStart(b[last:off])
		}
		last = off
		pr := Problem{Position{name, off, line, 1 + utf8.RuneCount(b[start:off])}, p.msg}
		if len(l) == 0 || l[len(l)-1] != pr {
			l = append(l, pr)
		}
	}
	return l
}

// spot is where a value is in a file: the byte offsets of its member name
// (-1 for an array element or the whole file) and of the value itself.
type spot struct{ name, value int }

// locate finds the values at the JSON Pointers ptrs, and at every pointer
// above them, in b, which must have no syntax error (a duplicate member
// name is found at its first). A pointer not in b is not in the result.
func locate(b []byte, ptrs ...string) map[string]spot {
	need := make(map[string]bool)
	for _, p := range ptrs {
		for q := jsontext.Pointer(p); !need[string(q)]; q = q.Parent() {
			need[string(q)] = true
			if q == "" {
				break
			}
		}
	}
	found := make(map[string]spot, len(need))
	dec := jsontext.NewDecoder(bytes.NewReader(b), jsontext.AllowDuplicateNames(true))
	next := func() int { // the offset of the next token
		i := int(dec.InputOffset())
		for i < len(b) && strings.IndexByte(" \t\r\n,:", b[i]) >= 0 {
			i++
		}
		return i
	}
	var walk func(p jsontext.Pointer, name int) error
	walk = func(p jsontext.Pointer, name int) error {
		if _, seen := found[string(p)]; seen || !need[string(p)] {
			return dec.SkipValue()
		}
		found[string(p)] = spot{name, next()}
		open := dec.PeekKind()
		switch {
		case len(found) == len(need):
			return errFound
		case open != '{' && open != '[':
			return dec.SkipValue()
		}
		dec.ReadToken()
		for i := 0; ; i++ {
			if k := dec.PeekKind(); k == 0 || k == '}' || k == ']' {
				_, err := dec.ReadToken()
				return err
			}
			child, at := p.AppendToken(strconv.Itoa(i)), -1
			if open == '{' {
				at = next()
				tok, err := dec.ReadToken()
				if err != nil {
					return err
				}
				child = p.AppendToken(tok.String())
			}
			if err := walk(child, at); err != nil {
				return err
			}
		}
	}
	walk("", -1)
	return found
}

var errFound = errors.New("all found")

// at is the start of a message about the value at p: its path as
// messages show it (/figures/5/value is figures[5].value) and a colon, or
// nothing for the whole file.
func at(p jsontext.Pointer) string {
	var sb strings.Builder
	for tok := range p.Tokens() {
		if tok != "" && strings.Trim(tok, "0123456789") == "" {
			sb.WriteString("[" + tok + "]")
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(tok)
	}
	if sb.Len() == 0 {
		return ""
	}
	return sb.String() + ": "
}
