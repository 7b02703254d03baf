package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manSections are added to the page of macun-tui itself, before SEE ALSO.
const manSections = `.SH EXIT STATUS
.TP
.B 0
ok
.TP
.B 1
runtime failure (terminal error, file not written)
.TP
.B 2
usage error or bad input (unknown flag, invalid dataset)
.SH ENVIRONMENT
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
the language when there is no \-\-lang: the first one set; zh* is Chinese,
anything else English
.TP
.B COLORFGBG
the terminal's colours ("15;0"); when set, the terminal is not asked
.TP
.B NO_COLOR
no colour, and no question to the terminal
.TP
.B TERM=dumb
the text export of every tab at the terminal's width, instead of the dashboard
.TP
.B COLUMNS
the width of the text printed when standard output is not a terminal
(20 to 1000; 100 when unset)
.TP
.B MACUN_NO_QUERY
when set, the terminal is not asked for its background colour
`

func (a *app) newManCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "man DIR",
		Short: "Write the manual pages into DIR",
		Long: `man writes a manual page for macun-tui and for each of its commands into DIR
(macun-tui.1, macun-tui-export.1, …), creating DIR if needed. Read one with
man -l DIR/macun-tui.1, or put them in a man1 directory on MANPATH.`,
		RunE: func(c *cobra.Command, args []string) error {
			return writeManPages(c.Root(), args[0])
		},
	}
	oneArg(c, "DIR", cobra.FixedCompletions(nil, cobra.ShellCompDirectiveFilterDirs))
	return c
}

// writeManPages writes the pages of root's command tree into dir. They
// are dated with the build date when it is known, so that a release's
// pages are the same every time.
func writeManPages(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ver, _, when := versionInfo()
	header := &doc.GenManHeader{Title: strings.ToUpper(root.Name()), Section: "1", Source: root.Name() + " " + ver, Manual: "macun-tui manual"}
	if t, err := time.Parse(time.RFC3339, when); err == nil {
		header.Date = &t
	}
	root.DisableAutoGenTag = true
	if err := doc.GenManTree(root, header, dir); err != nil {
		return err
	}
	// The root's page gets the exit status and the environment.
	page := filepath.Join(dir, root.Name()+".1")
	b, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	i := bytes.Index(b, []byte(".SH SEE ALSO"))
	if i < 0 {
		return fmt.Errorf("%s has no SEE ALSO section", page)
	}
	b = append(b[:i:i], append([]byte(manSections), b[i:]...)...)
	return os.WriteFile(page, b, 0o644)
}
