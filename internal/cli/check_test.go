package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyProject copies the shipped project (roles, locales, roledoc.yaml)
// into a temporary directory and writes the given role files over it.
func copyProject(t *testing.T, roles map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"roles", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"roledoc.yaml": shipped(t, "roledoc.yaml")}
	for name, data := range roles {
		files[filepath.Join("roles", name)] = data
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// shipped returns a file of the shipped project, with replacements (old,
// new, old, new...) made once each.
func shipped(t *testing.T, name string, replace ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", name))
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
	return s
}

// A pull request that adds a role is valid before anyone translates it:
// plain check and --strict pass with warnings, --strict-translations is
// the gate that wants every language complete.
func TestCheckNewRoleBeforeTranslation(t *testing.T) {
	dir := copyProject(t, map[string]string{
		"regional-manager.yaml": shipped(t, "roles/sales-manager.yaml", "id: sales-manager", "id: regional-manager"),
	})
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"check"}, ExitOK},
		{[]string{"check", "--strict"}, ExitOK},
		{[]string{"check", "--strict-translations"}, ExitProblems},
	}
	for _, tc := range tests {
		code, out, errOut := run(t, dir, false, tc.args...)
		if code != tc.want {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.want, out, errOut)
		}
		if !strings.Contains(out, "regional-manager") || !strings.Contains(out, "[missing-translation]") {
			t.Errorf("%v: the missing translations are not listed:\n%s", tc.args, out)
		}
		// Never extracted is as stale as extracted long ago.
		if !strings.Contains(out, "locales/en/roles/regional-manager.yaml: ") || !strings.Contains(out, "the English catalog is missing for roles/regional-manager.yaml; run 'roledoc i18n extract' [stale-extract]") {
			t.Errorf("%v: the missing English catalog is not reported:\n%s", tc.args, out)
		}
	}
}

// HR edits a duty; check --strict stays clean without roledoc i18n
// extract (the English catalog being behind is a translation warning).
func TestCheckEditNeedsNoExtract(t *testing.T) {
	dir := copyProject(t, map[string]string{
		"sales-manager.yaml": shipped(t, "roles/sales-manager.yaml", "Holds commercial negotiations", "Leads commercial negotiations"),
	})
	code, out, errOut := run(t, dir, false, "check", "--strict")
	if code != ExitOK || strings.Contains(out, "error:") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// A new role with one real error among translation warnings (one per
// language and catalog file, one for the English catalog never
// extracted): the error comes first, the summary last, and --errors-only leaves the
// warnings out but counts them.
func TestCheckErrorsFirstWithSummary(t *testing.T) {
	dir := copyProject(t, map[string]string{
		"regional-manager.yaml": shipped(t, "roles/sales-manager.yaml", "id: sales-manager", "id: regional-manager", "category: specialist", "category: boss"),
	})
	code, out, _ := run(t, dir, false, "check")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitProblems || len(lines) != 7 {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), out)
	}
	if !strings.Contains(lines[0], "roles/regional-manager.yaml:5:11: error:") || !strings.Contains(lines[0], "[invalid-value]") {
		t.Errorf("first line is not the real error: %s", lines[0])
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "1 error and ") || !strings.Contains(last, " warnings in ") {
		t.Errorf("last line is not the summary: %s", last)
	}
	_, out, _ = run(t, dir, false, "check", "--errors-only")
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "warnings (not shown)") {
		t.Errorf("--errors-only:\n%s", out)
	}
	// The CI recipe: the real error is the first annotation, at most 10
	// warnings are annotations, and a notice states the total.
	_, out, _ = run(t, dir, false, "check", "--format", "github")
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "::error file=") || !strings.Contains(lines[0], "roles/regional-manager.yaml,line=5,") {
		t.Errorf("first annotation: %s", lines[0])
	}
	if n := strings.Count(out, "::warning "); n > 10 {
		t.Errorf("%d warning annotations; GitHub shows 10", n)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "::notice title=roledoc::1 error and ") {
		t.Errorf("last line: %s", last)
	}
}

