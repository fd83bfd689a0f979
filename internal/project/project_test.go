package project

import (
	"os"
	"path/filepath"
	"testing"
)

// Inputs come from a flag's path, else the working directory, else the
// embedded defaults.
func TestResolve(t *testing.T) {
	empty := t.TempDir()
	p, err := Resolve(Options{Dir: empty})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Roles.Embedded || !p.Locales.Embedded || !p.Templates.Embedded || !p.Config.Embedded {
		t.Error("an empty directory should use the embedded defaults")
	}
	if !p.Sample() {
		t.Error("an empty directory's project is the built-in sample; commands must say so")
	}
	if _, err := p.RolesDir(); err == nil {
		t.Error("the built-in roles must not be writable")
	}
	set, ds, err := p.Load()
	if err != nil || set == nil || len(set.Roles) != 4 {
		t.Fatalf("embedded project: %v, %v", err, ds)
	}
	if _, err := p.LocalesDir(); err == nil {
		t.Error("embedded locales must not be writable")
	}

	site := t.TempDir()
	for _, d := range []string{"roles", "locales"} {
		if err := os.Mkdir(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p, err = Resolve(Options{Dir: site})
	if err != nil {
		t.Fatal(err)
	}
	if p.Roles.Embedded || p.Roles.Shown != filepath.ToSlash(filepath.Join(site, "roles")) || !p.Templates.Embedded {
		t.Errorf("roles/ in the working directory not used: %+v", p.Roles)
	}
	if dir, err := p.LocalesDir(); err != nil || dir != filepath.Join(site, "locales") {
		t.Errorf("LocalesDir = %q, %v", dir, err)
	}
	if dir, err := p.RolesDir(); err != nil || dir != filepath.Join(site, "roles") || p.Sample() {
		t.Errorf("RolesDir = %q, %v; sample %v", dir, err, p.Sample())
	}

	p, err = Resolve(Options{Dir: site, Roles: "roles", Templates: empty})
	if err != nil || p.Templates.Embedded || p.Roles.Shown != "roles" {
		t.Errorf("flag paths not used: %v %+v", err, p)
	}
	if _, err := Resolve(Options{Dir: site, Roles: "missing"}); err == nil {
		t.Error("a missing flag path must be an error")
	}
	if _, err := Resolve(Options{Dir: site, Config: "nope.yaml"}); err == nil {
		t.Error("a missing config file must be an error")
	}
}
