package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// BenchmarkReadManifest reads the manifest of a 10,000-role build (5
// languages, 2 formats): part of every build with nothing to do.
func BenchmarkReadManifest(b *testing.B) {
	dir := b.TempDir()
	m := &manifest{Version: manifestVersion, Files: map[string]entry{}}
	for i := range 10000 {
		for _, lang := range []string{"en", "id", "nl", "ar", "tl"} {
			for _, ext := range []string{"html", "pdf"} {
				m.Files[fmt.Sprintf("%s/role-%05d.%s", lang, i, ext)] = entry{
					Input: hash(fmt.Sprint(i)), Size: 123456, MTime: 1764100000123456789, SHA256: hash(lang, ext),
				}
			}
		}
	}
	if err := m.write(dir); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if got := readManifest(dir); len(got.Files) != len(m.Files) {
			b.Fatalf("%d entries, want %d", len(got.Files), len(m.Files))
		}
	}
}

func TestManifestRoundTrip(t *testing.T) {
	m := &manifest{Version: manifestVersion, Files: map[string]entry{
		"en/a.pdf": {Input: hash("a"), Size: 12, MTime: 34, SHA256: hash("content")},
	}}
	dir := t.TempDir()
	if err := m.write(dir); err != nil {
		t.Fatal(err)
	}
	if got := readManifest(dir); !reflect.DeepEqual(got, m) {
		t.Errorf("read %+v, wrote %+v", got, m)
	}
	// Anything else reads as empty: a full render, never a wrong skip.
	for _, data := range []string{
		`{"en/a.pdf": "0123"}`, // version 1: input fingerprints only
		`{"version": 2, "files": {"en/a.pdf": {"input": "zz"}}}`,
		`{"version": 2, "files": `,
	} {
		if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readManifest(dir); len(got.Files) != 0 {
			t.Errorf("%s read as %+v, want empty", data, got)
		}
	}
}
