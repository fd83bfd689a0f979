package role

import "github.com/roledoc/roledoc/internal/diag"

// unknownDepartments reports a role whose department roledoc.yaml does
// not declare.
func unknownDepartments(s *Set, _ []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range s.Roles {
		if _, ok := s.Config.Department(r.Department); r.Department == "" || ok {
			continue
		}
		depts := make([]string, len(s.Config.Departments))
		for i, d := range s.Config.Departments {
			depts[i] = d.ID
		}
		ds = append(ds, diag.Errorf(r.Pos("department"), diag.UnknownDepartment,
			"department %q is not declared in %s; %s", r.Department, ConfigFile, suggestRef(r.Department, depts)))
	}
	return ds
}
