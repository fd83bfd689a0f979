package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/role"
)

// shipped loads the repository's roles and catalogs.
func shipped(t *testing.T) (*role.Set, map[string]*Catalog) {
	t.Helper()
	cfgData, err := os.ReadFile("../../roledoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := role.LoadConfig("roledoc.yaml", cfgData)
	roles, rds := role.LoadFS(os.DirFS("../../roles"), ".", "roles")
	set, sds := role.NewSet(cfg, roles)
	cats, cds := LoadCatalogs(os.DirFS("../../locales"), ".", "locales")
	if all := slices.Concat(ds, rds, sds, cds); len(all) > 0 {
		t.Fatalf("shipped project has problems: %v", all)
	}
	return set, cats
}

func TestShippedCatalogsComplete(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	for _, tag := range []string{"id", "nl", "ar", "tl"} {
		c := cats[tag]
		if c == nil {
			t.Fatalf("no catalog for %s", tag)
		}
		st := CoverageOf(src, c)
		if st.Translated != st.Total || len(st.Stale) > 0 || len(st.Orphans) > 0 {
			t.Errorf("%s: %d/%d translated, %d stale, %d orphans", tag, st.Translated, st.Total, len(st.Stale), len(st.Orphans))
		}
		if ds := Check(src, c); len(ds) > 0 {
			t.Errorf("%s: %v", tag, ds)
		}
	}
}

// Editing one English duty makes exactly that message stale, in every
// language.
func TestEditingOneDutyMakesItStale(t *testing.T) {
	set, cats := shipped(t)
	r, _ := set.Role("sales-manager")
	r.Duties[0].Text += " Also at trade fairs."
	src := SourceMessages(set)
	for _, tag := range []string{"id", "nl", "ar", "tl"} {
		st := CoverageOf(src, cats[tag])
		var ids []string
		for _, p := range st.Stale {
			ids = append(ids, p.ID)
		}
		if want := []string{"sales-manager.duties." + r.Duties[0].ID}; !slices.Equal(ids, want) {
			t.Errorf("%s: stale = %v, want %v", tag, ids, want)
		}
	}
}

func TestMergeAndExtractAreIdempotent(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	for name, data := range Extract(src) {
		onDisk, err := os.ReadFile(filepath.Join("../../locales/en", name))
		if err != nil || !bytes.Equal(onDisk, data) {
			t.Errorf("locales/en/%s is not what extract writes", name)
		}
	}
	for tag, c := range cats {
		for name, data := range Merged(src, c) {
			onDisk, err := os.ReadFile(filepath.Join("../../locales", tag, name))
			if err != nil || !bytes.Equal(onDisk, data) {
				t.Errorf("locales/%s/%s changes on merge", tag, name)
			}
		}
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	for tag, c := range cats {
		x := Export(src, c)
		im, err := Import(x, src, c)
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if im.Imported != 0 || len(im.Skipped) != 0 {
			t.Errorf("%s: an unchanged export imports as %s", tag, im.Summary())
		}
		back := &Catalog{Lang: c.Lang, Dir: c.Dir, Msgs: im.Msgs}
		for name, data := range Merged(src, back) {
			if want := Merged(src, c)[name]; !bytes.Equal(data, want) {
				t.Errorf("%s/%s changed after export and import", tag, name)
			}
		}
		if again := Export(src, back); !bytes.Equal(again, x) {
			t.Errorf("%s: second export differs", tag)
		}
	}
}

// Bad catalogs: each file under testdata/i18n/<case>/ar/ gives its
// diagnostic with a position.
func TestBadCatalogs(t *testing.T) {
	set, _ := shipped(t)
	src := SourceMessages(set)
	tests := []struct {
		dir, code string
		line, col int
	}{
		{"malformed", "yaml-syntax", 2, 1},
		{"duplicate", "duplicate-key", 3, 1},
		{"unknown-plural", "unknown-plural", 3, 3},
		{"invalid-plural", "invalid-plural", 3, 8},
		{"broken-template", "broken-template", 2, 10},
		{"placeholder", "placeholder-mismatch", 2, 10},
		{"wrong-script", "wrong-script", 1, 33},
		{"orphan", "orphan-key", 1, 1},
		{"nested", "wrong-type", 2, 3},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			root := filepath.Join("../../testdata/i18n", tc.dir)
			cats, ds := LoadCatalogs(os.DirFS(root), ".", "locales")
			if c := cats["ar"]; c != nil {
				ds = append(ds, Check(src, c)...)
			}
			for _, d := range ds {
				if d.Code == tc.code && d.Pos.Line == tc.line && d.Pos.Col == tc.col && strings.HasPrefix(d.Pos.File, "locales/ar/") {
					return
				}
			}
			t.Errorf("want [%s] at %d:%d; got:\n%s", tc.code, tc.line, tc.col, dumpNotMissing(ds))
		})
	}
}

func TestBadLanguageDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"xx-!!", "fil"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, ds := LoadCatalogs(os.DirFS(dir), ".", "locales")
	var codes []string
	for _, d := range ds {
		codes = append(codes, d.Pos.File+" "+d.Code)
	}
	want := []string{"locales/fil invalid-language", "locales/xx-!! invalid-language"}
	if !slices.Equal(codes, want) {
		t.Errorf("got %v, want %v", codes, want)
	}
}

func dumpNotMissing(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		if d.Code != "missing-translation" {
			b.WriteString(d.String() + "\n")
		}
	}
	return b.String()
}

// Loading for rendering keeps less but reports the same problems as
// loading for checks: duplicates across files, of an empty message, among
// obsolete ones and in the interface.
func TestLoadTextsReportsAsLoadCatalogs(t *testing.T) {
	fsys := fstest.MapFS{
		"nl/ui.yaml":                  {Data: []byte("ui.kind:\n  other: Functie\nui.kind:\n  other: Functie 2\nui.section.duties:\n  other: '{{range 3}}x{{end}}'\n")},
		"nl/roles/a.yaml":             {Data: []byte("a.title:\n  other: Een\na.duties.x:\n  other: \"\"\n")},
		"nl/roles/b.yaml":             {Data: []byte("a.title:\n  other: Twee\na.duties.x:\n  other: Taak\nb.title:\n  other: Bee\n")},
		"nl/obsolete/roles/a.yaml":    {Data: []byte("a.old:\n  other: Oud\n")},
		"nl/obsolete/roles/b.yaml":    {Data: []byte("a.old:\n  other: Ouder\n")},
		"nl/roles/broken.yaml":        {Data: []byte("c.title: [\n")},
		"nl/obsolete/roles/same.yaml": {Data: []byte("b.title:\n  other: Bee\n")},
		"nl/roles/c.yaml":             {Data: []byte("c.title:\n  other: '{{range 3}}x{{end}}'\nc.duties.y:\n  one: Een\n  other: Veel\n")},
	}
	cats, want := LoadCatalogs(fsys, ".", "locales")
	texts, got := LoadTexts(fsys, ".", "locales")
	diag.Sort(want)
	diag.Sort(got)
	if len(want) < 4 {
		t.Fatalf("LoadCatalogs found %d problems, want at least 4: %v", len(want), want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadTexts reports\n%v\nLoadCatalogs\n%v", got, want)
	}
	nl := texts["nl"]
	if full := cats["nl"].Texts().Errors; len(full) < 2 || !reflect.DeepEqual(nl.Errors, full) {
		t.Errorf("errors in the texts:\n%v\nin the catalog's:\n%v", nl.Errors, full)
	}
	if nl.Text["a.title"] != "Een" || nl.Text["b.title"] != "Bee" || len(nl.UI) != 2 {
		t.Errorf("texts: %v, %d interface messages", nl.Text, len(nl.UI))
	}
	if _, ok := nl.Text["a.duties.x"]; ok {
		t.Errorf("a.duties.x is empty where first defined, yet has a text: %q", nl.Text["a.duties.x"])
	}
}

// A linked language directory, inside the project or out, is not read,
// and said.
func TestLinkedLanguageDirectoryIsNamed(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"locales/ar", "elsewhere/nl"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "elsewhere/nl/ui.yaml"), []byte("ui.kind: Functieomschrijving\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../elsewhere/nl", filepath.Join(dir, "locales/nl")); err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README"), []byte("notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link to a file is no language, and not worth a word.
	if err := os.Symlink("../README", filepath.Join(dir, "locales/README")); err != nil {
		t.Fatal(err)
	}
	cats, ds := LoadCatalogs(os.DirFS(filepath.Join(dir, "locales")), ".", "locales")
	if cats["nl"] != nil {
		t.Error("the linked directory was read")
	}
	if len(ds) != 1 || ds[0].Code != diag.SymlinkDir || ds[0].Pos.File != "locales/nl" {
		t.Errorf("got %v, want one symlink-dir at locales/nl", ds)
	}
}
