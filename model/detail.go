package model

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"macun-tui/views"
)

func (m *Model) openDetail(it views.Item) {
	m.over = overlayDetail
	if m.detail.item.ID != it.ID || m.detail.item.Kind != it.Kind {
		m.detail.offset = 0
	}
	m.detail.item = it
	m.detail.lines = views.Detail(m.c.DS, it, m.opts(), m.c.Styles)
}

func (m *Model) detailLines(h int) []string {
	d := &m.detail
	d.offset = min(d.offset, max(len(d.lines)-h, 0))
	end := min(d.offset+h, len(d.lines))
	return d.lines[d.offset:end]
}

func (m *Model) updateDetail(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	d := &m.detail
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Back, k.Open):
		m.over = overlayNone
	case key.Matches(msg, k.Down):
		d.offset++
	case key.Matches(msg, k.Up):
		d.offset--
	case key.Matches(msg, k.PageDown):
		d.offset += h
	case key.Matches(msg, k.PageUp):
		d.offset -= h
	case key.Matches(msg, k.Top):
		d.offset = 0
	case key.Matches(msg, k.Bottom):
		d.offset = len(d.lines)
	case key.Matches(msg, k.Lang):
		if m.lang == "zh" {
			m.setLang("en")
		} else {
			m.setLang("zh")
		}
	case key.Matches(msg, k.Help):
		m.over = overlayHelp
	}
	d.offset = min(max(d.offset, 0), max(len(d.lines)-h, 0))
	return nil
}
