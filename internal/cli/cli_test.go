package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes roledoc in dir (the repository root by default) and returns
// its exit code and output.
func run(t *testing.T, dir string, terminal bool, args ...string) (int, string, string) {
	t.Helper()
	if dir == "" {
		dir = filepath.Join("..", "..")
	}
	var out, errb bytes.Buffer
	code := Main(Env{Args: args, Stdout: &out, Stderr: &errb, Dir: dir, Terminal: &terminal})
	return code, out.String(), errb.String()
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"shipped roles", []string{"check"}, ExitOK},
		{"one shipped file", []string{"check", "roles/sales-manager.yaml"}, ExitOK},
		{"bad file", []string{"check", "testdata/bad/tab-indent.yaml"}, ExitProblems},
		{"bom is a warning", []string{"check", "testdata/bad/bom.yaml", "--format", "json"}, ExitProblems},
		{"unknown format", []string{"check", "--format", "xml"}, ExitUsage},
		{"unknown flag", []string{"check", "--frobnicate"}, ExitUsage},
		{"missing path", []string{"check", "no/such/file.yaml"}, ExitUsage},
		{"config is a directory", []string{"check", "--config", "roles"}, ExitInternal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, "", false, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.want, out, errOut)
			}
		})
	}
}

func TestCheckStrictRaisesWarnings(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../roles/sales-manager.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "sales-manager.yaml")
	if err := os.WriteFile(p, append([]byte("\xEF\xBB\xBF"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "", false, "check", p); code != ExitOK || !strings.Contains(out, "warning") {
		t.Errorf("without --strict: exit %d, output %q", code, out)
	}
	if code, out, _ := run(t, "", false, "check", "--strict", p); code != ExitProblems || !strings.Contains(out, "error") {
		t.Errorf("with --strict: exit %d, output %q", code, out)
	}
}

// On a terminal the offending line is shown with a caret under the column.
func TestCheckTerminalExcerpt(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	_, out, _ := run(t, "", true, "check", "testdata/bad/unknown-field.yaml")
	want := "testdata/bad/unknown-field.yaml:3:1: error: unknown field \"salary\""
	if !strings.Contains(out, want) {
		t.Fatalf("missing %q in:\n%s", want, out)
	}
	if !strings.Contains(out, "    3 | salary: 5000\n      | ^\n") {
		t.Errorf("no excerpt with caret in:\n%s", out)
	}
}

func TestVersionAndSchema(t *testing.T) {
	if code, out, _ := run(t, "", false, "--version"); code != 0 || !strings.HasPrefix(out, "roledoc ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	code, out, _ := run(t, "", false, "schema")
	if code != 0 || !strings.Contains(out, `"duties"`) || !strings.Contains(out, `"additionalProperties": false`) {
		t.Errorf("schema: exit %d, %q", code, out)
	}
	committed, err := os.ReadFile("../../docs/role.schema.json")
	if err != nil || string(committed) != out {
		t.Errorf("docs/role.schema.json is out of date; run: go run ./cmd/roledoc schema > docs/role.schema.json")
	}
	_, cout, _ := run(t, "", false, "schema", "config")
	if committed, err := os.ReadFile("../../docs/roledoc.schema.json"); err != nil || string(committed) != cout {
		t.Errorf("docs/roledoc.schema.json is out of date; run: go run ./cmd/roledoc schema config > docs/roledoc.schema.json")
	}
}

func TestCompletion(t *testing.T) {
	code, out, _ := run(t, "", false, "completion", "bash")
	if code != 0 || !strings.Contains(out, "roledoc") {
		t.Errorf("completion: exit %d", code)
	}
}
