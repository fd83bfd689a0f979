package cli

import (
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"gopkg.in/yaml.v3"
)

// workflow returns the GitHub Actions workflow that docs/ci.md tells
// people to copy.
func workflow(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n# .github/workflows/roledoc.yml\n")
	if !ok {
		t.Fatal("docs/ci.md has no roledoc.yml workflow")
	}
	wf, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("the workflow block is not closed")
	}
	return []byte(wf)
}

// The workflow in docs/ci.md passes actionlint (syntax, expressions,
// action inputs) and has what the docs promise: the permissions SARIF
// upload needs, actions pinned by commit SHA with the version in a
// comment, no upload from forks, and a required check separate from the
// translation status.
func TestCIWorkflow(t *testing.T) {
	wf := workflow(t)
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint("roledoc.yml", wf, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e)
	}

	var w struct {
		On   map[string]any
		Jobs map[string]struct {
			Permissions map[string]string
			Steps       []struct {
				Uses, Run, If string
			}
		}
	}
	if err := yaml.Unmarshal(wf, &w); err != nil {
		t.Fatal(err)
	}
	if pr, ok := w.On["pull_request"]; !ok {
		t.Error("the workflow does not run on pull requests")
	} else if f, ok := pr.(map[string]any); ok && (f["paths"] != nil || f["paths-ignore"] != nil) {
		// GitHub leaves a required check skipped by a paths filter
		// pending, which blocks pull requests that do not touch roles/.
		t.Error("pull_request has a paths filter; the required check would block unrelated pull requests")
	}
	roles, ok := w.Jobs["roles"]
	if !ok {
		t.Fatal("no roles job")
	}
	for k, v := range map[string]string{"contents": "read", "security-events": "write", "actions": "read"} {
		if roles.Permissions[k] != v {
			t.Errorf("roles job: permissions.%s = %q, want %q", k, roles.Permissions[k], v)
		}
	}
	var runs []string
	for name, job := range w.Jobs {
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") && !strings.Contains(s.If, "head.repo.full_name == github.repository") {
				t.Errorf("%s: the SARIF upload runs on pull requests from forks, whose token cannot upload", name)
			}
			if strings.HasPrefix(s.Run, "roledoc ") {
				runs = append(runs, s.Run)
			}
		}
	}
	pinned := regexp.MustCompile(`^\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$`)
	for _, line := range strings.Split(string(wf), "\n") {
		if strings.Contains(line, "uses:") && !pinned.MatchString(line) {
			t.Errorf("not pinned by commit SHA with a version comment: %s", strings.TrimSpace(line))
		}
	}
	gate := false
	for _, s := range roles.Steps {
		if s.Run == "roledoc check --format github" {
			gate = true
		}
	}
	if !gate {
		t.Error("the roles job does not gate on plain roledoc check --format github")
	}
	if !slices.ContainsFunc(runs, func(r string) bool { return strings.HasPrefix(r, "roledoc check --strict-translations") }) {
		t.Error("no translation status job with --strict-translations")
	}
	// Every roledoc command the workflow runs is valid usage here.
	for _, r := range runs {
		cmd, _, _ := strings.Cut(r, " >")
		// The branch a pull request merges into exists only in CI.
		cmd = strings.ReplaceAll(cmd, `"origin/$GITHUB_BASE_REF"`, "HEAD")
		args := strings.Fields(cmd)[1:]
		if code, _, errOut := run(t, "", false, args...); code == ExitUsage {
			t.Errorf("%s: bad usage: %s", r, errOut)
		}
	}
}
