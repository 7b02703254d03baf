package model

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

var (
	kEnter    = tea.KeyMsg{Type: tea.KeyEnter}
	kEsc      = tea.KeyMsg{Type: tea.KeyEsc}
	kTab      = tea.KeyMsg{Type: tea.KeyTab}
	kShiftTab = tea.KeyMsg{Type: tea.KeyShiftTab}
	kLeft     = tea.KeyMsg{Type: tea.KeyLeft}
	kRight    = tea.KeyMsg{Type: tea.KeyRight}
	kUp       = tea.KeyMsg{Type: tea.KeyUp}
	kDown     = tea.KeyMsg{Type: tea.KeyDown}
	kCtrlC    = tea.KeyMsg{Type: tea.KeyCtrlC}
)

func selectedID(t *testing.T, m *Model) string {
	t.Helper()
	it, ok := m.Selected()
	if !ok {
		t.Fatalf("nothing selected on %s", m.Tab())
	}
	return it.ID
}

// markedLine is what the screen shows of the selected item, its lines
// joined: each of its spans on screen must start with the "> " selection
// margin.
func markedLine(t *testing.T, m *Model) string {
	t.Helper()
	it, ok := m.Selected()
	if !ok {
		t.Fatalf("nothing selected on %s", m.Tab())
	}
	lines := screenLines(m)
	off, pins := m.tabs[m.tab].offset, m.pinned(m.tabs[m.tab].offset)
	var got []string
	for _, sp := range it.Spans {
		y := sp.Row - off + pins + headerRows
		if y < headerRows+pins || y >= headerRows+m.bodyHeight() {
			continue
		}
		cells := ansi.Cut(lines[y], sp.Col, sp.Col+sp.Width)
		if !strings.HasPrefix(cells, "> ") {
			t.Fatalf("%s: %s is not marked on row %d: %q", m.Tab(), it.ID, y, lines[y])
		}
		got = append(got, strings.TrimSpace(cells[2:]))
	}
	if len(got) == 0 {
		t.Fatalf("%s: the selected %s is not on screen", m.Tab(), it.ID)
	}
	return strings.Join(got, " ")
}

func labelOf(t *testing.T, m *Model, it views.Item) string {
	t.Helper()
	ds := m.c.DS
	switch it.Kind {
	case views.KindFigure: // a tile or chart's short label, or a table's full one
		f, _ := ds.Figure(it.ID)
		return f.Label.In(m.Lang()) + "\x00" + f.Short.In(m.Lang())
	case views.KindProject:
		p, _ := ds.Project(it.ID)
		return p.Name.In(m.Lang())
	}
	return it.ID
}

// shows reports whether the text of an item shows the start of a label
// (of one of the forms labelOf gives).
func shows(text, label string) bool {
	return slices.ContainsFunc(strings.Split(label, "\x00"), func(l string) bool {
		return strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(prefix(l, 4), " ", ""))
	})
}

func TestMoveSelection(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := newModel(t, l, 120, 40, false)
			items := m.page().Items()
			if selectedID(t, m) != items[0].ID {
				t.Fatalf("first selection %s, want %s", selectedID(t, m), items[0].ID)
			}
			steps := []struct {
				key  tea.Msg
				want int
			}{
				{keyRunes("j"), 1}, {keyRunes("j"), 2}, {kDown, 3}, {keyRunes("k"), 2}, {kUp, 1},
				{kUp, 0}, {keyRunes("k"), 0}, {keyRunes("G"), len(items) - 1}, {keyRunes("j"), len(items) - 1},
				{keyRunes("g"), 0},
			}
			for i, s := range steps {
				press(m, s.key)
				if got := selectedID(t, m); got != items[s.want].ID {
					t.Fatalf("step %d: selected %s, want %s", i, got, items[s.want].ID)
				}
				if s.want < 4 {
					if ml := markedLine(t, m); !shows(ml, labelOf(t, m, items[s.want])) {
						t.Errorf("step %d: marked line %q does not show %q", i, ml, labelOf(t, m, items[s.want]))
					}
				}
			}
		})
	}
}

