package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/macun-tui/macun-tui/data"
)

// FormatValue is a figure's value as the screen and every export print it:
// the dataset's one formatter (data.Figure.Display), marked when it looks
// ahead: "10.3 billion yuan (planned)", "12个村(预期)". A projection is
// never shown as done.
func FormatValue(f *data.Figure, l data.Lang) string { return f.Display(l) + ahead(f.Status, l) }

// ahead is the mark of a status that looks ahead (planned, target,
// projected, due soon), "" for any other.
func ahead(s *data.Status, l data.Lang) string {
	if !s.Forward() {
		return ""
	}
	return paren(data.StatusName(s.Kind).In(l), l)
}

// paren puts s in brackets after a text: "(预期)" in Chinese, " (projected)"
// in English.
func paren(s string, l data.Lang) string {
	if l == data.ZH {
		return "(" + s + ")"
	}
	return " (" + s + ")"
}

// statusText is a status as a table or the detail pane tells it: its
// name and the article's words, "done (获批)"; "" for none.
func statusText(s *data.Status, l data.Lang) string {
	if s == nil {
		return ""
	}
	return data.StatusName(s.Kind).In(l) + paren(s.Cue, l)
}

// progress is what a project's milestones say, a step that looks ahead
// marked as such where its label does not say it ("Expected to be ready
// for use by the end of 2024 (projected)"), or "not stated".
func progress(p *data.Project, l data.Lang) string {
	if len(p.Milestones) == 0 {
		return data.NotStated.In(l)
	}
	sep := "; "
	if l == data.ZH {
		sep = ";"
	}
	parts := make([]string, len(p.Milestones))
	for i, m := range p.Milestones {
		parts[i] = m.Label.In(l)
		if mark := ahead(&m.Status, l); !strings.Contains(strings.ToLower(parts[i]), lastWord(data.StatusName(m.Status.Kind).In(l))) {
			parts[i] += mark // not "Due to be launched soon (due soon)"
		}
	}
	return strings.Join(parts, sep)
}

// listSep joins the items of a list: a semicolon in English (no ·, which
// is ambiguous width), 、 in Chinese.
func listSep(l data.Lang) string {
	if l == data.ZH {
		return "、"
	}
	return "; "
}

// declared is the note on a list whose name declares another count than
// it lists ("the heading says 5; the article lists 4"), or "".
func declared(s *data.Structure, l data.Lang) string {
	if s.Declared == nil || *s.Declared == len(s.Items) {
		return ""
	}
	return fmt.Sprintf(MsgDeclared.In(l), spell(*s.Declared, l), spell(len(s.Items), l))
}

// spell writes a count as prose does: one to nine in words in English.
func spell(n int, l data.Lang) string {
	if l == data.EN && n >= 1 && n <= 9 {
		return strings.Fields("one two three four five six seven eight nine")[n-1]
	}
	return strconv.Itoa(n)
}

// lastWord is the last word of s: "soon" of "due soon".
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
