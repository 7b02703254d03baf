package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/internal/atomicfile"
	"github.com/macun-tui/macun-tui/views"
)

// Bounds and default of --width.
const (
	minExportWidth     = 20
	maxExportWidth     = 1000
	defaultExportWidth = 100
)

// ExportFormats are the values of export --format.
var ExportFormats = []string{"txt", "md", "csv", "json"}

var formatDescs = map[string]string{
	"txt":  "what the dashboard shows, then the sources",
	"md":   "Markdown tables",
	"csv":  "one row per figure, project, honour, claim, programme",
	"json": "the records of the csv, typed",
}

// exportTabs are the values of export --tab: every tab that has a view,
// and all.
func exportTabs() (ids []string, descs map[string]string) {
	descs = map[string]string{"all": "every tab"}
	for _, id := range data.TabIDs() {
		if t, ok := data.TabByID(id); ok && views.HasView(id) {
			ids = append(ids, id)
			descs[id] = t.Title.In(data.EN) + " " + t.Title.In(data.ZH)
		}
	}
	return append(ids, "all"), descs
}

// newExportCmd is `export`: one tab or all of them as plain text (what
// the dashboard shows, without styling), Markdown, CSV or JSON, to
// standard output or, atomically, to a file.
func (a *app) newExportCmd() *cobra.Command {
	var f commonFlags
	var outPath string
	var force, bom bool
	width := &boundedInt{value: defaultExportWidth, min: minExportWidth, max: maxExportWidth}
	c := &cobra.Command{
		Use:   "export",
		Short: "Write tabs as text, Markdown, CSV or JSON",
		Long: `export writes one tab or all of them to standard output or, with -o, to a
file, as one of four formats.

txt is what the dashboard shows at --width: no escape codes, no line wider
than --width cells (Chinese counted as two), then the source sentence of
every record shown (in English with its translation). md has a heading per
tab and group, GitHub tables and the sources as a list. csv has one row per
figure, project, project milestone, honour, claim and programme of the tabs,
with a kind column, both languages side by side, the article's value and
unit, its display ("10.3 billion yuan") and the value in base units (yuan,
people, mu) that a spreadsheet can sum; --bom starts it with the byte-order
mark Excel needs to read Chinese. json has the same records, typed, and the
strategy and notes. txt and md are in --lang; csv and json have both.

-o writes a new file atomically, and keeps an existing one unless --force,
which replaces it atomically (through a symbolic link, the file it names).
A named pipe or a device such as /dev/stdout is written into, never
replaced; - is standard output. Directories, sockets and block devices are
refused.`,
		Example: `  macun-tui export --tab governance --lang en --width 80
  macun-tui export --tab industry --format csv --bom -o industry.csv
  macun-tui export --format json | jq '.tabs[].figures[].id'`,
	}
	tabs, tabDescs := exportTabs()
	tab := addChoice(c, "tab", "all", tabs, tabDescs, orList(tabs))
	tab.name = "TAB"
	format := addChoice(c, "format", "txt", ExportFormats, formatDescs, "txt, md, csv or json")
	c.Flags().Var(width, "width", fmt.Sprintf("text width in cells, %d to %d (txt only)", minExportWidth, maxExportWidth))
	mode := addChoice(c, "mode", "charts", []string{"charts", "table"},
		map[string]string{"charts": "the panels: tiles, charts, lists", "table": "one full table"}, "the panels (charts) or one table, as the dashboard's t key (txt only)")
	addCommonFlags(c, &f, "7-bit characters only (txt only)")
	c.Flags().StringVarP(&outPath, "output", "o", "", "write `FILE` atomically instead of standard output (- is standard output)")
	if err := c.MarkFlagFilename("output"); err != nil {
		panic(err)
	}
	c.Flags().BoolVar(&force, "force", false, "replace an existing -o file")
	c.Flags().BoolVar(&bom, "bom", false, "start the csv with a UTF-8 byte-order mark, for Excel (csv only)")
	c.Flags().SortFlags = false
	c.RunE = func(*cobra.Command, []string) error {
		if bom && format.value != "csv" {
			return usagef("--bom is for --format csv only")
		}
		var tabIDs []string
		if tab.value == "all" {
			tabIDs = tabs[:len(tabs)-1]
		} else {
			tabIDs = []string{tab.value}
		}
		m := views.ModeCharts
		if mode.value == "table" {
			m = views.ModeTable
		}
		ds, err := a.dataset(&f)
		if err != nil {
			return err
		}
		o := views.Options{Width: width.value, Lang: a.language(&f), Mode: m, ASCII: f.ascii}
		return a.export(ds, tabIDs, format.value, o, outPath, force, bom)
	}
	return c
}

// export writes tabs in format to standard output, or to the file
// outPath; bom starts it with a UTF-8 byte-order mark.
func (a *app) export(ds *data.Dataset, tabs []string, format string, o views.Options, outPath string, force, bom bool) error {
	if outPath == "-" {
		outPath = "" // standard output, as for most tools
	}
	if outPath == "" && format == "txt" {
		return views.WriteText(a.stdout, ds, tabs, o)
	}
	text, err := exportText(ds, tabs, format, o)
	if err != nil {
		return err
	}
	if bom {
		text = "\uFEFF" + text
	}
	if outPath == "" {
		_, err := io.WriteString(a.stdout, text)
		return err
	}
	if err := atomicfile.Write(outPath, []byte(text), force); err != nil {
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%s exists (use --force to replace it)", outPath)
		case errors.As(err, &pe):
			return fmt.Errorf("cannot write %s: %v", pe.Path, pe.Err)
		}
		return err
	}
	return nil
}

// exportText renders tabs in one of ExportFormats.
func exportText(ds *data.Dataset, tabs []string, format string, o views.Options) (string, error) {
	switch format {
	case "md":
		return views.ExportMarkdown(ds, tabs, o), nil
	case "csv":
		return views.ExportCSV(ds, tabs, o)
	case "json":
		return views.ExportJSON(ds, tabs, o)
	}
	return views.ExportText(ds, tabs, o), nil
}
