package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a dataset: ok, or every problem as FILE:LINE:COL",
		Long: `validate checks a dataset of the schema in docs/schema.md, with the article
it quotes, as --data would load it. It prints ok and exits 0, or prints every
problem as FILE:LINE:COL: message and exits 2.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("expects one FILE, got %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []cobra.Completion{"json"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(_ *cobra.Command, args []string) error {
			f := commonFlags{dataPath: args[0]}
			if _, err := f.dataset(); err != nil {
				return err
			}
			_, err := fmt.Fprintln(a.stdout, "ok")
			return err
		},
	}
}
