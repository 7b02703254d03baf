// Command macun-tui is a terminal dashboard of the economic and
// development indicators of Macun District, Jiaozuo, Henan, as reported by
// the Jiaozuo Daily on 1 October 2024.
//
// Exit codes: 0 ok, 1 runtime failure, 2 usage or bad input.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	// Must stay: keeps Bubble Tea from querying the terminal at init.
	_ "aaa.invalid/termquiet"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/model"
	"github.com/macun-tui/macun-tui/views"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usageText = `macun-tui: the Macun District indicators of the Jiaozuo Daily, 1 Oct 2024

Usage:
  macun-tui [--lang zh|en] [--data FILE] [--ascii] [--theme auto|dark|light]
  macun-tui export [--tab TAB|all] [--format txt|md|csv|json] [--width N]
                   [--mode charts|table] [--lang zh|en] [--ascii]
                   [-o FILE] [--force] [--data FILE]
  macun-tui validate FILE
  macun-tui --help

With no command it opens the dashboard. When standard output is not a
terminal it prints the text export of every tab instead.

Options:
  --lang zh|en      language (default from LC_ALL, LC_MESSAGES, LANG: zh* is
                    Chinese, anything else English)
  --data FILE       use another dataset of the same schema (docs/schema.md)
  --ascii           7-bit borders and bars, for terminals where ─ │ █ “ ” are
                    two cells wide
  --theme MODE      colours for a dark or light background; auto asks the
                    terminal once, before the dashboard starts

Export (default: every tab as text, 100 cells wide, to standard output):
  --tab TAB         overview, industry, urban-rural, governance, projects or
                    all
  --format F        txt: what the dashboard shows, plus the source sentences;
                    md: Markdown tables; csv: one row per figure and tab;
                    json: the figures (and projects, strategy, notes) of each
                    tab. md, csv and json have labels in --lang only
  --width N         text width in cells, 20 to 1000 (txt only)
  --mode M          charts or table, as the dashboard's t key (txt only)
  --ascii           7-bit characters only (txt only)
  -o FILE           write FILE atomically; an existing FILE is kept unless
                    --force

Exit codes:
  0  ok
  1  runtime failure (terminal error, file not written)
  2  usage error or bad input (unknown flag, invalid dataset)
`

// usageError is a mistake in the command line: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// inputError is bad input, such as an invalid dataset: exit 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var err error
	switch {
	case len(args) > 0 && args[0] == "validate":
		err = runValidate(args[1:], stdout)
	case len(args) > 0 && args[0] == "export":
		err = runExport(args[1:], stdout)
	default:
		err = runDashboard(args, stdin, stdout)
	}
	return report(err, stderr)
}

// report prints an error and maps it to an exit code.
func report(err error, stderr io.Writer) int {
	var ue usageError
	var ie inputError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "macun-tui: %s\n\n%s", ue.msg, usageText)
		return exitUsage
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "%s\n", strings.TrimRight(ie.Error(), "\n"))
		return exitUsage
	default:
		fmt.Fprintf(stderr, "macun-tui: %v\n", err)
		return exitFailure
	}
}

// newFlags returns a flag set that reports mistakes as usage errors. It
// prints nothing itself: parseFlags prints the usage for -h, and report
// prints it to stderr for a mistake.
func newFlags(name string, _ io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses and turns flag errors into usage errors; -h prints
// the usage to out.
func parseFlags(fs *flag.FlagSet, args []string, out io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(out, usageText)
		return err
	}
	if err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// langFlag validates --lang; empty means the environment's language.
func langFlag(s string) (data.Lang, error) {
	switch s {
	case "":
		return envLang(os.Getenv), nil
	case "zh", "en":
		return data.Lang(s), nil
	}
	return "", usageError{fmt.Sprintf("--lang must be zh or en, not %q", s)}
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

// loadData returns the embedded dataset or the one in path; a bad dataset
// is an input error.
func loadData(path string) (*data.Dataset, error) {
	if path == "" {
		return data.Default(), nil
	}
	ds, err := data.LoadFile(path)
	if err != nil {
		return nil, inputError{err}
	}
	return ds, nil
}

func runValidate(args []string, stdout io.Writer) error {
	fs := newFlags("validate", stdout)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"validate takes one FILE"}
	}
	if _, err := loadData(fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "ok")
	return nil
}

