package inputfs

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadFile reads a catalog-sized file two directories down, as
// check does thousands of times.
func BenchmarkReadFile(b *testing.B) {
	root := b.TempDir()
	dir := filepath.Join(root, "locales")
	if err := os.MkdirAll(filepath.Join(dir, "nl", "roles"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "nl", "roles", "x.yaml"), make([]byte, 4096), 0o644); err != nil {
		b.Fatal(err)
	}
	guarded, err := New(dir, root)
	if err != nil {
		b.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{"os.DirFS": os.DirFS(dir), "inputfs": guarded} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := fs.ReadFile(fsys, "nl/roles/x.yaml"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
