package approval

import (
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/role"
)

const head = `# Clerk: keep it short
id: clerk
title: Clerk
department: sales
category: worker
version: "1.0"
effective: 2026-01-01
reports_to: boss
appointed_by: boss
substitute: boss
requirements:
  education: secondary
  experience_years: 0
knowledge: [{id: k, text: Knows things.}]
guided_by: [{id: g, text: Guided by law.}]
duties: [{id: d, text: Files the papers.}]
rights: [{id: r, text: May ask questions.}]
responsibilities: [{id: s, text: Answers for the files.}]
criteria: [{id: c, text: Files in order.}]
`

func TestRecord(t *testing.T) {
	digest := func(src string) string {
		r, _ := role.Load("clerk.yaml", []byte(src))
		return r.Digest()
	}
	rec := func(src, name string) role.Record {
		return role.Record{Name: name, Date: "2026-02-01", Version: "1.0", Digest: digest(src)}
	}
	for _, tc := range []struct {
		name, src, who, want string
	}{
		{
			name: "block at the end",
			src:  head + "approval:\n  by: boss\n",
			who:  "Ann Lee",
			want: head + "approval:\n  by: boss\n  records:\n    - name: Ann Lee\n      date: 2026-02-01\n      version: \"1.0\"\n      digest: DIGEST\n",
		},
		{
			name: "block before a comment and another key",
			src:  "approval:\n    by: boss   # the director\n\n# history follows\nhistory:\n  - {version: \"1.0\", date: 2026-01-01, summary: First issue.}\n" + head,
			who:  "Ann Lee",
			want: "approval:\n    by: boss   # the director\n    records:\n      - name: Ann Lee\n        date: 2026-02-01\n        version: \"1.0\"\n        digest: DIGEST\n\n# history follows\nhistory:\n  - {version: \"1.0\", date: 2026-01-01, summary: First issue.}\n" + head,
		},
		{
			name: "existing compact records",
			src:  head + "approval:\n  by: boss\n  records:\n  - name: Bo\n    date: 2026-01-15\n    version: \"0.9\"\n    digest: sha256:" + strings.Repeat("0", 64) + "\n# end\n",
			who:  "Ann Lee",
			want: head + "approval:\n  by: boss\n  records:\n  - name: Bo\n    date: 2026-01-15\n    version: \"0.9\"\n    digest: sha256:" + strings.Repeat("0", 64) + "\n  - name: Ann Lee\n    date: 2026-02-01\n    version: \"1.0\"\n    digest: DIGEST\n# end\n",
		},
		{
			name: "a name that needs quotes, no final newline",
			src:  head + "approval:\n  by: boss",
			who:  "yes: no",
			want: head + "approval:\n  by: boss\n  records:\n    - name: 'yes: no'\n      date: 2026-02-01\n      version: \"1.0\"\n      digest: DIGEST\n",
		},
		{
			name: "CRLF",
			src:  strings.ReplaceAll(head+"approval:\n  by: boss\n", "\n", "\r\n"),
			who:  "Ann Lee",
			want: strings.ReplaceAll(head+"approval:\n  by: boss\n  records:\n    - name: Ann Lee\n      date: 2026-02-01\n      version: \"1.0\"\n      digest: DIGEST\n", "\n", "\r\n"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rec(tc.src, tc.who)
			got, err := Record("clerk.yaml", []byte(tc.src), r)
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.ReplaceAll(tc.want, "DIGEST", r.Digest); string(got) != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestRecordFlowStyle re-encodes a file whose approval block is a flow
// mapping: the record must land and the comment survive.
func TestRecordFlowStyle(t *testing.T) {
	src := head + "approval: {by: boss} # signed on paper too\n"
	r, _ := role.Load("clerk.yaml", []byte(src))
	rec := role.Record{Name: "Ann Lee", Date: "2026-02-01", Version: "1.0", Digest: r.Digest()}
	got, err := Record("clerk.yaml", []byte(src), rec)
	if err != nil {
		t.Fatal(err)
	}
	after, ds := role.Load("clerk.yaml", got)
	if len(ds) > 0 || len(after.Approval.Records) != 1 || after.Approval.Records[0] != rec {
		t.Fatalf("record not read back: %v\n%s", ds, got)
	}
	for _, keep := range []string{"# Clerk: keep it short", "# signed on paper too"} {
		if !strings.Contains(string(got), keep) {
			t.Errorf("comment %q lost:\n%s", keep, got)
		}
	}
}

func TestRecordRefusesWhatItCannotRead(t *testing.T) {
	if _, err := Record("clerk.yaml", []byte("id: [unclosed\n"), role.Record{}); err == nil {
		t.Error("a broken file was edited")
	}
}

// FuzzRecord edits arbitrary files: Record never panics, and whatever it
// returns loads back as the same role with the record appended (Record
// checks that itself; this makes sure no input slips past the check).
func FuzzRecord(f *testing.F) {
	f.Add(head + "approval:\n  by: boss\n")
	f.Add(head + "approval:\n  by: boss\n  records:\n  - name: Bo\n    date: 2026-01-15\n    version: \"0.9\"\n    digest: sha256:" + strings.Repeat("0", 64) + "\n")
	f.Add(head + "approval: {by: boss}\n")
	f.Add("approval:\n  by: boss\n# x\n" + head)
	f.Fuzz(func(t *testing.T, src string) {
		before, _ := role.Load("clerk.yaml", []byte(src))
		if before == nil {
			return
		}
		rec := role.Record{Name: "Ann Lee", Date: "2026-02-01", Version: "1.0", Digest: before.Digest()}
		out, err := Record("clerk.yaml", []byte(src), rec)
		if err != nil {
			return
		}
		after, _ := role.Load("clerk.yaml", out)
		if after == nil || after.Digest() != before.Digest() || len(after.Approval.Records) == 0 || after.Approval.Records[len(after.Approval.Records)-1] != rec {
			t.Fatalf("edit lost the role or the record:\n%s", out)
		}
	})
}