// Moving down the items of the first panels, which are on screen, does
// not scroll: the first panel keeps its title.
func TestMoveKeepsHeading(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 80, 24, false)
		g := m.c.DS.GroupsOf("overview")[0]
		for i := 0; i < 4; i++ {
			if ls := screenLines(m); !strings.Contains(ls[2], prefix(g.Title.In(l), 4)) {
				t.Fatalf("%s after %d j: first body line %q, want the title %q", l, i, ls[2], g.Title.In(l))
			}
			press(m, keyRunes("j"))
		}
	}
}

func TestSwitchTabs(t *testing.T) {
	n := len(data.Tabs())
	for _, l := range data.Langs() {
		m := newModel(t, l, 100, 30, false)
		want := 0
		check := func(what string) {
			t.Helper()
			if m.Tab() != data.Tabs()[want].ID {
				t.Fatalf("%s %s: tab %s, want %s", l, what, m.Tab(), data.Tabs()[want].ID)
			}
			if h := screenLines(m)[0]; !strings.Contains(h, "["+fmt.Sprint(want+1)+" "+data.Tabs()[want].Title.In(l)+"]") {
				t.Fatalf("%s %s: tab bar %q does not bracket %s", l, what, h, data.Tabs()[want].ID)
			}
		}
		check("start")
		for _, k := range []tea.Msg{kTab, kRight, keyRunes("l")} {
			press(m, k)
			want = (want + 1) % n
			check(k.(tea.KeyMsg).String())
		}
		for _, k := range []tea.Msg{kShiftTab, kLeft, keyRunes("h"), kShiftTab, kShiftTab, kShiftTab} {
			press(m, k)
			want = (want + n - 1) % n
			check(k.(tea.KeyMsg).String())
		}
		for i := n; i >= 1; i-- {
			press(m, keyRunes(fmt.Sprint(i)))
			want = i - 1
			check(fmt.Sprint(i))
		}
		// A digit past the tabs does nothing.
		press(m, keyRunes("9"))
		check("9")
	}
}

// sourceIn reports whether lines hold the sentence (wrapping may break it
// at spaces).
func sourceIn(lines []string, src string) bool {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimSpace(l))
	}
	strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	return strings.Contains(strip(b.String()), strip(src))
}

func TestDetail(t *testing.T) {
	for _, l := range data.Langs() {
		for ti, tab := range data.Tabs() {
			m := newModel(t, l, 160, 48, false)
			press(m, keyRunes(fmt.Sprint(ti+1)))
			for it, _ := m.Selected(); it.Kind != views.KindFigure; it, _ = m.Selected() {
				press(m, keyRunes("j"))
			}
			it, _ := m.Selected()
			f, _ := m.c.DS.Figure(it.ID)
			press(m, kEnter)
			if m.over != overlayDetail {
				t.Fatalf("%s %s: enter did not open the detail", l, tab.ID)
			}
			v := ansi.Strip(m.View())
			for _, s := range []string{f.Label.ZH, f.Label.EN, "“" + prefix(f.Source, 20)} {
				if !strings.Contains(v, s) {
					t.Errorf("%s %s: detail does not show %q:\n%s", l, tab.ID, s, v)
				}
			}
			if !sourceIn(m.detail.lines, "“"+f.Source+"”") {
				t.Errorf("%s %s: detail lacks the verbatim source %q", l, tab.ID, f.Source)
			}
			// j/k scroll the detail, not the selection.
			press(m, keyRunes("j"), keyRunes("k"))
			press(m, kEsc)
			if m.over != overlayNone {
				t.Fatalf("%s %s: esc did not close the detail", l, tab.ID)
			}
			if selectedID(t, m) != it.ID {
				t.Errorf("%s %s: selection moved in the detail", l, tab.ID)
			}
			if strings.Contains(ansi.Strip(m.View()), "“"+prefix(f.Source, 20)) {
				t.Errorf("%s %s: source still on screen after esc", l, tab.ID)
			}
		}
	}
}

