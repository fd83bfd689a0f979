package cli

import (
	"github.com/roledoc/roledoc/internal/role"
	"github.com/spf13/cobra"
)

func newSchema(env *Env) *cobra.Command {
	var config bool
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of role files (or of roledoc.yaml with --config)",
		Long: `Schema prints a JSON Schema (draft 2020-12) for role files, so editors such
as VS Code with the YAML extension offer completion and inline errors.
Add this first line to a role file to use it:

  # yaml-language-server: $schema=../docs/role.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s := role.Schema()
			if config {
				s = role.ConfigSchema()
			}
			if _, err := cmd.OutOrStdout().Write(s); err != nil {
				return internalErr(err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&config, "config", false, "print the schema of roledoc.yaml instead")
	return cmd
}
