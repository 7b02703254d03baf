package model

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/data"
)

// KeyMap is every key of the dashboard. Help is generated from it, so a
// key that is not here does not exist.
type KeyMap struct {
	NextTab  key.Binding
	PrevTab  key.Binding
	JumpTab  key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	Cite     key.Binding
	Back     key.Binding
	Table    key.Binding
	Search   key.Binding
	Lang     key.Binding
	Export   key.Binding
	CopyView key.Binding
	Help     key.Binding
	Suspend  key.Binding
	Quit     key.Binding

	// session: e copies instead of writing a file (NewSessionCommon), and
	// the help says so.
	session bool
}

// keyHelp is the help text of each binding in both languages.
var keyHelp = map[string][2]data.Text{
	// name: {keys shown, description}
	"NextTab":  {{ZH: "tab/→/l", EN: "tab/→/l"}, {ZH: "下一页签", EN: "next tab"}},
	"PrevTab":  {{ZH: "shift+tab/←/h", EN: "shift+tab/←/h"}, {ZH: "上一页签", EN: "previous tab"}},
	"JumpTab":  {{ZH: "1-" + lastDigit(), EN: "1-" + lastDigit()}, {ZH: "跳到页签", EN: "jump to tab"}},
	"Up":       {{ZH: "↑/k", EN: "↑/k"}, {ZH: "上移", EN: "up"}},
	"Down":     {{ZH: "↓/j", EN: "↓/j"}, {ZH: "下移", EN: "down"}},
	"PageUp":   {{ZH: "pgup/b", EN: "pgup/b"}, {ZH: "上翻页", EN: "page up"}},
	"PageDown": {{ZH: "pgdn/space", EN: "pgdn/space"}, {ZH: "下翻页", EN: "page down"}},
	"Top":      {{ZH: "g/home", EN: "g/home"}, {ZH: "到顶", EN: "first"}},
	"Bottom":   {{ZH: "G/end", EN: "G/end"}, {ZH: "到底", EN: "last"}},
	"Open":     {{ZH: "enter", EN: "enter"}, {ZH: "详情与出处", EN: "details & source"}},
	"Cite":     {{ZH: "y", EN: "y"}, {ZH: "复制引文", EN: "copy citation"}},
	"Back":     {{ZH: "esc", EN: "esc"}, {ZH: "关闭", EN: "close"}},
	"Table":    {{ZH: "t", EN: "t"}, {ZH: "面板/表格", EN: "panels/table"}},
	"Search":   {{ZH: "/", EN: "/"}, {ZH: "搜索", EN: "search"}},
	"Lang":     {{ZH: "L", EN: "L"}, {ZH: "语言:English", EN: "language: 中文"}},
	"Export":   {{ZH: "e", EN: "e"}, {ZH: "导出文本", EN: "export text"}},
	"CopyView": {{ZH: "Y", EN: "Y"}, {ZH: "复制本页文本", EN: "copy view as text"}},
	"Help":     {{ZH: "?", EN: "?"}, {ZH: "帮助", EN: "help"}},
	"Suspend":  {{ZH: "ctrl+z", EN: "ctrl+z"}, {ZH: "挂起", EN: "suspend"}},
	"Quit":     {{ZH: "q/ctrl+c", EN: "q/ctrl+c"}, {ZH: "退出", EN: "quit"}},
}

// DefaultKeyMap returns the key map with English help.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NextTab:  key.NewBinding(key.WithKeys("tab", "right", "l")),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab", "left", "h")),
		JumpTab:  key.NewBinding(key.WithKeys(digits()...)),
		Up:       key.NewBinding(key.WithKeys("up", "k")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " ")),
		Top:      key.NewBinding(key.WithKeys("g", "home")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end")),
		Open:     key.NewBinding(key.WithKeys("enter")),
		Cite:     key.NewBinding(key.WithKeys("y")),
		Back:     key.NewBinding(key.WithKeys("esc")),
		Table:    key.NewBinding(key.WithKeys("t")),
		Search:   key.NewBinding(key.WithKeys("/")),
		Lang:     key.NewBinding(key.WithKeys("L")),
		Export:   key.NewBinding(key.WithKeys("e")),
		CopyView: key.NewBinding(key.WithKeys("Y")),
		Help:     key.NewBinding(key.WithKeys("?")),
		Suspend:  key.NewBinding(key.WithKeys("ctrl+z")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c")),
	}
	k.Localize(data.EN)
	return k
}

// sessionHelp replaces keyHelp in a served session.
var sessionHelp = map[string][2]data.Text{
	"Export": {{ZH: "e", EN: "e"}, {ZH: "复制文本(不存文件)", EN: "copy text (no file)"}},
}

// Localize sets the help texts to language l.
func (k *KeyMap) Localize(l data.Lang) {
	for name, b := range k.byName() {
		h := keyHelp[name]
		if s, ok := sessionHelp[name]; ok && k.session {
			h = s
		}
		b.SetHelp(h[0].In(l), h[1].In(l))
	}
}

func (k *KeyMap) byName() map[string]*key.Binding {
	return map[string]*key.Binding{
		"NextTab": &k.NextTab, "PrevTab": &k.PrevTab, "JumpTab": &k.JumpTab,
		"Up": &k.Up, "Down": &k.Down, "PageUp": &k.PageUp, "PageDown": &k.PageDown,
		"Top": &k.Top, "Bottom": &k.Bottom, "Open": &k.Open, "Cite": &k.Cite, "Back": &k.Back,
		"Table": &k.Table, "Search": &k.Search, "Lang": &k.Lang, "Export": &k.Export,
		"CopyView": &k.CopyView, "Help": &k.Help, "Suspend": &k.Suspend, "Quit": &k.Quit,
	}
}

// ShortHelp is the footer's help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.NextTab, k.Down, k.Open, k.Cite, k.Search, k.Table, k.Lang, k.Export, k.Quit}
}

// FullHelp is the `?` screen, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextTab, k.PrevTab, k.JumpTab},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Cite, k.Back, k.Table, k.Search},
		{k.Lang, k.Export, k.CopyView, k.Help, k.Suspend, k.Quit},
	}
}

// digits are the keys that jump to a tab: 1 to the number of tabs (at
// most 9).
func digits() []string {
	var d []string
	for i := range min(len(data.Tabs()), 9) {
		d = append(d, strconv.Itoa(i+1))
	}
	return d
}

func lastDigit() string { return strconv.Itoa(min(len(data.Tabs()), 9)) }

// burst reports a key message that holds several typed keys: Bubble Tea
// v1 reads the letters that come in one read (a held key on a slow link,
// several keys in one SSH packet) as one message, which matches no
// binding. Pasted text is not a burst.
func burst(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste
}

// eachKey handles each letter of a burst as a key of its own.
func (m *Model) eachKey(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