// Every figure, project, structure and note opens a detail with its
// verbatim source, in both languages.
func TestDetailEveryItem(t *testing.T) {
	ds := data.Default()
	for _, l := range data.Langs() {
		m := newModel(t, l, 120, 40, false)
		for ti := range data.Tabs() {
			press(m, keyRunes(fmt.Sprint(ti+1)))
			for _, mode := range []views.Mode{views.ModeCharts, views.ModeTable} {
				if m.Mode() != mode {
					press(m, keyRunes("t"))
				}
				for _, it := range m.page().Items() {
					lines := views.Detail(ds, it, m.opts(), m.c.Styles)
					var src string
					switch it.Kind {
					case views.KindFigure:
						f, _ := ds.Figure(it.ID)
						src = f.Source
					case views.KindProject:
						p, _ := ds.Project(it.ID)
						src = p.Source
					case views.KindStructure:
						s, _ := ds.Structure(it.ID)
						src = s.Source
					case views.KindNote:
						n, _ := ds.Note(it.ID)
						src = n.Quote
					case views.KindHonour:
						h, _ := ds.Honour(it.ID)
						src = h.Source
					case views.KindClaim:
						c, _ := ds.Claim(it.ID)
						src = c.Source
					case views.KindProgram:
						g, _ := ds.Program(it.ID)
						src = g.Source
					}
					if len(lines) == 0 || !sourceIn(lines, "“"+src+"”") {
						t.Errorf("%s: detail of %s lacks its source %q", l, it.ID, src)
					}
					for _, ln := range lines {
						if views.Width(ln) > 120 {
							t.Errorf("%s: detail of %s: line %d wide", l, it.ID, views.Width(ln))
						}
					}
				}
			}
		}
	}
}

func TestTableModeKeepsSelection(t *testing.T) {
	for _, l := range data.Langs() {
		for ti := range data.Tabs() {
			m := newModel(t, l, 120, 40, false)
			press(m, keyRunes(fmt.Sprint(ti+1)), keyRunes("j"), keyRunes("j"))
			it, _ := m.Selected()
			id := it.ID
			press(m, keyRunes("t"))
			if m.Mode() != views.ModeTable {
				t.Fatalf("%s: mode %v after t", m.Tab(), m.Mode())
			}
			if got := selectedID(t, m); got != id {
				t.Errorf("%s %s: t changed the selection %s → %s", l, m.Tab(), id, got)
			}
			if !shows(markedLine(t, m), labelOf(t, m, it)) {
				t.Errorf("%s %s: table does not mark %s", l, m.Tab(), id)
			}
			// The mode is per tab.
			press(m, kTab)
			if m.Mode() != views.ModeCharts {
				t.Errorf("%s: next tab is in mode %v", l, m.Mode())
			}
			press(m, kShiftTab, keyRunes("t"))
			if m.Mode() != views.ModeCharts || selectedID(t, m) != id {
				t.Errorf("%s %s: t back: mode %v, selection %s", l, m.Tab(), m.Mode(), selectedID(t, m))
			}
		}
	}
}

