package cmd

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xterm "github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// langs are the values of --lang; empty means the locale's language.
var langs = []string{string(data.ZH), string(data.EN)}

var langDescs = map[string]string{"zh": "中文", "en": "English"}

// The flags the dashboard and export share.
type commonFlags struct {
	lang     *choice
	dataPath string
	ascii    bool
	// dataGiven says whether --data was given, when it is empty.
	dataGiven func() bool
}

func addCommonFlags(c *cobra.Command, f *commonFlags, asciiUsage string) {
	f.dataGiven = func() bool { return c.Flags().Changed("data") }
	f.lang = addChoice(c, "lang", "", langs, langDescs,
		"language (default from LC_ALL, LC_MESSAGES, LANG: zh* is Chinese, anything else English)")
	c.Flags().StringVar(&f.dataPath, "data", "", "use another dataset of the same schema in `FILE` (docs/schema.md)")
	if err := c.MarkFlagFilename("data", "json"); err != nil {
		panic(err)
	}
	c.Flags().BoolVar(&f.ascii, "ascii", false, asciiUsage)
}

// language is --lang, or the locale's language.
func (f *commonFlags) language() data.Lang {
	if f.lang.value == "" {
		return envLang(os.Getenv)
	}
	return data.Lang(f.lang.value)
}

// dataset is the embedded dataset or the one --data names; a bad
// dataset is an input error.
func (f *commonFlags) dataset() (*data.Dataset, error) {
	if f.dataPath == "" && f.dataGiven != nil && f.dataGiven() {
		return nil, usagef("--data needs a file name, not \"\"")
	}
	if f.dataPath == "" {
		return data.Default(), nil
	}
	ds, err := data.LoadFile(f.dataPath)
	if err != nil {
		return nil, inputError{err}
	}
	return ds, nil
}

// envLang is the language of the locale: LC_ALL, then LC_MESSAGES, then
// LANG; zh* is Chinese, anything else English.
func envLang(getenv func(string) string) data.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return data.ZH
			}
			return data.EN
		}
	}
	return data.EN
}

// newDashboardCmd is the root command: the dashboard.
func (a *app) newDashboardCmd() *cobra.Command {
	var f commonFlags
	var theme *choice
	c := &cobra.Command{
		Use:   "macun-tui",
		Short: "The Macun District indicators of the Jiaozuo Daily, 1 October 2024",
		Long: `macun-tui opens a dashboard of the economic and development indicators of
Macun District (马村区), Jiaozuo, Henan, as the Jiaozuo Daily reported them on
1 October 2024: every figure with its unit, period, comparison and source
sentence, in Chinese or English. Press ? in it for the keys.

When standard output is not a terminal it prints the text export of every
tab instead, $COLUMNS (or 100) cells wide; so it does on a terminal whose
TERM is dumb, at the terminal's width.`,
		Example: `  macun-tui                        the dashboard, in the locale's language
  macun-tui --lang zh --ascii      in Chinese, with 7-bit borders and bars
  macun-tui export --tab industry --format csv -o industry.csv
  macun-tui validate other.json    check another dataset`,
		Version: versionString(),
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(c, args[0])
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error {
			return a.runDashboard(&f, theme.value)
		},
	}
	addCommonFlags(c, &f, "7-bit borders, bars and quotes, for terminals where ─ │ █ “ ” are two cells wide")
	theme = addChoice(c, "theme", "auto", []string{"auto", "dark", "light"},
		map[string]string{"auto": "ask the terminal", "dark": "colours for a dark background", "light": "colours for a light background"},
		"colours for a dark or light background; auto asks the terminal once, before the dashboard starts")
	c.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	c.Flags().SortFlags = false
	c.Flags().BoolP("version", "v", false, "print the version, commit and build date")
	return c
}

func (a *app) runDashboard(f *commonFlags, theme string) error {
	l := f.language()
	ds, err := f.dataset()
	if err != nil {
		return err
	}
	out, isFile := a.term.(*os.File)
	tty := isFile && isatty.IsTerminal(out.Fd())
	if !tty || os.Getenv("TERM") == "dumb" {
		// Not a terminal, or one that says it cannot take a full-screen
		// program (Emacs's shell): print what the dashboard would show,
		// as text, at the terminal's width if there is one.
		w := envWidth()
		if tty {
			if cols, _, err := xterm.GetSize(out.Fd()); err == nil && cols > 0 {
				w = min(max(cols, minExportWidth), maxExportWidth)
			}
		}
		o := views.Options{Width: w, Lang: l, ASCII: f.ascii}
		return views.WriteText(a.stdout, ds, data.TabIDs(), o)
	}
	in, isFile := a.stdin.(*os.File)
	if !isFile || !isatty.IsTerminal(in.Fd()) {
		tty, err := openTTY()
		if err != nil {
			return usagef("standard input is not a terminal and the terminal cannot be opened; use 'macun-tui export' for text")
		}
		defer tty.Close()
		in = tty
	}
	dark, bg := darkBackground(theme, out)
	r := lipgloss.NewRenderer(out)
	r.SetHasDarkBackground(dark)
	lipgloss.SetHasDarkBackground(dark)
	c := model.NewCommon(ds, views.NewStyles(r, dark), f.ascii)
	c.CanSuspend = canSuspend
	c.Clipboard = out // y and Y send OSC 52 to the terminal
	sig := newSignals()
	// 120 fps, Bubble Tea v1's most: every key shows up to 8 ms sooner
	// than at the default 60.
	p := tea.NewProgram(wrapModel(model.New(c, l)), tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithInput(bg.Input(in)), tea.WithOutput(out), tea.WithFPS(120),
		tea.WithoutSignalHandler(), tea.WithFilter(sig.filter))
	sig.start(p)
	defer sig.stop()
	_, err = p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea recovered it, restored the terminal and printed it.
		return errors.New("the dashboard stopped on an internal error, a bug (the panic is above)")
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return nil
	}
	return err
}

// wrapModel is the dashboard's model as the program runs it; tests
// replace it.
var wrapModel = func(m tea.Model) tea.Model { return m }

// openTTY opens the terminal for input when standard input is not one.
func openTTY() (*os.File, error) {
	if runtime.GOOS == "windows" {
		return os.Open("CONIN$")
	}
	return os.Open("/dev/tty")
}

// envWidth is the width for text output when stdout is not a terminal:
// $COLUMNS if it is a whole number above 0, within export's bounds of
// --width; else 100.
func envWidth() int {
	cols := strings.TrimSpace(os.Getenv("COLUMNS"))
	if cols == "" || strings.Trim(cols, "0123456789") != "" || strings.Trim(cols, "0") == "" {
		return defaultExportWidth
	}
	w, err := strconv.Atoi(cols)
	if err != nil { // more digits than an int holds
		return maxExportWidth
	}
	return min(max(w, minExportWidth), maxExportWidth)
}
