package views

import (
	"strconv"
	"strings"

	"macun-tui/data"
)

// ExportText is tabs as plain text at width o.Width: each tab exactly as
// the screen shows it (header and whole body), then a Sources block with
// the source sentence of every figure shown. No escape codes.
func ExportText(ds *data.Dataset, tabs []string, o Options) string {
	st := PlainStyles()
	var b strings.Builder
	for i, tab := range tabs {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range TabText(ds, tab, o, st) {
			b.WriteString(strings.TrimRight(l, " "))
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	for _, l := range SourcesBlock(ds, tabs, o) {
		b.WriteString(strings.TrimRight(l, " "))
		b.WriteString("\n")
	}
	return b.String()
}

// SourcesBlock lists each figure of the tabs once with its source
// sentence, wrapped to the width.
func SourcesBlock(ds *data.Dataset, tabs []string, o Options) []string {
	l := o.Lang
	w := max(o.Width, 1)
	out := []string{Fit(MsgSources.In(l)+" · "+ds.Meta.Source.In(l), w)}
	seen := map[string]bool{}
	for _, tab := range tabs {
		for _, f := range ds.FiguresOfTab(tab) {
			if seen[f.ID] {
				continue
			}
			seen[f.ID] = true
			ref := f.ID
			if p, _ := ds.Locate(f.Source); p > 0 {
				ref += " (¶" + strconv.Itoa(p) + ")"
			}
			out = append(out, Wrap("- "+ref+": "+f.Source, w)...)
		}
	}
	if o.ASCII {
		for i := range out {
			out[i] = ASCIISafe(out[i])
		}
	}
	return out
}