// A file that does not parse is reported once, on the line to fix; the
// roles that refer to it do not report it missing.
func TestCheckBrokenFileDoesNotCascade(t *testing.T) {
	dir := copyProject(t, map[string]string{
		"sales-manager.yaml": shipped(t, "roles/sales-manager.yaml", "  - id: negotiate", "   - id: negotiate"),
	})
	code, out, _ := run(t, dir, false, "check", "--errors-only")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitProblems || len(lines) != 2 || !strings.Contains(lines[0], "roles/sales-manager.yaml:48:4: error: invalid YAML: this line is indented 3 spaces") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// Checking only a role that refers to it is clean.
	if code, out, _ := run(t, dir, false, "check", "roles/account-manager.yaml"); code != ExitOK || strings.Contains(out, "unknown-role") {
		t.Errorf("check of a referring role: exit %d\n%s", code, out)
	}
}

// A translator's catalog file that does not parse is one error, not also
// "43 messages not translated yet; run merge" (merge refuses until the
// file is fixed).
func TestBrokenCatalogDoesNotCascade(t *testing.T) {
	dir := copyProject(t, nil)
	edit(t, dir, "locales/ar/roles/sales-manager.yaml", "\n  other: ", "\n   other: ")
	code, out, _ := run(t, dir, false, "check")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitProblems || len(lines) != 2 || !strings.Contains(lines[0], "locales/ar/roles/sales-manager.yaml:") || !strings.Contains(lines[0], "[yaml-syntax]") {
		t.Errorf("exit %d, want the one yaml-syntax error and a summary:\n%s", code, out)
	}
}

// Bad usage exits 2, whatever the command.
func TestUsageExitCodes(t *testing.T) {
	for _, args := range [][]string{
		{"-v"}, // --version has no shorthand: -v is --verbose in build
		{"frobnicate"},
		{"check", "--format", "xml"},
		{"check", "--errors-only=maybe"},
		{"schema", "--config"},
		{"schema", "bogus"},
		{"schema", "role", "config"},
		{"help", "nope"},
		{"completion", "nope"},
	} {
		if code, _, errOut := run(t, "", false, args...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, ExitUsage, errOut)
		}
	}
	if _, _, errOut := run(t, "", false, "schema", "--config"); !strings.Contains(errOut, "roledoc schema config") {
		t.Errorf("schema --config does not point to its replacement: %q", errOut)
	}
}

// One item id used twice (an item copied and not renamed) is one error:
// the first item keeps the message, so the translations made from it are
// not reported stale, and extract writes no key twice.
func TestDuplicateItemIDIsOneDiagnostic(t *testing.T) {
	dir := copyProject(t, map[string]string{
		"sales-manager.yaml": shipped(t, "roles/sales-manager.yaml", "  - id: negotiate\n", "  - id: find-clients\n    text: Visits trade fairs to meet new customers.\n  - id: negotiate\n"),
	})
	code, out, _ := run(t, dir, false, "check", "--format", "json")
	var ds []struct{ Code string }
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if code != ExitProblems || len(ds) != 1 || ds[0].Code != "duplicate-id" {
		t.Errorf("exit %d, want one duplicate-id error:\n%s", code, out)
	}
	mustRun(t, dir, "i18n", "extract")
	data, err := os.ReadFile(filepath.Join(dir, "locales", "en", "roles", "sales-manager.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\nsales-manager.duties.find-clients:\n"); n != 1 {
		t.Errorf("extract wrote sales-manager.duties.find-clients %d times", n)
	}
}

// In GitHub Actions, a project kept in a subdirectory of the repository
// (a step with working-directory: hr) is annotated at the files' paths
// from the repository root, where GitHub and code scanning look for them.
func TestGitHubPathsFromRepositoryRoot(t *testing.T) {
	repo := t.TempDir()
	if code, _, errOut := run(t, repo, false, "init", "hr"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	hr := filepath.Join(repo, "hr")
	if code, _, errOut := run(t, hr, false, "new", "buyer"); code != ExitOK {
		t.Fatalf("new: exit %d: %s", code, errOut)
	}
	t.Setenv("GITHUB_WORKSPACE", repo)
	_, out, _ := run(t, hr, false, "check", "--format", "github")
	if !strings.Contains(out, "::error file=hr/roles/buyer.yaml,line=") {
		t.Errorf("annotations not at the path from the repository root:\n%s", out)
	}
	_, out, _ = run(t, hr, false, "check", "--format", "sarif")
	if !strings.Contains(out, `"uri": "hr/roles/buyer.yaml"`) {
		t.Errorf("SARIF not at the path from the repository root:\n%s", out)
	}
}
