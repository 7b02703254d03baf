package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpWidth is the width the flags of a help screen are wrapped to.
const helpWidth = 80

// choice is a flag that takes one of a fixed set of values; the same set
// is what the shell completes.
type choice struct {
	value   string
	allowed []string
	name    string // in the help, for a set too long to show there
}

func (c *choice) String() string { return c.value }

func (c *choice) Type() string {
	if c.name != "" {
		return c.name
	}
	return strings.Join(c.allowed, "|")
}

func (c *choice) Set(s string) error {
	if !slices.Contains(c.allowed, s) {
		return choiceError{allowed: c.allowed, near: nearest(s, c.allowed)}
	}
	c.value = s
	return nil
}

// choiceError is a value not in the set; near is the value probably
// meant, or "".
type choiceError struct {
	allowed []string
	near    string
}

func (e choiceError) Error() string { return "must be " + orList(e.allowed) }

// nearest is the one of names probably meant by typed, or "": one that
// typed begins (by two characters or more), or else the one fewest edits
// away (case ignored, a swap of neighbours one edit) with at most one edit
// for every three characters typed: "exprot" is "export", "pdf" is not
// "md".
func nearest(typed string, names []string) string {
	best, bestD := "", len(typed)/3+1
	for _, n := range names {
		d := editDistance(strings.ToLower(typed), strings.ToLower(n))
		if len(typed) >= 2 && strings.HasPrefix(n, typed) {
			d = 0
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// addChoice adds a choice flag to c and registers its values for
// completion, each with its description in descs (if any).
func addChoice(c *cobra.Command, name, def string, allowed []string, descs map[string]string, usage string) *choice {
	ch := &choice{value: def, allowed: allowed}
	c.Flags().Var(ch, name, usage)
	comps := make([]cobra.Completion, len(allowed))
	for i, v := range allowed {
		comps[i] = cobra.CompletionWithDesc(v, descs[v])
	}
	if err := c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(comps, cobra.ShellCompDirectiveNoFileComp)); err != nil {
		panic(err) // a programming error: the flag was just added
	}
	return ch
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// boundedInt is an integer flag within [min, max].
type boundedInt struct {
	value, min, max int
}

func (b *boundedInt) String() string { return strconv.Itoa(b.value) }
func (b *boundedInt) Type() string   { return "N" }

func (b *boundedInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < b.min || n > b.max {
		return fmt.Errorf("must be a whole number from %d to %d", b.min, b.max)
	}
	b.value = n
	return nil
}

// noArgs is the positional arguments rule of a command that takes none.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

// oneArg is the positional arguments rule of a command that takes one
// argument, named what in the message; complete completes it.
func oneArg(c *cobra.Command, what string, complete cobra.CompletionFunc) {
	c.Args = func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usagef("expects one %s, got %d arguments", what, len(args))
		}
		return nil
	}
	c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(c, args, toComplete)
	}
}

// unknownCommand is the error for a command name that is not one, with
// the nearest command if one is near.
func unknownCommand(c *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if s := nearest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return usageError{msg}
}

// flagError turns a flag parsing error into one line that names the flag
// and, for an unknown one, the nearest flag of the command.
func flagError(c *cobra.Command, err error) error {
	var inv *pflag.InvalidValueError
	var missing *pflag.ValueRequiredError
	var unknown *pflag.NotExistError
	switch {
	case errors.As(err, &inv):
		msg := fmt.Sprintf("--%s %v, not %q", inv.GetFlag().Name, errors.Unwrap(inv), inv.GetValue())
		var ce choiceError
		if errors.As(inv, &ce) && ce.near != "" {
			msg += fmt.Sprintf("; did you mean %q?", ce.near)
		}
		return usageError{msg}
	case errors.As(err, &missing):
		return usagef("--%s needs a value", missing.GetFlag().Name)
	case errors.As(err, &unknown):
		if short := unknown.GetSpecifiedShortnames(); short != "" {
			return usagef("unknown flag -%s in -%s", unknown.GetSpecifiedName()[:1], short)
		}
		typed := unknown.GetSpecifiedName()
		msg := fmt.Sprintf("unknown flag --%s", typed)
		if s := nearestFlag(c, typed); s != "" {
			msg += fmt.Sprintf("; did you mean %s?", s)
		}
		return usageError{msg}
	}
	return usageError{err.Error()}
}

// nearestFlag is the flag of c meant by the unknown --typed, as it is
// written ("--format", "-o"), or "": the flag whose shorthand typed is,
// or else the nearest by name.
func nearestFlag(c *cobra.Command, typed string) string {
	var names []string
	short := ""
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
			if typed == f.Shorthand {
				short = "-" + f.Shorthand
			}
		}
	})
	if short != "" {
		return short
	}
	if n := nearest(typed, names); n != "" {
		return "--" + n
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and
// b: insertions, deletions, substitutions and swaps of neighbours, in
// bytes (names and values are ASCII).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// usageTemplate is cobra's, with the flags wrapped, and the exit codes
// at the end.
const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{flagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global flags:
{{flagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}

Exit codes:
  0  ok
  1  runtime failure (terminal error, file not written)
  2  usage error or bad input (unknown flag, invalid dataset){{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more about a command.{{end}}
`
