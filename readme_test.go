package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/macun-tui/macun-tui/cmd"
	"github.com/macun-tui/macun-tui/data"
)

// TestREADMEScreens checks that the tab pictures in the README are what
// the dashboard shows now: each is the text export of its tab at 100
// columns, without the Sources block.
func TestREADMEScreens(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, tab := range data.TabIDs() {
		name := strings.ToUpper(tab[:1]) + tab[1:]
		head := "<summary>" + name + " (English, 100 columns)</summary>\n\n```text\n"
		i := strings.Index(readme, head)
		if i < 0 {
			t.Errorf("README has no picture of the %s tab (%q)", tab, head)
			continue
		}
		pic := readme[i+len(head):]
		pic = pic[:strings.Index(pic, "\n```")]
		var out, errb bytes.Buffer
		if code := cmd.Run([]string{"export", "--tab", tab, "--lang", "en", "--width", "100"}, nil, &out, &errb); code != 0 {
			t.Fatalf("export %s: exit %d: %s", tab, code, errb.String())
		}
		want, _, _ := strings.Cut(out.String(), "\nSources ·")
		if want = strings.TrimRight(want, "\n"); pic != want {
			t.Errorf("README's picture of %s differs from the export; regenerate it with\n"+
				"  go run . export --tab %s --lang en --width 100\n(without the Sources block)", tab, tab)
		}
	}
}
