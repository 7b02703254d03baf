package model

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Minimum terminal size; below it the screen shows one line saying so.
const (
	MinWidth  = 40
	MinHeight = 10
)

// chrome is the number of lines around the body: tab bar, rule, rule,
// footer.
const chrome = 4

type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayDetail
	overlaySearch
)

// tabState is what each tab remembers.
type tabState struct {
	mode   views.Mode
	sel    int // selected item index
	offset int // first body line on screen
}

// Model is the root model.
type Model struct {
	c      *Common
	width  int
	height int
	lang   data.Lang
	tab    int
	tabs   []tabState
	over   overlay
	help   help.Model

	detail struct {
		item views.Item
		pager
	}
	helpPage pager
	search   struct {
		input textinput.Model
		hits  []data.Hit
		sel   int
	}

	status statusLine

	memo memo
}

// New returns the root model in language lang.
func New(c *Common, lang data.Lang) *Model {
	m := &Model{c: c, lang: lang, tabs: make([]tabState, len(data.Tabs()))}
	m.help = help.New()
	m.search.input = textinput.New()
	m.search.input.Prompt = "/ "
	m.search.input.CharLimit = 64
	m.applyStyles()
	m.setLang(lang)
	return m
}

// applyStyles gives the help and the search input the styles of
// Common.Styles: the defaults of both use the global renderer, which would
// bring colours into plain output.
func (m *Model) applyStyles() {
	st := m.c.Styles
	m.help.Styles.ShortKey = st.Key
	m.help.Styles.FullKey = st.Key
	m.help.Styles.ShortDesc = st.Muted
	m.help.Styles.FullDesc = st.Muted
	m.help.Styles.ShortSeparator = st.Muted
	m.help.Styles.FullSeparator = st.Muted
	m.help.Styles.Ellipsis = st.Muted
	m.search.input.PromptStyle = st.Key
	m.search.input.TextStyle = st.Label
	m.search.input.PlaceholderStyle = st.Muted
	m.search.input.CompletionStyle = st.Muted
	m.search.input.Cursor.Style = st.Label
	m.search.input.Cursor.TextStyle = st.Label
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Lang is the current language.
func (m *Model) Lang() data.Lang { return m.lang }

// Tab is the id of the current tab.
func (m *Model) Tab() string { return data.Tabs()[m.tab].ID }

// Mode is the current tab's mode.
func (m *Model) Mode() views.Mode { return m.tabs[m.tab].mode }

// Selected is the selected item of the current tab, if any.
func (m *Model) Selected() (views.Item, bool) {
	items := m.page().Items()
	s := m.tabs[m.tab].sel
	if s < 0 || s >= len(items) {
		return views.Item{}, false
	}
	return items[s], true
}

func (m *Model) setLang(l data.Lang) {
	m.lang = l
	m.c.Keys.Localize(l)
	m.search.input.Placeholder = views.MsgSearchHint.In(l)
	m.relayOverlay()
}

// relayOverlay lays out again the open detail pane or help for the size,
// language or styles now.
func (m *Model) relayOverlay() {
	switch m.over {
	case overlayDetail:
		m.openDetail(m.detail.item)
	case overlayHelp:
		m.helpPage.lines = m.helpLines()
	}
}

// openHelp shows the help, from its top.
func (m *Model) openHelp() {
	m.over, m.helpPage.offset = overlayHelp, 0
	m.helpPage.lines = m.helpLines()
}

func (m *Model) opts() views.Options {
	return views.Options{Width: m.width, Lang: m.lang, Mode: m.tabs[m.tab].mode, ASCII: m.c.ASCII}
}

// page returns the current tab's page, built once per PageKey and kept
// in Common.Bodies.
func (m *Model) page() *views.Page {
	o := m.opts()
	k := PageKey{Tab: m.Tab(), Width: o.Width, Lang: o.Lang, Mode: o.Mode, ASCII: o.ASCII, Look: m.c.Look}
	return m.c.Bodies.Get(k, func() *views.Page { return views.RenderPage(m.c.DS, k.Tab, o, m.c.Styles) })
}

// bodyHeight is the number of body lines on screen.
func (m *Model) bodyHeight() int { return max(m.height-chrome, 0) }

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// Update implements tea.Model. Each kind of message goes to its handler;
// keys go to the handler of what is in front.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case exportedMsg:
		return m, m.exported(msg)
	case statusExpiredMsg:
		m.expireStatus(msg)
		return m, nil
	case tea.ResumeMsg:
		// The terminal was given back and taken again (ctrl+z, fg):
		// Bubble Tea v1 does not turn the mouse back on.
		return m, tea.EnableMouseCellMotion
	case copiedMsg:
		return m, m.copied(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case tea.KeyMsg:
		// A message lasts until the next key; L shows it in the other
		// language.
		if !key.Matches(msg, m.c.Keys.Lang) {
			m.clearStatus()
		}
		switch msg.Type {
		case tea.KeyCtrlC:
			return m, tea.Quit
		case tea.KeyCtrlZ:
			return m, m.suspend()
		}
		if burst(msg) && m.over != overlaySearch {
			return m, m.eachKey(msg)
		}
		switch m.over {
		case overlayHelp:
			return m, m.updateHelp(msg)
		case overlayDetail:
			return m, m.updateDetail(msg)
		case overlaySearch:
			return m, m.updateSearch(msg)
		}
		return m, m.updateMain(msg)
	}
	return m, nil
}