func TestSearch(t *testing.T) {
	for _, l := range data.Langs() {
		for _, q := range []string{"2406", "网格", "grid", "GRID"} {
			t.Run(string(l)+"/"+q, func(t *testing.T) {
				m := newModel(t, l, 100, 30, false)
				press(m, keyRunes("/"))
				if m.over != overlaySearch {
					t.Fatal("/ did not open the search")
				}
				for _, r := range q {
					press(m, keyRunes(string(r)))
				}
				if !strings.Contains(screenLines(m)[29], q) {
					t.Errorf("footer %q does not echo the query", screenLines(m)[29])
				}
				f, _ := m.c.DS.Figure("grid-workers")
				found := -1
				for i, h := range m.search.hits {
					if h.ID == "grid-workers" && h.Kind == data.HitFigure {
						found = i
					}
				}
				if found < 0 {
					t.Fatalf("%q: no grid-workers among %v", q, m.search.hits)
				}
				if v := ansi.Strip(m.View()); !strings.Contains(v, f.Label.In(l)) {
					t.Errorf("%q: results do not list %q:\n%s", q, f.Label.In(l), v)
				}
				for range found {
					press(m, kDown)
				}
				press(m, kEnter)
				if m.over != overlayNone {
					t.Fatal("enter did not close the search")
				}
				if m.Tab() != "governance" || selectedID(t, m) != "grid-workers" {
					t.Errorf("%q: jumped to %s/%s, want governance/grid-workers", q, m.Tab(), selectedID(t, m))
				}
				if !strings.Contains(markedLine(t, m), prefix(f.Label.In(l), 3)) {
					t.Errorf("%q: grid-workers not marked: %q", q, markedLine(t, m))
				}
			})
		}
		// esc cancels: tab and selection stay.
		m := newModel(t, l, 100, 30, false)
		press(m, keyRunes("2"), keyRunes("j"))
		tab, id := m.Tab(), selectedID(t, m)
		press(m, keyRunes("/"), keyRunes("g"), keyRunes("r"), keyRunes("i"), keyRunes("d"), kEsc)
		if m.over != overlayNone || m.Tab() != tab || selectedID(t, m) != id {
			t.Errorf("%s: esc: overlay %v, %s/%s, want %s/%s", l, m.over, m.Tab(), selectedID(t, m), tab, id)
		}
		// Keys typed in the search are text, not commands.
		press(m, keyRunes("/"), keyRunes("q"), keyRunes("L"), keyRunes("?"))
		if m.over != overlaySearch || m.Lang() != l || m.search.input.Value() != "qL?" {
			t.Errorf("%s: typing in the search ran commands: overlay %v lang %s value %q", l, m.over, m.Lang(), m.search.input.Value())
		}
		// Enter with no hits closes the search and changes nothing.
		press(m, kEnter)
		if m.over != overlayNone || m.Tab() != tab {
			t.Errorf("%s: enter with no hits: overlay %v tab %s", l, m.over, m.Tab())
		}
	}
}

func TestLanguageToggle(t *testing.T) {
	m := newModel(t, data.ZH, 120, 40, false)
	press(m, keyRunes("3"), keyRunes("j"))
	id := selectedID(t, m)
	zh := ansi.Strip(m.View())
	press(m, keyRunes("L"))
	if m.Lang() != data.EN {
		t.Fatalf("lang %s after L", m.Lang())
	}
	en := ansi.Strip(m.View())
	for _, c := range []struct {
		s    string
		inZH bool
	}{
		{"[3 城乡]", true}, {"[3 Urban-rural]", false}, {"帮助", true}, {"help", false},
		{"中文 ·", true}, {"English ·", false}, {"村庄整治与示范村", true}, {"Village upgrades", false},
	} {
		if strings.Contains(zh, c.s) != c.inZH || strings.Contains(en, c.s) == c.inZH {
			t.Errorf("%q: in zh %v, in en %v", c.s, strings.Contains(zh, c.s), strings.Contains(en, c.s))
		}
	}
	if m.Tab() != "urban-rural" || selectedID(t, m) != id {
		t.Errorf("L moved: %s/%s", m.Tab(), selectedID(t, m))
	}
	// The help and an open detail follow the language.
	press(m, keyRunes("?"))
	if !strings.Contains(ansi.Strip(m.View()), "next tab") {
		t.Error("help not in English")
	}
	press(m, kEsc, kEnter, keyRunes("L"))
	if m.Lang() != data.ZH || m.over != overlayDetail {
		t.Fatalf("L in the detail: lang %s overlay %v", m.Lang(), m.over)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "原文出处") || strings.Contains(v, "Source sentence") {
		t.Errorf("detail did not switch to Chinese:\n%s", v)
	}
	press(m, kEsc, keyRunes("?"))
	if !strings.Contains(ansi.Strip(m.View()), "下一页签") {
		t.Error("help not in Chinese")
	}
}

