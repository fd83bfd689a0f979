package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newBuild(env *Env) *cobra.Command {
	var pf projectFlags
	var rf reportFlags
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Validate and render every role in every language",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := rf.validate(); err != nil {
				return err
			}
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			set, ds, err := p.Load()
			if err != nil {
				return internalErr(err)
			}
			if err := rf.report(env, cmd.ErrOrStderr(), p, ds); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "checked %d roles\n", len(set.Roles))
			return nil
		},
	}
	pf.register(cmd)
	rf.register(cmd)
	return cmd
}
