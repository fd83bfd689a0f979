package role

import (
	"slices"

	"github.com/roledoc/roledoc/internal/diag"
)

// unknownReferences reports reports_to, appointed_by, substitute and
// approval.by naming neither a role nor a position of roledoc.yaml. A
// reference to a role whose file failed to load is left to that file's
// error.
func unknownReferences(s *Set, _ []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	var known []string // built on the first miss, for suggestions
	for _, r := range s.Roles {
		for _, ref := range []struct{ key, val string }{
			{"reports_to", r.ReportsTo},
			{"appointed_by", r.AppointedBy},
			{"substitute", r.Substitute},
			{"approval.by", r.Approval.By},
		} {
			if ref.val == "" || s.known(ref.val) || slices.Contains(s.unreadable, ref.val) {
				continue
			}
			if known == nil {
				known = s.knownIDs()
			}
			ds = append(ds, diag.Errorf(r.Pos(ref.key), diag.UnknownRole,
				"%s %q is neither a role in roles/ nor a position in %s; %s", ref.key, ref.val, ConfigFile, suggestRef(ref.val, known)))
		}
	}
	return ds
}

// known reports whether id is a role or a declared position.
func (s *Set) known(id string) bool {
	if _, ok := s.byID[id]; ok {
		return true
	}
	_, ok := s.Config.Position(id)
	return ok
}

// knownIDs lists the roles, then the positions.
func (s *Set) knownIDs() []string {
	ids := make([]string, 0, len(s.Roles)+len(s.Config.Positions))
	for _, r := range s.Roles {
		ids = append(ids, r.ID)
	}
	for _, p := range s.Config.Positions {
		ids = append(ids, p.ID)
	}
	return slices.Clip(ids)
}
