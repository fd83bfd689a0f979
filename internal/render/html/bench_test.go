package html

import (
	"io"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// BenchmarkRender renders one role page per language.
func BenchmarkRender(b *testing.B) {
	docs := fixture.Documents(b, "sales-manager")
	r := renderer(b)
	for _, lang := range []string{"en", "ar"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.Document(io.Discard, docs[lang]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
