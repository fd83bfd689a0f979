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

// BenchmarkNoOpBuild runs 'roledoc build' with nothing to do on a
// synthetic project of 1,000 roles (HTML only, so that setting it up is
// quick): loading and checking, fingerprints, the manifest and a look at
// every output.
func BenchmarkNoOpBuild(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Generate(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	off := false
	build := func() {
		if code := Main(Env{Args: []string{"build", "-q", "--format", "html"}, Stdout: io.Discard, Stderr: io.Discard, Dir: dir, Terminal: &off}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	build()
	for b.Loop() {
		build()
	}
}

// The synthetic corpus the benchmarks and bench/gen use checks clean: no
// error and no warning, so what they measure is a clean project's check.
func TestCorpusChecksClean(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 12, 1); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, dir, false, "check"); code != ExitOK || out != "" {
		t.Errorf("check of a generated corpus: exit %d\n%s%s", code, out, errOut)
	}
}
