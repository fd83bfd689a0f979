package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

func TestI18nCommands(t *testing.T) {
	dir := fixture.Copy(t)
	for _, args := range [][]string{{"i18n", "extract"}, {"i18n", "merge"}} {
		code, _, errOut := run(t, dir, false, args...)
		if code != 0 || strings.TrimSpace(errOut) != "nothing changed" {
			t.Errorf("%v on the shipped catalogs: exit %d, %q", args, code, errOut)
		}
	}
	code, out, _ := run(t, dir, false, "i18n", "status")
	if code != 0 || strings.Count(out, "100.0%") != 4 {
		t.Errorf("status: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, dir, false, "i18n", "status", "--format", "json", "--lang", "fil")
	if code != 0 || !strings.Contains(out, `"lang": "tl"`) {
		t.Errorf("status --lang fil: exit %d\n%s", code, out)
	}

	// Export, import: the catalog is unchanged byte for byte.
	before, _ := os.ReadFile(filepath.Join(dir, "locales", "ar", "roles", "sales-manager.yaml"))
	if code, _, errOut := run(t, dir, false, "i18n", "export", "--lang", "ar", "-o", "ar.xlf"); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "import", "ar.xlf"); code != 0 || strings.TrimSpace(errOut) != "nothing changed" {
		t.Fatalf("import: %d %s", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "locales", "ar", "roles", "sales-manager.yaml"))
	if string(before) != string(after) {
		t.Error("export then import changed the Arabic catalog")
	}

	// A bad import file changes nothing.
	if err := os.WriteFile(filepath.Join(dir, "bad.xlf"), []byte("<xliff version='2.0' trgLang='ar'><file><unit id='nope'><segment state='translated'><source>x</source><target>ي</target></segment></unit></file></xliff>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, dir, false, "i18n", "import", "bad.xlf"); code != ExitProblems {
		t.Errorf("import of a bad file: exit %d, want %d", code, ExitProblems)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "locales", "ar", "roles", "sales-manager.yaml")); string(now) != string(before) {
		t.Error("a bad import changed the catalog")
	}
}

// A catalog with errors stops merge before anything is written.
func TestMergeRefusesBrokenCatalog(t *testing.T) {
	dir := fixture.Copy(t)
	broken := filepath.Join(dir, "locales", "nl", "ui.yaml")
	if err := os.WriteFile(broken, []byte("ui.kind: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	idBefore, _ := os.ReadFile(filepath.Join(dir, "locales", "id", "roles", "sales-manager.yaml"))
	code, _, errOut := run(t, dir, false, "i18n", "merge")
	if code != ExitProblems || !strings.Contains(errOut, "locales/nl/ui.yaml:1:") {
		t.Errorf("merge with a broken catalog: exit %d\n%s", code, errOut)
	}
	if data, _ := os.ReadFile(broken); string(data) != "ui.kind: [unclosed\n" {
		t.Error("the broken catalog was rewritten")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "locales", "id", "roles", "sales-manager.yaml")); string(data) != string(idBefore) {
		t.Error("another catalog was rewritten")
	}
}

// Messages kept in a file of the translator's own stay there, and merge
// does not copy them into its files.
func TestMergeLeavesOtherFilesAlone(t *testing.T) {
	dir := fixture.Copy(t)
	roles := filepath.Join(dir, "locales", "nl", "roles", "sales-manager.yaml")
	data, _ := os.ReadFile(roles)
	title := regexp.MustCompile(`(?m)^# en: Sales Manager\nsales-manager\.title:\n  hash: \S+\n  other: .*\n`)
	if !title.Match(data) {
		t.Fatal("title not found")
	}
	if err := os.WriteFile(roles, title.ReplaceAll(data, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(dir, "locales", "nl", "extra.yaml")
	if err := os.WriteFile(extra, []byte("sales-manager.title: Verkoopmanager\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "merge", "--lang", "nl"); code != 0 {
		t.Fatalf("merge: %d %s", code, errOut)
	}
	if code, out, _ := run(t, dir, false, "check"); code != 0 || strings.Contains(out, "duplicate") {
		t.Errorf("check after merge: exit %d\n%s", code, out)
	}
	if now, _ := os.ReadFile(extra); string(now) != "sales-manager.title: Verkoopmanager\n" {
		t.Errorf("merge rewrote the translator's file: %q", now)
	}
}

// A project in the old layout, one roles.yaml per language, is read as it
// is and split by migrate into roles/<role-id>.yaml with nothing lost; a
// roles.yaml that comes back (from a git merge) is split again, replacing
// the older split files.
func TestMigrateSplitsRolesYAML(t *testing.T) {
	dir := fixture.Copy(t)
	nl := filepath.Join(dir, "locales", "nl")
	split, _ := filepath.Glob(filepath.Join(nl, "roles", "*.yaml"))
	var old []byte
	for _, f := range split {
		data, _ := os.ReadFile(f)
		old = append(old, data...)
	}
	if err := os.RemoveAll(filepath.Join(nl, "roles")); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(old), "other: Verkoopmanager\n", "other: Manager verkoop\n", 1)
	if edited == string(old) {
		t.Fatal("Dutch title not found")
	}
	if err := os.WriteFile(filepath.Join(nl, "roles.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, dir, false, "check"); code != 0 {
		t.Fatalf("check of the old layout: exit %d\n%s", code, out)
	}
	for range 2 {
		if code, _, errOut := run(t, dir, false, "i18n", "migrate"); code != 0 || !strings.Contains(errOut, "removed "+filepath.ToSlash(filepath.Join(nl, "roles.yaml"))) {
			t.Fatalf("migrate: exit %d\n%s", code, errOut)
		}
		if _, err := os.Stat(filepath.Join(nl, "roles.yaml")); err == nil {
			t.Fatal("roles.yaml is still there")
		}
		data, _ := os.ReadFile(filepath.Join(nl, "roles", "sales-manager.yaml"))
		if !strings.Contains(string(data), "other: Manager verkoop\n") {
			t.Errorf("the edited translation was not carried over:\n%s", data)
		}
		if code, out, _ := run(t, dir, false, "i18n", "status"); code != 0 || strings.Count(out, "100.0%") != 4 {
			t.Errorf("status after migrate: exit %d\n%s", code, out)
		}
		// As after a git merge that brings back the old file.
		if err := os.WriteFile(filepath.Join(nl, "roles.yaml"), []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
