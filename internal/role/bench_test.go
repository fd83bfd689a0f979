package role

import (
	"os"
	"testing"
)

// BenchmarkLoad loads and validates one shipped role file.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("../../roles/sales-manager.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := Load("roles/sales-manager.yaml", data); len(ds) > 0 {
			b.Fatal(ds)
		}
	}
}

// BenchmarkDigest digests one shipped role, as check does for every role
// with a recorded approval.
func BenchmarkDigest(b *testing.B) {
	data, err := os.ReadFile("../../roles/sales-manager.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r, _ := Load("roles/sales-manager.yaml", data)
	b.ReportAllocs()
	for b.Loop() {
		r.Digest()
	}
}
