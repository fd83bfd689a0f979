package catalog

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A translation holding template code is refused by check, at the code,
// and by import.
func TestTemplateCodeRefused(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	tests := []struct {
		value string
		col   int
	}{
		{"Pagina {{range 200000}}X{{end}}", 10 + 7},
		{"Pagina {{.}} van {{.Pages}}", 10 + 7},
		{`Pagina {{printf "%s" .}}`, 10 + 7},
		{"x {{range $i, $e := .}}{{range .}}{{end}}{{end}}", 10 + 2},
		{"x {{.Page}} {{define \"x\"}}{{template \"x\"}}{{end}}", 10 + 12}, // endless recursion
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			fsys := fstest.MapFS{"nl/ui.yaml": {Data: []byte("ui.page:\n  other: " + tt.value + "\n")}}
			c, ds := LoadCatalogs(fsys, ".", "locales")
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			var found bool
			for _, d := range Check(src, c["nl"]) {
				if d.Code == "template-code" {
					found = true
					if d.Pos.File != "locales/nl/ui.yaml" || d.Pos.Line != 2 || d.Pos.Col != tt.col {
						t.Errorf("at %v, want locales/nl/ui.yaml:2:%d", d.Pos, tt.col)
					}
				}
			}
			if !found {
				t.Errorf("check did not report template code")
			}
			if errs := c["nl"].Texts().Errors["ui.page"]; len(errs) == 0 || errs[0].Code != "template-code" {
				t.Errorf("the build's errors for ui.page are %v, want template-code", errs)
			}
			// Placeholders are exported as <ph> codes; the translator
			// types the template code as text.
			exported := "<target>" + newInline("Pagina {{.Page}} van {{.Pages}}", codes(Index(src)["ui.page"])).XML + "</target>"
			x := strings.Replace(string(Export(src, cats["nl"])), exported, "<target>"+xmlEscape(tt.value)+"</target>", 1)
			if _, err := Import([]byte(x), src, cats["nl"]); err == nil || !strings.Contains(err.Error(), "ui.page") {
				t.Errorf("import: err = %v, want it refused", err)
			}
		})
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// Import refuses what check reports as misleading text, in interface and
// role messages alike, and keeps the bidi marks check allows.
func TestImportRefusesMisleadingText(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	ui := "Pagina {{.Page}} van {{.Pages}}"
	tests := []struct {
		old, value string
		ok         bool
	}{
		{ui, "Pagina {{.Page}} van \u202E{{.Pages}}", false},
		{ui, "\u200B\u3000\u2060", false},
		{ui, "Pagina {{.Page}} \u200Fvan {{.Pages}}", true},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			c := codes(Index(src)["ui.page"])
			x := strings.Replace(string(Export(src, cats["nl"])), newInline(tt.old, c).XML, newInline(tt.value, c).XML, 1)
			_, err := Import([]byte(x), src, cats["nl"])
			if (err == nil) != tt.ok {
				t.Errorf("import: err = %v, want refused: %v", err, !tt.ok)
			}
		})
	}
	// A role's text is literal, but its translation may not reorder.
	var role *Entry
	for _, e := range src {
		if e.Literal && e.Role != nil && cats["nl"].Msgs[e.Msg.ID] != nil {
			role = e
			break
		}
	}
	tr := cats["nl"].Msgs[role.Msg.ID].Msg.Other
	x := strings.Replace(string(Export(src, cats["nl"])), "<target>"+newInline(tr, nil).XML, "<target>1000 \u2066USD", 1)
	if _, err := Import([]byte(x), src, cats["nl"]); err == nil || !strings.Contains(err.Error(), "U+2066") {
		t.Errorf("import of an isolate in %s: err = %v, want refused", role.Msg.ID, err)
	}
}
