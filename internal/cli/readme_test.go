package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README starts with the two set-up commands, then says how to install
// the roledoc command every other doc types, at the module's real path,
// and shows a new user init, new, check and build, each a command that
// exists.
func TestReadmeStarts(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	mod, err := os.ReadFile("../../go.mod")
	must(t, err)
	module := strings.Fields(strings.SplitN(string(mod), "\n", 2)[0])[1]
	s := string(readme)
	lines := strings.Split(s, "\n")
	if len(lines) < 5 || lines[2] != "```sh" || !strings.HasPrefix(lines[3], "go run ./cmd/roledoc build") || !strings.HasPrefix(lines[4], "bash .ci/run") || lines[5] != "```" {
		t.Errorf("the README does not start with the two set-up commands:\n%s", strings.Join(lines[:min(len(lines), 6)], "\n"))
	}
	install := "go install " + module + "/cmd/roledoc@latest"
	if i := strings.Index(s, install); i < 0 || i > strings.Index(s, "## ") {
		t.Errorf("the README does not say %q before its first section", install)
	}
	for _, cmd := range []string{"init", "new", "check", "build"} {
		if !strings.Contains(s, "roledoc "+cmd) {
			t.Errorf("the README does not show roledoc %s", cmd)
		}
		if code, _, errOut := run(t, "", false, cmd, "--help"); code != ExitOK {
			t.Errorf("roledoc %s --help: exit %d: %s", cmd, code, errOut)
		}
	}
}

// The README's package table names every package under internal/, and
// nothing that is gone, so a newcomer's map of the code stays true.
func TestReadmePackages(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("`(internal/[a-z/]+)`").FindAllStringSubmatch(string(readme), -1) {
		listed[m[1]] = true
	}
	have := map[string]bool{}
	err = filepath.WalkDir("../../internal", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.Contains(p, "testdata") {
			return err
		}
		rel, _ := filepath.Rel("../..", filepath.Dir(p))
		have[filepath.ToSlash(rel)] = true
		return nil
	})
	must(t, err)
	for pkg := range have {
		if !listed[pkg] {
			t.Errorf("README's package table does not list %s", pkg)
		}
	}
	for pkg := range listed {
		if !have[pkg] {
			t.Errorf("README names %s, which does not exist", pkg)
		}
	}
}
