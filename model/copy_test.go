package model

import (
	"bytes"
	"encoding/base64"
	"os"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// osc52Texts are the texts of the OSC 52 sequences in b, in order.
func osc52Texts(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	for {
		i := bytes.Index(b, []byte("\x1b]52;c;"))
		if i < 0 {
			return out
		}
		b = b[i+len("\x1b]52;c;"):]
		end := bytes.IndexAny(b, "\x07\x1b")
		if end < 0 {
			t.Fatalf("unterminated OSC 52 sequence")
		}
		dec, err := base64.StdEncoding.DecodeString(string(b[:end]))
		if err != nil {
			t.Fatalf("OSC 52 payload is not base64: %v", err)
		}
		out = append(out, string(dec))
		b = b[end:]
	}
}

// run runs cmd, as Bubble Tea would, and gives its message to m.
func run(m *Model, cmd tea.Cmd) {
	if cmd != nil {
		m.Update(cmd())
	}
}

// footerLine is the last line of the screen, without escape codes.
func footerLine(m *Model) string {
	ls := screenLines(m)
	return ls[len(ls)-1]
}

func TestCiteCopiesSelection(t *testing.T) {
	for _, l := range data.Langs() {
		t.Run(string(l), func(t *testing.T) {
			m := newModel(t, l, 120, 40, false)
			var clip bytes.Buffer
			m.c.Clipboard = &clip
			press(m, kDown, kDown)
			it, _ := m.Selected()
			run(m, press(m, keyRunes("y")))
			got := osc52Texts(t, clip.Bytes())
			want, _ := views.Citation(m.c.DS, it, l)
			if len(got) != 1 || got[0] != want {
				t.Fatalf("y sent %q, want the citation of %s:\n%s", got, it.ID, want)
			}
			label, _, _ := strings.Cut(want, "\n")
			if f := footerLine(m); !strings.Contains(f, "OSC 52") || !strings.Contains(f, prefix(label, 8)) {
				t.Errorf("footer after y = %q, want it to say the citation of %q was copied", f, label)
			}
		})
	}
}

func TestCiteInDetailAndOnProjects(t *testing.T) {
	m := newModel(t, data.EN, 120, 40, false)
	var clip bytes.Buffer
	m.c.Clipboard = &clip
	press(m, keyRunes("5"), keyRunes("g"))
	it, _ := m.Selected()
	if it.Kind != views.KindProject {
		t.Fatalf("first item of projects is %v %s, want a project", it.Kind, it.ID)
	}
	press(m, kEnter)
	run(m, press(m, keyRunes("y")))
	want, _ := views.Citation(m.c.DS, it, data.EN)
	if got := osc52Texts(t, clip.Bytes()); len(got) != 1 || got[0] != want {
		t.Fatalf("y in the detail pane sent %q, want\n%s", got, want)
	}
	if m.over != overlayDetail {
		t.Errorf("y closed the detail pane")
	}
}

func TestCopyViewIsExport(t *testing.T) {
	m := newModel(t, data.ZH, 100, 30, false)
	var clip bytes.Buffer
	m.c.Clipboard = &clip
	press(m, keyRunes("2"), keyRunes("t"))
	run(m, press(m, keyRunes("Y")))
	want := views.ExportText(m.c.DS, []string{"industry"}, views.Options{Width: 100, Lang: data.ZH, Mode: views.ModeTable})
	if got := osc52Texts(t, clip.Bytes()); len(got) != 1 || got[0] != want {
		t.Fatalf("Y sent %d sequences; want one with the text export of the view", len(got))
	}
	if f := footerLine(m); !strings.Contains(f, "产业") {
		t.Errorf("footer after Y = %q, want the tab named", f)
	}
	// In the detail pane, Y copies the pane.
	clip.Reset()
	press(m, kEnter)
	run(m, press(m, keyRunes("Y")))
	got := osc52Texts(t, clip.Bytes())
	if len(got) != 1 || !strings.Contains(got[0], "原文出处") || strings.ContainsRune(got[0], 0x1b) {
		t.Fatalf("Y in the detail pane sent %q", got)
	}
}

// Locally e writes a file and copies nothing; in a session it copies the
// same text and writes nothing, and the help says so.
func TestExportInSessionCopies(t *testing.T) {
	local := newModel(t, data.EN, 100, 30, false)
	var lclip bytes.Buffer
	local.c.Clipboard = &lclip
	run(local, press(local, keyRunes("e")))
	if lclip.Len() != 0 {
		t.Errorf("local e sent %q to the terminal", lclip.String())
	}
	files, _ := os.ReadDir(local.c.ExportDir)
	if len(files) != 1 {
		t.Fatalf("local e wrote %d files", len(files))
	}

	var clip bytes.Buffer
	c := NewSessionCommon(data.Default(), views.PlainStyles(), Look{}, false, NewSharedBodyCache(), &clip)
	m := New(c, data.EN)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(m, keyRunes("?"))
	if h := strings.Join(screenLines(m), "\n"); !strings.Contains(h, "copy text (no file)") || strings.Contains(h, "export text") {
		t.Errorf("session help does not show e as copying:\n%s", h)
	}
	press(m, keyRunes("?"))
	run(m, press(m, keyRunes("e")))
	want, err := os.ReadFile(local.c.ExportDir + "/" + files[0].Name())
	if err != nil {
		t.Fatal(err)
	}
	if got := osc52Texts(t, clip.Bytes()); len(got) != 1 || got[0] != string(want) {
		t.Fatalf("e in a session did not copy what local e writes")
	}
	if f := footerLine(m); !strings.Contains(f, "Overview copied as text (OSC 52)") {
		t.Errorf("footer after e in a session = %q", f)
	}
	// On a screen too small for the dashboard, it copies the view at the
	// minimum width, as local e writes it.
	clip.Reset()
	m.Update(tea.WindowSizeMsg{Width: 10, Height: 30})
	run(m, press(m, keyRunes("e")))
	small := views.ExportText(m.c.DS, []string{"overview"}, views.Options{Width: MinWidth, Lang: data.EN})
	if got := osc52Texts(t, clip.Bytes()); len(got) != 1 || got[0] != small {
		t.Fatalf("e in a 10-column session did not copy the view at %d columns", MinWidth)
	}
}

// bodyRows are the rows of a frame between the header (title and rule)
// and the footer (rule and key line): the page the cache holds.
func bodyRows(view string) string {
	ls := strings.Split(view, "\n")
	return strings.Join(ls[2:len(ls)-2], "\n")
}

func TestCopyWithoutClipboard(t *testing.T) {
	m := newModel(t, data.EN, 100, 30, false)
	run(m, press(m, keyRunes("y")))
	if f := footerLine(m); !strings.Contains(f, "copy failed") {
		t.Errorf("footer after y with no terminal = %q", f)
	}
}

// SetStyles remakes what was styled: a frame after it has the new
// colours and none of the old.
func TestSetStyles(t *testing.T) {
	m := newModel(t, data.EN, 100, 30, false)
	before := m.View()
	if strings.ContainsRune(before, 0x1b) {
		t.Fatalf("plain styles gave escape codes")
	}
	m.SetStyles(benchStyles(), Look{Profile: 0, Dark: true})
	after := m.View()
	if !strings.ContainsRune(bodyRows(after), 0x1b) {
		t.Fatalf("no colours in the page after SetStyles")
	}
	if ansi.Strip(after) != before {
		t.Errorf("SetStyles changed the text of the screen")
	}
}

// A shared cache builds each page once however many ask at once, and its
// pages can be read by many sessions at the same time (go test -race).
func TestSharedBodyCache(t *testing.T) {
	c := NewBodyCache(3)
	var builds sync.Map
	get := func(k PageKey) *views.Page {
		return c.Get(k, func() *views.Page {
			n, _ := builds.LoadOrStore(k, new(int))
			*n.(*int)++
			return views.RenderPage(data.Default(), k.Tab, views.Options{Width: k.Width, Lang: k.Lang}, views.PlainStyles())
		})
	}
	k := PageKey{Tab: "overview", Width: 80, Lang: data.EN}
	var wg sync.WaitGroup
	start := make(chan struct{}) // all ask at once
	for range 16 {
		wg.Go(func() {
			<-start
			p := get(k)
			for i := range p.Len() {
				for sel := -1; sel < len(p.Items()); sel += 7 {
					p.Line(i, sel)
				}
			}
		})
	}
	close(start)
	wg.Wait()
	if n, _ := builds.Load(k); *n.(*int) != 1 {
		t.Errorf("page built %d times, want once", *n.(*int))
	}
	// Past its size the cache drops the body used least recently.
	k2, k3, k4 := k, k, k
	k2.Width, k3.Width, k4.Width = 81, 82, 83
	get(k2)
	get(k3)
	get(k)
	get(k4) // drops k2
	if c.Len() != 3 {
		t.Errorf("cache holds %d bodies, want 3", c.Len())
	}
	get(k)
	get(k2)
	if n, _ := builds.Load(k); *n.(*int) != 1 {
		t.Errorf("the body used last was dropped")
	}
	if n, _ := builds.Load(k2); *n.(*int) != 2 {
		t.Errorf("the body used least recently was kept")
	}
}

// The key of a page has everything it depends on: two sessions that
// differ in any of them get different pages.
func TestBodyKeyHasLook(t *testing.T) {
	shared := NewSharedBodyCache()
	mk := func(st *views.Styles, look Look) *Model {
		c := NewSessionCommon(data.Default(), st, look, false, shared, nil)
		m := New(c, data.EN)
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		return m
	}
	plain := mk(views.PlainStyles(), Look{Profile: 3})
	colour := mk(benchStyles(), Look{Profile: 0, Dark: true})
	if strings.ContainsRune(bodyRows(plain.View()), 0x1b) {
		t.Errorf("a plain session got the colour session's body")
	}
	if !strings.ContainsRune(bodyRows(colour.View()), 0x1b) {
		t.Errorf("a colour session got the plain session's body")
	}
	if shared.Len() != 2 {
		t.Errorf("shared cache holds %d bodies, want 2", shared.Len())
	}
}

// Letters that come in one read are keys of their own: "jj" moves twice,
// "2t" switches to the industry table. In the search they are typed.
func TestKeyBurst(t *testing.T) {
	m := newModel(t, data.EN, 100, 30, false)
	items := m.page().Items()
	press(m, keyRunes("jj"))
	if got := selectedID(t, m); got != items[2].ID {
		t.Errorf("after \"jj\" %s is selected, want %s", got, items[2].ID)
	}
	press(m, keyRunes("2t"))
	if m.Tab() != "industry" || m.Mode() != views.ModeTable {
		t.Errorf("after \"2t\": %s in mode %d", m.Tab(), m.Mode())
	}
	press(m, keyRunes("/"), keyRunes("grid"))
	if got := m.search.input.Value(); got != "grid" {
		t.Errorf("search typed %q, want grid", got)
	}
}
