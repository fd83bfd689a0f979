package cli

import (
	"io"
	"strconv"
	"testing"

	"github.com/roledoc/roledoc/internal/corpus"
)

// BenchmarkCheck runs 'roledoc check' on a synthetic project of 1,000 roles
// with complete catalogs in five languages.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(strconv.Itoa(n)+"roles", func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.Generate(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			off := false
			b.ResetTimer()
			for b.Loop() {
				if code := Main(Env{Args: []string{"check"}, Stdout: io.Discard, Stderr: io.Discard, Dir: dir, Terminal: &off}); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
