package role

import "github.com/roledoc/roledoc/internal/diag"

// duplicateRoles reports every role file whose id an earlier file (by
// name) already uses; the set keeps the first.
func duplicateRoles(_ *Set, files []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	first := map[string]*Role{}
	for _, r := range files {
		if r.ID == "" {
			continue
		}
		if prev, dup := first[r.ID]; dup {
			ds = append(ds, diag.Errorf(r.Pos("id"), diag.DuplicateRole,
				"role id %q is already used by %s; give each role its own id", r.ID, prev.File))
			continue
		}
		first[r.ID] = r
	}
	return ds
}

// positionsNotRoles reports a position in roledoc.yaml that is also a
// role: a reference to it would be ambiguous.
func positionsNotRoles(s *Set, _ []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range s.Config.Positions {
		if r, dup := s.byID[p.ID]; dup {
			ds = append(ds, diag.Errorf(nodePos(s.Config.File, s.Config.root, "positions"), diag.DuplicateRole,
				"position %q is also a role (%s); remove it from positions", p.ID, r.File))
		}
	}
	return ds
}
