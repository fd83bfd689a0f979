package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

const salesManager = "roles/sales-manager.yaml"

func TestCheckBaseVersionDiscipline(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(t *testing.T, dir string)
		want  int
		codes []string
		says  string
	}{
		{"unchanged", func(*testing.T, string) {}, ExitOK, nil, ""},
		{"duty changed without a bump", func(t *testing.T, dir string) {
			fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
		}, ExitProblems, []string{"version-not-bumped"}, "roles/sales-manager.yaml:6:10: error: content changed since the base (duties.negotiate changed) but version is still 1.0"},
		{"duty changed with a bump", func(t *testing.T, dir string) {
			fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
			fixture.Edit(t, dir, salesManager, `version: "1.0"`, `version: "1.1"`)
		}, ExitOK, nil, ""},
		{"version goes down", func(t *testing.T, dir string) {
			fixture.Edit(t, dir, salesManager, `version: "1.0"`, `version: "0.9"`)
		}, ExitProblems, []string{"version-decreased"}, "version 0.9 is lower than 1.0"},
		{"comments and reformatting only", func(t *testing.T, dir string) {
			fixture.Edit(t, dir, salesManager, "  - id: negotiate\n    text: Holds", "  # the heart of the job\n  - text: Holds")
			fixture.Edit(t, dir, salesManager, "commercial negotiations with customers.\n", "commercial negotiations with customers.\n    id: negotiate\n")
		}, ExitOK, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixture.Repo(t, "")
			tc.edit(t, dir)
			code, out, errOut := run(t, dir, false, "check", "--base", "HEAD")
			if code != tc.want {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.want, out, errOut)
			}
			for _, c := range tc.codes {
				if !strings.Contains(out, "["+c+"]") {
					t.Errorf("no %s in:\n%s", c, out)
				}
			}
			if !strings.Contains(out, tc.says) {
				t.Errorf("output lacks %q:\n%s", tc.says, out)
			}
		})
	}
}

