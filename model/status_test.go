package model

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/data"
)

// instantTicks makes the messages' ticks come at once when their command
// runs, and records how long each was set for.
func instantTicks(t *testing.T) *[]time.Duration {
	t.Helper()
	var lives []time.Duration
	old := statusTick
	statusTick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		lives = append(lives, d)
		return func() tea.Msg { return fn(time.Now().Add(d)) }
	}
	t.Cleanup(func() { statusTick = old })
	return &lives
}

// copyView presses Y with a clipboard and gives the model the copy's
// report, as Bubble Tea would; it returns the command of the message.
func copyView(t *testing.T, m *Model) tea.Cmd {
	t.Helper()
	var clip bytes.Buffer
	m.c.Clipboard = &clip
	cmd := press(m, keyRunes("Y"))
	if cmd == nil {
		t.Fatal("Y returned no command")
	}
	tick := press(m, cmd())
	if tick == nil {
		t.Fatal("the footer's message has no tick")
	}
	return tick
}

var copiedView = map[data.Lang]string{data.EN: "Overview copied as text (OSC 52)", data.ZH: "已复制总览页文本(OSC 52)"}

// TestStatusExpires: a message leaves the footer when its tick comes,
// a few seconds later, and the footer shows the key hints again; an
// error stays longer.
func TestStatusExpires(t *testing.T) {
	lives := instantTicks(t)
	for _, l := range data.Langs() {
		m := newModel(t, l, 120, 30, false)
		hints := footerLine(m)
		tick := copyView(t, m)
		if f := footerLine(m); !strings.Contains(f, copiedView[l]) {
			t.Fatalf("%s: footer after Y = %q", l, f)
		}
		press(m, tick())
		if f := footerLine(m); f != hints {
			t.Errorf("%s: footer after the tick = %q, want the key hints %q", l, f, hints)
		}
	}
	m := newModel(t, data.EN, 120, 30, false)
	run(m, press(m, keyRunes("y"))) // no clipboard: an error
	if f := footerLine(m); !strings.Contains(f, "copy failed") {
		t.Fatalf("footer after y without a clipboard = %q", f)
	}
	if len(*lives) != 3 {
		t.Fatalf("%d ticks for 3 messages", len(*lives))
	}
	info, errLife := (*lives)[0], (*lives)[2]
	if info < 3*time.Second || info > 10*time.Second || errLife < info || errLife > 20*time.Second {
		t.Errorf("a message shows for %s, an error for %s", info, errLife)
	}
}

// TestStatusNextKey: the next key takes the message away, whatever it
// does, and a key with no message leaves none.
func TestStatusNextKey(t *testing.T) {
	instantTicks(t)
	for _, k := range []tea.KeyMsg{keyRunes("j"), keyRunes("2"), keyRunes("x"), {Type: tea.KeyEsc}, keyRunes("?"), {Type: tea.KeyEnter}} {
		m := newModel(t, data.EN, 120, 30, false)
		copyView(t, m)
		press(m, k)
		if f := footerLine(m); strings.Contains(f, "copied") {
			t.Errorf("after %s: footer %q", k, f)
		}
		if s := m.statusText(); s != "" {
			t.Errorf("after %s: status %q", k, s)
		}
	}
}

// TestStatusFollowsLang: L shows the message in the other language,
// arguments too (the tab's title), and back.
func TestStatusFollowsLang(t *testing.T) {
	instantTicks(t)
	m := newModel(t, data.ZH, 120, 30, false)
	copyView(t, m)
	for _, l := range []data.Lang{data.EN, data.ZH, data.EN} {
		press(m, keyRunes("L"))
		f := footerLine(m)
		if !strings.Contains(f, copiedView[l]) {
			t.Errorf("after L to %s: footer %q, want %q", l, f, copiedView[l])
		}
		for _, other := range copiedView {
			if other != copiedView[l] && strings.Contains(f, other) {
				t.Errorf("after L to %s: footer %q still has %q", l, f, other)
			}
		}
	}
	// An error, whose argument is not translated, follows as well.
	m = newModel(t, data.EN, 120, 30, false)
	run(m, press(m, keyRunes("y")))
	press(m, keyRunes("L"))
	if f := footerLine(m); !strings.Contains(f, "复制失败") || !strings.Contains(f, errNoClipboard.Error()) {
		t.Errorf("an error after L to Chinese: footer %q", f)
	}
}

// TestStatusOldTick: the tick of a message that another replaced does
// not take the newer one away; the newer one's tick does.
func TestStatusOldTick(t *testing.T) {
	instantTicks(t)
	m := newModel(t, data.EN, 120, 30, false)
	first := copyView(t, m)
	m.c.Clipboard = nil
	// y has no clipboard now: the newer message is an error, which the
	// footer shows until its own tick.
	second := press(m, press(m, keyRunes("y"))())
	press(m, first())
	if f := footerLine(m); !strings.Contains(f, "copy failed") {
		t.Errorf("the first message's tick took the second away: footer %q", f)
	}
	press(m, second())
	if f := footerLine(m); strings.Contains(f, "copy failed") {
		t.Errorf("the second message's tick left it: footer %q", f)
	}
	// A tick after a key took its message away clears nothing later.
	third := copyView(t, m)
	press(m, keyRunes("j"))
	fourth := copyView(t, m)
	press(m, third())
	if s := m.statusText(); s == "" {
		t.Error("an old tick took away a message set after it")
	}
	press(m, fourth())
	if s := m.statusText(); s != "" {
		t.Errorf("status %q after its tick", s)
	}
}
