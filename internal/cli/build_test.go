package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/publish"
)

// Mistakes in the command line exit 2, and --out is judged before
// anything is loaded, so a broken project still gets the usage error.
func TestBuildUsageErrors(t *testing.T) {
	broken := fixture.Copy(t)
	if err := os.WriteFile(filepath.Join(broken, "roles", "broken.yaml"), []byte("id: broken\ntitle: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(tmp, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(tmp, "dangling")
	if err := os.Symlink(filepath.Join(tmp, "gone"), dangling); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		args []string
		want string
	}{
		{"unknown language", "", []string{"--lang", "xx", "--out", out}, `--lang: "xx" is not a language roledoc knows; use one of en, id, nl, ar, tl`},
		{"unknown role", "", []string{"--role", "nope", "--out", out}, `no role "nope"`},
		{"out is a file", "", []string{"--out", "README.md"}, "is a file"},
		{"out is the project", "", []string{"--out", "."}, "did not write"},
		{"out is a file, broken project", broken, []string{"--out", "roledoc.yaml"}, "is a file"},
		{"negative jobs", "", []string{"-j", "-3", "--out", out}, "cannot be negative"},
		{"symlinked out", "", []string{"--out", link}, "does not follow links"},
		{"dangling out", "", []string{"--out", dangling}, "which does not exist"},
		{"unknown format", "", []string{"--format", "docx", "--out", out}, "unknown output format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.dir, false, append([]string{"build"}, tc.args...)...)
			if code != ExitUsage || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want %d with %q; stderr:\n%s", code, ExitUsage, tc.want, errOut)
			}
		})
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a usage error created the output")
	}
}

// The build says the previous output is intact only when there was one
// and it was not replaced.
func TestKept(t *testing.T) {
	tests := []struct {
		res  publish.Result
		want string
	}{
		{publish.Result{}, "nothing was written to out"},
		{publish.Result{Previous: true}, "the previous output in out is intact"},
		{publish.Result{Previous: true, Replaced: true}, "out holds the new output"},
	}
	for _, tc := range tests {
		if got := kept(&tc.res, "out"); got != tc.want {
			t.Errorf("kept(%+v) = %q, want %q", tc.res, got, tc.want)
		}
	}
}
