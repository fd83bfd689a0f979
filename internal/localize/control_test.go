package localize_test

import (
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/locale"
)

// TestDocumentControl follows roledoc.yaml's agreed_by and acknowledgement
// and a role's own acknowledgement into the document in every language:
// one "Agreed" block per position, in the document's language, and the
// employee's block where the project asks for it unless the role says
// otherwise.
func TestDocumentControl(t *testing.T) {
	no, yes := false, true
	for _, tc := range []struct {
		project bool
		role    *bool
		want    bool
	}{{false, nil, false}, {true, nil, true}, {true, &no, false}, {false, &yes, true}} {
		set, loc := fixture.Project(t)
		set.Config.AgreedBy = []string{"general-director", "head-of-sales"}
		set.Config.Acknowledgement = tc.project
		r, _ := set.Role("sales-manager")
		r.Acknowledgement = tc.role
		for _, l := range locale.Languages {
			d, _ := loc.Document(r, l)
			if len(d.Agreements) != 2 || d.Agreements[0].Title != d.Approval.Title || d.Agreements[1].Title == "" {
				t.Errorf("%s: agreements %+v, want the general director (%q) and the head of sales", l.Tag, d.Agreements, d.Approval.Title)
			}
			if got := d.Acknowledgement != nil; got != tc.want {
				t.Errorf("%s: project %v, role %v: acknowledgement %v, want %v", l.Tag, tc.project, tc.role, got, tc.want)
			}
			if d.Acknowledgement != nil && (d.Acknowledgement.Heading == "" || d.Acknowledgement.Statement == "") {
				t.Errorf("%s: empty acknowledgement %+v", l.Tag, d.Acknowledgement)
			}
		}
	}
}
