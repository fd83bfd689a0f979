package cli

import (
	"strings"

	"github.com/roledoc/roledoc/internal/role"
	"github.com/spf13/cobra"
)

// schemas are the files roledoc schema can describe.
var schemas = map[string]func() []byte{
	"role":   role.Schema,
	"config": role.ConfigSchema,
}

func newSchema(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema [role|config]",
		Short: "Print the JSON Schema of role files (or of roledoc.yaml: schema config)",
		Long: `Schema prints a JSON Schema (draft 2020-12) for role files, or with
"config" for roledoc.yaml, so editors such as VS Code with the YAML
extension offer completion and inline errors. Write the schemas into
your project with the roledoc version CI uses, and name them in a role
file's first line (relative to the file):

  # yaml-language-server: $schema=../.roledoc/role.schema.json

or for all files at once in VS Code's yaml.schemas setting (see
docs/role-format.md, "Editor support").

The schema checks each file's shape and values; references between
files, reporting cycles, duplicate ids and TODO placeholder texts are
checked by roledoc check only.`,
		Example: `  mkdir -p .roledoc
  roledoc schema > .roledoc/role.schema.json
  roledoc schema config > .roledoc/roledoc.schema.json`,
		ValidArgs: []string{"role", "config"},
		Args:      cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			which := "role"
			if len(args) == 1 {
				which = args[0]
			}
			if _, err := cmd.OutOrStdout().Write(schemas[which]()); err != nil {
				return internalErr(err)
			}
			return nil
		},
	}
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		if strings.Contains(err.Error(), "--config") {
			// --config takes a path everywhere else; the switch it was
			// here became an argument.
			return usageErr("schema has no --config; run 'roledoc schema config' for the schema of roledoc.yaml")
		}
		return err
	})
	return cmd
}
