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
	zone "github.com/lrstanley/bubblezone"

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

// markedLine is the one screen line with the "> " selection margin.
func markedLine(t *testing.T, m *Model) string {
	t.Helper()
	var got []string
	for _, l := range screenLines(m)[2:] {
		if strings.HasPrefix(l, "> ") {
			got = append(got, l)
		}
	}
	if len(got) == 0 {
		t.Fatalf("no line is marked on %s", m.Tab())
	}
	return got[0]
}

func labelOf(t *testing.T, m *Model, it views.Item) string {
	t.Helper()
	ds := m.c.DS
	switch it.Kind {
	case views.KindFigure: // the full label, or where it does not fit the short one
		f, _ := ds.Figure(it.ID)
		return f.Label.In(m.Lang()) + "\x00" + f.Short.In(m.Lang())
	case views.KindProject:
		p, _ := ds.Project(it.ID)
		return p.Name.In(m.Lang())
	}
	return it.ID
}

// shows reports whether a line shows the start of a label (of one of the
// forms labelOf gives).
func shows(line, label string) bool {
	return slices.ContainsFunc(strings.Split(label, "\x00"), func(l string) bool { return strings.Contains(line, prefix(l, 4)) })
}

// prefix is the first n runes of s.
func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func TestMoveSelection(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := newModel(t, l, 120, 40, false)
			items := m.body().Items()
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

// Moving down a chart whose rows are on screen does not scroll, and the
// first chart keeps its heading.
func TestMoveKeepsHeading(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 80, 24, false)
		g := m.c.DS.GroupsOf("overview")[0]
		for i := 0; i < 4; i++ {
			if ls := screenLines(m); !strings.HasPrefix(ls[2], "  "+prefix(g.Title.In(l), 4)) {
				t.Fatalf("%s after %d j: first body line %q, want the heading %q", l, i, ls[2], g.Title.In(l))
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
			press(m, keyRunes(fmt.Sprint(ti+1)), keyRunes("j"))
			it, _ := m.Selected()
			if it.Kind != views.KindFigure {
				t.Fatalf("%s: second item is %v", tab.ID, it.Kind)
			}
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
				for _, it := range m.body().Items() {
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
			id := selectedID(t, m)
			press(m, keyRunes("t"))
			if m.Mode() != views.ModeTable {
				t.Fatalf("%s: mode %v after t", m.Tab(), m.Mode())
			}
			if got := selectedID(t, m); got != id {
				t.Errorf("%s %s: t changed the selection %s → %s", l, m.Tab(), id, got)
			}
			if !shows(markedLine(t, m), labelOf(t, m, views.Item{Kind: views.KindFigure, ID: id})) {
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
		{"中文 ·", true}, {"English ·", false}, {"全部指标", true}, {"All figures", false},
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

// zoneOf waits for bubblezone to record a zone of the last View.
func zoneOf(t *testing.T, m *Model, id string) *zone.ZoneInfo {
	t.Helper()
	m.View()
	for range 100 {
		if z := m.c.Zones.Get(id); z != nil && !z.IsZero() {
			return z
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("zone %s never recorded", id)
	return nil
}

func click(z *zone.ZoneInfo) tea.MouseMsg {
	return tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease}
}

// clickRow clicks body line i where it shows on screen until cond holds
// (zones, where a view has them, are recorded asynchronously; a click that
// misses does nothing).
func clickRow(t *testing.T, m *Model, i int, cond func() bool) {
	t.Helper()
	for range 100 {
		m.View()
		press(m, tea.MouseMsg{X: 2, Y: 2 + i - m.tabs[m.tab].offset, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("click on body line %d had no effect", i)
}

func TestMouse(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := newModel(t, l, 120, 40, false)
			// A press alone does nothing; the release clicks.
			z := zoneOf(t, m, views.TabZone("industry"))
			press(m, tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
			if m.Tab() != "overview" {
				t.Fatalf("a press switched to %s", m.Tab())
			}
			press(m, click(z))
			if m.Tab() != "industry" {
				t.Fatalf("click on the industry tab: on %s", m.Tab())
			}
			if z.StartY != 0 {
				t.Errorf("tab zone on row %d", z.StartY)
			}

			// Click a row: it is selected; click again: its detail opens.
			items := m.body().Items()
			target := items[2]
			clickRow(t, m, target.Lines[0], func() bool { return selectedID(t, m) == target.ID })
			if m.over != overlayNone {
				t.Fatal("first click opened something")
			}
			clickRow(t, m, target.Lines[0], func() bool { return m.over == overlayDetail })
			if m.detail.item.ID != target.ID {
				t.Fatalf("second click opened %s, want %s", m.detail.item.ID, target.ID)
			}
			// A tab click closes the detail.
			z = zoneOf(t, m, views.TabZone("projects"))
			press(m, click(z))
			if m.over != overlayNone || m.Tab() != "projects" {
				t.Errorf("tab click from the detail: overlay %v tab %s", m.over, m.Tab())
			}
			// Other buttons do nothing.
			z = zoneOf(t, m, views.TabZone("governance"))
			press(m, tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonRight, Action: tea.MouseActionRelease})
			if m.Tab() != "projects" {
				t.Errorf("right click switched to %s", m.Tab())
			}
		})
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
		if want := m.body().Len() - m.bodyHeight(); m.tabs[m.tab].offset != want {
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
		z := zoneOf(t, m, views.TabZone("industry"))
		press(m, tea.WindowSizeMsg{Width: 20, Height: 5})
		off := m.detail.offset
		press(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}, click(z))
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
	items := m.body().Items()
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

// TestZonesLater: a View after ZonesLater is the same frame as an ordinary
// View but registers no zones; the View after it registers them, so a
// click on a tab works.
func TestZonesLater(t *testing.T) {
	for _, l := range data.Langs() {
		m := newModel(t, l, 120, 40, false)
		m.ZonesLater()
		first := m.View()
		// bubblezone records zones asynchronously, so that none is there
		// yet would prove nothing; the frame must not have been scanned.
		if m.frame.scanned {
			t.Errorf("%s: the View after ZonesLater scanned for zones", l)
		}
		if again := m.View(); again != first {
			t.Errorf("%s: the frame without zones differs from the one with them:\n%s\n---\n%s", l, first, again)
		}
		z := zoneOf(t, m, views.TabZone("industry"))
		press(m, click(z))
		if m.Tab() != "industry" {
			t.Errorf("%s: click on the industry tab after the first frame: on %s", l, m.Tab())
		}
	}
}
