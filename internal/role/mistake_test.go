package role

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestOneMistakeOneDiagnostic makes the mistakes people make when they
// edit a real role file and checks that each gives exactly one error, on
// the line to fix, saying what to do.
func TestOneMistakeOneDiagnostic(t *testing.T) {
	orig, err := os.ReadFile("../../roles/sales-manager.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(orig), "\n")
	lineOf := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line starts with %q", prefix)
		return 0
	}
	// Each edit replaces the first line starting with old by new ("" cuts
	// the file there); the error must be on the edited line plus offset,
	// or at the end of the file when the file was cut.
	tests := []struct {
		name      string
		old, new  string
		offset    int
		code      string
		wantParts []string
	}{
		{"second category", "category:", "category: specialist\ncategory: manager", 1, "duplicate-key",
			[]string{`key "category" is already set on line ` + itoa(lineOf("category:"))}},
		{"item indented one space too far", "  - id: negotiate", "   - id: negotiate", 0, "yaml-syntax",
			[]string{"indented 3 spaces", "indent it 2 spaces"}},
		{"first item indented one space too far", "  - id: find-clients", "   - id: find-clients", 0, "yaml-syntax",
			[]string{"indented 3 spaces", "more than the rest of its list below it", "indent it 2 spaces"}},
		{"field indented one space too far", "  field:", "   field: Business", 0, "yaml-syntax",
			[]string{"indented 3 spaces", "indent it 2 spaces"}},
		{"duplicate item id", "  - id: negotiate", "  - id: find-clients", 0, "duplicate-id",
			[]string{`"find-clients"`, "line " + itoa(lineOf("  - id: find-clients"))}},
		{"years in words", "  experience_years:", "  experience_years: two", 0, "wrong-type",
			[]string{`"requirements.experience_years"`, `"two"`}},
		{"unquoted version", "version:", "version: 1.10", 0, "wrong-type",
			[]string{`"version"`, `quote it: "1.10"`}},
		{"impossible date", "effective:", "effective: 2026-13-40", 0, "invalid-date",
			[]string{`"2026-13-40"`, "YYYY-MM-DD"}},
		{"bidi override in a text", "      text: Confident use", "      text: Budget up to \u202E0001\u202C USD", 0, "bidi-control",
			[]string{"U+202E RIGHT-TO-LEFT OVERRIDE", "character 14"}},
		{"title of invisible spaces", "title:", "title: \"\u200B\u3000\u200B\u3000\"", 0, "invisible-text",
			[]string{"title holds only invisible characters"}},
		{"item of a joiner", "      text: Confident use", "      text: \"\u200D\"", 0, "invisible-text",
			[]string{"only invisible characters"}},
		{"no approval block", "approval:", "", 0, "required",
			[]string{`"approval" is missing`, `"approval:"`, "by:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := lineOf(tc.old)
			edited := append(slices.Clone(lines[:n-1]), tc.new)
			wantLine := n + tc.offset
			if tc.new == "" {
				edited = slices.Clone(lines[:n-1])
				for strings.TrimSpace(edited[len(edited)-1]) == "" {
					edited = edited[:len(edited)-1]
				}
				wantLine = len(edited)
			} else {
				edited = append(edited, lines[n:]...)
			}
			_, ds := Load("roles/sales-manager.yaml", []byte(strings.Join(edited, "\n")))
			if len(ds) != 1 {
				t.Fatalf("want exactly one diagnostic, got %d:\n%s", len(ds), dump(ds))
			}
			if d := ds[0]; d.Code != tc.code || d.Pos.Line != wantLine {
				t.Errorf("got %s, want [%s] on line %d", d, tc.code, wantLine)
			}
			for _, part := range tc.wantParts {
				if !strings.Contains(ds[0].Message, part) {
					t.Errorf("message %q lacks %q", ds[0].Message, part)
				}
			}
		})
	}
}

// An item indented wrongly as a whole (its "-" line and its fields) is
// reported on its own first line, whether it is the first item of its
// list or a later one; a later item indented too little is reported on
// itself, not on the first item.
func TestWholeItemIndentation(t *testing.T) {
	orig, err := os.ReadFile("../../roles/sales-manager.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		wantLine       int
		wantParts      []string
	}{
		{"first item too deep", "  - id: find-clients\n    text:", "   - id: find-clients\n     text:", 0,
			[]string{"indented 3 spaces", "indent it 2 spaces, and line ", " 1 space less"}},
		{"later item too deep", "  - id: negotiate\n    text:", "   - id: negotiate\n     text:", 0,
			[]string{"indented 3 spaces", "indent it 2 spaces"}},
		{"later item too shallow", "  - id: negotiate\n    text:", " - id: negotiate\n   text:", 0,
			[]string{"indented 1 space", "indent it 2 spaces"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := strings.Index(string(orig), tc.old)
			if i < 0 {
				t.Fatalf("no %q", tc.old)
			}
			line := strings.Count(string(orig[:i]), "\n") + 1
			edited := strings.Replace(string(orig), tc.old, tc.new, 1)
			_, ds := Load("roles/sales-manager.yaml", []byte(edited))
			if len(ds) != 1 || ds[0].Code != "yaml-syntax" || ds[0].Pos.Line != line+tc.wantLine {
				t.Fatalf("want one yaml-syntax error on line %d, got:\n%s", line+tc.wantLine, dump(ds))
			}
			for _, part := range tc.wantParts {
				if !strings.Contains(ds[0].Message, part) {
					t.Errorf("message %q lacks %q", ds[0].Message, part)
				}
			}
		})
	}
}
