// Package cmd is macun-tui's command line: the dashboard (the root
// command) and its subcommands, on github.com/spf13/cobra.
//
// Run is the whole program; main calls it. A new subcommand is a file
// here with a func newXxxCmd(a *app) *cobra.Command, added to the list in
// newRoot; it reports a command-line mistake as a usageError (exit 2),
// bad input as an inputError (exit 2) and anything else as a plain error
// (exit 1).
package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/macun-tui/macun-tui/internal/termtext"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // runtime failure: terminal error, file not written
	ExitUsage   = 2 // usage error or bad input: unknown flag, invalid dataset
)

// app is one run of the program: its standard streams. Everything
// written to standard output goes through stdout, which keeps the first
// error; term is standard output itself, for the dashboard, which asks
// whether it is a terminal and draws on it. served is what the server
// gives a command run over SSH (serve.go).
type app struct {
	stdin  io.Reader
	stdout *checkedWriter
	term   io.Writer
	stderr io.Writer
	served *served
}

// Run runs macun-tui with args (without the program name) on the given
// streams and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A bug: a panic would exit 2, which says bad input.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "macun-tui: internal error, a bug: %v\n%s", termtext.Visible(fmt.Sprint(r)), debug.Stack())
			code = ExitFailure
		}
	}()
	a := &app{stdin: stdin, stdout: &checkedWriter{w: stdout}, term: stdout, stderr: stderr}
	root := a.newRoot()
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// A mistyped command followed by flags meant for it ("exprot
		// --tab x") fails on the flags first: name the command instead.
		if c == root && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			return unknownCommand(root, args[0])
		}
		return flagError(c, err)
	})
	c, err := root.ExecuteC()
	if a.stdout.err != nil {
		// What was written is incomplete, whatever else happened; cobra
		// does not check the writes of help and completion.
		err = fmt.Errorf("cannot write to standard output: %w", pathless(a.stdout.err))
	}
	return a.report(root, c, err)
}

// checkedWriter writes to w and keeps the first error, after which it
// writes nothing more.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// pathless is err without the path of a *fs.PathError: "/dev/stdout" says
// nothing.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// usageError is a mistake in the command line: exit 2, one line that
// points to the command's help.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// inputError is bad input, such as an invalid dataset: exit 2, the
// problems as they are.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }

// report prints err, if any, and returns the exit code. c is the command
// that ran or failed. What the user gave (a file name, a flag) and
// repeats in the message shows its control and format characters as
// escapes (termtext.Visible).
func (a *app) report(root, c *cobra.Command, err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var ie inputError
	var msg string
	code := ExitFailure
	switch {
	case errors.As(err, &ue):
		if c == nil {
			c = root
		}
		msg, code = fmt.Sprintf("%s: %s (see %s --help)", c.CommandPath(), ue.msg, c.CommandPath()), ExitUsage
	case errors.As(err, &ie):
		msg, code = strings.TrimRight(ie.Error(), "\n"), ExitUsage
	default:
		msg = fmt.Sprintf("%s: %v", root.Name(), err)
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = termtext.Visible(l)
	}
	fmt.Fprintln(a.stderr, strings.Join(lines, "\n"))
	return code
}

// newRoot builds the command tree of one run.
func (a *app) newRoot() *cobra.Command {
	root := a.newDashboardCmd()
	root.AddCommand(
		a.newExportCmd(),
		a.newValidateCmd(),
		a.newServeCmd(),
		a.newVersionCmd(),
		a.newManCmd(),
	)
	// Before setup: the completion command takes its output when made.
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	setup(root)
	return root
}

// setup gives every command of the tree the same streams, help and error
// handling: errors are returned to Run, which prints them in one line.
func setup(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.SilenceErrors = true
		c.SilenceUsage = true
		if c.Args == nil {
			c.Args = noArgs
		}
		if !c.Runnable() && c.HasSubCommands() {
			// A group (completion): its help, or a mistyped subcommand.
			c.Args = func(c *cobra.Command, args []string) error {
				if len(args) > 0 {
					return unknownCommand(c, args[0])
				}
				return nil
			}
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			// help TOPIC: a topic that is no command is a mistyped one.
			c.Args = func(c *cobra.Command, args []string) error {
				if found, rest, err := c.Root().Find(args); len(args) > 0 && (err != nil || found == c.Root() || len(rest) > 0) {
					return unknownCommand(c.Root(), args[0])
				}
				return nil
			}
		}
	}
	walk(root)
	root.SetUsageTemplate(usageTemplate)
	cobra.AddTemplateFunc("flagUsages", func(fs *pflag.FlagSet) string { return fs.FlagUsagesWrapped(helpWidth) })
}
