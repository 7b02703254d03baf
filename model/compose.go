package model

import (
	"fmt"
	"strings"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// memo keeps the parts of a frame that change only with the tab, width,
// language, status or styles: the tab bar and the footer. It is a cache
// of pure functions of the state, keyed by all they read, so that View
// stays a function of the state however often it is called.
type memo struct {
	headKey headKey
	head    []string
	tabs    []views.TabSpan

	footKey footKey
	foot    string
}

type headKey struct {
	tab   string
	width int
	lang  data.Lang
	ascii bool
	st    *views.Styles
}

type footKey struct {
	width  int
	lang   data.Lang
	ascii  bool
	status uint64 // the message's id
	st     *views.Styles
}

// header is the tab bar and the rule under it, and where each tab is on
// the bar.
func (m *Model) header() ([]string, []views.TabSpan) {
	o := m.opts()
	k := headKey{m.Tab(), o.Width, o.Lang, o.ASCII, m.c.Styles}
	if m.memo.head == nil || m.memo.headKey != k {
		m.memo.head, m.memo.tabs = views.Header(m.c.DS, k.tab, o, m.c.Styles)
		m.memo.headKey = k
	}
	return m.memo.head, m.memo.tabs
}

// cachedFooter is footer(), kept while its inputs are the same. The
// search input changes as it is typed, so its footer is not kept.
func (m *Model) cachedFooter() string {
	if m.over == overlaySearch && m.status.id == 0 {
		return m.footer()
	}
	k := footKey{m.width, m.lang, m.c.ASCII, m.status.id, m.c.Styles}
	if m.memo.foot == "" || m.memo.footKey != k {
		m.memo.foot, m.memo.footKey = m.footer(), k
	}
	return m.memo.foot
}

// MsgScroll is the scroll indicator: the lines on screen and how many
// there are.
var MsgScroll = views.Msg{ZH: "第%d–%d行,共%d行", EN: "lines %d–%d of %d"}

// bottomRule is the rule above the footer; where what is shown is longer
// than the screen, it says which lines are on screen, with an arrow for
// each way there is more (▲ above, ▼ below; ^ and v with --ascii).
func (m *Model) bottomRule(first, shown, total int) string {
	o := m.opts()
	rule := views.Rule(o, m.c.Styles)
	if total <= shown || shown <= 0 {
		return rule
	}
	up, down := "▲", "▼"
	if o.ASCII {
		up, down = "^", "v"
	}
	ind := fmt.Sprintf(MsgScroll.In(m.lang), first+1, min(first+shown, total), total)
	if first > 0 {
		ind = up + " " + ind
	}
	if first+shown < total {
		ind += " " + down
	}
	if o.ASCII {
		ind = views.ASCIISafe(ind)
	}
	iw := views.Width(ind)
	if iw+4 > o.Width {
		return rule
	}
	bar := "─"
	if o.ASCII {
		bar = "-"
	}
	st := m.c.Styles
	return st.Rule.Render(strings.Repeat(bar, o.Width-iw-3)+" ") + st.Muted.Render(ind) + st.Rule.Render(" "+bar)
}