func TestHelpScreen(t *testing.T) {
	for _, l := range data.Langs() {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {160, 48}} {
			m := newModel(t, l, sz[0], sz[1], false)
			press(m, keyRunes("?"))
			if m.over != overlayHelp {
				t.Fatal("? did not open the help")
			}
			v := ansi.Strip(m.View())
			k := DefaultKeyMap()
			k.Localize(l)
			for _, col := range k.FullHelp() {
				for _, b := range col {
					h := b.Help()
					if !strings.Contains(v, h.Key+" ") || !strings.Contains(v, h.Desc) {
						t.Errorf("%s %dx%d: help lacks %q %q:\n%s", l, sz[0], sz[1], h.Key, h.Desc, v)
					}
				}
			}
			if !strings.Contains(v, views.MsgHelpTitle.In(l)) {
				t.Errorf("%s: help has no title", l)
			}
			press(m, keyRunes("?"))
			if m.over != overlayNone {
				t.Errorf("%s: ? did not close the help", l)
			}
			press(m, keyRunes("?"), kEsc)
			if m.over != overlayNone {
				t.Errorf("%s: esc did not close the help", l)
			}
			// Other keys do nothing while the help is open.
			press(m, keyRunes("?"), keyRunes("j"), keyRunes("3"))
			if m.over != overlayHelp || m.Tab() != "overview" {
				t.Errorf("%s: keys leaked through the help: overlay %v tab %s", l, m.over, m.Tab())
			}
		}
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestQuit(t *testing.T) {
	for _, l := range data.Langs() {
		for _, setup := range [][]tea.Msg{nil, {keyRunes("?")}, {kEnter}, {keyRunes("t")}, {tea.WindowSizeMsg{Width: 10, Height: 3}}} {
			for _, k := range []tea.KeyMsg{keyRunes("q"), kCtrlC} {
				m := newModel(t, l, 80, 24, false)
				press(m, setup...)
				if !isQuit(press(m, k)) {
					t.Errorf("%s after %v: %s does not quit", l, setup, k)
				}
			}
		}
		// In the search, q is text and only ctrl+c quits.
		m := newModel(t, l, 80, 24, false)
		press(m, keyRunes("/"))
		if isQuit(press(m, keyRunes("q"))) {
			t.Errorf("%s: q quits from the search", l)
		}
		if !isQuit(press(m, kCtrlC)) {
			t.Errorf("%s: ctrl+c does not quit from the search", l)
		}
	}
}

func TestExportKeyCmd(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 100, 30, false)
		m.c.Now = func() time.Time { return time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC) }
		press(m, keyRunes("4"))
		cmd := press(m, keyRunes("e"))
		if cmd == nil {
			t.Fatal("e returned no command")
		}
		msg := cmd()
		press(m, msg)
		path := filepath.Join(m.c.ExportDir, "macun-governance-"+string(l)+"-20241001-080000.txt")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: export: %v (status %q)", l, err, m.statusText())
		}
		if !strings.Contains(string(b), "2406") {
			t.Errorf("%s: export lacks the grid workers", l)
		}
		if foot := screenLines(m)[29]; !strings.Contains(foot, filepath.Base(path)) && !strings.Contains(foot, "…") {
			t.Errorf("%s: footer %q does not report the export", l, foot)
		}
		// A second export does not replace the first.
		press(m, press(m, keyRunes("e"))())
		if _, err := os.Stat(strings.TrimSuffix(path, ".txt") + "-2.txt"); err != nil {
			t.Errorf("%s: second export: %v", l, err)
		}
		// esc clears the status.
		press(m, kEsc)
		if m.statusText() != "" {
			t.Errorf("%s: esc left the status %q", l, m.statusText())
		}
		// A failed export shows an error.
		m.c.ExportDir = filepath.Join(t.TempDir(), "missing")
		press(m, press(m, keyRunes("e"))())
		if m.status.kind != statusError {
			t.Errorf("%s: export to a missing directory: status %q is not an error", l, m.statusText())
		}
	}
}

// tabClick is a click (a release) on a tab's label on the tab bar.
func tabClick(t *testing.T, m *Model, id string, button tea.MouseButton) tea.MouseMsg {
	t.Helper()
	_, spans := m.header()
	for _, sp := range spans {
		if sp.ID == id {
			return tea.MouseMsg{X: sp.Col + sp.Width/2, Y: 0, Button: button, Action: tea.MouseActionRelease}
		}
	}
	t.Fatalf("no tab %s on the tab bar", id)
	return tea.MouseMsg{}
}