func runDashboard(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("github.com/macun-tui/macun-tui", stdout)
	lang := fs.String("lang", "", "zh or en")
	dataPath := fs.String("data", "", "dataset file")
	ascii := fs.Bool("ascii", false, "7-bit borders and bars")
	theme := fs.String("theme", "auto", "auto, dark or light")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unknown command %q", fs.Arg(0))}
	}
	l, err := langFlag(*lang)
	if err != nil {
		return err
	}
	if *theme != "auto" && *theme != "dark" && *theme != "light" {
		return usageError{fmt.Sprintf("--theme must be auto, dark or light, not %q", *theme)}
	}
	ds, err := loadData(*dataPath)
	if err != nil {
		return err
	}
	out, isFile := stdout.(*os.File)
	if !isFile || !isatty.IsTerminal(out.Fd()) {
		// Not a terminal: print what the dashboard would show, as text.
		o := views.Options{Width: envWidth(), Lang: l, ASCII: *ascii}
		return views.WriteText(stdout, ds, data.TabIDs(), o)
	}
	// 120 fps, Bubble Tea v1's most: every key shows up to 8 ms sooner than
	// at the default 60 (the first frame does not wait for it: firstFrame).
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out), tea.WithFPS(120), tea.WithoutSignalHandler()}
	if in, ok := stdin.(*os.File); !ok || !isatty.IsTerminal(in.Fd()) {
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return usageError{"standard input is not a terminal and /dev/tty cannot be opened; use 'macun-tui export' for text"}
		}
		defer tty.Close()
		opts = append(opts, tea.WithInput(tty))
	} else {
		opts = append(opts, tea.WithInput(in))
	}
	r := lipgloss.NewRenderer(out)
	dark := darkBackground(*theme, out)
	r.SetHasDarkBackground(dark)
	lipgloss.SetHasDarkBackground(dark)
	c := model.NewCommon(ds, views.NewStyles(r, dark), *ascii)
	defer c.Zones.Close()
	m := model.New(c, l)
	var root tea.Model = m
	// Lay out for the terminal's size now, and draw the first frame as soon
	// as Bubble Tea has set the terminal up, not a tick later.
	if w, h, err := term.GetSize(out.Fd()); err == nil && w > 0 && h > 0 {
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		root = firstFrame{Model: m, out: out, width: w, height: h}
	}
	p := tea.NewProgram(root, opts...)
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

// firstFrame draws the first frame of the dashboard from Init, which
// Bubble Tea v1 calls once it has entered raw mode and the alternate
// screen (cleared, cursor home) but before its renderer has drawn
// anything: the renderer draws only on the ticks of its frame rate, so
// the first frame would come up to 1/fps (8 ms at 120 fps) later. It
// writes what the renderer's first flush writes (paintFrame), without
// waiting for the mouse zones; that flush then paints the same text in
// the same cells, so nothing flickers. Update hands the wrapped model
// back to Bubble Tea, so the wrapper lives for Init only.
type firstFrame struct {
	*model.Model
	out           io.Writer
	width, height int
}

func (f firstFrame) Init() tea.Cmd {
	f.ZonesLater() // the View right after this one registers them
	_, _ = io.WriteString(f.out, paintFrame(f.View(), f.width, f.height))
	return f.Model.Init()
}

func (f firstFrame) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return f.Model.Update(msg) }

// paintFrame is a frame as Bubble Tea v1's standard renderer paints it on
// the alternate screen (standard_renderer.go, flush): from the top left,
// the last height lines, each cut to width and erased to its right when
// narrower, and the cursor left below the last line.
func paintFrame(view string, width, height int) string {
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	var b strings.Builder
	b.WriteString(ansi.CursorHomePosition)
	for i, line := range lines {
		if i == 0 {
			b.WriteByte('\r')
		}
		line = ansi.Truncate(line, width, "")
		b.WriteString(line)
		if ansi.StringWidth(line) < width {
			b.WriteString(ansi.EraseLineRight)
		}
		if i < len(lines)-1 {
			b.WriteString("\r\n")
		}
	}
	b.WriteString(ansi.CursorPosition(0, len(lines)))
	return b.String()
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
