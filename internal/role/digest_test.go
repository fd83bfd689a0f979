package role

import (
	"strings"
	"testing"
)

// TestDigestCoversEveryPrintedField changes each field in turn: every
// field but the approval records reaches the document, so every change
// but one to a record must alter the digest.
func TestDigestCoversEveryPrintedField(t *testing.T) {
	visitFields(t, sampleRole, func(path string, r, orig *Role) {
		recorded := strings.HasPrefix(path, ".Approval.Records")
		if same := r.Digest() == orig.Digest(); same != recorded {
			t.Errorf("changing %s: digest unchanged = %v, want %v", path, same, recorded)
		}
	})
}

const digestRole = `# the head of the file
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
knowledge:
  - id: k
    text: Knows things.
guided_by:
  - id: g
    text: Guided by law.
duties:
  - id: file
    text: Files the papers.
  - id: answer
    text: Answers the phone.
rights:
  - id: r
    text: May ask questions.
responsibilities:
  - id: s
    text: Answers for the files.
criteria:
  - id: c
    text: Files kept in order.
    target: every day
approval:
  by: boss
`

// reformatted is digestRole with keys reordered, other quoting and
// indentation, a folded scalar and comments: the same content.
const reformatted = `approval: {by: boss}
criteria:
    -   target: "every day"
        text: Files kept in order.
        id: c
responsibilities: [{id: s, text: Answers for the files.}]
rights:
- id: r
  text: 'May ask questions.'
duties:
- text: Files the papers.   # most of the job
  id: file
- id: answer
  text: >-
    Answers the
    phone.
guided_by:
  - {id: g, text: Guided by law.}
knowledge:
  - id: k
    text: "Knows things."
requirements: {experience_years: 0, education: secondary}
substitute: boss
appointed_by: boss
reports_to: boss
effective: "2026-01-01"
version: '1.0'
category: worker
department: sales
title: Clerk
id: clerk
`

const duties = "  - id: file\n    text: Files the papers.\n  - id: answer\n    text: Answers the phone.\n"

func TestDigestIgnoresFormatting(t *testing.T) {
	load := func(src string) *Role {
		t.Helper()
		r, ds := Load("clerk.yaml", []byte(src))
		if len(ds) > 0 {
			t.Fatalf("load: %v", ds)
		}
		return r
	}
	if !strings.Contains(digestRole, duties) {
		t.Fatal("test duties are not in the role")
	}
	base := load(digestRole).Digest()
	if !digestRE.MatchString(base) {
		t.Fatalf("digest %q has the wrong form", base)
	}
	for _, tc := range []struct {
		name, src string
		same      bool
	}{
		{"reformatted", reformatted, true},
		{"approval recorded", digestRole + "  records:\n    - name: A. Person\n      date: 2026-02-01\n      version: \"1.0\"\n      digest: " + base + "\n", true},
		{"duty text", strings.Replace(digestRole, "Files the papers.", "Files the papers daily.", 1), false},
		{"duties reordered", strings.Replace(digestRole, duties, "  - id: answer\n    text: Answers the phone.\n  - id: file\n    text: Files the papers.\n", 1), false},
		{"punctuation", strings.Replace(digestRole, "Knows things.", "Knows things!", 1), false},
		{"reference", strings.Replace(digestRole, "substitute: boss", "substitute: other", 1), false},
		{"target", strings.Replace(digestRole, "every day", "every week", 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := Load("clerk.yaml", []byte(tc.src))
			if got := r.Digest(); (got == base) != tc.same {
				t.Errorf("digest equal = %v, want %v", got == base, tc.same)
			}
		})
	}
}
