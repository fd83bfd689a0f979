package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An HR user in the wrong folder, or a CI job with the wrong working
// directory, must not be told that all is clean: without roles/ check and
// build refuse, and with --sample they say that the sample is used.
func TestEmptyFolderNeedsSample(t *testing.T) {
	tests := []struct {
		args       []string
		want       int
		wantStderr string
	}{
		{[]string{"check"}, ExitUsage, "run `roledoc init`"},
		{[]string{"check", "--format", "sarif"}, ExitUsage, "--sample"},
		{[]string{"build"}, ExitUsage, "run `roledoc init`"},
		{[]string{"check", "--sample"}, ExitOK, "using the built-in sample project"},
		{[]string{"build", "--sample", "--format", "html", "--lang", "en"}, ExitOK, "using the built-in sample project"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := run(t, dir, false, tc.args...)
			if code != tc.want || !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("exit %d, want %d; stderr %q, want it to contain %q\nstdout: %s", code, tc.want, errOut, tc.wantStderr, out)
			}
			_, err := os.Stat(filepath.Join(dir, "out"))
			if wrote := err == nil; wrote != (tc.want == ExitOK && tc.args[0] == "build") {
				t.Errorf("out/ written: %v", wrote)
			}
		})
	}
}

// The user's own roles with the built-in configuration are checked, with a
// notice, since their departments would otherwise be judged against the
// sample company's.
func TestOwnRolesBuiltInConfigSaysSo(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "roles"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, _, errOut := run(t, dir, false, "check")
	if !strings.Contains(errOut, "using the built-in sample configuration") {
		t.Errorf("no notice about the built-in roledoc.yaml: %q", errOut)
	}
	if _, _, errOut := run(t, "", false, "check"); strings.Contains(errOut, "built-in") {
		t.Errorf("a complete project got a notice: %q", errOut)
	}
}

// A CI job or a user in another folder who points --roles at a project
// checks that project: its catalogs and roledoc.yaml, not the built-in
// sample's (which would report the sample's catalogs as orphans and judge
// departments against the sample company).
func TestRolesElsewhereUsesTheirProject(t *testing.T) {
	parent := t.TempDir()
	if code, _, errOut := run(t, parent, false, "init", "hr"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	must(t, os.Mkdir(filepath.Join(parent, "elsewhere"), 0o755))
	elsewhere := filepath.Join(parent, "elsewhere")
	code, out, errOut := run(t, elsewhere, false, "check", "--roles", "../hr/roles")
	if code != ExitOK || out != "" || errOut != "" {
		t.Errorf("check --roles ../hr/roles: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if code, out, errOut := run(t, elsewhere, false, "new", "buyer", "--roles", "../hr/roles"); code != ExitOK {
		t.Fatalf("new: exit %d: %s%s", code, out, errOut)
	}
	if code, out, errOut := run(t, elsewhere, false, "i18n", "merge", "--roles", "../hr/roles"); code != ExitOK {
		t.Fatalf("merge: exit %d: %s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(parent, "hr", "locales", "nl", "roles", "buyer.yaml")); err != nil {
		t.Errorf("merge did not write hr's catalogs: %v", err)
	}
}

// A translator in a folder without locales/ is told so, rather than shown
// the built-in sample's catalogs as complete or handed them to export;
// status --format json still prints JSON.
func TestI18nOutsideProject(t *testing.T) {
	for _, args := range [][]string{
		{"i18n", "status"},
		{"i18n", "status", "--format", "json"},
		{"i18n", "export", "--lang", "ar", "-o", "ar.xlf"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := run(t, dir, false, args...)
			if code != ExitUsage || !strings.Contains(errOut, "no locales/ directory here") {
				t.Errorf("exit %d, want %d; stderr %q\nstdout: %s", code, ExitUsage, errOut, out)
			}
			if slices.Contains(args, "json") && strings.TrimSpace(out) != "[]" {
				t.Errorf("stdout %q, want []", out)
			}
			if _, err := os.Stat(filepath.Join(dir, "ar.xlf")); err == nil {
				t.Error("export wrote the sample's catalog")
			}
		})
	}
}

// A project of roles/ and roledoc.yaml without locales/ yet is checked
// with the built-in interface translations, not the sample company's role
// catalogs (no orphan warnings about files that exist nowhere), and merge
// starts locales/ keeping those interface translations.
func TestRolesWithoutLocales(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "roles"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "roledoc.yaml"), []byte(shipped(t, "roledoc.yaml")), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "roles", "sales-manager.yaml"), []byte(shipped(t, "roles/sales-manager.yaml", "reports_to: head-of-sales", "reports_to: general-director", "substitute: senior-sales-executive", "substitute: general-director")), 0o644))
	code, out, errOut := run(t, dir, false, "check")
	if code != ExitOK || strings.Contains(out, "orphan-key") || strings.Count(out, "[missing-translation]") != 4 {
		t.Errorf("check: exit %d, want one missing-translation warning per language and no orphans\n%s%s", code, out, errOut)
	}
	if code, out, errOut := run(t, dir, false, "i18n", "merge"); code != ExitOK {
		t.Fatalf("merge: exit %d: %s%s", code, out, errOut)
	}
	ui, err := os.ReadFile(filepath.Join(dir, "locales", "nl", "ui.yaml"))
	if err != nil || !strings.Contains(string(ui), "other: Functieomschrijving") {
		t.Errorf("merge did not keep the built-in Dutch interface: %v", err)
	}

	// The working directory's own locales/ are not touched by a command
	// pointed at another project's roles.
	other := filepath.Join(t.TempDir(), "hr")
	if code, _, errOut := run(t, filepath.Dir(other), false, "init", "hr"); code != ExitOK {
		t.Fatalf("init: %s", errOut)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "merge", "--roles", other+"/roles"); code != ExitOK {
		t.Fatalf("merge --roles: exit %d: %s", code, errOut)
	}
	for _, f := range []string{"locales/nl/roles/head-of-sales.yaml", "locales/nl/roles/sales-manager.yaml"} {
		_, err := os.Stat(filepath.Join(dir, f))
		if mine := f == "locales/nl/roles/sales-manager.yaml"; (err == nil) != mine {
			t.Errorf("merge --roles elsewhere changed the working directory's %s: %v", f, err)
		}
	}
}
