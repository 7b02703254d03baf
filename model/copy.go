package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Copying goes to the terminal's clipboard with OSC 52, which works in a
// local terminal, through tmux (set-clipboard on) and over SSH, where the
// client's terminal takes it: the copy lands on the reader's machine.

// copiedMsg reports the end of a copy: what was copied, for the footer.
type copiedMsg struct {
	what string
	err  error
}

// errNoClipboard is a copy with no terminal to send it to.
var errNoClipboard = errors.New("no terminal output")

// copyCmd sends text to the clipboard off the UI goroutine and reports
// it as what.
func (m *Model) copyCmd(text, what string) tea.Cmd {
	w := m.c.Clipboard
	return func() tea.Msg {
		if w == nil {
			return copiedMsg{what: what, err: errNoClipboard}
		}
		_, err := osc52.New(text).WriteTo(w)
		return copiedMsg{what: what, err: err}
	}
}

// citeCmd copies an item as a citation (views.Citation).
func (m *Model) citeCmd(it views.Item) tea.Cmd {
	text, ok := views.Citation(m.c.DS, it, m.lang)
	if !ok {
		return nil
	}
	label, _, _ := strings.Cut(text, "\n")
	return m.copyCmd(text, fmt.Sprintf(views.MsgCopiedCitation.In(m.lang), label))
}

// copyViewCmd copies the current tab as the text `e` writes: the tab as
// on screen at its width, then the sources.
func (m *Model) copyViewCmd() tea.Cmd {
	text := views.ExportText(m.c.DS, []string{m.Tab()}, m.opts())
	t, _ := data.TabByID(m.Tab())
	return m.copyCmd(text, fmt.Sprintf(views.MsgCopiedView.In(m.lang), t.Title.In(m.lang)))
}

// copyDetailCmd copies the detail pane as plain text.
func (m *Model) copyDetailCmd() tea.Cmd {
	lines := views.Detail(m.c.DS, m.detail.item, m.opts(), views.PlainStyles())
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight(ansi.Strip(l), " "))
		b.WriteByte('\n')
	}
	return m.copyCmd(b.String(), views.MsgCopiedDetail.In(m.lang))
}

// copied shows the outcome of a copy in the footer.
func (m *Model) copied(msg copiedMsg) {
	if msg.err != nil {
		m.setStatus(fmt.Sprintf(views.MsgCopyError.In(m.lang), msg.err), true)
		return
	}
	m.setStatus(msg.what, false)
}
