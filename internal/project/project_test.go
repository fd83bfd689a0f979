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

// A working directory given relatively (as tests and `roledoc init` pass
// it) names the on-disk directories once, not twice ("p/p/locales").
func TestResolveRelativeDir(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	for _, d := range []string{"p/roles", "p/locales"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Resolve(Options{Dir: "p"})
	if err != nil {
		t.Fatal(err)
	}
	for _, get := range []func() (string, error){p.LocalesDir, p.RolesDir} {
		dir, err := get()
		if err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			t.Errorf("%q is not the project's directory: %v", dir, err)
		}
	}
}

// --roles pointing into another project takes that project's locales/ and
// roledoc.yaml, rather than the built-in sample's or the working
// directory's.
func TestResolveBesideRoles(t *testing.T) {
	parent := t.TempDir()
	for _, d := range []string{"hr/roles", "hr/locales", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(parent, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "hr", "roledoc.yaml"), []byte("organization: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Resolve(Options{Dir: filepath.Join(parent, "elsewhere"), Roles: "../hr/roles"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Locales.Embedded || p.Locales.Shown != "../hr/locales" {
		t.Errorf("locales = %+v, want ../hr/locales", p.Locales)
	}
	if p.Config.Embedded || p.Config.Shown != "../hr/roledoc.yaml" {
		t.Errorf("config = %+v, want ../hr/roledoc.yaml", p.Config)
	}
	if dir, err := p.LocalesDir(); err != nil || dir != filepath.Join(parent, "hr", "locales") {
		t.Errorf("LocalesDir = %q, %v", dir, err)
	}
	if !p.Templates.Embedded {
		t.Errorf("templates = %+v; hr has none, so the built-in ones", p.Templates)
	}

	if err := os.Mkdir(filepath.Join(parent, "elsewhere", "locales"), 0o755); err != nil {
		t.Fatal(err)
	}
	p, err = Resolve(Options{Dir: filepath.Join(parent, "elsewhere"), Roles: "../hr/roles"})
	if err != nil || p.Locales.disk != filepath.Join(parent, "hr", "locales") {
		t.Errorf("locales/ beside --roles should come before the working directory's: %v %+v", err, p.Locales)
	}
	if err := os.Remove(filepath.Join(parent, "hr", "locales")); err != nil {
		t.Fatal(err)
	}
	p, err = Resolve(Options{Dir: filepath.Join(parent, "elsewhere"), Roles: "../hr/roles"})
	if err != nil || p.Locales.disk != filepath.Join(parent, "elsewhere", "locales") {
		t.Errorf("without locales/ beside --roles, the working directory's: %v %+v", err, p.Locales)
	}
}
