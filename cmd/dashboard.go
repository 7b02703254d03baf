package cmd

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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
}

func addCommonFlags(c *cobra.Command, f *commonFlags, asciiUsage string) {
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
tab instead, $COLUMNS (or 100) cells wide.`,
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
	out, isFile := a.stdout.(*os.File)
	if !isFile || !isatty.IsTerminal(out.Fd()) {
		// Not a terminal: print what the dashboard would show, as text.
		o := views.Options{Width: envWidth(), Lang: l, ASCII: f.ascii}
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
	c.Clipboard = out // y and Y send OSC 52 to the terminal
	defer c.Zones.Close()
	// 120 fps, Bubble Tea v1's most: every key shows up to 8 ms sooner
	// than at the default 60.
	p := tea.NewProgram(model.New(c, l), tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithInput(bg.Input(in)), tea.WithOutput(out), tea.WithFPS(120), tea.WithoutSignalHandler())
	// SIGHUP (the terminal went away), SIGTERM and SIGINT quit and restore
	// the terminal. They are caught here, before Run, and not by Bubble
	// Tea (WithoutSignalHandler): its handler starts in a goroutine that
	// may not be listening yet when the first frame is out, and a signal
	// in between would kill the program in raw mode on the alternate
	// screen. Send, unlike that handler, cannot block once Run has ended.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sig)
	go func() {
		if s, ok := <-sig; ok {
			if s == syscall.SIGINT {
				p.Send(tea.InterruptMsg{})
			} else {
				p.Quit()
			}
		}
	}()
	_, err = p.Run()
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// openTTY opens the terminal for input when standard input is not one.
func openTTY() (*os.File, error) {
	if runtime.GOOS == "windows" {
		return os.Open("CONIN$")
	}
	return os.Open("/dev/tty")
}

// envWidth is the width for text output when stdout is not a terminal:
// $COLUMNS if set, else 100.
func envWidth() int {
	var w int
	if _, err := fmt.Sscan(os.Getenv("COLUMNS"), &w); err == nil && w > 0 {
		return w
	}
	return 100
}
