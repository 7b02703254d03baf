package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Bounds of --width.
const (
	minExportWidth = 20
	maxExportWidth = 1000
)

// exportFormats are the values of --format.
var exportFormats = []string{"txt", "md", "csv", "json"}

// runExport is the `export` command: one tab or all of them as plain text
// (what the dashboard shows, without styling), Markdown, CSV or JSON, to
// standard output or, atomically, to a file.
func runExport(args []string, stdout io.Writer) error {
	fset := newFlags("export", stdout)
	tab := fset.String("tab", "all", "tab id or all")
	format := fset.String("format", "txt", "txt, md, csv or json")
	width := fset.Int("width", 100, "text width in cells (txt)")
	lang := fset.String("lang", "", "zh or en")
	mode := fset.String("mode", "charts", "charts or table (txt)")
	ascii := fset.Bool("ascii", false, "7-bit borders and bars (txt)")
	outPath := fset.String("o", "", "output file (default standard output)")
	force := fset.Bool("force", false, "replace an existing -o file")
	dataPath := fset.String("data", "", "dataset file")
	if err := parseFlags(fset, args, stdout); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return usageError{fmt.Sprintf("export: unexpected argument %q", fset.Arg(0))}
	}
	var tabs []string
	switch {
	case *tab == "all":
		tabs = data.TabIDs()
	case views.HasView(*tab):
		if _, ok := data.TabByID(*tab); ok {
			tabs = []string{*tab}
		}
	}
	if tabs == nil {
		return usageError{fmt.Sprintf("--tab must be one of %s or all, not %q", strings.Join(data.TabIDs(), ", "), *tab)}
	}
	if !slices.Contains(exportFormats, *format) {
		return usageError{fmt.Sprintf("--format must be one of %s, not %q", strings.Join(exportFormats, ", "), *format)}
	}
	if *width < minExportWidth || *width > maxExportWidth {
		return usageError{fmt.Sprintf("--width must be between %d and %d, not %d", minExportWidth, maxExportWidth, *width)}
	}
	var m views.Mode
	switch *mode {
	case "charts":
		m = views.ModeCharts
	case "table":
		m = views.ModeTable
	default:
		return usageError{fmt.Sprintf("--mode must be charts or table, not %q", *mode)}
	}
	l, err := langFlag(*lang)
	if err != nil {
		return err
	}
	ds, err := loadData(*dataPath)
	if err != nil {
		return err
	}
	o := views.Options{Width: *width, Lang: l, Mode: m, ASCII: *ascii}
	if *outPath == "" && *format == "txt" {
		return views.WriteText(stdout, ds, tabs, o)
	}
	text, err := exportText(ds, tabs, *format, o)
	if err != nil {
		return err
	}
	if *outPath == "" {
		_, err := io.WriteString(stdout, text)
		return err
	}
	if err := writeExportFile(*outPath, []byte(text), *force); err != nil {
		// The errors of the file system name the temporary file; say which
		// file could not be written instead. WriteFile's own errors
		// (exists, is a directory) name it already.
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(err, &pe):
			return fmt.Errorf("cannot write %s: %v", *outPath, pe.Err)
		case errors.As(err, &le):
			return fmt.Errorf("cannot write %s: %v", *outPath, le.Err)
		}
		return err
	}
	return nil
}

// exportText renders tabs in one of exportFormats.
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