// cellClick is a click on cell x of page row r, scrolled into view.
func cellClick(m *Model, r, x int) tea.MouseMsg {
	t := &m.tabs[m.tab]
	if r < t.offset || r >= t.offset+m.bodyHeight()-m.pinned(t.offset) {
		t.offset = r
		t.offset = m.clampOffset(t.offset)
	}
	return tea.MouseMsg{X: x, Y: headerRows + m.pinned(t.offset) + r - t.offset, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease}
}

func TestMouse(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := newModel(t, l, 120, 40, false)
			// A press alone does nothing; the release clicks.
			c := tabClick(t, m, "industry", tea.MouseButtonLeft)
			press(m, tea.MouseMsg{X: c.X, Y: c.Y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
			if m.Tab() != "overview" {
				t.Fatalf("a press switched to %s", m.Tab())
			}
			press(m, c)
			if m.Tab() != "industry" {
				t.Fatalf("click on the industry tab: on %s", m.Tab())
			}

			// Click an item: it is selected; click again: its detail opens.
			target := m.page().Items()[2]
			sp := target.Spans[0]
			press(m, cellClick(m, sp.Row, sp.Col+sp.Width-1))
			if selectedID(t, m) != target.ID || m.over != overlayNone {
				t.Fatalf("first click: %s selected, overlay %v", selectedID(t, m), m.over)
			}
			press(m, cellClick(m, sp.Row, sp.Col))
			if m.over != overlayDetail || m.detail.item.ID != target.ID {
				t.Fatalf("second click opened %v %s, want the detail of %s", m.over, m.detail.item.ID, target.ID)
			}
			// A click on the body with the detail open selects nothing.
			press(m, cellClick(m, m.page().Items()[0].Spans[0].Row, m.page().Items()[0].Spans[0].Col))
			if m.over != overlayDetail || selectedID(t, m) != target.ID {
				t.Errorf("a click through the detail: overlay %v selection %s", m.over, selectedID(t, m))
			}
			// A tab click closes the detail.
			press(m, tabClick(t, m, "projects", tea.MouseButtonLeft))
			if m.over != overlayNone || m.Tab() != "projects" {
				t.Errorf("tab click from the detail: overlay %v tab %s", m.over, m.Tab())
			}
			// Other buttons do nothing.
			press(m, tabClick(t, m, "governance", tea.MouseButtonRight))
			if m.Tab() != "projects" {
				t.Errorf("right click switched to %s", m.Tab())
			}
			// Between panels, on a border or on a heading, a click selects
			// nothing.
			sel := m.tabs[m.tab].sel
			press(m, cellClick(m, 0, 1))
			if m.tabs[m.tab].sel != sel || m.over != overlayNone {
				t.Errorf("a click on a border selected %d", m.tabs[m.tab].sel)
			}
		})
	}
}

// TestClickEveryItem: a click on any cell of any item of any tab selects
// that item, at each width of the grid's breakpoints and in table mode,
// and a click on the tab bar switches tabs however the bar is shortened.
func TestClickEveryItem(t *testing.T) {
	for _, l := range data.Langs() {
		for _, w := range []int{40, 80, 100, 120, 160, 200} {
			m := newModel(t, l, w, 30, false)
			for _, tab := range data.Tabs() {
				press(m, tabClick(t, m, tab.ID, tea.MouseButtonLeft))
				if m.Tab() != tab.ID {
					t.Fatalf("%s %d: a click on tab %s shows %s", l, w, tab.ID, m.Tab())
				}
				for _, mode := range []views.Mode{views.ModeCharts, views.ModeTable} {
					if m.Mode() != mode {
						press(m, keyRunes("t"))
					}
					items := m.page().Items()
					if len(items) == 0 {
						t.Fatalf("%s %d %s mode %d: no items to click", l, w, tab.ID, mode)
					}
					for i, it := range items {
						if len(it.Spans) == 0 {
							t.Fatalf("%s %d %s mode %d: %s is drawn nowhere", l, w, tab.ID, mode, it.ID)
						}
						for _, sp := range it.Spans {
							for x := sp.Col; x < sp.Col+sp.Width; x++ {
								m.tabs[m.tab].sel = (i + 1) % len(items)
								press(m, cellClick(m, sp.Row, x))
								if m.tabs[m.tab].sel != i || m.over != overlayNone {
									t.Fatalf("%s %d %s mode %d: a click at (%d, row %d) selects %d, not %s (%d)",
										l, w, tab.ID, mode, x, sp.Row, m.tabs[m.tab].sel, it.ID, i)
								}
							}
						}
					}
				}
			}
		}
	}
}