func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.help.Width = m.width
	m.search.input.Width = max(m.width/2-4, 1)
	m.relayOverlay()
	m.keepVisible()
}

// MsgNoSuspend is the footer's message for ctrl+z where the process cannot
// be stopped.
var MsgNoSuspend = views.Msg{ZH: "无法挂起:没有支持作业控制的 shell 接手终端", EN: "cannot suspend: no shell with job control would take the terminal"}

// suspend stops the program (ctrl+z), to be continued by the shell's fg,
// where that can be.
func (m *Model) suspend() tea.Cmd {
	if m.c.CanSuspend == nil || !m.c.CanSuspend() {
		return m.setStatus(statusError, MsgNoSuspend)
	}
	return tea.Suspend
}

// updateMain handles keys on the dashboard itself.
func (m *Model) updateMain(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.NextTab):
		m.switchTab((m.tab + 1) % len(data.Tabs()))
	case key.Matches(msg, k.PrevTab):
		m.switchTab((m.tab + len(data.Tabs()) - 1) % len(data.Tabs()))
	case key.Matches(msg, k.JumpTab):
		m.switchTab(int(msg.Runes[0] - '1'))
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.PageDown):
		m.scroll(m.bodyHeight())
	case key.Matches(msg, k.PageUp):
		m.scroll(-m.bodyHeight())
	case key.Matches(msg, k.Top):
		m.selectItem(0)
	case key.Matches(msg, k.Bottom):
		m.selectItem(len(m.page().Items()) - 1)
	case key.Matches(msg, k.Open):
		if it, ok := m.Selected(); ok {
			m.openDetail(it)
		}
	case key.Matches(msg, k.Table):
		t := &m.tabs[m.tab]
		it, ok := m.Selected()
		t.mode = 1 - t.mode
		if ok {
			m.selectByID(it.Kind, it.ID)
		}
		m.keepVisible()
	case key.Matches(msg, k.Search):
		m.openSearch()
	case key.Matches(msg, k.Lang):
		m.toggleLang()
		m.keepVisible()
	case key.Matches(msg, k.Export):
		return m.exportCmd()
	case key.Matches(msg, k.Cite):
		if it, ok := m.Selected(); ok {
			return m.citeCmd(it)
		}
	case key.Matches(msg, k.CopyView):
		return m.copyViewCmd()
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Back):
		m.clearStatus()
	}
	return nil
}

func (m *Model) switchTab(i int) {
	if i < 0 || i >= len(data.Tabs()) {
		return
	}
	m.tab = i
	m.keepVisible()
}

func (m *Model) move(d int) { m.selectItem(m.tabs[m.tab].sel + d) }

func (m *Model) selectItem(i int) {
	n := len(m.page().Items())
	if n == 0 {
		return
	}
	m.tabs[m.tab].sel = min(max(i, 0), n-1)
	m.keepVisible()
}

// selectByID selects an item of the current tab by kind and id.
func (m *Model) selectByID(k views.ItemKind, id string) bool {
	for i, it := range m.page().Items() {
		if it.Kind == k && it.ID == id {
			m.tabs[m.tab].sel = i
			m.keepVisible()
			return true
		}
	}
	return false
}

func (m *Model) scroll(d int) {
	t := &m.tabs[m.tab]
	t.offset = m.clampOffset(t.offset + d)
}

// pinned is how many rows at the top of the body a table's header takes
// when the page is scrolled to offset (views.Page.Pinned).
func (m *Model) pinned(offset int) int { return len(m.page().Pinned(offset)) }

// clampOffset keeps an offset within the page: the last screen is full,
// its last row shown under any pinned header.
func (m *Model) clampOffset(o int) int {
	h := m.bodyHeight()
	last := max(m.page().Len()-h, 0)
	last += min(m.pinned(last), max(m.page().Len()-h, 0))
	return min(max(o, 0), last)
}

// keepVisible scrolls so that the selected item is on screen (the first
// place it is drawn: a figure also listed in the key under the panels is
// not pulled into view with it), and the selection stays in range.
func (m *Model) keepVisible() {
	if m.tooSmall() {
		return
	}
	t := &m.tabs[m.tab]
	p := m.page()
	items := p.Items()
	if t.sel >= len(items) {
		t.sel = max(len(items)-1, 0)
	}
	h := m.bodyHeight()
	if t.sel < len(items) {
		first, last := items[t.sel].Rows()
		if last-first >= h-m.pinned(first) {
			last = first // taller than the screen: its top
		}
		if first >= 0 && first < t.offset {
			t.offset = first
			if t.sel == 0 {
				t.offset = 0
			}
		}
		// Rows under a pinned header are covered: scroll until the last
		// row is above the bottom with the header of where it lands.
		for range 3 {
			if last < t.offset+h-m.pinned(t.offset) {
				break
			}
			t.offset = last - (h - m.pinned(last-h+1)) + 1
		}
		if t.sel == len(items)-1 {
			t.offset = p.Len() // the last item: the end of the page, its border too
		}
	}
	t.offset = m.clampOffset(t.offset)
}

