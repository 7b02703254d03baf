package cmd

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/go-json-experiment/json"
	"github.com/mattn/go-runewidth"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// runExportArgs runs `macun-tui export args...` and returns the exit code,
// standard output and standard error.
func runExportArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runArgs(t, append([]string{"export"}, args...)...)
}

// exportOK runs an export that must succeed.
func exportOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runExportArgs(t, args...)
	if code != ExitOK || errs != "" {
		t.Fatalf("export %q: exit %d, stderr %q", args, code, errs)
	}
	return out
}

var exportTabArgs = []string{"overview", "industry", "urban-rural", "governance", "projects", "all"}

func TestExportDefaults(t *testing.T) {
	for _, env := range []struct {
		val  string
		lang data.Lang
	}{{"zh_CN.UTF-8", data.ZH}, {"en_GB.UTF-8", data.EN}, {"C", data.EN}} {
		t.Setenv("LC_ALL", env.val)
		out := exportOK(t)
		want := views.ExportText(data.Default(), data.TabIDs(), views.Options{Width: 100, Lang: env.lang, Mode: views.ModeCharts})
		if out != want {
			t.Errorf("LC_ALL=%s: default export is not all tabs as text at 100 in %s", env.val, env.lang)
		}
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_TW")
	if out := exportOK(t, "--tab", "projects", "--mode", "table", "--width", "72", "--ascii"); out != views.ExportText(data.Default(), []string{"projects"},
		views.Options{Width: 72, Lang: data.ZH, Mode: views.ModeTable, ASCII: true}) {
		t.Error("export --tab projects --mode table --width 72 --ascii is not that view")
	}
}

// No export holds an escape byte: every tab, format, language, mode,
// ASCII or not.
func TestExportNoEscapeBytes(t *testing.T) {
	for _, tab := range exportTabArgs {
		for _, format := range ExportFormats {
			for _, lang := range []string{"zh", "en"} {
				for _, extra := range [][]string{nil, {"--ascii"}, {"--mode", "table"}, {"--ascii", "--mode", "table", "--width", "40"}} {
					args := append([]string{"--tab", tab, "--format", format, "--lang", lang}, extra...)
					out := exportOK(t, args...)
					if i := strings.IndexByte(out, 0x1b); i >= 0 {
						t.Errorf("%q: escape byte at %d", args, i)
					}
					if out == "" {
						t.Errorf("%q: empty", args)
					}
				}
			}
		}
	}
}

func TestExportTxtWidths(t *testing.T) {
	eaw := runewidth.Condition{EastAsianWidth: true}
	for _, w := range []int{20, 40, 60, 80, 100, 160, 1000} {
		for _, lang := range []string{"zh", "en"} {
			for _, ascii := range []bool{false, true} {
				args := []string{"--width", strconv.Itoa(w), "--lang", lang}
				if ascii {
					args = append(args, "--ascii")
				}
				for _, mode := range []string{"charts", "table"} {
					out := exportOK(t, append(args, "--mode", mode)...)
					for n, line := range strings.Split(out, "\n") {
						if got := ansi.StringWidth(line); got > w {
							t.Errorf("%q line %d: %d cells > %d: %q", args, n+1, got, w, line)
						}
						if got := eaw.StringWidth(line); ascii && got > w {
							t.Errorf("%q line %d: %d cells with ambiguous = 2: %q", args, n+1, got, line)
						}
					}
				}
			}
		}
	}
}

// TestExportCSVRoundTrip: every tab's CSV parses back into the records
// the tab shows, the same in either --lang (it has both languages).
func TestExportCSVRoundTrip(t *testing.T) {
	ds := data.Default()
	for _, tab := range exportTabArgs {
		tabs := []string{tab}
		if tab == "all" {
			tabs = data.TabIDs()
		}
		var outs []string
		for _, lang := range []data.Lang{data.ZH, data.EN} {
			outs = append(outs, exportOK(t, "--format", "csv", "--tab", tab, "--lang", string(lang)))
		}
		if outs[0] != outs[1] {
			t.Errorf("%s: the csv depends on --lang", tab)
		}
		recs, err := csv.NewReader(strings.NewReader(outs[0])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tab, err)
		}
		if !slices.Equal(recs[0], views.CSVHeader()) {
			t.Fatalf("header %q", recs[0])
		}
		want := views.Records(ds, tabs)
		if len(recs)-1 != len(want) {
			t.Fatalf("%s: %d rows, want %d", tab, len(recs)-1, len(want))
		}
		for i, r := range recs[1:] {
			w := want[i]
			if r[0] != w.Kind || r[1] != w.ID || r[4] != w.Label.ZH || r[5] != w.Label.EN {
				t.Errorf("%s: row %d = %q, want %s %s", tab, i, r[:6], w.Kind, w.ID)
			}
		}
	}
}

