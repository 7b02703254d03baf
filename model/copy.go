package model

import (
	"errors"
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

// copiedMsg reports the end of a copy: what was copied, for the footer
// (a message and its arguments, as setStatus takes them).
type copiedMsg struct {
	what views.Msg
	args []any
	err  error
}

// errNoClipboard is a copy with no terminal to send it to.
var errNoClipboard = errors.New("no terminal output")

// copyCmd makes the text and sends it to the clipboard off the UI
// goroutine, and reports it as what, formatted with args.
func (m *Model) copyCmd(text func() string, what views.Msg, args ...any) tea.Cmd {
	w := m.c.Clipboard
	return func() tea.Msg {
		if w == nil {
			return copiedMsg{what: what, args: args, err: errNoClipboard}
		}
		_, err := osc52.New(text()).WriteTo(w)
		return copiedMsg{what: what, args: args, err: err}
	}
}

// citeCmd copies an item as a citation (views.Citation).
func (m *Model) citeCmd(it views.Item) tea.Cmd {
	text, ok := views.Citation(m.c.DS, it, m.lang)
	if !ok {
		return nil
	}
	// The label is quoted as copied, in the citation's language.
	label, _, _ := strings.Cut(text, "\n")
	return m.copyCmd(func() string { return text }, views.MsgCopiedCitation, label)
}

// copyViewCmd copies the current tab as the text `e` writes: the tab as
// on screen at its width (its minimum on a screen too small), then the
// sources.
func (m *Model) copyViewCmd() tea.Cmd {
	ds, tab, o := m.c.DS, m.Tab(), m.exportOpts()
	t, _ := data.TabByID(tab)
	return m.copyCmd(func() string { return views.ExportText(ds, []string{tab}, o) }, views.MsgCopiedView, t.Title)
}

// copyDetailCmd copies the detail pane as plain text.
func (m *Model) copyDetailCmd() tea.Cmd {
	ds, it, o := m.c.DS, m.detail.item, m.exportOpts()
	return m.copyCmd(func() string {
		var b strings.Builder
		for _, l := range views.Detail(ds, it, o, views.PlainStyles()) {
			b.WriteString(strings.TrimRight(ansi.Strip(l), " "))
			b.WriteByte('\n')
		}
		return b.String()
	}, views.MsgCopiedDetail)
}

// copied shows the outcome of a copy in the footer.
func (m *Model) copied(msg copiedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus(statusError, views.MsgCopyError, msg.err)
	}
	return m.setStatus(statusInfo, msg.what, msg.args...)
}
