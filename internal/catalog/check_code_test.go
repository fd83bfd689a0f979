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