// View implements tea.Model: the tab bar, the body (the page, or an
// overlay), the rule with the scroll indicator, the footer. It is a
// function of the model's state: what it keeps (pages, the tab bar, the
// footer) is kept by everything it depends on.
func (m *Model) View() string {
	if m.tooSmall() {
		return views.TooSmall(m.width, m.height, MinWidth, MinHeight, m.lang)
	}
	head, _ := m.header()
	h := m.bodyHeight()
	var body []string
	first, total := 0, 0
	switch m.over {
	case overlayHelp:
		body = m.helpPage.view(h)
		first, total = m.helpPage.offset, len(m.helpPage.lines)
	case overlayDetail:
		body = m.detail.view(h)
		first, total = m.detail.offset, len(m.detail.lines)
	case overlaySearch:
		body = m.searchLines(h)
	default:
		body = m.bodyLines(h)
		first, total = m.tabs[m.tab].offset, m.page().Len()
		h -= m.pinned(first)
	}
	for len(body) < m.bodyHeight() {
		body = append(body, "")
	}
	body = body[:m.bodyHeight()]
	lines := make([]string, 0, len(body)+4)
	lines = append(lines, head...)
	lines = append(lines, body...)
	lines = append(lines, m.bottomRule(first, h, total), m.cachedFooter())
	return strings.Join(lines, "\n")
}

// bodyLines are the page's lines on screen, the selected item drawn
// selected, under the header of a table scrolled past it.
func (m *Model) bodyLines(h int) []string {
	p := m.page()
	t := m.tabs[m.tab]
	sel := -1
	if t.sel < len(p.Items()) {
		sel = t.sel
	}
	out := make([]string, 0, h)
	for _, r := range p.Pinned(t.offset) {
		out = append(out, p.Line(r, -1))
	}
	for i := t.offset; i < p.Len() && len(out) < h; i++ {
		out = append(out, p.Line(i, sel))
	}
	return out
}

// footer is the status line: a message or the short help, then the
// language and the data source.
func (m *Model) footer() string {
	st := m.c.Styles
	right := " " + views.MsgLangName.In(m.lang) + " · " + m.c.DS.Meta.Source.In(m.lang)
	if m.c.ASCII {
		right = views.ASCIISafe(right)
	}
	// A message (such as the path of an export) needs the room more than
	// the source does.
	status := m.statusText()
	if status != "" || views.Width(right) > m.width/2 {
		right = " " + views.MsgLangName.In(m.lang)
	}
	rw := views.Width(right)
	var left string
	switch {
	case status != "" && m.status.kind == statusError:
		left = st.Error.Render(views.Fit(status, m.width-rw))
	case status != "":
		left = st.Status.Render(views.Fit(status, m.width-rw))
	case m.over == overlaySearch:
		left = views.Fit(m.search.input.View(), m.width-rw)
	default:
		// The help bubble lets a binding overflow its width when there is
		// no room left for its ellipsis; narrow it until the help fits, so
		// that it ends at a whole binding and the right part stays.
		for w := m.width - rw; w > 0; w-- {
			m.help.Width = w
			left = m.help.ShortHelpView(m.c.Keys.ShortHelp())
			if views.Width(left) <= m.width-rw {
				break
			}
		}
		left = views.Fit(left, m.width-rw)
	}
	if m.c.ASCII {
		left = views.ASCIISafe(left)
	}
	gap := max(m.width-views.Width(left)-rw, 0)
	return views.Fit(left+strings.Repeat(" ", gap)+st.Muted.Render(right), m.width)
}

// helpLines is the full help, generated from the key map.
func (m *Model) helpLines() []string {
	// The help bubble drops the columns that do not fit its width; lay
	// out as many columns side by side as fit and put the rest below, so
	// that every key shows.
	m.help.Width = 0
	var blocks []string
	for cols := m.c.Keys.FullHelp(); len(cols) > 0; {
		n := len(cols)
		for n > 1 && lipgloss.Width(m.help.FullHelpView(cols[:n])) > m.width-2 {
			n--
		}
		blocks = append(blocks, m.help.FullHelpView(cols[:n]))
		cols = cols[n:]
	}
	s := strings.Join(blocks, "\n\n")
	out := []string{"  " + m.c.Styles.Heading.Render(views.MsgHelpTitle.In(m.lang)), ""}
	for _, l := range strings.Split(s, "\n") {
		l = views.Fit("  "+l, m.width)
		if m.c.ASCII {
			l = views.ASCIISafe(l)
		}
		out = append(out, l)
	}
	return out
}

func (m *Model) updateHelp(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help, k.Back):
		m.over = overlayNone
	default:
		m.pageKeys(msg, &m.helpPage)
	}
	return nil
}
