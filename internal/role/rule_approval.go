package role

import (
	"strconv"

	"github.com/roledoc/roledoc/internal/diag"
)

// approvals reports each role whose content no longer matches the digest
// of its latest recorded approval, so its document no longer shows the
// approval. The message tells a raised version awaiting approval (the
// normal course of a change: approve follows the merge) from an approved
// version edited in place.
func approvals(s *Set, _ []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range s.Roles {
		recs := r.Approval.Records
		if len(recs) == 0 {
			continue
		}
		last := recs[len(recs)-1]
		if last.Digest == r.Digest() && last.Version == r.Version {
			continue
		}
		at := r.Pos("approval.records[" + strconv.Itoa(len(recs)-1) + "].digest")
		if last.Version != r.Version {
			ds = append(ds, diag.Warnf(at, diag.ChangedAfterApproval,
				"version %s is not approved yet (%s approved version %s on %s); run roledoc approve %s once it is", r.Version, last.Name, last.Version, last.Date, r.ID))
			continue
		}
		ds = append(ds, diag.Warnf(at, diag.ChangedAfterApproval,
			"content changed after %s approved version %s on %s; raise the version and have it approved again", last.Name, last.Version, last.Date))
	}
	return ds
}
