package publish

import (
	"fmt"
	"strings"
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
					Input: strings.Repeat("a", 64), Size: 123456, MTime: 1764100000123456789, SHA256: strings.Repeat("b", 64),
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
