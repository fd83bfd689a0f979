package placeholder

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"text/template"
)

func TestFields(t *testing.T) {
	tests := []struct {
		text string
		want []string // nil with code != "": refused
		code string   // the construct named in the error
		off  int
	}{
		{"Page {{.Page}} of {{.Pages}}", []string{"Page", "Pages"}, "", 0},
		{"{{- .Count -}} years, {{.Count}}", []string{"Count"}, "", 0},
		{"no placeholders", nil, "", 0},
		{"{{range 200000}}X{{end}}", nil, "{{range}}", 0},
		{"x {{range .}}{{.}}{{end}}", nil, "{{range}}", 2},
		{"{{.}}", nil, "{{.}}", 0},
		{`{{printf "%s" .}}`, nil, `{{printf "%s" .}}`, 0},
		{"{{.Count | len}}", nil, "{{.Count | len}}", 0},
		{"{{.A.B}}", nil, "{{.A.B}}", 0},
		{"{{$x := .Count}}", nil, "{{$x := .Count}}", 0},
		{`{{"text"}}`, nil, `{{"text"}}`, 0},
		{"{{if .Count}}a{{end}}", nil, "{{if}}", 0},
		{"{{with .Count}}a{{end}}", nil, "{{with}}", 0},
		{`{{template "x"}}`, nil, "{{template}}", 0},
		{`{{define "x"}}loop{{end}}ok`, nil, "{{define}} or {{block}}", 0},
		{"a {{block \"b\" .}}x{{end}}", nil, "{{define}} or {{block}}", 2},
		{"{{call .F}}", nil, "{{call .F}}", 0},
		{"{{len .Count}}", nil, "{{len .Count}}", 0},
		{"{{ .Count 3 }}", nil, "{{.Count 3}}", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := Fields(tt.text)
			if tt.code == "" {
				if err != nil || !slices.Equal(got, tt.want) {
					t.Fatalf("Fields = %v, %v; want %v", got, err, tt.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Fields = %v, %v; want an *Error", got, err)
			}
			if e.What != tt.code || tt.off != 0 && e.Offset != tt.off {
				t.Errorf("error %q at %d, want %q at %d", e.What, e.Offset, tt.code, tt.off)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	if err := Check("{{.Count}} jaar", []string{"Count"}); err != nil {
		t.Error(err)
	}
	if err := Check("{{.Secret}}", []string{"Count"}); err == nil || !strings.Contains(err.Error(), "Secret") {
		t.Errorf("unknown field: err = %v", err)
	}
	if err := Check("{{broken", []string{"Count"}); err == nil {
		t.Error("unparsable text accepted")
	}
}

// FuzzCheck: Check never panics, and what it accepts runs as a template in
// bounded time and space: each action prints one value, nothing loops.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"{{.Count}} years", "{{range 9}}x{{end}}", "{{.}}", `{{printf "%s" .}}`, "{{- .Page -}}/{{.Pages}}", "{{/* c */}}x", "{{define \"a\"}}{{end}}"} {
		f.Add(s)
	}
	allowed := []string{"Count", "Page", "Pages"}
	const value = "<value>"
	f.Fuzz(func(t *testing.T, text string) {
		if Check(text, allowed) != nil {
			return
		}
		tmpl, err := template.New("").Option("missingkey=error").Parse(text)
		if err != nil {
			t.Fatalf("accepted %q, which text/template refuses: %v", text, err)
		}
		data := map[string]string{}
		for _, a := range allowed {
			data[a] = value
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, data); err != nil {
			t.Fatalf("accepted %q, which fails: %v", text, err)
		}
		if limit := len(text) + strings.Count(text, "{{")*len(value); b.Len() > limit {
			t.Fatalf("accepted %q, which prints %d bytes (over %d)", text, b.Len(), limit)
		}
	})
}
