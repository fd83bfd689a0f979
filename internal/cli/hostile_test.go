package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/fixture"
)

// runWithin is run with a deadline, for inputs that used to hang roledoc.
func runWithin(t *testing.T, d time.Duration, dir string, terminal bool, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errOut := run(t, dir, terminal, args...)
		done <- result{code, out, errOut}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(d):
		t.Fatalf("roledoc %s still running after %v", strings.Join(args, " "), d)
		return 0, "", ""
	}
}

// A FIFO among the inputs would block open(2) until a writer comes; it is
// reported by name and never opened.
func TestFIFOInputIsRefused(t *testing.T) {
	tests := []struct {
		name      string
		exit      int // of check and build
		buildOnly bool
	}{
		{"roles/f.yaml", ExitProblems, false},
		{"locales/nl/roles/f.yaml", ExitProblems, false},
		{"locales/nl/f.yaml", ExitProblems, false},
		{"roledoc.yaml", ExitProblems, false},
		{"templates/role.html", ExitInternal, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := fixture.Copy(t)
			p := filepath.Join(dir, tt.name)
			os.Remove(p)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			runs := [][]string{
				{"check", "--format", "json"},
				{"build", "--out", filepath.Join(t.TempDir(), "out"), "--format", "html", "--lang", "nl"},
			}
			if tt.buildOnly {
				runs = runs[1:]
			}
			for _, args := range runs {
				code, out, errOut := runWithin(t, 60*time.Second, dir, false, args...)
				if code != tt.exit {
					t.Errorf("%s: exit %d, want %d\n%s%s", args[0], code, tt.exit, out, errOut)
				}
				if !strings.Contains(out+errOut, filepath.Base(tt.name)) || !strings.Contains(out+errOut, "named pipe (FIFO)") {
					t.Errorf("%s: output does not name the FIFO:\n%s%s", args[0], out, errOut)
				}
			}
		})
	}
}

// i18n import reads the file it is given as the inputs are read: a FIFO
// is refused without being opened, a link out of the project is not
// followed.
func TestImportArgumentIsReadSafely(t *testing.T) {
	dir := fixture.Copy(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "nl.xlf"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	secret := filepath.Join(t.TempDir(), "secret.xlf")
	if err := os.WriteFile(secret, []byte("<xliff>TOPSECRET</xliff>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "leak.xlf")); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"nl.xlf": "named pipe (FIFO)", "leak.xlf": "outside the project root"} {
		code, out, errOut := runWithin(t, 60*time.Second, dir, false, "i18n", "import", file)
		if code != ExitUsage || !strings.Contains(errOut, want) || strings.Contains(out+errOut, "TOPSECRET") {
			t.Errorf("import %s: exit %d, want %d and %q:\n%s%s", file, code, ExitUsage, want, out, errOut)
		}
	}
}

// A role, catalog or template linked to a file outside the project is
// refused without reading it: the file's content appears in no format and
// no output file.
func TestSymlinkOutsideProjectLeaksNothing(t *testing.T) {
	const token = "ROLEDOC-SECRET-7f3a9c"
	secret := filepath.Join(t.TempDir(), "secret")
	// The secret looks like YAML, so a reader would echo it in an
	// "unknown field" message and in the caret excerpt.
	content := token + ": x\ntitle: " + token + "\n"
	if err := os.WriteFile(secret, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	links := []string{"roles/leak.yaml", "locales/nl/roles/leak.yaml", "locales/nl/leak.yaml", "templates/role.html"}
	dir := fixture.Copy(t)
	for _, l := range links {
		p := filepath.Join(dir, l)
		os.Remove(p)
		if err := os.Symlink(secret, p); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	runs := [][]string{
		{"check"}, // on a terminal, with excerpts
		{"check", "--format", "json"},
		{"check", "--format", "github"},
		{"check", "--format", "sarif"},
		{"check", "roles/leak.yaml"},
		{"build", "--out", out},
	}
	for _, args := range runs {
		code, stdout, stderr := runWithin(t, 120*time.Second, dir, true, args...)
		if code == ExitOK {
			t.Errorf("%v: exit 0", args)
		}
		if strings.Contains(stdout+stderr, token) {
			t.Errorf("%v: the secret leaked:\n%s%s", args, stdout, stderr)
		}
		if args[0] == "check" && len(args) == 1 {
			for _, l := range links[:3] {
				if !strings.Contains(stdout, l) || !strings.Contains(stdout, "outside the project root") {
					t.Errorf("%v: %s not reported as a link outside the project:\n%s", args, l, stdout)
				}
			}
		}
	}
	// Alone, so that nothing else stops the run first.
	for _, l := range []string{"templates/role.html", "roledoc.yaml"} {
		dir := fixture.Copy(t)
		p := filepath.Join(dir, l)
		os.Remove(p)
		if err := os.Symlink(secret, p); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"check", "--format", "sarif"}, {"build", "--out", out}} {
			_, stdout, stderr := runWithin(t, 120*time.Second, dir, true, args...)
			all := stdout + stderr
			if strings.Contains(all, token) {
				t.Errorf("%s, %v: the secret leaked:\n%s", l, args, all)
			}
			readsIt := l == "roledoc.yaml" || args[0] == "build" // check reads no templates
			if readsIt && !strings.Contains(all, "outside the project root") {
				t.Errorf("%s, %v: the link is not reported:\n%s", l, args, all)
			}
		}
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); strings.Contains(string(data), token) {
				t.Errorf("%s holds the secret", p)
			}
		}
		return nil
	})
}

