package role

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/yamlsrc"
)

var update = flag.Bool("update", false, "rewrite golden files")

// badCases are the hostile and mistaken inputs under testdata/bad, each with
// the diagnostic it must produce.
var badCases = []struct {
	file      string
	code      string
	line, col int
}{
	{"malformed.yaml", "yaml-syntax", 2, 1},
	{"tab-indent.yaml", "tab-indent", 3, 1},
	{"duplicate-key.yaml", "duplicate-key", 3, 1},
	{"unknown-field.yaml", "unknown-field", 3, 1},
	{"wrong-type.yaml", "wrong-type", 3, 3},
	{"empty.yaml", "empty-file", 1, 1},
	{"list.yaml", "wrong-type", 1, 1},
	{"invalid-utf8.yaml", "invalid-utf8", 2, 14},
	{"bom.yaml", "bom", 1, 1},
	{"binary.yaml", "binary-file", 2, 1},
	{"alias-bomb.yaml", "yaml-alias", 3, 8},
	{"path-id.yaml", "invalid-id", 1, 5},
	{"upper-id.yaml", "invalid-id", 1, 5},
	{"con.yaml", "invalid-id", 1, 5},
	{"long-line.yaml", "too-long", 5, 11},
	{"multi-doc.yaml", "multiple-documents", 3, 1},
	{"utf16.yaml", "encoding", 1, 1},
	{"over-indent.yaml", "yaml-syntax", 5, 4},
	{"duplicate-item.yaml", "duplicate-id", 5, 9},
	{"years-in-words.yaml", "wrong-type", 4, 21},
	{"unquoted-version.yaml", "wrong-type", 2, 10},
	{"unquoted-version.yaml", "invalid-date", 3, 12},
}

func loadBad(t *testing.T, file string) []diag.Diagnostic {
	t.Helper()
	name := "testdata/bad/" + file
	data, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	_, ds := Load(name, data)
	return ds
}

func TestLoadBadInput(t *testing.T) {
	for _, tc := range badCases {
		t.Run(tc.file, func(t *testing.T) {
			ds := loadBad(t, tc.file)
			for _, d := range ds {
				if d.Code == tc.code && d.Pos.Line == tc.line && d.Pos.Col == tc.col {
					return
				}
			}
			t.Errorf("want [%s] at %d:%d; got:\n%s", tc.code, tc.line, tc.col, dump(ds))
		})
	}
}

// TestBadInputFormats pins every bad case in all four output formats.
func TestBadInputFormats(t *testing.T) {
	var all []diag.Diagnostic
	loaded := map[string]bool{}
	for _, tc := range badCases {
		if !loaded[tc.file] {
			loaded[tc.file] = true
			all = append(all, loadBad(t, tc.file)...)
		}
	}
	for _, format := range diag.Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := diag.Write(&buf, format, all, diag.Options{Version: "test"}); err != nil {
				t.Fatal(err)
			}
			for _, tc := range badCases {
				if !containsPos(t, format, buf.String(), tc.file, tc.line, tc.col) {
					t.Errorf("%s output lacks %s at %d:%d", format, tc.file, tc.line, tc.col)
				}
			}
			golden(t, filepath.Join("..", "..", "testdata", "bad", "want."+format), buf.Bytes())
		})
	}
}

// containsPos reads the output back in its own format and looks for the
// file and position.
func containsPos(t *testing.T, format, out, file string, line, col int) bool {
	t.Helper()
	f := "testdata/bad/" + file
	switch format {
	case "text":
		return strings.Contains(out, f+":"+itoa(line)+":"+itoa(col)+":")
	case "github":
		// Past GitHub's 10 annotations per severity, a plain log line.
		return strings.Contains(out, "file="+f+",line="+itoa(line)+",col="+itoa(col)+",") ||
			strings.Contains(out, "\n"+f+":"+itoa(line)+":"+itoa(col)+": ")
	case "json":
		var ds []struct {
			File      string
			Line, Col int
		}
		if err := json.Unmarshal([]byte(out), &ds); err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.File == f && d.Line == line && d.Col == col {
				return true
			}
		}
	case "sarif":
		var log struct {
			Version string
			Runs    []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" {
			t.Fatalf("bad SARIF (version %q): %v", log.Version, err)
		}
		for _, r := range log.Runs[0].Results {
			pl := r.Locations[0].PhysicalLocation
			if pl.ArtifactLocation.URI == f && pl.Region.StartLine == line && pl.Region.StartColumn == col {
				return true
			}
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from output (run go test ./internal/role -update to refresh); got:\n%s", path, got)
	}
}

func TestLoadTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte("# padding line\n"), yamlsrc.MaxFileSize/15+2)
	_, ds := Load("big.yaml", data)
	if len(ds) != 1 || ds[0].Code != "file-too-large" {
		t.Fatalf("got %s", dump(ds))
	}
}

// Markup and template syntax are text: the loader keeps them as written and
// the renderers escape them.
func TestLoadKeepsMarkupAsText(t *testing.T) {
	data, err := os.ReadFile("../../testdata/good/markup.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, ds := Load("testdata/good/markup.yaml", data)
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics:\n%s", dump(ds))
	}
	want := `Searches for <script>alert("x")</script> customers & {{template "x"}} leads.`
	if r.Duties[0].Text != want {
		t.Errorf("duty = %q, want %q", r.Duties[0].Text, want)
	}
}

func TestShippedRolesAreClean(t *testing.T) {
	cfgData, err := os.ReadFile("../../roledoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := LoadConfig("roledoc.yaml", cfgData)
	roles, rds := LoadFS(os.DirFS("../../roles"), ".", "roles")
	ds = append(ds, rds...)
	set, sds := NewSet(cfg, roles)
	ds = append(ds, sds...)
	if len(ds) > 0 {
		t.Fatalf("shipped roles have problems:\n%s", dump(ds))
	}
	if len(set.Roles) != 4 {
		t.Fatalf("got %d roles, want 4", len(set.Roles))
	}
	for _, r := range set.Roles {
		if n := len(r.Duties); n < 8 || n > 15 {
			t.Errorf("%s has %d duties, want 8-15", r.ID, n)
		}
		if len(r.Rights) < 5 || len(r.Responsibilities) < 5 || len(r.Criteria) < 5 {
			t.Errorf("%s needs at least 5 rights, responsibilities and criteria", r.ID)
		}
	}
}

func dump(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}
