package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	_ "github.com/charmbracelet/x/exp/golden" // its -update flag

	"github.com/macun-tui/macun-tui/cmd"
	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// updating reports whether the tests run with -update, x/exp/golden's
// flag, which also rewrites the README's generated parts.
func updating() bool { return flag.Lookup("update").Value.String() == "true" }

// TestREADMEScreens checks that the tab pictures in the README are what
// the dashboard shows now: each is the text export of its tab at 100
// columns (the overview in Chinese and every tab in English), without the
// Sources block. With -update it rewrites them.
func TestREADMEScreens(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	type picture struct{ tab, lang, head string }
	pics := []picture{{"overview", "zh", "Overview in Chinese, 100 columns:\n\n```text\n"}}
	for _, tab := range data.TabIDs() {
		name := strings.ToUpper(tab[:1]) + tab[1:]
		pics = append(pics, picture{tab, "en", "<summary>" + name + " (English, 100 columns)</summary>\n\n```text\n"})
	}
	for _, pic := range pics {
		tab, head := pic.tab, pic.head
		i := strings.Index(readme, head)
		if i < 0 {
			t.Errorf("README has no picture of the %s tab (%q)", tab, head)
			continue
		}
		start := i + len(head)
		end := start + strings.Index(readme[start:], "\n```")
		var out, errb bytes.Buffer
		if code := cmd.Run([]string{"export", "--tab", tab, "--lang", pic.lang, "--width", "100"}, nil, &out, &errb); code != 0 {
			t.Fatalf("export %s: exit %d: %s", tab, code, errb.String())
		}
		want, _, _ := strings.Cut(out.String(), "\n\n"+views.MsgSources.In(data.Lang(pic.lang))+":")
		if want = strings.TrimRight(want, "\n"); readme[start:end] == want {
			continue
		}
		if updating() {
			readme = readme[:start] + want + readme[end:]
			continue
		}
		t.Errorf("README's picture of %s differs from the export; rewrite the pictures with\n"+
			"  go test . -run TestREADMEScreens -update", tab)
	}
	if updating() && readme != string(b) {
		if err := os.WriteFile("README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
