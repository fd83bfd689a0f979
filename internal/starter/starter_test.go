package starter

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/role"
)

// A skeleton loads as a valid role whatever the title: the title is quoted,
// so YAML syntax in it stays text.
func TestSkeletonLoads(t *testing.T) {
	for _, title := range []string{"", "Warehouse Manager", `Chief "Fixer": #1 & 'more'`, "مدير المستودع", "- [x] {y}", `back\slash`} {
		data := Skeleton(Role{ID: "warehouse-manager", Title: title, Department: "sales", ReportsTo: "head-of-sales",
			AppointedBy: "general-director", Substitute: "head-of-sales", ApprovedBy: "general-director",
			Effective: "2026-01-01", Departments: []string{"sales"}})
		r, ds := role.Load("roles/warehouse-manager.yaml", data)
		if len(ds) > 0 || r == nil {
			t.Errorf("title %q: %v\n%s", title, ds, data)
			continue
		}
		want := title
		if want == "" {
			want = Todo + " the job title"
		}
		if r.Title != want {
			t.Errorf("title %q loaded as %q", title, r.Title)
		}
	}
}

// The starter project holds what init promises.
func TestProjectFiles(t *testing.T) {
	for _, name := range []string{"roledoc.yaml", "roles/head-of-sales.yaml", ".github/workflows/roledoc.yml", ".gitignore"} {
		data, err := fs.ReadFile(Project(), name)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v", name, err)
		}
		if strings.Contains(string(data), Todo) {
			t.Errorf("%s holds a placeholder", name)
		}
	}
}
