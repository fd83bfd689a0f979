package role

import (
	"reflect"
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

// sampleRole sets every field of the model.
func sampleRole() *Role {
	seven := 7
	return &Role{
		ID: "a", Title: "T", Department: "d", Category: "manager", Version: "1", Effective: "2026-01-01",
		ReportsTo: "b", AppointedBy: "c", Substitute: "e",
		Requirements: Requirements{Education: "bachelor", Field: "F", ExperienceYears: &seven, Other: []Item{{"o", "O"}}},
		Knowledge:    []Item{{"k", "K"}}, GuidedBy: []Item{{"g", "G"}}, Duties: []Item{{"d1", "D"}},
		Rights: []Item{{"r", "R"}}, Responsibilities: []Item{{"s", "S"}},
		Criteria: []Criterion{{ID: "c1", Text: "C", Target: "x"}},
		Approval: Approval{By: "b", Name: "N", Date: "2026-02-01", Records: []Record{{Name: "A", Date: "2026-02-02", Version: "1", Digest: "sha256:0"}}},
		History:  []Revision{{Version: "1", Date: "2026-01-01", Summary: "S"}},
	}
}

// visitFields calls check once per string or int field of the model, with
// a role made by base where that field (in every list element) changed.
func visitFields(t *testing.T, base func() *Role, check func(path string, changed, orig *Role)) {
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				visit(v.Elem(), path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if f.IsExported() && f.Name != "File" && f.Name != "Digest" {
					visit(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i), path)
			}
		case reflect.String, reflect.Int:
			t.Run(path, func(t *testing.T) {
				r := base()
				changeAt(reflect.ValueOf(r).Elem(), path)
				check(path, r, base())
			})
		}
	}
	visit(reflect.ValueOf(base()).Elem(), "")
}

// changeAt alters every string or int reached by path (all slice
// elements).
func changeAt(v reflect.Value, path string) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if path == "" {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "-changed")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		}
		return
	}
	name, rest := path[1:], ""
	for i := 1; i < len(path); i++ {
		if path[i] == '.' {
			name, rest = path[1:i], path[i:]
			break
		}
	}
	switch v.Kind() {
	case reflect.Slice:
		for i := range v.Len() {
			changeAt(v.Index(i), path)
		}
	case reflect.Struct:
		changeAt(v.FieldByName(name), rest)
	}
}