func TestWheel(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 80, 14, false)
		first := func() string { return screenLines(m)[2] }
		top := first()
		press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		if first() == top || m.tabs[m.tab].offset != wheelLines {
			t.Errorf("%s: wheel down: offset %d, first line %q", l, m.tabs[m.tab].offset, first())
		}
		press(m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
		if first() != top {
			t.Errorf("%s: wheel up did not come back: %q", l, first())
		}
		for range 200 {
			press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		}
		if want := m.page().Len() - m.bodyHeight(); m.tabs[m.tab].offset != want {
			t.Errorf("%s: wheel to the end: offset %d, want %d", l, m.tabs[m.tab].offset, want)
		}
		// The wheel scrolls the detail too.
		press(m, keyRunes("g"), kEnter)
		top = first()
		press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		if first() == top {
			t.Errorf("%s: wheel did not scroll the detail", l)
		}
		// Mouse on a too-small screen is ignored: the wheel does not
		// scroll the detail, and a click where a tab was shown does not
		// switch to it.
		c := tabClick(t, m, "industry", tea.MouseButtonLeft)
		press(m, tea.WindowSizeMsg{Width: 20, Height: 5})
		off := m.detail.offset
		press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}, c)
		if m.detail.offset != off || m.over != overlayDetail || m.Tab() != "overview" {
			t.Errorf("%s: mouse on a too-small screen: detail offset %d → %d, overlay %v, tab %s",
				l, off, m.detail.offset, m.over, m.Tab())
		}
	}
}

func TestPaging(t *testing.T) {
	m := newModel(t, data.EN, 80, 14, false)
	h := m.bodyHeight()
	press(m, tea.KeyMsg{Type: tea.KeyPgDown})
	if m.tabs[m.tab].offset != h {
		t.Errorf("pgdown: offset %d, want %d", m.tabs[m.tab].offset, h)
	}
	press(m, keyRunes(" "))
	if m.tabs[m.tab].offset != 2*h {
		t.Errorf("space: offset %d, want %d", m.tabs[m.tab].offset, 2*h)
	}
	press(m, keyRunes("b"), tea.KeyMsg{Type: tea.KeyPgUp}, keyRunes("b"))
	if m.tabs[m.tab].offset != 0 {
		t.Errorf("pgup: offset %d", m.tabs[m.tab].offset)
	}
	// G selects the last item and shows it.
	press(m, keyRunes("G"))
	items := m.page().Items()
	last := items[len(items)-1]
	if got := selectedID(t, m); got != last.ID {
		t.Fatalf("G selected %s, want the last item %s", got, last.ID)
	}
	if ml := markedLine(t, m); !shows(ml, labelOf(t, m, last)) {
		t.Errorf("marked line %q does not show the last item %q", ml, labelOf(t, m, last))
	}
}

// The selection survives resizes: the selected item stays on screen.
func TestResizeKeepsSelection(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 120, 40, false)
		press(m, keyRunes("G"))
		id := selectedID(t, m)
		for _, sz := range [][2]int{{80, 24}, {40, 10}, {20, 5}, {300, 100}, {41, 11}} {
			press(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			if selectedID(t, m) != id {
				t.Errorf("%s %v: selection %s, want %s", l, sz, selectedID(t, m), id)
			}
			if sz[0] >= MinWidth && sz[1] >= MinHeight {
				markedLine(t, m)
			}
		}
	}
}

