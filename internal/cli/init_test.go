package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/starter"
)

// A new user runs init, then check, then build, and gets a clean check and
// documents in every configured language.
func TestInitCheckBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hr-roles")
	if code, _, errOut := run(t, filepath.Dir(dir), false, "init", "hr-roles"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	for _, f := range []string{"roledoc.yaml", "roles/head-of-sales.yaml", ".github/workflows/roledoc.yml", ".gitignore", "locales/en/ui.yaml", "locales/ar/ui.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	code, out, errOut := run(t, dir, false, "check")
	if code != ExitOK || out != "" || errOut != "" {
		t.Fatalf("check after init: exit %d, want a clean 0\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if code, _, errOut := run(t, dir, false, "build"); code != ExitOK {
		t.Fatalf("build after init: exit %d: %s", code, errOut)
	}
	for _, lang := range []string{"en", "id", "nl", "ar", "tl"} {
		for _, ext := range []string{"html", "pdf"} {
			if _, err := os.Stat(filepath.Join(dir, "out", lang, "head-of-sales."+ext)); err != nil {
				t.Errorf("build wrote no %s %s document: %v", lang, ext, err)
			}
		}
	}
	// What build leaves beside the sources (out/, the lock) is ignored by
	// the .gitignore init wrote, so git status after a build is clean.
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	must(t, err)
	entries, err := os.ReadDir(dir)
	must(t, err)
	for _, e := range entries {
		switch e.Name() {
		case "roledoc.yaml", "roles", "locales", ".github", ".gitignore", ".roledoc":
			continue
		}
		if !strings.Contains(string(ignore), "\n/"+e.Name()+"\n") && !strings.Contains(string(ignore), "\n/"+e.Name()+"/\n") {
			t.Errorf("build left %s in the project, and the .gitignore of init does not list it:\n%s", e.Name(), ignore)
		}
	}
	// The example role is shipped translated: no English in the Arabic page.
	page, err := os.ReadFile(filepath.Join(dir, "out", "ar", "head-of-sales.html"))
	if err != nil || !strings.Contains(string(page), "المبيعات") {
		t.Errorf("the Arabic example page is not translated: %v", err)
	}
}

// Init names every file it would overwrite and writes nothing; --force
// overwrites; an existing .gitignore is added to, not replaced.
func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("organization: Mine\n")
	must(t, os.WriteFile(filepath.Join(dir, "roledoc.yaml"), mine, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("*.tmp"), 0o644))
	code, _, errOut := run(t, dir, false, "init")
	if code != ExitUsage || !strings.Contains(errOut, "roledoc.yaml") || !strings.Contains(errOut, "--force") {
		t.Fatalf("init over a project: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "roles")); err == nil {
		t.Error("a refused init wrote roles/")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "roledoc.yaml")); string(data) != string(mine) {
		t.Error("a refused init changed roledoc.yaml")
	}
	if code, _, errOut := run(t, dir, false, "init", "--force"); code != ExitOK {
		t.Fatalf("init --force: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "roledoc.yaml")); string(data) == string(mine) {
		t.Error("init --force kept the old roledoc.yaml")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); string(data) != "*.tmp\n/out/\n/.out.lock\n/.out.staging-*\n" {
		t.Errorf(".gitignore = %q, want the old line and the starter's", data)
	}
}

// The workflow init writes is the one docs/ci.md shows, so the two cannot
// drift apart.
func TestInitWorkflowMatchesDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/ci.md")
	must(t, err)
	block := regexp.MustCompile("(?s)```yaml\n(# .github/workflows/roledoc.yml\n.*?)```").FindSubmatch(doc)
	if block == nil {
		t.Fatal("docs/ci.md has no yaml block starting with # .github/workflows/roledoc.yml")
	}
	data, err := os.ReadFile("../starter/project/.github/workflows/roledoc.yml")
	must(t, err)
	if string(block[1]) != string(data) {
		t.Errorf("internal/starter/project/.github/workflows/roledoc.yml differs from the workflow in docs/ci.md:\n%s", data)
	}
}

// An HR user adds a role with new: check lists each placeholder as a
// todo-text error; once the texts are written, check is clean.
func TestNewEditCheck(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, false, "new", "warehouse-manager"); code != ExitUsage || !strings.Contains(errOut, "roledoc init") {
		t.Errorf("new before init: exit %d, stderr %q; want 2 and a hint to run init", code, errOut)
	}
	if code, _, errOut := run(t, dir, false, "init"); code != ExitOK || strings.Contains(errOut, "cd .") {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	tests := []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"new", "Warehouse_Manager"}, ExitUsage, `role id "Warehouse_Manager" is not a valid id`},
		{[]string{"new", "con"}, ExitUsage, `role id "con" is a reserved device name on Windows`},
		{[]string{"new", "head-of-sales"}, ExitUsage, "exists already"},
		{[]string{"new", "warehouse-manager", "--reports-to", "head-of-sale"}, ExitUsage, "known: head-of-sales, general-director"},
		{[]string{"new", "warehouse-manager", "--department", "stores"}, ExitUsage, "declared: sales"},
		{[]string{"new", "warehouse-manager", "--reports-to", "head-of-sales", "--title", "Warehouse Manager"}, ExitOK, "roles/warehouse-manager.yaml"},
		{[]string{"new", "warehouse-manager"}, ExitUsage, "exists already"},
	}
	for _, tc := range tests {
		code, _, errOut := run(t, dir, false, tc.args...)
		if code != tc.want || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d, want %d; stderr %q, want %q", tc.args, code, tc.want, errOut, tc.msg)
		}
	}
	// Shell completion offers the ids --reports-to and --department take.
	_, out, _ := run(t, dir, false, "__complete", "new", "x", "--reports-to", "")
	for _, id := range []string{"head-of-sales", "warehouse-manager", "general-director"} {
		if !strings.Contains(out, "\n"+id+"\n") && !strings.HasPrefix(out, id+"\n") {
			t.Errorf("completion of --reports-to lacks %s:\n%s", id, out)
		}
	}
	if _, out, _ := run(t, dir, false, "__complete", "new", "x", "--department", ""); !strings.HasPrefix(out, "sales\n") {
		t.Errorf("completion of --department:\n%s", out)
	}
	file := filepath.Join(dir, "roles", "warehouse-manager.yaml")
	data, err := os.ReadFile(file)
	must(t, err)
	todos := strings.Count(string(data), `: "`+starter.Todo)

	code, out, _ := run(t, dir, false, "check", "--format", "json")
	if code != ExitProblems || strings.Count(out, `"code": "todo-text"`) != todos {
		t.Fatalf("check of a new role: exit %d, want 1 with %d todo-text errors:\n%s", code, todos, out)
	}
	if n := strings.Count(out, `"severity": "error"`); n != todos {
		t.Errorf("%d errors, want only the %d placeholders:\n%s", n, todos, out)
	}

	// Fill in every placeholder as the user would, in the editor.
	filled := regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAllStringFunc(string(data), func(string) string {
		return "Keeps the warehouse in order."
	})
	must(t, os.WriteFile(file, []byte(filled), 0o644))
	if code, out, _ := run(t, dir, false, "check"); code != ExitOK || strings.Contains(out, "error") {
		t.Errorf("check after filling in: exit %d\n%s", code, out)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// After a new role is written and before it is translated, build says how
// many texts each language shows in English: as many as i18n status calls
// missing. A fully translated project says nothing of the kind.
func TestBuildTellsFallbacks(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, false, "init"); code != ExitOK {
		t.Fatalf("init: %s", errOut)
	}
	if _, _, errOut := run(t, dir, false, "build", "--format", "html"); strings.Contains(errOut, "English") {
		t.Errorf("a translated project reports fallbacks: %s", errOut)
	}
	if code, _, errOut := run(t, dir, false, "new", "warehouse-manager"); code != ExitOK {
		t.Fatalf("new: %s", errOut)
	}
	file := filepath.Join(dir, "roles", "warehouse-manager.yaml")
	data, err := os.ReadFile(file)
	must(t, err)
	filled := regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAllString(string(data), "Keeps the warehouse in order.")
	must(t, os.WriteFile(file, []byte(filled), 0o644))

	_, out, errOut := run(t, dir, false, "i18n", "status", "--format", "json")
	var status []struct {
		Lang    string
		Missing []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &status); err != nil || len(status) != 4 {
		t.Fatalf("i18n status: %v\n%s%s", err, out, errOut)
	}
	var want []string
	for _, s := range status {
		want = append(want, fmt.Sprintf("%s %d", s.Lang, len(s.Missing)))
	}
	code, _, errOut := run(t, dir, false, "build", "--format", "html")
	line := "texts shown in English for want of a translation: " + strings.Join(want, ", ") + "\n"
	if code != ExitOK || !strings.Contains(errOut, line) {
		t.Errorf("build: exit %d, want the summary to end %q:\n%s", code, line, errOut)
	}
}

