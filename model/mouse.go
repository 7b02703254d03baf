package model

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// wheelLines is how far one wheel step scrolls.
const wheelLines = 3

// mouse: a click on a tab switches to it, a click on a row or bar selects
// it (a second click opens its detail), the wheel scrolls. Positions come
// from bubblezone marks made in View.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.wheel(-wheelLines)
		return nil
	case tea.MouseButtonWheelDown:
		m.wheel(wheelLines)
		return nil
	case tea.MouseButtonLeft:
		if msg.Action != tea.MouseActionRelease {
			return nil
		}
	default:
		return nil
	}
	for i, t := range data.Tabs() {
		if z := m.c.Zones.Get(views.TabZone(t.ID)); z != nil && z.InBounds(msg) {
			m.over = overlayNone
			m.switchTab(i)
			return nil
		}
	}
	if m.over != overlayNone {
		return nil
	}
	b := m.body()
	t := m.tabs[m.tab]
	for i := t.offset; i < b.Len() && i < t.offset+m.bodyHeight(); i++ {
		if z := m.c.Zones.Get(lineZone(i)); z != nil && z.InBounds(msg) {
			if it := b.ItemAt(i); it >= 0 {
				if it == t.sel {
					m.openDetail(b.Items()[it])
					return nil
				}
				m.tabs[m.tab].sel = it
			}
			return nil
		}
	}
	return nil
}

func (m *Model) wheel(d int) {
	switch m.over {
	case overlayDetail:
		m.detail.scroll(d, m.bodyHeight())
	case overlayHelp:
		m.helpPage.scroll(d, m.bodyHeight())
	case overlayNone:
		m.scroll(d)
	}
}
