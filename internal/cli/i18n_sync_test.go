package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/fixture"
)

var translated = []string{"id", "nl", "ar", "tl"}

// texts reads every language's translations in a project: tag -> id ->
// the "other" form.
func texts(t *testing.T, dir string) map[string]map[string]string {
	t.Helper()
	cats, ds := catalog.LoadCatalogs(os.DirFS(filepath.Join(dir, "locales")), ".", "locales")
	if len(ds) > 0 {
		t.Fatalf("catalogs: %v", ds)
	}
	out := map[string]map[string]string{}
	for tag, c := range cats {
		out[tag] = map[string]string{}
		for id, tr := range c.Msgs {
			out[tag][id] = tr.Msg.Other
		}
	}
	return out
}

// edit replaces text in a project file once, failing when it is absent.
func edit(t *testing.T, dir, name string, replace ...string) {
	t.Helper()
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("%s lacks %q", name, replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mustRun runs roledoc and fails the test unless it exits 0.
func mustRun(t *testing.T, dir string, args ...string) (stdout, stderr string) {
	t.Helper()
	code, out, errOut := run(t, dir, false, args...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
	}
	return out, errOut
}

// HR renames a duty's id and a role (its file and id); the translators'
// extract and merge carry every translation to the new keys, in every
// language, and say so.
func TestRenameKeepsEveryTranslation(t *testing.T) {
	dir := fixture.Copy(t)
	before := texts(t, dir)
	edit(t, dir, "roles/sales-manager.yaml", "- id: find-clients", "- id: prospecting")
	if err := os.Rename(filepath.Join(dir, "roles/account-manager.yaml"), filepath.Join(dir, "roles/key-account-manager.yaml")); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "roles/key-account-manager.yaml", "id: account-manager", "id: key-account-manager")
	edit(t, dir, "roles/senior-sales-executive.yaml", "substitute: account-manager", "substitute: key-account-manager")
	// HR's check before the translators merge: one warning per language
	// for the old file and one for the new, not one per message.
	if _, out, _ := run(t, dir, false, "check"); strings.Count(out, "[orphan-key]") != 4+4 || strings.Count(out, "[missing-translation]") != 4+4 {
		t.Errorf("check after the rename, before merge:\n%s", out)
	}

	mustRun(t, dir, "i18n", "extract")
	_, errOut := mustRun(t, dir, "i18n", "merge")
	after := texts(t, dir)
	renamed := func(id string) string {
		id = strings.Replace(id, "sales-manager.duties.find-clients", "sales-manager.duties.prospecting", 1)
		if strings.HasPrefix(id, "account-manager.") {
			id = "key-" + id
		}
		return id
	}
	for _, tag := range translated {
		if !strings.Contains(errOut, tag+": carried over ") {
			t.Errorf("merge does not say it carried %s translations over:\n%s", tag, errOut)
		}
		for id, text := range before[tag] {
			if got := after[tag][renamed(id)]; got != text {
				t.Errorf("%s %s: %q after the rename, want %q", tag, renamed(id), got, text)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "locales", tag, catalog.ObsoleteDir)); err == nil {
			t.Errorf("%s: a translation went to obsolete/ although every one found its new key", tag)
		}
	}
	out, _ := mustRun(t, dir, "i18n", "status")
	if strings.Count(out, "100.0%") != 4 {
		t.Errorf("status after the rename:\n%s", out)
	}
	if code, out, _ := run(t, dir, false, "check", "--strict", "--strict-translations"); code != ExitOK {
		t.Errorf("check after the rename: exit %d\n%s", code, out)
	}
}

// A removed duty's translations are kept in obsolete/, listed by check,
// and come back when the duty does.
func TestRemovedMessageIsObsoleteAndComesBack(t *testing.T) {
	dir := fixture.Copy(t)
	before := texts(t, dir)
	const duty = "  - id: find-clients\n    text: Searches for potential customers and builds a pipeline of new business.\n"
	edit(t, dir, "roles/sales-manager.yaml", duty, "")
	mustRun(t, dir, "i18n", "extract")
	_, errOut := mustRun(t, dir, "i18n", "merge")
	const id = "sales-manager.duties.find-clients"
	for _, tag := range translated {
		if !strings.Contains(errOut, tag+": kept 1 translation of removed messages in ") {
			t.Errorf("merge does not say where the %s translation went:\n%s", tag, errOut)
		}
		data, err := os.ReadFile(filepath.Join(dir, "locales", tag, "obsolete", "roles", "sales-manager.yaml"))
		if err != nil || !strings.Contains(string(data), id+":") || !strings.Contains(string(data), before[tag][id]) {
			t.Errorf("%s: the translation is not in obsolete/: %v\n%s", tag, err, data)
		}
	}
	if out, _ := mustRun(t, dir, "i18n", "status", "--lang", "nl"); !strings.Contains(out, "nl: 1 obsolete\n") || !strings.Contains(out, "obsolete/roles/sales-manager.yaml:") {
		t.Errorf("status does not list the obsolete translation:\n%s", out)
	}
	_, out, _ := run(t, dir, false, "check")
	if n := strings.Count(out, "[obsolete-translation]"); n != 4 {
		t.Errorf("check lists %d obsolete files, want 4:\n%s", n, out)
	}
	if strings.Contains(out, "[orphan-key]") {
		t.Errorf("an obsolete translation is reported as an orphan:\n%s", out)
	}

	edit(t, dir, "roles/sales-manager.yaml", "duties:\n", "duties:\n"+duty)
	mustRun(t, dir, "i18n", "extract")
	_, errOut = mustRun(t, dir, "i18n", "merge")
	after := texts(t, dir)
	for _, tag := range translated {
		if after[tag][id] != before[tag][id] || !strings.Contains(errOut, tag+": brought back 1 translation") {
			t.Errorf("%s: %q after the duty came back, want %q\n%s", tag, after[tag][id], before[tag][id], errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "locales", tag, "obsolete", "roles", "sales-manager.yaml")); err == nil {
			t.Errorf("%s: the obsolete file is still there", tag)
		}
	}
	if code, out, _ := run(t, dir, false, "check", "--strict-translations"); code != ExitOK {
		t.Errorf("check: exit %d\n%s", code, out)
	}
}

// Merge writes placeholders without a hash, so the English changing twice
// before anyone translates does not make the first translation stale.
func TestFirstTranslationIsNotStale(t *testing.T) {
	dir := fixture.Copy(t)
	if err := os.WriteFile(filepath.Join(dir, "roles", "regional-manager.yaml"), []byte(shipped(t, "roles/sales-manager.yaml", "id: sales-manager", "id: regional-manager")), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, "i18n", "merge", "--lang", "nl")
	nl := filepath.Join("locales", "nl", "roles", "regional-manager.yaml")
	if data, _ := os.ReadFile(filepath.Join(dir, nl)); strings.Contains(string(data), "hash:") {
		t.Fatalf("merge wrote a hash into placeholders:\n%s", data)
	}
	role := "roles/regional-manager.yaml"
	edit(t, dir, role, "Searches for potential customers", "Looks for potential customers")
	mustRun(t, dir, "i18n", "merge", "--lang", "nl")
	edit(t, dir, role, "Looks for potential customers", "Finds customers")
	edit(t, dir, nl, "regional-manager.duties.find-clients:\n  other: \"\"", "regional-manager.duties.find-clients:\n  other: Vindt klanten en bouwt een pijplijn van nieuwe zaken op.")
	mustRun(t, dir, "i18n", "merge", "--lang", "nl")
	out, _ := mustRun(t, dir, "i18n", "status", "--lang", "nl", "--format", "json")
	var st []struct {
		Stale []struct{ ID string } `json:"stale"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || len(st) != 1 {
		t.Fatalf("status JSON: %v\n%s", err, out)
	}
	if len(st[0].Stale) > 0 {
		t.Errorf("the first translation is stale: %v", st[0].Stale)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, nl)); !strings.Contains(string(data), "regional-manager.duties.find-clients:\n  hash: sha1-") {
		t.Errorf("merge did not record the English of the new translation:\n%s", data)
	}
}

// When the English changes, merge keeps the earlier English beside the
// translation and marks it; status and check show old and new; the mark
// clears when the translator changes the text, or confirms it.
func TestStaleTranslationKeepsPreviousEnglish(t *testing.T) {
	dir := fixture.Copy(t)
	const (
		id  = "sales-manager.duties.find-clients"
		old = "Searches for potential customers and builds a pipeline of new business."
		now = "Searches for potential customers at trade fairs and builds a pipeline of new business."
	)
	edit(t, dir, "roles/sales-manager.yaml", old, now)
	// Before merge, check knows only the new English and says how to see
	// the earlier one.
	if _, out, _ := run(t, dir, false, "check"); !strings.Contains(out, "changed since it was translated and is now \""+now+"\"") || !strings.Contains(out, "'roledoc i18n merge' shows the earlier English") {
		t.Errorf("check before merge:\n%s", out)
	}
	mustRun(t, dir, "i18n", "extract")
	mustRun(t, dir, "i18n", "merge")
	for _, tag := range translated {
		data, _ := os.ReadFile(filepath.Join(dir, "locales", tag, "roles", "sales-manager.yaml"))
		if !strings.Contains(string(data), "# en: "+now+"\n"+id+":\n  hash: sha1-") || !strings.Contains(string(data), "  previous: "+old+"\n  review: sha1-") {
			t.Errorf("%s: the earlier English is not kept beside the translation:\n%s", tag, data)
		}
	}
	out, _ := mustRun(t, dir, "i18n", "status", "--lang", "nl")
	if !strings.Contains(out, "was: "+old) || !strings.Contains(out, "now: "+now) {
		t.Errorf("status does not show the old and new English:\n%s", out)
	}
	_, out, _ = run(t, dir, false, "check")
	if strings.Count(out, "[stale-translation]") != 4 || !strings.Contains(out, "changed from \""+old+"\" to \""+now+"\" since it was translated") {
		t.Errorf("check:\n%s", out)
	}
	if _, errOut := mustRun(t, dir, "i18n", "merge"); strings.TrimSpace(errOut) != "nothing changed" {
		t.Errorf("a second merge changed something:\n%s", errOut)
	}

	// Dutch: the translator updates the text; Indonesian: it still fits.
	edit(t, dir, "locales/nl/roles/sales-manager.yaml", "other: Zoekt potentiële klanten", "other: Zoekt op beurzen potentiële klanten")
	if _, out, _ := run(t, dir, false, "check"); strings.Count(out, "[stale-translation]") != 3 {
		t.Errorf("the changed Dutch text is still stale:\n%s", out)
	}
	mustRun(t, dir, "i18n", "merge", "--lang", "nl")
	_, errOut := mustRun(t, dir, "i18n", "confirm", "--lang", "id", id)
	if !strings.Contains(errOut, "id: confirmed 1 translation") {
		t.Errorf("confirm: %s", errOut)
	}
	mustRun(t, dir, "i18n", "confirm", "--lang", "ar,tl", "--all")
	for _, tag := range translated {
		data, _ := os.ReadFile(filepath.Join(dir, "locales", tag, "roles", "sales-manager.yaml"))
		if strings.Contains(string(data), "  previous: ") || strings.Contains(string(data), "  review: ") {
			t.Errorf("%s: the review mark is still there:\n%s", tag, data)
		}
	}
	if code, out, _ := run(t, dir, false, "check", "--strict-translations"); code != ExitOK {
		t.Errorf("check after review: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, dir, false, "i18n", "confirm", "--lang", "nl", "no.such.message"); code != ExitUsage {
		t.Errorf("confirm of an unknown message: exit %d\n%s", code, errOut)
	}
}

// A broken reports_to, or a role file that does not parse, does not stop
// the translators' commands, and the unreadable role keeps its
// translations without a flood of orphan warnings.
func TestTranslatorsWorkDespiteRoleErrors(t *testing.T) {
	t.Run("bad reports_to", func(t *testing.T) {
		dir := fixture.Copy(t)
		edit(t, dir, "roles/sales-manager.yaml", "reports_to: head-of-sales", "reports_to: head-of-salez")
		out, errOut := mustRun(t, dir, "i18n", "status", "--format", "json")
		var st []map[string]any
		if err := json.Unmarshal([]byte(out), &st); err != nil || len(st) != 4 {
			t.Errorf("status --format json: %v\n%s", err, out)
		}
		if !strings.Contains(errOut, "roles/sales-manager.yaml has errors") {
			t.Errorf("the role error is not noted:\n%s", errOut)
		}
		mustRun(t, dir, "i18n", "merge")
		mustRun(t, dir, "i18n", "export", "--lang", "ar", "-o", "ar.xlf")
	})
	t.Run("unparseable role file", func(t *testing.T) {
		dir := fixture.Copy(t)
		before := map[string][]byte{}
		for _, tag := range append([]string{"en"}, translated...) {
			before[tag], _ = os.ReadFile(filepath.Join(dir, "locales", tag, "roles", "sales-manager.yaml"))
		}
		edit(t, dir, "roles/sales-manager.yaml", "title: Sales Manager", "title: [Sales Manager")
		_, out, _ := run(t, dir, false, "check")
		for _, code := range []string{"[orphan-key]", "[stale-extract]", "[missing-translation]"} {
			if strings.Contains(out, code) {
				t.Errorf("check reports %s for the unreadable role:\n%s", code, out)
			}
		}
		mustRun(t, dir, "i18n", "extract")
		mustRun(t, dir, "i18n", "merge")
		for tag, data := range before {
			if now, _ := os.ReadFile(filepath.Join(dir, "locales", tag, "roles", "sales-manager.yaml")); string(now) != string(data) {
				t.Errorf("%s: the unreadable role's catalog changed", tag)
			}
		}
		if out, _ := mustRun(t, dir, "i18n", "status"); strings.Contains(out, "orphan") {
			t.Errorf("status:\n%s", out)
		}
	})
	t.Run("broken catalog", func(t *testing.T) {
		dir := fixture.Copy(t)
		if err := os.WriteFile(filepath.Join(dir, "locales", "nl", "ui.yaml"), []byte("ui.kind: [unclosed\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, dir, false, "i18n", "status", "--format", "json")
		var st []map[string]any
		if err := json.Unmarshal([]byte(out), &st); code != ExitProblems || err != nil || len(st) != 4 || !strings.Contains(errOut, "locales/nl/ui.yaml:1:") {
			t.Errorf("status --format json with a broken catalog: exit %d, %v\n%s%s", code, err, out, errOut)
		}
	})
	t.Run("unreadable configuration", func(t *testing.T) {
		dir := fixture.Copy(t)
		if err := os.WriteFile(filepath.Join(dir, "roledoc.yaml"), []byte("languages: [\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, _ := run(t, dir, false, "i18n", "status", "--format", "json")
		if code != ExitProblems || strings.TrimSpace(out) != "[]" {
			t.Errorf("status --format json: exit %d, %q", code, out)
		}
	})
}

// A new role's untranslated messages are one warning per language and
// catalog file, before and after merge adds the placeholders.
func TestMissingTranslationsGroupedPerFile(t *testing.T) {
	dir := fixture.Copy(t)
	if err := os.WriteFile(filepath.Join(dir, "roles", "regional-manager.yaml"), []byte(shipped(t, "roles/sales-manager.yaml", "id: sales-manager", "id: regional-manager")), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each warning points at the role's first message (the title on line
	// 3), then at the catalog's first placeholder, not at the first key in
	// sorted order.
	for _, step := range []struct{ name, at string }{
		{"before merge", "roles/regional-manager.yaml:3:"},
		{"after merge", "locales/nl/roles/regional-manager.yaml:8:1:"},
	} {
		_, out, _ := run(t, dir, false, "check")
		if n := strings.Count(out, "[missing-translation]"); n != 4 {
			t.Errorf("%s: %d missing-translation warnings, want one per language:\n%s", step.name, n, out)
		}
		if !strings.Contains(out, step.at) {
			t.Errorf("%s: no warning at %s:\n%s", step.name, step.at, out)
		}
		// docs/role-format.md: a new role's texts go to translators by
		// extract, then merge; the hint names both.
		if hint := "run 'roledoc i18n extract' and 'roledoc i18n merge'"; step.name == "before merge" && !strings.Contains(out, hint) {
			t.Errorf("%s: no %q:\n%s", step.name, hint, out)
		}
		if want := "locales/nl/roles/regional-manager.yaml: 44 messages not translated yet"; !strings.Contains(out, want) {
			t.Errorf("%s: no %q:\n%s", step.name, want, out)
		}
		mustRun(t, dir, "i18n", "merge")
	}
	out, _ := mustRun(t, dir, "i18n", "status", "--lang", "nl")
	if n := strings.Count(out, "  regional-manager."); n != 44 {
		t.Errorf("status lists %d of the role's messages, want 44:\n%s", n, out)
	}
}
