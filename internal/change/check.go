package change

import (
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/role"
)

// CheckVersions enforces version discipline between a base and the
// current roles: a role whose printed content changed must have a higher
// version, and no version may go down.
func CheckVersions(base, current []*role.Role) []diag.Diagnostic {
	was := map[string]*role.Role{}
	for _, r := range base {
		was[r.ID] = r
	}
	var ds []diag.Diagnostic
	for _, r := range current {
		old, ok := was[r.ID]
		if !ok || r.Version == "" || old.Version == "" {
			continue
		}
		switch c := role.CompareVersions(r.Version, old.Version); {
		case c < 0:
			ds = append(ds, diag.Errorf(r.Pos("version"), diag.VersionDecreased,
				"version %s is lower than %s in the base; versions only go up", r.Version, old.Version))
		case c == 0 && r.Digest() != old.Digest():
			ds = append(ds, diag.Errorf(r.Pos("version"), diag.VersionNotBumped,
				"content changed since the base (%s) but version is still %s; raise the version", Summary(content(Roles(old, r)), 3), r.Version))
		}
	}
	return ds
}

// content drops the changes that do not reach the document.
func content(cs []Change) []Change {
	var out []Change
	for _, c := range cs {
		if c.Path != "approval.records" {
			out = append(out, c)
		}
	}
	return out
}
