package model

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/internal/atomicfile"
	"github.com/macun-tui/macun-tui/views"
)

// exportedMsg reports the end of an export.
type exportedMsg struct {
	path string
	err  error
}

// exportCmd writes the current view (tab, language, mode, width) as plain
// text to a new file in the export directory, off the UI goroutine. On a
// screen too small for the dashboard the view is the one at its minimum
// width. In a served session it copies the same text to the client's
// clipboard instead: nothing is written on the server.
func (m *Model) exportCmd() tea.Cmd {
	if m.c.Session {
		return m.copyViewCmd()
	}
	o := m.exportOpts()
	ds, tab, dir := m.c.DS, m.Tab(), m.c.ExportDir
	name := fmt.Sprintf("macun-%s-%s-%s", tab, o.Lang, m.c.Now().Format("20060102-150405"))
	return func() tea.Msg {
		text := views.ExportText(ds, []string{tab}, o)
		path, err := atomicfile.CreateNew(dir, name, ".txt", []byte(text))
		return exportedMsg{path: path, err: err}
	}
}

// exportOpts are the options of the view as `e`, `Y` and a session's
// copy write it: the screen's, at the dashboard's minimum width at least.
func (m *Model) exportOpts() views.Options {
	o := m.opts()
	o.Width = max(o.Width, MinWidth)
	return o
}

// exported shows the outcome of an export in the footer.
func (m *Model) exported(msg exportedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus(statusError, views.MsgExportError, msg.err)
	}
	return m.setStatus(statusInfo, views.MsgExported, msg.path)
}
