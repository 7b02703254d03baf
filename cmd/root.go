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
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // runtime failure: terminal error, file not written
	ExitUsage   = 2 // usage error or bad input: unknown flag, invalid dataset
)

// app is one run of the program: its standard streams, and for a
// command run over SSH what the server gives it (serve.go).
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	served         *served
}

// Run runs macun-tui with args (without the program name) on the given
// streams and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
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
	return a.report(root, c, err)
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
// that ran or failed.
func (a *app) report(root, c *cobra.Command, err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var ie inputError
	switch {
	case errors.As(err, &ue):
		if c == nil {
			c = root
		}
		fmt.Fprintf(a.stderr, "%s: %s (see %s --help)\n", c.CommandPath(), ue.msg, c.CommandPath())
		return ExitUsage
	case errors.As(err, &ie):
		fmt.Fprintf(a.stderr, "%s\n", strings.TrimRight(ie.Error(), "\n"))
		return ExitUsage
	}
	fmt.Fprintf(a.stderr, "%s: %v\n", root.Name(), err)
	return ExitFailure
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
