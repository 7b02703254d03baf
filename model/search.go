package model

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/internal/termtext"
	"github.com/macun-tui/macun-tui/views"
)

func (m *Model) openSearch() {
	m.over = overlaySearch
	m.search.input.SetValue("")
	m.search.input.Focus()
	m.search.hits = nil
	m.search.sel = 0
	m.clearStatus()
}

// updateSearch: typing filters, ↑/↓ pick, enter jumps to the figure in its
// tab with it selected, esc cancels.
func (m *Model) updateSearch(msg tea.KeyMsg) tea.Cmd {
	s := &m.search
	switch msg.Type {
	case tea.KeyEsc:
		m.over = overlayNone
		s.input.Blur()
		return nil
	case tea.KeyEnter:
		if s.sel < len(s.hits) {
			m.jumpTo(s.hits[s.sel])
		}
		m.over = overlayNone
		s.input.Blur()
		return nil
	case tea.KeyUp, tea.KeyCtrlP:
		s.sel = max(s.sel-1, 0)
		return nil
	case tea.KeyDown, tea.KeyCtrlN, tea.KeyTab:
		s.sel = min(s.sel+1, max(len(s.hits)-1, 0))
		return nil
	}
	var cmd tea.Cmd
	before := s.input.Value()
	s.input, cmd = s.input.Update(msg)
	// The input drops control characters; format characters and clusters
	// drawn wider than measured go too, as from any text shown.
	if v := termtext.Clean(s.input.Value()); v != s.input.Value() {
		s.input.SetValue(v)
	}
	if s.input.Value() != before {
		s.hits = views.Search(m.c.DS, s.input.Value())
		s.sel = 0
	}
	return cmd
}

// jumpTo shows a hit: its tab, in a mode that lists it, with it selected.
func (m *Model) jumpTo(h data.Hit) {
	for i, t := range data.Tabs() {
		if t.ID == h.Tab {
			m.tab = i
		}
	}
	m.selectByID(views.HitKind(h.Kind), h.ID)
}

func (m *Model) searchLines(h int) []string {
	s := &m.search
	st := m.c.Styles
	out := []string{}
	head := views.MsgSearchHint.In(m.lang)
	if s.input.Value() != "" {
		if len(s.hits) == 0 {
			head = views.MsgNoHits.In(m.lang)
		} else {
			head = fmt.Sprintf(views.MsgHits.In(m.lang), len(s.hits))
		}
	}
	head = views.Fit(head, m.width-2)
	if m.c.ASCII {
		head = views.ASCIISafe(head)
	}
	out = append(out, "  "+st.Muted.Render(head), "")
	rows := max(h-2, 0)
	start := 0
	if s.sel >= rows {
		start = s.sel - rows + 1
	}
	for i := start; i < len(s.hits) && len(out) < h; i++ {
		line := views.Fit(views.HitLine(m.c.DS, s.hits[i], m.lang), m.width-2)
		if i == s.sel {
			line = "> " + st.Selected.Render(line)
		} else {
			line = "  " + line
		}
		if m.c.ASCII {
			line = views.ASCIISafe(line)
		}
		out = append(out, line)
	}
	return out
}