func TestCheckBaseDirectoryAndBadBase(t *testing.T) {
	dir := fixture.Repo(t, "")
	copyDir := fixture.Copy(t)
	fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
	if code, out, _ := run(t, dir, false, "check", "--base", copyDir); code != ExitProblems || !strings.Contains(out, "version-not-bumped") {
		t.Errorf("directory base: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, dir, false, "check", "--base", "no-such-rev"); code != ExitUsage {
		t.Errorf("bad base: exit %d, want %d: %s", code, ExitUsage, errOut)
	}
}

func TestApproveThenEditThenCheck(t *testing.T) {
	dir := fixture.Repo(t, "")
	code, out, errOut := run(t, dir, false, "approve", "sales-manager", "--by", "Jane Doe", "--date", "2026-02-01")
	if code != ExitOK {
		t.Fatalf("approve: exit %d\n%s%s", code, out, errOut)
	}
	if want := "roles/sales-manager.yaml: version 1.0 approved by Jane Doe on 2026-02-01\n"; !strings.HasSuffix(out, want) {
		t.Errorf("approve said %q, want %q", out, want)
	}
	diff := fixture.Git(t, dir, "diff", "-U0", "--no-color", salesManager)
	for _, want := range []string{"+  records:\n+    - name: Jane Doe\n+      date: 2026-02-01\n+      version: \"1.0\"\n+      digest: sha256:"} {
		if !strings.Contains(diff, want) {
			t.Errorf("approve wrote:\n%s", diff)
		}
	}
	if n := strings.Count(diff, "\n+") - strings.Count(diff, "\n+++"); n != 5 {
		t.Errorf("approve changed %d lines, want the 5 it adds:\n%s", n, diff)
	}
	if code, out, _ := run(t, dir, false, "check", "--strict"); code != ExitOK {
		t.Errorf("check after approve: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, dir, false, "approve", "sales-manager", "--by", "Jane Doe", "--date", "2026-02-02"); code != ExitOK || !strings.Contains(out, "already approved") {
		t.Errorf("approving again: exit %d, %q", code, out)
	}

	fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
	code, out, _ = run(t, dir, false, "check")
	if code != ExitOK || !strings.Contains(out, "warning: content changed after Jane Doe approved version 1.0 on 2026-02-01") || !strings.Contains(out, "[changed-after-approval]") {
		t.Errorf("check after an edit: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, dir, false, "check", "--strict"); code != ExitProblems {
		t.Errorf("check --strict after an edit: exit %d, want %d", code, ExitProblems)
	}
	if code, _, errOut := run(t, dir, false, "approve", "sales-manager", "--by", "Jane Doe"); code != ExitProblems || !strings.Contains(errOut, "raise the version") {
		t.Errorf("approving changed content under the same version: exit %d, %q", code, errOut)
	}

	fixture.Edit(t, dir, salesManager, `version: "1.0"`, `version: "1.1"`)
	if code, out, _ := run(t, dir, false, "check"); !strings.Contains(out, "warning: version 1.1 is not approved yet") || !strings.Contains(out, "[changed-after-approval]") || code != ExitOK {
		t.Errorf("check after a bump: exit %d\n%s", code, out)
	}
	if code, out, errOut := run(t, dir, false, "approve", "sales-manager", "--by", "Jane Doe", "--date", "2026-03-01"); code != ExitOK {
		t.Errorf("approve 1.1: exit %d\n%s%s", code, out, errOut)
	}
	// The edit left translations stale (errors under --strict); the
	// approval itself must no longer be reported.
	if _, out, _ := run(t, dir, false, "check"); strings.Contains(out, "changed-after-approval") {
		t.Errorf("check after approving 1.1:\n%s", out)
	}
}

func TestApproveUsage(t *testing.T) {
	dir := fixture.Repo(t, "")
	for _, args := range [][]string{
		{"approve", "sales-manager"},
		{"approve", "--by", "Jane"},
		{"approve", "sales-manager", "--by", " "},
		{"approve", "sales-manager", "--by", "Jane", "--date", "1 Feb 2026"},
		{"approve", "no-such-role", "--by", "Jane"},
	} {
		if code, _, _ := run(t, dir, false, args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

// An approval recorded and a revision history reach the documents; an
// edit after the approval takes the approval off them again.
func TestApprovalAndHistoryInDocuments(t *testing.T) {
	dir := fixture.Repo(t, "")
	fixture.Edit(t, dir, salesManager, "\napproval:\n", "\nhistory:\n  - version: \"1.0\"\n    date: 2026-01-01\n    summary: First issue.\n\napproval:\n")
	if code, out, errOut := run(t, dir, false, "approve", "sales-manager", "--by", "Jane Doe", "--date", "2026-02-01"); code != ExitOK {
		t.Fatalf("approve: exit %d\n%s%s", code, out, errOut)
	}
	page := func() string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out")
		if code, stdout, errOut := run(t, dir, false, "build", "--lang", "en,nl", "--format", "html", "--role", "sales-manager", "--out", out, "--quiet"); code != ExitOK {
			t.Fatalf("build: exit %d\n%s%s", code, stdout, errOut)
		}
		data, err := os.ReadFile(filepath.Join(out, "nl", "sales-manager.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	got := page()
	for _, want := range []string{"Vastgesteld door Jane Doe op 1 februari 2026 (versie 1.0)", "<td>1.0</td>", "First issue."} {
		if !strings.Contains(got, want) {
			t.Errorf("the Dutch page lacks %q", want)
		}
	}
	fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
	if got := page(); strings.Contains(got, "Vastgesteld door Jane Doe") {
		t.Error("the page still shows the approval after the content changed")
	}
}

// Approving several roles writes none when one of them cannot be
// approved.
func TestApproveAllOrNothing(t *testing.T) {
	dir := fixture.Repo(t, "")
	fixture.Edit(t, dir, "roles/account-manager.yaml", "\nid: account-manager\n", "\nid: account-manager\nsalary: 5000\n")
	if code, _, _ := run(t, dir, false, "approve", "sales-manager", "account-manager", "--by", "Jane Doe"); code != ExitProblems {
		t.Errorf("exit %d, want %d", code, ExitProblems)
	}
	if diff := fixture.Git(t, dir, "diff", "--stat", "--", salesManager); diff != "" {
		t.Errorf("sales-manager was written although account-manager failed:\n%s", diff)
	}
}