// Template code in a translation is refused by check, and by build, which
// writes nothing, as for an error in a role: a loop, {{.}} and printf would
// print data or pages of text, and recursion would hang. So is a bidi
// override in a translation of role text.
func TestTranslationCodeIsRefused(t *testing.T) {
	dir := fixture.Copy(t)
	edit := func(name string, r *strings.Replacer, want int, count func(string) int) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := r.Replace(string(data))
		if count(s) != want {
			t.Fatalf("%s changed; update the test:\n%s", name, s)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("locales/nl/ui.yaml", strings.NewReplacer(
		"other: Pagina {{.Page}} van {{.Pages}}", `other: Pagina {{range 200000}}X{{end}}`,
		"other: Ten minste {{.Count}} jaar", `other: Ten minste {{printf "%v" .}} jaar`,
		"one: Ten minste {{.Count}} jaar", `one: Ten minste {{.}} jaar`,
	), 3, func(s string) int {
		return strings.Count(s, "{{range 200000}}") + strings.Count(s, "printf") + strings.Count(s, "{{.}}")
	})
	edit("locales/ar/roles/sales-manager.yaml", strings.NewReplacer("other: 95%", "other: \u202E95%"), 1, func(s string) int {
		return strings.Count(s, "\u202E")
	})
	code, out, _ := runWithin(t, 60*time.Second, dir, false, "check")
	if code != ExitProblems || strings.Count(out, "[template-code]") != 3 || !strings.Contains(out, "[bidi-control]") {
		t.Errorf("check: exit %d, want %d, three template-code errors and bidi-control:\n%s", code, ExitProblems, out)
	}
	outDir := filepath.Join(t.TempDir(), "out")
	// Only Dutch is built: the Arabic catalog's error stops it all the same.
	code, _, errOut := runWithin(t, 120*time.Second, dir, false, "build", "--lang", "nl", "--out", outDir)
	if code != ExitProblems || strings.Count(errOut, "[template-code]") != 3 || !strings.Contains(errOut, "[bidi-control]") {
		t.Errorf("build: exit %d, want %d, three template-code errors and bidi-control:\n%s", code, ExitProblems, errOut)
	}
	if _, err := os.Stat(outDir); !os.IsNotExist(err) {
		t.Errorf("build with refused translations wrote %s (stat: %v)", outDir, err)
	}
}

// Trojan text: a bidi override in a duty is an error for check and build;
// CJK and emoji are a warning, and the PDF still renders.
func TestTrojanAndUndrawableText(t *testing.T) {
	duty := "    text: Searches for potential customers and builds a pipeline of new business."
	role := func(text string) map[string]string {
		return map[string]string{"sales-manager.yaml": shipped(t, "roles/sales-manager.yaml", duty, "    text: "+text)}
	}

	dir := copyProject(t, role("Approve discounts up to \u202E0001\u202C USD."))
	code, out, _ := runWithin(t, 60*time.Second, dir, false, "check")
	if code != ExitProblems || !strings.Contains(out, "U+202E RIGHT-TO-LEFT OVERRIDE") || !strings.Contains(out, "[bidi-control]") {
		t.Errorf("check: exit %d, want %d with bidi-control:\n%s", code, ExitProblems, out)
	}
	if code, _, errOut := runWithin(t, 60*time.Second, dir, false, "build", "--out", filepath.Join(t.TempDir(), "out")); code != ExitProblems {
		t.Errorf("build: exit %d, want %d:\n%s", code, ExitProblems, errOut)
	}

	dir = copyProject(t, role("Serve clients in 中文 and answer 😀 messages."))
	code, out, _ = runWithin(t, 60*time.Second, dir, false, "check")
	for _, want := range []string{"U+4E2D", "U+1F600 GRINNING FACE", "[missing-glyph]"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if code != ExitOK {
		t.Errorf("check: exit %d, want %d (a warning)", code, ExitOK)
	}
	outDir := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runWithin(t, 120*time.Second, dir, false, "build", "--lang", "en", "--role", "sales-manager", "--out", outDir); code != ExitOK {
		t.Fatalf("build: exit %d:\n%s", code, errOut)
	}
	text, err := exec.Command("pdftotext", filepath.Join(outDir, "en", "sales-manager.pdf"), "-").Output()
	if err != nil || !strings.Contains(string(text), "Serve clients in") {
		t.Errorf("pdftotext: %v\n%s", err, text)
	}
}
