package pdf

import (
	"io"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// BenchmarkRender renders one two-page job description per language.
func BenchmarkRender(b *testing.B) {
	docs := fixture.Documents(b, "sales-manager")
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.Render(io.Discard, docs[lang]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
