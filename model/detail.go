package model

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

func (m *Model) openDetail(it views.Item) {
	m.over = overlayDetail
	if m.detail.item.ID != it.ID || m.detail.item.Kind != it.Kind {
		m.detail.offset = 0
	}
	m.detail.item = it
	m.detail.lines = views.Detail(m.c.DS, it, m.opts(), m.c.Styles)
}

func (m *Model) updateDetail(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Back, k.Open):
		m.over = overlayNone
	case key.Matches(msg, k.Lang):
		m.toggleLang()
	case key.Matches(msg, k.Cite):
		return m.citeCmd(m.detail.item)
	case key.Matches(msg, k.CopyView):
		return m.copyDetailCmd()
	case key.Matches(msg, k.Help):
		m.openHelp()
	default:
		m.pageKeys(msg, &m.detail.pager)
	}
	return nil
}

// pager is a scrolled list of lines: the detail pane and the help.
type pager struct {
	lines  []string
	offset int
}

// view is the part of the lines that fits h rows.
func (p *pager) view(h int) []string {
	p.scroll(0, h)
	return p.lines[p.offset:min(p.offset+h, len(p.lines))]
}

// scroll moves by d lines and keeps the last page full.
func (p *pager) scroll(d, h int) {
	p.offset = min(max(p.offset+d, 0), max(len(p.lines)-h, 0))
}

// pageKeys scrolls a pager with the movement keys; it reports whether the
// key was one of them.
func (m *Model) pageKeys(msg tea.KeyMsg, p *pager) bool {
	k := m.c.Keys
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Down):
		p.scroll(1, h)
	case key.Matches(msg, k.Up):
		p.scroll(-1, h)
	case key.Matches(msg, k.PageDown):
		p.scroll(h, h)
	case key.Matches(msg, k.PageUp):
		p.scroll(-h, h)
	case key.Matches(msg, k.Top):
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.scroll(len(p.lines), h)
	default:
		return false
	}
	return true
}

// toggleLang switches between Chinese and English.
func (m *Model) toggleLang() {
	if m.lang == data.ZH {
		m.setLang(data.EN)
	} else {
		m.setLang(data.ZH)
	}
}
