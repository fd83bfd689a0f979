package diag

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and the generated docs table")

const roleFormat = "../../docs/role-format.md"

// codesTable renders Rules as the Markdown table the docs hold, one row
// and one anchor per code, so every code's help link lands on its row.
func codesTable() []byte {
	var b bytes.Buffer
	b.WriteString("| code | severity | meaning |\n| --- | --- | --- |\n")
	for _, r := range Rules {
		sev := r.Severity.String()
		switch {
		case r.Translation:
			sev += " (error with `--strict-translations`)"
		case r.Severity == Warning:
			sev += " (error with `--strict`)"
		}
		fmt.Fprintf(&b, "| <a id=\"%s\"></a>`%s` | %s | %s |\n", r.Code, r.Code, sev, r.Summary)
	}
	return b.Bytes()
}

// The docs list exactly the codes of the table, with the same severity and
// summary: the table is the source and -update copies it into the docs.
func TestDocsListEveryCode(t *testing.T) {
	doc, err := os.ReadFile(roleFormat)
	if err != nil {
		t.Fatal(err)
	}
	begin, end := []byte("<!-- codes:begin -->\n"), []byte("<!-- codes:end -->")
	i, j := bytes.Index(doc, begin), bytes.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q and %q markers", roleFormat, begin, end)
	}
	got, want := doc[i+len(begin):j], codesTable()
	if *update {
		out := append(append(append([]byte{}, doc[:i+len(begin)]...), want...), doc[j:]...)
		if err := os.WriteFile(roleFormat, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| <a id=\"[^\"]*\"></a>`([^`]+)`").FindAllSubmatch(got, -1) {
		listed[string(m[1])] = true
	}
	for _, r := range Rules {
		if !listed[r.Code] {
			t.Errorf("%s does not list %s", roleFormat, r.Code)
		}
	}
	for code := range listed {
		if _, ok := RuleFor(code); !ok {
			t.Errorf("%s lists %s, which diag.Rules lacks", roleFormat, code)
		}
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the codes table in %s differs from diag.Rules; run go test ./internal/diag -update", roleFormat)
	}
}

func TestRulesAreUnique(t *testing.T) {
	code := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Code] || !code.MatchString(r.Code) || r.Summary == "" || r.Severity == Info {
			t.Errorf("bad or repeated rule %+v", r)
		}
		seen[r.Code] = true
	}
}
