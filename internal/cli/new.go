package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/starter"
	"github.com/spf13/cobra"
)

func newNew(env *Env) *cobra.Command {
	var pf projectFlags
	var r starter.Role
	cmd := &cobra.Command{
		Use:   "new ROLE-ID",
		Short: "Write roles/ROLE-ID.yaml with every section to fill in",
		Long: `New writes roles/ROLE-ID.yaml: every section with a short comment, and
placeholder texts starting with "TODO:" to replace. roledoc check reports
each placeholder left as a todo-text error, so an unfinished role cannot be
built by accident.

The id is lowercase kebab-case and must not exist yet. --reports-to names
a role or a position in roledoc.yaml (default: the first position);
--department a department in roledoc.yaml (default: that of the role
reported to, else the first one).`,
		Example: `  roledoc new warehouse-manager --reports-to general-director --title "Warehouse Manager"
  roledoc new sales-assistant --reports-to head-of-sales`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r.ID = args[0]
			if problem := role.IDProblem(r.ID); problem != "" {
				return usageErr("role id %q %s", r.ID, problem)
			}
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			dir, err := p.RolesDir()
			if err != nil {
				return usageErr("%v", err)
			}
			set, _, err := p.Load()
			if err != nil {
				return internalErr(err)
			}
			if set == nil {
				return &exitError{ExitProblems, fmt.Errorf("%s has errors; run roledoc check", p.Config.Shown)}
			}
			file := filepath.Join(dir, r.ID+".yaml")
			if _, ok := set.Role(r.ID); ok {
				return usageErr("role %q exists already", r.ID)
			}
			if _, err := os.Lstat(file); err == nil {
				return usageErr("%s exists already", filepath.ToSlash(filepath.Join(p.Roles.Shown, r.ID+".yaml")))
			}
			if err := fillRole(&r, set); err != nil {
				return err
			}
			r.Effective = time.Now().UTC().Format(time.DateOnly)
			// The schema init wrote beside roles/, of the version the
			// project uses; else main's by URL.
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), ".roledoc", "role.schema.json")); err == nil {
				r.Schema = "../.roledoc/role.schema.json"
			}
			if err := os.WriteFile(file, starter.Skeleton(r), 0o644); err != nil {
				return internalErr(err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s/%s.yaml; replace its TODO texts, then run roledoc check\n", p.Roles.Shown, r.ID)
			return nil
		},
	}
	pf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&r.ReportsTo, "reports-to", "", "the role or position the new role reports to")
	fl.StringVar(&r.Title, "title", "", "the job title")
	fl.StringVar(&r.Department, "department", "", "the department id")
	// Completion offers the project's own ids, loaded when asked.
	complete := func(ids func(*role.Set) []string) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			p, err := pf.resolve(env)
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			set, _, err := p.Load()
			if err != nil || set == nil {
				return nil, cobra.ShellCompDirectiveError
			}
			return ids(set), cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = cmd.RegisterFlagCompletionFunc("reports-to", complete(func(s *role.Set) []string {
		var positions []string
		for _, p := range s.Config.Positions {
			positions = append(positions, p.ID)
		}
		return known(s, positions)
	}))
	_ = cmd.RegisterFlagCompletionFunc("department", complete(func(s *role.Set) []string {
		var ids []string
		for _, d := range s.Config.Departments {
			ids = append(ids, d.ID)
		}
		return ids
	}))
	return cmd
}

// fillRole checks the flags against the project and chooses the
// references left open: reports_to defaults to the first position, the
// department to that of the role reported to. The first position (the
// top of the organization) appoints and approves; the manager stands in.
func fillRole(r *starter.Role, set *role.Set) error {
	cfg := set.Config
	var positions, departments []string
	for _, p := range cfg.Positions {
		positions = append(positions, p.ID)
	}
	for _, d := range cfg.Departments {
		departments = append(departments, d.ID)
	}
	r.Departments = departments
	if r.ReportsTo == "" {
		if len(positions) == 0 {
			return usageErr("pass --reports-to: %s declares no positions to default to", cfg.File)
		}
		r.ReportsTo = positions[0]
	}
	boss, isRole := set.Role(r.ReportsTo)
	if !isRole && !slices.Contains(positions, r.ReportsTo) {
		return usageErr("--reports-to %q is neither a role in roles/ nor a position in %s; known: %s", r.ReportsTo, cfg.File, strings.Join(known(set, positions), ", "))
	}
	switch {
	case r.Department != "" && !slices.Contains(departments, r.Department):
		return usageErr("--department %q is not declared in %s; declared: %s", r.Department, cfg.File, strings.Join(departments, ", "))
	case r.Department != "":
	case isRole:
		r.Department = boss.Department
	case len(departments) > 0:
		r.Department = departments[0]
	}
	r.AppointedBy = r.ReportsTo
	if len(positions) > 0 {
		r.AppointedBy = positions[0]
	}
	r.Substitute, r.ApprovedBy = r.ReportsTo, r.AppointedBy
	return nil
}

// known lists the ids a role may refer to.
func known(set *role.Set, positions []string) []string {
	var ids []string
	for _, r := range set.Roles {
		ids = append(ids, r.ID)
	}
	return append(ids, positions...)
}
