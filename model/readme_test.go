package model

import (
	"flag"
	"os"
	"strings"
	"testing"

	_ "github.com/charmbracelet/x/exp/golden" // its -update flag

	"github.com/macun-tui/macun-tui/data"
)

// keyTable is the README's key table, made from the key map.
func keyTable() string {
	zh, en := DefaultKeyMap(), DefaultKeyMap()
	zh.Localize(data.ZH)
	en.Localize(data.EN)
	var b strings.Builder
	b.WriteString("| keys | action | 操作 |\n|---|---|---|\n")
	zcols := zh.FullHelp()
	for i, col := range en.FullHelp() {
		for j, k := range col {
			b.WriteString("| `" + strings.ReplaceAll(k.Help().Key, "|", "\\|") + "` | " + k.Help().Desc + " | " + zcols[i][j].Help().Desc + " |\n")
		}
	}
	return b.String()
}

// updating reports whether the tests run with -update, x/exp/golden's
// flag, which also rewrites the README's generated parts.
func updating() bool { return flag.Lookup("update").Value.String() == "true" }

const (
	keysBegin = "<!-- keys: generated from model.DefaultKeyMap by TestREADMEKeys -->\n"
	keysEnd   = "<!-- /keys -->"
)

// TestREADMEKeys checks that the README's key table is the key map's; with
// -update it rewrites the table.
func TestREADMEKeys(t *testing.T) {
	const path = "../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, keysBegin), strings.Index(s, keysEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no key table between %q and %q", keysBegin, keysEnd)
	}
	want := keyTable()
	got := s[i+len(keysBegin) : j]
	if got == want {
		return
	}
	if updating() {
		s = s[:i+len(keysBegin)] + want + s[j:]
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README key table differs from the key map (go test ./model -run TestREADMEKeys -update):\n%s", want)
}
