package cmd

import (
	"flag"
	"os"
	"strings"
	"testing"

	// Its -update flag, the project's one, rewrites the README's help.
	_ "github.com/charmbracelet/x/exp/golden"
)

// helpBlocks are the help screens the README shows, by the command line
// that prints them.
var helpBlocks = [][]string{{"--help"}, {"export", "--help"}, {"serve", "--help"}}

// TestREADMEHelp: the README's command-line section shows the real help of
// macun-tui, of export and of serve. -update rewrites it.
func TestREADMEHelp(t *testing.T) {
	const path = "../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	update := flag.Lookup("update") != nil && flag.Lookup("update").Value.String() == "true"
	for _, args := range helpBlocks {
		cmdline := "macun-tui " + strings.Join(args, " ")
		begin := "<!-- help: " + cmdline + " -->\n```text\n$ " + cmdline + "\n"
		end := "```\n<!-- /help -->"
		i := strings.Index(readme, begin)
		j := strings.Index(readme[max(i, 0):], end)
		if i < 0 || j < 0 {
			t.Errorf("README has no block %q … %q", begin, end)
			continue
		}
		j += i
		code, out, errs := runArgs(t, args...)
		if code != ExitOK || errs != "" {
			t.Fatalf("%s: exit %d, %s", cmdline, code, errs)
		}
		if got := readme[i+len(begin) : j]; got != out {
			if !update {
				t.Errorf("the README's %q differs from the program's; rewrite it with\n  go test ./cmd -run TestREADMEHelp -update", cmdline)
			}
			readme = readme[:i+len(begin)] + out + readme[j:]
		}
	}
	if update && readme != string(b) {
		if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
