package yamlsrc_test

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/corpus"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/yamlsrc"
)

// Everything roledoc writes (extract, merge, import, the generated corpus)
// is read by the fast path, including multi-line translations, which are
// written as "|-" blocks, and the trailing comments translators add. A
// file left to yaml.v3 costs several times the time and memory.
func TestFastPathReadsWhatRoledocWrites(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 3, 1); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		// Glossaries are the translators' own files, copied as they are,
		// not something roledoc writes.
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") && d.Name() != "glossary.yaml" {
			files[p], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// Merge and import of translations with several lines.
	set, cats := load(t, dir)
	src := catalog.SourceMessages(set)
	for tag, c := range cats {
		for id, tr := range c.Msgs {
			if strings.HasSuffix(id, ".title") {
				tr.Msg.Other += "\nsecond line\n\nafter a blank line"
			}
		}
		for name, data := range catalog.Merged(src, c) {
			files["merge "+tag+"/"+name] = data
		}
		im, err := catalog.Import(catalog.Export(src, c), src, c)
		if err != nil {
			t.Fatal(err)
		}
		back := &catalog.Catalog{Lang: c.Lang, Dir: c.Dir, Msgs: im.Msgs}
		for name, data := range catalog.Merged(src, back) {
			files["import "+tag+"/"+name] = data
			// A translator's note at the end of a value.
			files["comment "+tag+"/"+name] = bytes.ReplaceAll(data, []byte("\n  hash: "), []byte(" # checked\n  hash: "))
		}
	}
	for name, data := range catalog.Extract(src) {
		files["extract "+name] = data
	}

	multiline := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if _, ok := yamlsrc.FastParse(data); !ok {
			t.Errorf("%s: left to yaml.v3:\n%s", name, data)
		}
		multiline += bytes.Count(data, []byte(": |-\n"))
	}
	if multiline == 0 {
		t.Error("no multi-line translation was written; the test proves nothing")
	}
}

func load(t *testing.T, dir string) (*role.Set, map[string]*catalog.Catalog) {
	t.Helper()
	p, err := project.Resolve(project.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	set, ds, err := p.Load()
	cats, cds := p.LoadCatalogs()
	if err != nil || len(ds)+len(cds) > 0 {
		t.Fatalf("generated project: %v %v %v", err, ds, cds)
	}
	return set, cats
}