// An editor opening the files init and new write finds the JSON Schema
// their first line names, and it is this version's (what check checks),
// not whatever roledoc's main branch has by then.
func TestStarterFilesNameLocalSchemas(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hr")
	if code, _, errOut := run(t, filepath.Dir(dir), false, "init", "hr"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run(t, dir, false, "new", "buyer"); code != ExitOK {
		t.Fatalf("new: exit %d: %s", code, errOut)
	}
	_, roleSchema, _ := run(t, "", false, "schema")
	_, configSchema, _ := run(t, "", false, "schema", "config")
	for file, want := range map[string]string{"roledoc.yaml": configSchema, "roles/head-of-sales.yaml": roleSchema, "roles/buyer.yaml": roleSchema} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		must(t, err)
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: first line %q names no schema", file, first)
			continue
		}
		schema, err := os.ReadFile(filepath.Join(dir, filepath.Dir(file), filepath.FromSlash(ref)))
		if err != nil || string(schema) != want {
			t.Errorf("%s names %s, which is not this version's schema: %v", file, ref, err)
		}
	}
}

// The workflow init writes installs the release that wrote the project
// (a release build sets roledoc.Version), so CI checks as the user did.
func TestInitWorkflowPinsThisRelease(t *testing.T) {
	defer func(v string) { roledoc.Version = v }(roledoc.Version)
	roledoc.Version = "9.8.7"
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, false, "init"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "roledoc.yml"))
	must(t, err)
	if !strings.Contains(string(data), "\n  ROLEDOC_VERSION: v9.8.7 # the release you tested with\n") {
		t.Errorf("the workflow does not install v9.8.7:\n%s", data)
	}
}
