package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestTextExcerpt(t *testing.T) {
	src := map[string][]byte{
		"a.yaml": []byte("id: x\n\tbad: tab\nlong: " + strings.Repeat("word ", 100) + "end\n" +
			"x: \x1b[2Jcost \u202e0001\u202c\n"),
	}
	ds := []Diagnostic{
		Errorf(Pos{"a.yaml", 2, 2}, "tab-indent", "tab"),
		Warnf(Pos{"a.yaml", 3, 500}, "too-long", "long"),
		Errorf(Pos{"a.yaml", 9, 1}, "gone", "line past the end"),
		Errorf(Pos{File: "a.yaml"}, "file", "whole file"),
		Errorf(Pos{"a.yaml", 4, 15}, "bidi-control", "bidi"),
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
	// Escape sequences and bidi controls are not passed to the terminal.
	if !strings.Contains(out, "    4 | x: \uFFFD[2Jcost \uFFFD0001\uFFFD\n      |               ^\n") {
		t.Errorf("control characters not replaced:\n%q", out)
	}
	if !strings.Contains(out, "a.yaml:9:1: error: line past the end [gone]\na.yaml: error: whole file [file]\n") {
		t.Errorf("diagnostics without an excerpt wrong:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	d := Errorf(Pos{"dir,x/a:b.yaml", 1, 2}, "code", "%s", "100% wrong\nsecond line")
	if err := GitHub(&b, []Diagnostic{d}, ""); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2Cx/a%3Ab.yaml,line=1,col=2,title=code::100%25 wrong%0Asecond line\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// A file named to attack the reader's terminal or reorder its line is
// shown escaped in the text and GitHub formats.
func TestHostileFileNamesAreEscaped(t *testing.T) {
	name := "roles/x\x1b]0;pwned\x07\u202e\nlmth.yaml"
	d := Errorf(Pos{name, 6, 5}, "id-mismatch", "m")
	var text, gh bytes.Buffer
	if err := Text(&text, []Diagnostic{d}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := GitHub(&gh, []Diagnostic{d}, ""); err != nil {
		t.Fatal(err)
	}
	for format, out := range map[string]string{"text": text.String(), "github": gh.String()} {
		if strings.ContainsAny(strings.TrimSuffix(out, "\n"), "\x1b\x07\u202e\n") {
			t.Errorf("%s: raw control characters in %q", format, out)
		}
		if !strings.Contains(out, `roles/x\x1b]0;pwned\a\u202e\nlmth.yaml`) {
			t.Errorf("%s: file name not shown escaped: %q", format, out)
		}
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

// Errors come first in every format and text ends with a summary that
// counts what --errors-only leaves out.
func TestErrorsFirstAndSummary(t *testing.T) {
	ds := []Diagnostic{
		Warnf(Pos{"a.yaml", 1, 1}, MissingTranslation, "w1"),
		Errorf(Pos{"b.yaml", 5, 1}, UnknownField, "e1"),
		Warnf(Pos{"a.yaml", 2, 1}, BOM, "w2"),
		Errorf(Pos{"c.yaml", 1, 1}, YAMLSyntax, "e2"),
	}
	var b bytes.Buffer
	if err := Write(&b, "text", ds, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "b.yaml:5:1: error: e1 [unknown-field]\n" +
		"c.yaml:1:1: error: e2 [yaml-syntax]\n" +
		"a.yaml:1:1: warning: w1 [missing-translation]\n" +
		"a.yaml:2:1: warning: w2 [bom]\n" +
		"2 errors and 2 warnings in 3 files\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, "text", ds, Options{MinSeverity: Error}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "warning:") || !strings.HasSuffix(b.String(), "2 errors and 2 warnings (not shown) in 3 files\n") {
		t.Errorf("--errors-only output:\n%s", b.String())
	}
	for _, format := range []string{"json", "sarif"} {
		b.Reset()
		if err := Write(&b, format, ds, Options{}); err != nil {
			t.Fatal(err)
		}
		if i, j := strings.Index(b.String(), "e2"), strings.Index(b.String(), "w1"); i < 0 || j < i {
			t.Errorf("%s: errors not first:\n%s", format, b.String())
		}
	}
}

// GitHub annotates only 10 errors and 10 warnings per step: the rest go
// to the log as plain lines, and a notice states the total.
func TestGitHubWithinLimits(t *testing.T) {
	var ds []Diagnostic
	for i := range 25 {
		ds = append(ds, Warnf(Pos{"locales/ar/roles.yaml", i + 1, 1}, MissingTranslation, "missing %d", i))
	}
	ds = append(ds, Errorf(Pos{"roles/new.yaml", 3, 1}, UnknownField, "the real one"))
	var b bytes.Buffer
	if err := Write(&b, "github", ds, Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[0], "::error file=roles/new.yaml,line=3") {
		t.Errorf("the error is not the first annotation: %s", lines[0])
	}
	if n := strings.Count(b.String(), "::warning "); n != 10 {
		t.Errorf("%d warning annotations, want 10", n)
	}
	if n := strings.Count(b.String(), "warning: missing"); n != 15 {
		t.Errorf("%d warnings as plain lines, want 15", n)
	}
	last := lines[len(lines)-1]
	if last != "::notice title=roledoc::1 error and 25 warnings in 2 files; 15 more than GitHub annotates are listed in the log above" {
		t.Errorf("last line %q", last)
	}
}

// check --strict raises warnings about the inputs, not about
// translations: a role is valid before it is translated.
func TestStrictLeavesTranslations(t *testing.T) {
	ds := []Diagnostic{
		Warnf(Pos{"roles/a.yaml", 1, 1}, BOM, "bom"),
		Warnf(Pos{"locales/ar/roles.yaml", 1, 1}, MissingTranslation, "missing"),
		Warnf(Pos{"locales/en/roles.yaml", 0, 0}, StaleExtract, "stale"),
	}
	StrictInputs(ds)
	if ds[0].Severity != Error || ds[1].Severity != Warning || ds[2].Severity != Warning {
		t.Errorf("after StrictInputs: %v", ds)
	}
	StrictTranslations(ds)
	if Count(ds, Error) != 3 {
		t.Errorf("after StrictTranslations: %v", ds)
	}
}
