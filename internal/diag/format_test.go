package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestTextExcerpt(t *testing.T) {
	src := map[string][]byte{
		"a.yaml": []byte("id: x\n\tbad: tab\nlong: " + strings.Repeat("word ", 100) + "end\n"),
	}
	ds := []Diagnostic{
		Errorf(Pos{"a.yaml", 2, 2}, "tab-indent", "tab"),
		Warnf(Pos{"a.yaml", 3, 500}, "too-long", "long"),
		Errorf(Pos{"a.yaml", 9, 1}, "gone", "line past the end"),
		Errorf(Pos{File: "a.yaml"}, "file", "whole file"),
	}
	var b bytes.Buffer
	if err := Text(&b, ds, Options{Source: func(f string) []byte { return src[f] }}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// The caret keeps the tab, so it lines up under the column.
	if !strings.Contains(out, "    2 | \tbad: tab\n      | \t^\n") {
		t.Errorf("tab excerpt wrong:\n%s", out)
	}
	// A very long line is cut around the column, which stays visible.
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(line)) > 200 {
			t.Errorf("excerpt line not shortened: %d characters", len([]rune(line)))
		}
	}
	if !strings.Contains(out, "a.yaml:9:1: error: line past the end [gone]\na.yaml: error: whole file [file]\n") {
		t.Errorf("diagnostics without an excerpt wrong:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	d := Errorf(Pos{"dir,x/a:b.yaml", 1, 2}, "code", "%s", "100% wrong\nsecond line")
	if err := GitHub(&b, []Diagnostic{d}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2Cx/a%3Ab.yaml,line=1,col=2,title=code::100%25 wrong%0Asecond line\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestEmptyOutputsAreValid(t *testing.T) {
	var j, s bytes.Buffer
	if err := JSON(&j, nil); err != nil || strings.TrimSpace(j.String()) != "[]" {
		t.Errorf("JSON of nothing: %q, %v", j.String(), err)
	}
	if err := SARIF(&s, nil, Options{Version: "1"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct{ Results []any }
	}
	if err := json.Unmarshal(s.Bytes(), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Results == nil {
		t.Errorf("SARIF of nothing: %s, %v", s.String(), err)
	}
}

func TestSortAndStrict(t *testing.T) {
	ds := []Diagnostic{
		Warnf(Pos{"b", 1, 1}, "w", "w"),
		Errorf(Pos{"a", 2, 1}, "e", "e"),
		Errorf(Pos{"a", 1, 5}, "e", "e"),
	}
	Sort(ds)
	if ds[0].Pos.Line != 1 || ds[0].Pos.File != "a" || ds[2].Pos.File != "b" {
		t.Errorf("not sorted: %v", ds)
	}
	if HasErrors(ds[2:]) {
		t.Error("a warning counted as an error")
	}
	Strict(ds)
	if Count(ds, Error) != 3 {
		t.Error("Strict left a warning")
	}
}

// SARIF rules come from the table: a summary, a link to the code's row in
// the docs and the default level, so code scanning can explain each one.
func TestSARIFRulesFromTable(t *testing.T) {
	var s bytes.Buffer
	ds := []Diagnostic{Errorf(Pos{"a.yaml", 1, 1}, UnknownField, "x"), Warnf(Pos{"a.yaml", 2, 1}, BOM, "y")}
	if err := SARIF(&s, ds, Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						HelpURI          string
						Default          struct{ Level string } `json:"defaultConfiguration"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal(s.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != 2 {
		t.Fatalf("want 2 rules, got %+v", rules)
	}
	for i, code := range []string{UnknownField, BOM} {
		want, _ := RuleFor(code)
		got := rules[i]
		if got.ID != code || got.ShortDescription.Text != want.Summary || got.HelpURI != DocsURL+"#"+code || got.Default.Level != want.Severity.String() {
			t.Errorf("rule %d = %+v, want %+v", i, got, want)
		}
	}
}
