package role

import "github.com/roledoc/roledoc/internal/diag"

// selfSubstitutes reports a role that names itself as its substitute.
func selfSubstitutes(s *Set, _ []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range s.Roles {
		if r.Substitute != "" && r.Substitute == r.ID {
			ds = append(ds, diag.Errorf(r.Pos("substitute"), diag.SelfSubstitute,
				"a role cannot stand in for itself; name the role that covers during absence"))
		}
	}
	return ds
}
