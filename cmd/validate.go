package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) newValidateCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a dataset: ok, or every problem as FILE:LINE:COL",
		Long: `validate checks a dataset of the schema in docs/schema.md, with the article
it quotes, as --data would load it. It prints ok and exits 0, or prints every
problem as FILE:LINE:COL: message and exits 2.`,
		RunE: func(_ *cobra.Command, args []string) error {
			if args[0] == "" {
				return usagef("FILE is empty")
			}
			f := commonFlags{dataPath: args[0]}
			if _, err := f.dataset(); err != nil {
				return err
			}
			_, err := fmt.Fprintln(a.stdout, "ok")
			return err
		},
	}
	oneArg(c, "FILE", cobra.FixedCompletions([]cobra.Completion{"json"}, cobra.ShellCompDirectiveFilterFileExt))
	return c
}
