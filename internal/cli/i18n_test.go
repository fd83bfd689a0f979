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
	if code, _, errOut := run(t, dir, false, "i18n", "import", "ar.xlf"); code != 0 || !regexp.MustCompile(`^ar.xlf: imported 0, unchanged \d+, skipped 0\nnothing changed\n$`).MatchString(errOut) {
		t.Fatalf("import: %d %q", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "locales", "ar", "roles", "sales-manager.yaml"))
	if string(before) != string(after) {
		t.Error("export then import changed the Arabic catalog")
	}

	// A unit whose message is gone is skipped with a warning; the rest of
	// the file is imported.
	if err := os.WriteFile(filepath.Join(dir, "gone.xlf"), []byte("<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' trgLang='ar'><file><unit id='nope'><segment state='translated'><source>x</source><target>ي</target></segment></unit></file></xliff>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "import", "gone.xlf"); code != 0 || !strings.Contains(errOut, "skipped 1\nwarning: gone.xlf: skipped nope: no such message") {
		t.Errorf("import of a vanished unit: exit %d, %q", code, errOut)
	}

	// A placeholder that differs from the English refuses the file.
	if err := os.WriteFile(filepath.Join(dir, "bad.xlf"), []byte("<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' trgLang='ar'><file><unit id='ui.index.count#other'><segment state='translated'><source>x</source><target>وصف</target></segment></unit></file></xliff>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "import", "bad.xlf"); code != ExitProblems || !strings.Contains(errOut, "placeholders") {
		t.Errorf("import of a bad file: exit %d, want %d\n%s", code, ExitProblems, errOut)
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

// A translator's round through Poedit: export PO, edit a msgstr, import;
// the catalog has the edit and an unchanged import changes nothing.
func TestI18nPO(t *testing.T) {
	dir := fixture.Copy(t)
	if code, _, errOut := run(t, dir, false, "i18n", "export", "--lang", "nl", "--format", "po", "-o", "nl.po"); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "import", "nl.po"); code != 0 || !strings.HasSuffix(errOut, ", skipped 0\nnothing changed\n") {
		t.Fatalf("import unchanged: %d %q", code, errOut)
	}
	po, _ := os.ReadFile(filepath.Join(dir, "nl.po"))
	edited := strings.Replace(string(po), "msgid \"Sales Manager\"\nmsgstr \"Verkoopmanager\"", "msgid \"Sales Manager\"\nmsgstr \"Manager verkoop\"", 1)
	if edited == string(po) {
		t.Fatal("the export lacks the title this test edits")
	}
	if err := os.WriteFile(filepath.Join(dir, "nl.po"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, dir, false, "i18n", "import", "nl.po")
	if code != 0 || !strings.HasPrefix(errOut, "nl.po: imported 1, ") {
		t.Fatalf("import: %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "locales", "nl", "roles", "sales-manager.yaml")); !strings.Contains(string(data), "Manager verkoop") {
		t.Error("the catalog lacks the imported title")
	}
	// The English changes; merge keeps the English the translation was
	// made from, which the PO shows as the previous msgid of a fuzzy entry.
	rolePath := filepath.Join(dir, "roles", "sales-manager.yaml")
	role, _ := os.ReadFile(rolePath)
	const old = "Searches for potential customers and builds a pipeline of new business."
	changed := strings.Replace(string(role), old, "Searches for potential customers at trade fairs.", 1)
	if changed == string(role) {
		t.Fatal("the role lacks the duty this test changes")
	}
	if err := os.WriteFile(rolePath, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "merge", "--lang", "nl"); code != 0 {
		t.Fatalf("merge: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "export", "--lang", "nl", "--format", "po", "-o", "nl.po"); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	po, _ = os.ReadFile(filepath.Join(dir, "nl.po"))
	if want := "#, fuzzy\n#| msgid \"" + old + "\"\nmsgctxt \"sales-manager.duties.find-clients\"\nmsgid \"Searches for potential customers at trade fairs.\"\n"; !strings.Contains(string(po), want) {
		t.Errorf("the stale entry is not fuzzy with its previous English:\n%s", po)
	}
	// Poedit's "needs work" cleared: the translation is confirmed.
	confirmed := strings.Replace(string(po), "#, fuzzy\n#| msgid \""+old+"\"\n", "", 1)
	if err := os.WriteFile(filepath.Join(dir, "nl.po"), []byte(confirmed), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "import", "nl.po"); code != 0 || !strings.HasPrefix(errOut, "nl.po: imported 1, ") {
		t.Fatalf("import of the confirmed entry: %d %q", code, errOut)
	}
	if code, out, _ := run(t, dir, false, "i18n", "status", "--lang", "nl"); code != 0 || !strings.Contains(out, "100.0%") {
		t.Errorf("after confirming in the PO file, status:\n%s", out)
	}

	if code, _, _ := run(t, dir, false, "i18n", "export", "--lang", "nl", "--format", "csv"); code != ExitUsage {
		t.Errorf("export --format csv: exit %d, want %d", code, ExitUsage)
	}
}
