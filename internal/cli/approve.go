package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/roledoc/roledoc/internal/approval"
	"github.com/roledoc/roledoc/internal/atomicfile"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/spf13/cobra"
)

func newApprove(env *Env) *cobra.Command {
	var pf projectFlags
	var by, date string
	cmd := &cobra.Command{
		Use:   "approve ROLE-ID... --by NAME [--date YYYY-MM-DD]",
		Short: "Record an approval of roles as they are now",
		Long: `Approve records in each role file's approval block who approved which
version on which date, with a digest of the content approved: every field
that reaches the document, in English. The file is edited in place;
comments and layout stay as they are.

A role with errors is not approved, nor one whose version was already
approved with other content: raise its version first. From then on,
roledoc check warns (changed-after-approval) when the role's content no
longer matches what was approved, and the documents show the approval
only while it does.`,
		Example: `  roledoc approve sales-manager --by "Jane Doe"
  roledoc approve sales-manager account-manager --by "Jane Doe" --date 2026-02-01`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, ids []string) error {
			by = strings.TrimSpace(by)
			if by == "" || strings.ContainsAny(by, "\r\n") {
				return usageErr("--by needs the approver's name, on one line")
			}
			if date == "" {
				date = time.Now().Format(time.DateOnly)
			} else if _, err := time.Parse(time.DateOnly, date); err != nil {
				return usageErr("--date %q is not a date; write it as YYYY-MM-DD", date)
			}
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			if p.Roles.Embedded {
				return usageErr("no roles/ directory here; run in a project directory or pass --roles")
			}
			set, ds, err := p.Load()
			if err != nil {
				return internalErr(err)
			}
			if set == nil {
				return reportErrors(cmd, ds, "")
			}
			// Every role is checked before any file is written, so a
			// mistake in one leaves all of them as they were.
			type job struct {
				r    *role.Role
				rec  role.Record
				edit []byte
				path string
				perm os.FileMode
			}
			var jobs []job
			out := cmd.OutOrStdout()
			for _, id := range ids {
				r, ok := set.Role(id)
				if !ok {
					return usageErr("no role %q in %s", id, p.Roles.Shown)
				}
				rec := role.Record{Name: by, Date: date, Version: r.Version, Digest: r.Digest()}
				if slices.ContainsFunc(r.Approval.Records, func(old role.Record) bool {
					return old.Name == rec.Name && old.Version == rec.Version && old.Digest == rec.Digest
				}) {
					fmt.Fprintf(out, "%s: version %s is already approved by %s\n", r.File, r.Version, by)
					continue
				}
				path, edit, perm, err := prepare(r, ds, p.Roles.File, rec)
				if err == errProblems {
					return reportErrors(cmd, ds, r.File)
				}
				if err != nil {
					return err
				}
				jobs = append(jobs, job{r, rec, edit, path, perm})
			}
			for _, j := range jobs {
				if err := atomicfile.Write(j.path, j.edit, j.perm); err != nil {
					return internalErr(err)
				}
				fmt.Fprintf(out, "%s: version %s approved by %s on %s\n", j.r.File, j.r.Version, by, date)
			}
			return nil
		},
	}
	pf.register(cmd)
	cmd.Flags().StringVar(&by, "by", "", "name of the person who approves (required)")
	cmd.Flags().StringVar(&date, "date", "", "date of the approval, YYYY-MM-DD (default: today)")
	_ = cmd.MarkFlagRequired("by")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.NoFileCompletions)
	return cmd
}

// prepare returns r's file on disk with rec recorded, and the file's path
// and permissions, unless the file has errors or the version was
// approved before with other content.
func prepare(r *role.Role, ds []diag.Diagnostic, file func(string) (string, bool), rec role.Record) (string, []byte, os.FileMode, error) {
	for _, d := range ds {
		if d.Pos.File == r.File && d.Severity == diag.Error {
			return "", nil, 0, errProblems
		}
	}
	for _, old := range r.Approval.Records {
		if old.Version == rec.Version && old.Digest != rec.Digest {
			return "", nil, 0, &exitError{ExitProblems, fmt.Errorf("%s: version %s was approved on %s with other content; raise the version before approving", r.File, old.Version, old.Date)}
		}
	}
	path, ok := file(r.File)
	if !ok {
		return "", nil, 0, internalErr(fmt.Errorf("%s: not a file on disk", r.File))
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", nil, 0, internalErr(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, 0, internalErr(err)
	}
	out, err := approval.Record(r.File, data, rec)
	if err != nil {
		return "", nil, 0, internalErr(err)
	}
	return path, out, info.Mode().Perm(), nil
}

// reportErrors prints the errors among ds in file (all files when it is
// ""), as check would in text, and fails the command.
func reportErrors(cmd *cobra.Command, ds []diag.Diagnostic, file string) error {
	for _, d := range ds {
		if d.Severity == diag.Error && (file == "" || d.Pos.File == file) {
			fmt.Fprintln(cmd.ErrOrStderr(), d)
		}
	}
	return errProblems
}
