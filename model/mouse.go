package model

import (
	tea "github.com/charmbracelet/bubbletea"
)

// wheelLines is how far one wheel step scrolls.
const wheelLines = 3

// mouse: a click on a tab switches to it, a click on an item (a tile, a
// bar's row, a card, a line of a list) selects it and a second click
// opens its detail, the wheel scrolls. A click is mapped through where
// the views drew things: the tab bar's spans and the page's items.
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
	if msg.Y == 0 {
		_, tabs := m.header()
		for i, t := range tabs {
			if msg.X >= t.Col && msg.X < t.Col+t.Width {
				m.over = overlayNone
				m.switchTab(i)
			}
		}
		return nil
	}
	if it := m.itemAt(msg.X, msg.Y); it >= 0 {
		if it == m.tabs[m.tab].sel {
			m.openDetail(m.page().Items()[it])
			return nil
		}
		m.tabs[m.tab].sel = it
	}
	return nil
}

// headerRows is the number of rows above the body: the tab bar and its
// rule.
const headerRows = 2

// itemAt is the item of the page drawn at cell (x, y) of the screen, or
// -1: none there, an overlay in front, or a table's pinned header.
func (m *Model) itemAt(x, y int) int {
	if m.over != overlayNone {
		return -1
	}
	r := y - headerRows
	if r < 0 || r >= m.bodyHeight() {
		return -1
	}
	off := m.tabs[m.tab].offset
	pins := m.pinned(off)
	if r < pins {
		return -1
	}
	return m.page().ItemAt(off+r-pins, x)
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
