package cli

import (
	"fmt"
	"io"

	"github.com/roledoc/roledoc/internal/project"
	"github.com/spf13/cobra"
)

// sampleFlag is --sample on check and build. Without roles/ in the working
// directory or --roles, both would silently read the built-in sample
// company, and a CI job started in the wrong directory would pass; so they
// refuse (exit 2) unless the user asks for the sample.
type sampleFlag bool

func (s *sampleFlag) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar((*bool)(s), "sample", false, "use the built-in sample project when there is no roles/ here")
}

// gate refuses the built-in sample unless asked for, and says on w when it
// is used, or when the user's roles are read with the built-in
// configuration.
func (s sampleFlag) gate(p *project.Project, w io.Writer) error {
	switch {
	case p.Sample() && !bool(s):
		return usageErr("no roles/ here or in --roles; run `roledoc init` to start your own project, or pass --sample to use the built-in sample project")
	case p.Sample():
		fmt.Fprintln(w, "roledoc: no roles/ here or in --roles: using the built-in sample project; run `roledoc init` to start your own")
	case p.Config.Embedded:
		fmt.Fprintln(w, "roledoc: no roledoc.yaml here or in --config: using the built-in sample configuration; run `roledoc init` to write your own")
	}
	return nil
}
