package model

import (
	"strings"

	"github.com/muesli/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// frameCache keeps the parts of a frame that change only with the tab,
// width, language or status, and the mouse zones last registered, so that
// a key that moves the selection renders the body lines it changed and
// nothing else.
type frameCache struct {
	headKey    headKey
	headOK     bool
	headMarked string // tab bar with its zone marks
	rule       string // the rule under the tab bar and above the footer
	ruleTop    string

	// Zones of the last scan: the tab bar it had and, for each body row,
	// the line it marked and that line's width.
	scanned  bool
	zoneHead string
	zones    []zoneRow
	head     string // the tab bar of the last scan, marks removed

	foot    string
	footKey footKey
	footOK  bool

	widths map[string]int // bubblezone widths of lines measured lately
}

// maxWidths bounds frameCache.widths; it starts again when full.
const maxWidths = 2048

// width is the width of a line as bubblezone measures it, kept: moving
// the selection back and forth shows the same few lines again.
func (f *frameCache) width(s string) int {
	if w, ok := f.widths[s]; ok {
		return w
	}
	if f.widths == nil || len(f.widths) >= maxWidths {
		f.widths = make(map[string]int)
	}
	w := ansi.PrintableRuneWidth(s)
	f.widths[s] = w
	return w
}

type headKey struct {
	tab   string
	width int
	lang  data.Lang
	ascii bool
}

type footKey struct {
	width  int
	lang   data.Lang
	ascii  bool
	status uint64 // the message's id
}

// zoneRow is a body row as far as mouse zones go.
type zoneRow struct {
	line int    // the body line it marks, -1 for none
	s    string // the line as shown
	w    int    // its width as bubblezone measures it
}

// prepareHeader renders the tab bar (with its zone marks) and the rules
// when the tab, width or language changed.
func (m *Model) prepareHeader(o views.Options) {
	k := headKey{m.Tab(), o.Width, o.Lang, o.ASCII}
	f := &m.frame
	if f.headOK && f.headKey == k {
		return
	}
	st := m.c.Styles
	lines := views.Header(m.c.DS, k.tab, o, st, m.c.Zones.Mark)
	f.headMarked, f.ruleTop = lines[0], lines[1]
	f.rule = views.Rule(o, st)
	f.headKey, f.headOK = k, true
}

// syncZones registers the mouse zones of a frame: the tabs of the tab bar
// and, when marked, every body line that shows an item (line:N, see
// lineZone). body holds the body rows from line first on.
//
// bubblezone's Scan rebuilds its whole input for every marker, so a frame
// is not scanned as a whole. Zones are registered by scanning a skeleton
// with the same geometry: the tab bar as it is, and each marked line as
// spaces of its width, at its row. A zone covers the cells of its line,
// so the skeleton is scanned only when the tab bar, a marked line or a
// width changed, and the zones of the frame before are kept otherwise:
// moving the selection does not scan.
func (m *Model) syncZones(body []string, first int, marked bool) {
	f := &m.frame
	changed := !f.scanned || f.zoneHead != f.headMarked
	if len(f.zones) != len(body) {
		f.zones = make([]zoneRow, len(body))
		for r := range f.zones {
			f.zones[r].line = -1
		}
		changed = true
	}
	var b *views.Body
	if marked {
		b = m.body()
	}
	for r, s := range body {
		line := -1
		if marked && s != "" && b.ItemAt(first+r) >= 0 {
			line = first + r
		}
		z := &f.zones[r]
		if z.line == line && z.s == s {
			continue
		}
		w := 0
		if line >= 0 {
			w = f.width(s)
		}
		if z.line != line || z.w != w {
			changed = true
		}
		*z = zoneRow{line, s, w}
	}
	if changed {
		m.scanZones()
	}
}

// scanZones scans the skeleton of the current zones (see syncZones).
func (m *Model) scanZones() {
	f := &m.frame
	var sb strings.Builder
	sb.WriteString(f.headMarked)
	sb.WriteString("\n") // the rule's row
	for _, z := range f.zones {
		sb.WriteByte('\n')
		if z.line < 0 {
			continue
		}
		cells := "\x1b[m" // zero width, but not empty: Mark skips ""
		if z.w > 0 {
			cells = strings.Repeat(" ", z.w)
		}
		sb.WriteString(m.c.Zones.Mark(lineZone(z.line), cells))
	}
	out := m.c.Zones.Scan(sb.String())
	f.head, _, _ = strings.Cut(out, "\n")
	f.zoneHead, f.scanned = f.headMarked, true
}

// cachedFooter is footer(), kept while its inputs are the same. The
// search input changes as it is typed, so its footer is not kept.
func (m *Model) cachedFooter() string {
	if m.over == overlaySearch && m.status.id == 0 {
		return m.footer()
	}
	k := footKey{m.width, m.lang, m.c.ASCII, m.status.id}
	f := &m.frame
	if !f.footOK || f.footKey != k {
		f.foot, f.footKey, f.footOK = m.footer(), k, true
	}
	return f.foot
}

// selectedLines are the body lines of the selected item of the current
// tab.
func (m *Model) selectedLines() []int {
	if it, ok := m.Selected(); ok {
		return it.Lines
	}
	return nil
}
