package role

import (
	"fmt"
	"strconv"

	"github.com/roledoc/roledoc/internal/diag"
)

// CheckApproval reports a role whose content no longer matches the digest
// of its latest recorded approval, so the printed document no longer shows
// the approval: a warning when the approved version was edited, and only
// a note when the version was raised, since a new version awaiting
// approval is the normal course of a change (approve follows the merge).
func CheckApproval(r *Role) []diag.Diagnostic {
	recs := r.Approval.Records
	if len(recs) == 0 {
		return nil
	}
	last := recs[len(recs)-1]
	if last.Digest == r.Digest() && last.Version == r.Version {
		return nil
	}
	at := r.Pos("approval.records[" + strconv.Itoa(len(recs)-1) + "].digest")
	if last.Version != r.Version {
		return []diag.Diagnostic{{Pos: at, Severity: diag.Info, Code: "approval-pending", Message: fmt.Sprintf(
			"version %s is not approved yet (%s approved version %s on %s); run roledoc approve %s once it is", r.Version, last.Name, last.Version, last.Date, r.ID)}}
	}
	return []diag.Diagnostic{diag.Warnf(at, "changed-after-approval",
		"content changed after %s approved version %s on %s; raise the version and have it approved again", last.Name, last.Version, last.Date)}
}