// prefix is the first n runes of s.
func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// TestPinnedHeader: while a table's rows scroll, its header stays on the
// first rows of the body, and the selected row is never under it.
func TestPinnedHeader(t *testing.T) {
	for _, l := range data.Langs() {
		for _, ascii := range []bool{false, true} {
			m := newModel(t, l, 120, 20, ascii)
			press(m, keyRunes("2"), keyRunes("t"))
			p := m.page()
			head := ""
			for i := 0; i < len(p.Items())-1; i++ {
				press(m, keyRunes("j"))
				markedLine(t, m) // on screen, below the header
				off := m.tabs[m.tab].offset
				pins := p.Pinned(off)
				if len(pins) == 0 {
					continue
				}
				lines := screenLines(m)
				head = lines[headerRows]
				if want := ansi.Strip(p.Line(pins[0], -1)); head != want {
					t.Fatalf("%s: offset %d: first body row %q, want the header %q", l, off, head, want)
				}
				if !strings.Contains(head, views.MsgColLabel.In(l)) || !strings.Contains(head, views.MsgColValue.In(l)) {
					t.Fatalf("%s: the pinned row is not the table's header: %q", l, head)
				}
			}
			if head == "" {
				t.Errorf("%s: scrolling the table never pinned its header", l)
			}
			// The wheel scrolls under the header too, to the last row.
			for range 100 {
				press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
			}
			lines := screenLines(m)
			if last := ansi.Strip(p.Line(p.Len()-1, -1)); strings.TrimRight(lines[len(lines)-3], " ") != strings.TrimRight(last, " ") {
				t.Errorf("%s: scrolled to the end, the last row shown is %q, want %q", l, lines[len(lines)-3], last)
			}
		}
	}
}

// TestScrollIndicator: the rule above the footer says which lines are on
// screen when there is more than one screen, with an arrow each way there
// is more; 7-bit with --ascii; and is a plain rule when all fits.
func TestScrollIndicator(t *testing.T) {
	for _, l := range data.Langs() {
		for _, ascii := range []bool{false, true} {
			up, down := "▲", "▼"
			if ascii {
				up, down = "^", "v"
			}
			m := newModel(t, l, 120, 40, ascii)
			rule := func() string { ls := screenLines(m); return ls[len(ls)-2] }
			n := m.page().Len()
			ind := func(a, b int) string {
				s := fmt.Sprintf(MsgScroll.In(l), a, b, n)
				if ascii {
					s = views.ASCIISafe(s)
				}
				return s
			}
			want := ind(1, 36)
			if r := rule(); !strings.Contains(r, want+" "+down) || strings.Contains(r, up) {
				t.Errorf("%s ascii %v: top: %q, want %q and %s only", l, ascii, r, want, down)
			}
			press(m, tea.KeyMsg{Type: tea.KeyPgDown})
			if r := rule(); !strings.Contains(r, up+" ") || !strings.Contains(r, " "+down) ||
				!strings.Contains(r, ind(37, 72)) {
				t.Errorf("%s ascii %v: second screen: %q", l, ascii, r)
			}
			press(m, keyRunes("G"))
			if r := rule(); !strings.Contains(r, up) || strings.Contains(r, down) {
				t.Errorf("%s ascii %v: bottom: %q", l, ascii, r)
			}
			// The detail pane has one too when it is long.
			press(m, keyRunes("g"), tea.KeyMsg{Type: tea.KeyEnter})
			press(m, tea.WindowSizeMsg{Width: 80, Height: 12})
			if r := rule(); !strings.Contains(r, down) {
				t.Errorf("%s ascii %v: a long detail has no indicator: %q", l, ascii, r)
			}
			// A tab that fits has a plain rule.
			press(m, tea.KeyMsg{Type: tea.KeyEsc}, tea.WindowSizeMsg{Width: 200, Height: 300})
			if r := rule(); strings.Trim(r, "─-") != "" {
				t.Errorf("%s ascii %v: a page that fits has %q", l, ascii, r)
			}
			for _, ln := range screenLines(m) {
				if ascii && strings.ContainsAny(ln, "▲▼–─") {
					t.Fatalf("%s: ascii screen has an ambiguous character: %q", l, ln)
				}
			}
		}
	}
}
