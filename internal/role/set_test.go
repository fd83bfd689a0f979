package role

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testConfig = `organization: Test
languages: [en]
departments:
  - id: sales
    title: Sales
positions:
  - id: general-director
    title: General Director
`

// roleYAML returns a minimal valid role with the given id and references.
func roleYAML(id, reportsTo, substitute string) string {
	return `id: ` + id + `
title: Test role
department: sales
category: specialist
version: "1"
effective: 2026-01-01
reports_to: ` + reportsTo + `
appointed_by: general-director
substitute: ` + substitute + `
requirements:
  education: bachelor
  experience_years: 0
knowledge: [{id: k, text: Know things.}]
guided_by: [{id: g, text: Guided.}]
duties: [{id: d, text: Does things.}]
rights: [{id: r, text: May do.}]
responsibilities: [{id: s, text: Answers.}]
criteria: [{id: c, text: Measured.}]
approval:
  by: general-director
`
}

func TestNewSet(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "file:line:col code"
	}{
		{"clean", map[string]string{
			"a.yaml": roleYAML("a", "general-director", "b"),
			"b.yaml": roleYAML("b", "a", "a"),
		}, nil},
		{"unknown reference", map[string]string{
			"a.yaml": roleYAML("a", "general-directr", "a-b"),
		}, []string{"a.yaml:7:13 unknown-role", "a.yaml:9:13 unknown-role"}},
		{"self substitute", map[string]string{
			"a.yaml": roleYAML("a", "general-director", "a"),
		}, []string{"a.yaml:9:13 self-substitute"}},
		{"cycle", map[string]string{
			"a.yaml": roleYAML("a", "b", "b"),
			"b.yaml": roleYAML("b", "c", "a"),
			"c.yaml": roleYAML("c", "a", "a"),
		}, []string{"a.yaml:7:13 reporting-cycle", "b.yaml:7:13 reporting-cycle", "c.yaml:7:13 reporting-cycle"}},
		{"reports to itself", map[string]string{
			"a.yaml": roleYAML("a", "a", "general-director"),
		}, []string{"a.yaml:7:13 reporting-cycle"}},
		{"duplicate id", map[string]string{
			"a.yaml":     roleYAML("a", "general-director", "general-director"),
			"sub/a.yaml": roleYAML("a", "general-director", "general-director"),
		}, []string{"sub/a.yaml:1:5 duplicate-role"}},
		{"id and file name differ", map[string]string{
			"x.yaml": roleYAML("a", "general-director", "general-director"),
		}, []string{"x.yaml:1:5 id-mismatch"}},
		{"unknown department", map[string]string{
			"a.yaml": strings.Replace(roleYAML("a", "general-director", "general-director"), "department: sales", "department: sale", 1),
		}, []string{"a.yaml:3:13 unknown-department"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tc.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg, ds := LoadConfig("roledoc.yaml", []byte(testConfig))
			roles, rds := LoadFS(os.DirFS(dir), ".", "")
			ds = append(ds, rds...)
			_, sds := NewSet(cfg, roles)
			ds = append(ds, sds...)
			var got []string
			for _, d := range ds {
				got = append(got, d.Pos.String()+" "+d.Code)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestLoadFSSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(roleYAML("a", "general-director", "general-director")), 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory link back to its parent, and a file link to itself.
	if err := os.Symlink(".", filepath.Join(dir, "loop")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("self.yaml", filepath.Join(dir, "self.yaml")); err != nil {
		t.Fatal(err)
	}
	roles, ds := LoadFS(os.DirFS(dir), ".", "roles")
	if len(roles) != 1 {
		t.Errorf("got %d roles, want 1", len(roles))
	}
	var codes []string
	for _, d := range ds {
		codes = append(codes, d.Pos.File+" "+d.Code)
	}
	// The directory link is named, though its name is not a role file's:
	// roles in a linked directory must not vanish from the build unsaid.
	if strings.Join(codes, ",") != "roles/loop symlink-dir,roles/self.yaml read-error" {
		t.Errorf("got %v", codes)
	}
}
