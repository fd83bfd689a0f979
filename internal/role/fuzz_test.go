package role

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/diag"
)

// FuzzLoad feeds arbitrary bytes to the loader, seeded from every test file.
// The loader must never panic, and every diagnostic must carry the file name,
// a position inside the input and a code from the diag table.
func FuzzLoad(f *testing.F) {
	for _, glob := range []string{"../../testdata/bad/*.yaml", "../../testdata/good/*.yaml", "../../roles/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ds []diag.Diagnostic
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, ds = Load("fuzz.yaml", data)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			// A hang is a bug as much as a panic; fail so the input is kept.
			t.Fatalf("Load did not return within 10s on %q", data)
		}
		// YAML counts CR, LF and CRLF as line breaks.
		lines := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
		for _, d := range ds {
			if d.Pos.File != "fuzz.yaml" || d.Code == "" || d.Message == "" {
				t.Fatalf("malformed diagnostic %+v", d)
			}
			if _, ok := diag.RuleFor(d.Code); !ok {
				t.Fatalf("code %q is not in diag.Rules: %v", d.Code, d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Fatalf("line %d outside a %d-line input: %v", d.Pos.Line, lines, d)
			}
		}
	})
}
