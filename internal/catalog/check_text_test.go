package catalog

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/role"
)

// Translations are held to the same text hygiene as role files.
func TestMisleadingTranslations(t *testing.T) {
	set, _ := shipped(t)
	src := SourceMessages(set)
	tests := []struct {
		value, code string
		col         int
	}{
		{"Taken \u202Eneket\u202C", "bidi-control", 10 + 6},
		{"Taken \u2066x\u2069", "bidi-control", 10 + 6},
		{"\"\u200B\u3000\u200B\"", "invisible-text", 10},
		{"Taken 任务", "missing-glyph", 10 + 6},
		{"Taken 😀", "missing-glyph", 10 + 6},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			fsys := fstest.MapFS{"nl/ui.yaml": {Data: []byte("ui.section.duties:\n  other: " + tt.value + "\n")}}
			c, ds := LoadCatalogs(fsys, ".", "locales")
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			got := Check(src, c["nl"])
			for _, d := range got {
				if d.Code == tt.code {
					if d.Pos.Line != 2 || d.Pos.Col != tt.col {
						t.Errorf("at %v, want line 2 col %d", d.Pos, tt.col)
					}
					return
				}
			}
			t.Errorf("no %s in %v", tt.code, got)
		})
	}
	fsys := fstest.MapFS{"nl/ui.yaml": {Data: []byte("ui.section.duties:\n  other: \u200FTaken\u200E\n")}}
	c, _ := LoadCatalogs(fsys, ".", "locales")
	for _, d := range Check(src, c["nl"]) {
		if d.Pos.Line == 2 {
			t.Errorf("bidi marks reported: %v", d)
		}
	}
}

// Text in roledoc.yaml the PDF cannot draw is a warning at its place in
// roledoc.yaml, like a role's.
func TestConfigGlyphsArePositioned(t *testing.T) {
	cfg, ds := role.LoadConfig("roledoc.yaml", []byte(
		"organization: Acme 😀\nlanguages: [en]\ndepartments:\n  - id: sales\n    title: Sales 任务\npositions:\n  - id: boss\n    title: Boss 𝔘\n"))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	set, ds := role.NewSet(cfg, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	got := CheckProject(set, fstest.MapFS{}, ".", "locales", func(string) ([]byte, bool) { return nil, false })
	want := map[diag.Pos]string{
		{File: "roledoc.yaml", Line: 1, Col: 20}: "U+1F600",
		{File: "roledoc.yaml", Line: 5, Col: 18}: "U+4EFB",
		{File: "roledoc.yaml", Line: 8, Col: 17}: "U+1D518",
	}
	for _, d := range got {
		if d.Code != diag.MissingGlyph {
			continue
		}
		if w, ok := want[d.Pos]; !ok || !strings.Contains(d.Message, w) {
			t.Errorf("unexpected %v", d)
		}
		delete(want, d.Pos)
	}
	for p, w := range want {
		t.Errorf("no missing-glyph for %s at %v in %v", w, p, got)
	}
}