// TestExportBOM: --bom starts the csv with a UTF-8 byte-order mark and is
// refused for the other formats.
func TestExportBOM(t *testing.T) {
	plain := exportOK(t, "--format", "csv", "--tab", "industry")
	if got := exportOK(t, "--format", "csv", "--tab", "industry", "--bom"); got != "\uFEFF"+plain {
		t.Errorf("--bom: %.20q", got)
	}
	for _, f := range []string{"txt", "md", "json"} {
		code, out, errs := runExportArgs(t, "--format", f, "--bom")
		if code != ExitUsage || out != "" || !strings.Contains(errs, "--bom is for --format csv only") {
			t.Errorf("--format %s --bom: exit %d, stdout %d bytes, stderr %q", f, code, len(out), errs)
		}
	}
}

// TestExportJSONRoundTrip: every tab's JSON decodes strictly into the
// records the tab shows.
func TestExportJSONRoundTrip(t *testing.T) {
	ds := data.Default()
	for _, tab := range exportTabArgs {
		tabs := []string{tab}
		if tab == "all" {
			tabs = data.TabIDs()
		}
		var doc views.JSONExport
		out := exportOK(t, "--format", "json", "--tab", tab)
		if err := json.Unmarshal([]byte(out), &doc, json.RejectUnknownMembers(true)); err != nil {
			t.Fatalf("%s: %v", tab, err)
		}
		want := views.Records(ds, tabs)
		if doc.Meta.Title != ds.Meta.Title || !slices.Equal(doc.Tabs, tabs) || len(doc.Records) != len(want) {
			t.Fatalf("%s: meta %v, tabs %v, %d records (want %d)", tab, doc.Meta, doc.Tabs, len(doc.Records), len(want))
		}
		for i, r := range doc.Records {
			if r.Kind != want[i].Kind || r.ID != want[i].ID || r.Label != want[i].Label {
				t.Errorf("%s: record %d is %s %s, want %s %s", tab, i, r.Kind, r.ID, want[i].Kind, want[i].ID)
			}
		}
	}
}

// unescapedPipeCount counts the pipes of a Markdown line that are not
// escaped.
func unescapedPipeCount(s string) int {
	n, bs := 0, 0
	for _, r := range s {
		if r == '\\' {
			bs++
			continue
		}
		if r == '|' && bs%2 == 0 {
			n++
		}
		bs = 0
	}
	return n
}

func TestExportMarkdownWellFormed(t *testing.T) {
	for _, lang := range []data.Lang{data.ZH, data.EN} {
		out := exportOK(t, "--format", "md", "--lang", string(lang))
		for _, tab := range data.Tabs() {
			if !strings.Contains(out, "\n# "+tab.Title.In(lang)+"\n") {
				t.Errorf("%s: no heading for %s", lang, tab.ID)
			}
		}
		lines := strings.Split(out, "\n")
		tables := 0
		for i := 0; i < len(lines); i++ {
			if !strings.HasPrefix(lines[i], "|") {
				continue
			}
			tables++
			want := unescapedPipeCount(lines[i])
			if want < 2 || !strings.HasPrefix(lines[i+1], "| --- |") {
				t.Errorf("%s line %d: table without a delimiter row", lang, i+1)
			}
			for ; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
				if got := unescapedPipeCount(lines[i]); got != want {
					t.Errorf("%s line %d: %d pipes, want %d: %q", lang, i+1, got, want, lines[i])
				}
			}
			if i < len(lines) && lines[i] != "" {
				t.Errorf("%s line %d: no blank line after a table", lang, i+1)
			}
		}
		if tables < len(data.Tabs()) {
			t.Errorf("%s: %d tables", lang, tables)
		}
		// md is not bound by --width: the same at any width.
		if narrow := exportOK(t, "--format", "md", "--lang", string(lang), "--width", "20", "--ascii"); narrow != out {
			t.Errorf("%s: --width or --ascii changed the Markdown", lang)
		}
	}
}

func TestExportToFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "industry.md")
	args := []string{"--tab", "industry", "--format", "md", "--lang", "en", "-o", p}
	if out := exportOK(t, args...); out != "" {
		t.Errorf("-o also wrote to standard output: %q", out)
	}
	want := exportOK(t, "--tab", "industry", "--format", "md", "--lang", "en")
	if b, err := os.ReadFile(p); err != nil || string(b) != want {
		t.Fatalf("file: %v, content equal %v", err, string(b) == want)
	}
	// Again: refused, exit 1, the file is kept.
	code, out, errs := runExportArgs(t, "--tab", "overview", "-o", p)
	if code != ExitFailure || out != "" || errs != "macun-tui: "+p+" exists (use --force to replace it)\n" {
		t.Errorf("existing file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if b, _ := os.ReadFile(p); string(b) != want {
		t.Error("the existing file was changed")
	}
	// --force replaces it.
	exportOK(t, "--tab", "overview", "--format", "csv", "--lang", "en", "-o", p, "--force")
	if b, _ := os.ReadFile(p); string(b) != exportOK(t, "--tab", "overview", "--format", "csv", "--lang", "en") {
		t.Error("--force did not replace the file")
	}
	// --force without -o is harmless.
	exportOK(t, "--tab", "overview", "--force")
	// Unwritable: the parent is a file (root cannot write there either),
	// or does not exist. Exit 1, a clear message, no file, no temporary.
	for bad, msg := range map[string]string{
		filepath.Join(p, "x.txt"):              "cannot write " + filepath.Join(p, "x.txt") + ": not a directory",
		filepath.Join(dir, "missing", "x.txt"): "cannot write " + filepath.Join(dir, "missing", "x.txt") + ": no such file or directory",
		dir:                                    dir + " is a directory",
	} {
		code, out, errs := runExportArgs(t, "-o", bad, "--force")
		if code != ExitFailure || out != "" || errs != "macun-tui: "+msg+"\n" {
			t.Errorf("-o %s: exit %d, stdout %d bytes, stderr %q", bad, code, len(out), errs)
		}
		if strings.Contains(errs, ".macun-export-") || strings.Contains(errs, "Usage") {
			t.Errorf("-o %s: stderr %q", bad, errs)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != "industry.md" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want only industry.md", names)
	}
}

func TestExportUsageErrors(t *testing.T) {
	tabs := `overview, industry, urban-rural, governance, projects or all`
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--tab", "nope"}, `--tab must be ` + tabs + `, not "nope"`},
		{[]string{"--tab", "gov"}, `--tab must be ` + tabs + `, not "gov"; did you mean "governance"?`},
		{[]string{"--format", "jsn"}, `--format must be txt, md, csv or json, not "jsn"; did you mean "json"?`},
		{[]string{"--tab", ""}, `--tab must be ` + tabs + `, not ""`},
		{[]string{"--format", "pdf"}, `--format must be txt, md, csv or json, not "pdf"`},
		{[]string{"--format", "TXT"}, `--format must be txt, md, csv or json, not "TXT"; did you mean "txt"?`},
		{[]string{"--bogus"}, `unknown flag --bogus`},
		{[]string{"--formt", "md"}, `unknown flag --formt; did you mean --format?`},
		{[]string{"--wid", "40"}, `unknown flag --wid; did you mean --width?`},
		{[]string{"-x"}, `unknown flag -x in -x`},
		{[]string{"--width", "19"}, `--width must be a whole number from 20 to 1000, not "19"`},
		{[]string{"--width", "1001"}, `--width must be a whole number from 20 to 1000, not "1001"`},
		{[]string{"--width", "abc"}, `--width must be a whole number from 20 to 1000, not "abc"`},
		{[]string{"--width", "-5"}, `--width must be a whole number from 20 to 1000, not "-5"`},
		{[]string{"--mode", "graph"}, `--mode must be charts or table, not "graph"`},
		{[]string{"--lang", "fr"}, `--lang must be zh or en, not "fr"`},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"--tab", "industry", "stray"}, `unexpected argument "stray"`},
		{[]string{"-o"}, `--output needs a value`},
		{[]string{"--o"}, `unknown flag --o; did you mean -o?`},
	} {
		code, out, errs := runExportArgs(t, tc.args...)
		want := "macun-tui export: " + tc.msg + " (see macun-tui export --help)\n"
		if code != ExitUsage || out != "" || errs != want {
			t.Errorf("export %q: exit %d, stdout %q, stderr\n%q, want\n%q", tc.args, code, out, errs, want)
		}
	}
	for _, args := range [][]string{{"--width", "20"}, {"--width", "1000"}, {"--width=60", "--tab=governance"}} {
		exportOK(t, args...)
	}
	// A bad dataset is bad input: exit 2, the problems, no usage.
	code, _, errs := runExportArgs(t, "--data", filepath.Join("..", "testdata", "bad", "article-missing.json"))
	if code != ExitUsage || errs == "" || strings.Contains(errs, "Usage:") || strings.Contains(errs, "--help") {
		t.Errorf("--data bad: exit %d, stderr %q", code, errs)
	}
	// --help is not an error.
	code, out, _ := runExportArgs(t, "--help")
	if code != ExitOK || !strings.Contains(out, "--format txt|md|csv|json") {
		t.Errorf("--help: exit %d, stdout %q", code, out)
	}
}

// --data reads another dataset: the export shows its figures.
func TestExportData(t *testing.T) {
	p := filepath.Join("..", "data", "macun.json")
	if _, err := os.Stat(p); err != nil {
		t.Skip(err)
	}
	if got, want := exportOK(t, "--data", p, "--format", "json"), exportOK(t, "--format", "json"); got != want {
		t.Error("--data data/macun.json differs from the embedded dataset")
	}
}
