package snapshot

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

func TestRevisionReadsTheProjectAsCommitted(t *testing.T) {
	for _, sub := range []string{"", "hr/jobs"} {
		t.Run("sub="+sub, func(t *testing.T) {
			dir := fixture.Repo(t, sub)
			first := fixture.Git(t, dir, "rev-parse", "HEAD")
			fixture.Edit(t, dir, "roles/sales-manager.yaml", "Holds commercial negotiations", "Leads commercial negotiations")
			fixture.Commit(t, dir, "edit")
			fixture.Edit(t, dir, "roles/sales-manager.yaml", "Leads commercial", "Runs commercial") // uncommitted

			for _, tc := range []struct{ base, want string }{
				{first, "Holds commercial"},
				{"HEAD~1", "Holds commercial"},
				{"HEAD", "Leads commercial"},
				{"main", "Leads commercial"},
			} {
				fsys, err := Open(dir, tc.base, "roles", "roledoc.yaml")
				if err != nil {
					t.Fatal(err)
				}
				data, err := fs.ReadFile(fsys, "roles/sales-manager.yaml")
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(data), tc.want) {
					t.Errorf("%s: sales-manager.yaml lacks %q", tc.base, tc.want)
				}
				names, _ := fs.Glob(fsys, "*")
				if want := []string{"roledoc.yaml", "roles"}; !slices.Equal(names, want) {
					t.Errorf("%s: top level %v, want only the paths asked for %v", tc.base, names, want)
				}
			}
		})
	}
}

func TestOpenDirectoryAndBadRevisions(t *testing.T) {
	dir := fixture.Repo(t, "")
	other := fixture.Copy(t)
	fsys, err := Open(dir, other, "roles")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(fsys, filepath.ToSlash("roles/sales-manager.yaml")); err != nil {
		t.Errorf("directory base: %v", err)
	}
	for _, bad := range []string{"no-such-branch", "--output=/tmp/x", "HEAD~9"} {
		if _, err := Open(dir, bad, "roles"); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		}
	}
	if _, err := Open(t.TempDir(), "HEAD", "roles"); err == nil {
		t.Error("Open outside a repository succeeded")
	}
}
