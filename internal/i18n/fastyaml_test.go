package i18n

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/diag"
	"gopkg.in/yaml.v3"
)

// FuzzFastParse checks the fast catalog parser against yaml.v3: whatever
// it accepts must give the same keys, values and positions.
func FuzzFastParse(f *testing.F) {
	files, _ := filepath.Glob("../../locales/*/*.yaml")
	more, _ := filepath.Glob("../../testdata/i18n/*/*/*.yaml")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"a: b\n", "a:\n  other: 'it''s'\n", "a: \"x\"\n", "a: 'x\n", "a:\n  other: \"\n", "a:\n", "# only\n", "a: -1\n", "a: yes\n", "a:  b\n", "a:\n   other: x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return // role.Precheck rejects these before any parser runs
		}
		fast, ok := fastScan(data)
		if !ok {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("fast parser accepted what yaml.v3 rejects (%v):\n%s", err, data)
		}
		var want []rawMsg
		if len(doc.Content) > 0 {
			var ds []diag.Diagnostic
			want, ds = fromNodes("f", doc.Content[0])
			if len(ds) > 0 {
				t.Fatalf("fast parser accepted a shape yaml.v3's path reports: %v\n%s", ds, data)
			}
		}
		if !reflect.DeepEqual(fast, want) && !(len(fast) == 0 && len(want) == 0) {
			t.Fatalf("fast parser differs from yaml.v3 on\n%s\nfast:    %+v\nyaml.v3: %+v", data, fast, want)
		}
	})
}

func TestFastParseTakesShippedCatalogs(t *testing.T) {
	files, _ := filepath.Glob("../../locales/*/*.yaml")
	for _, file := range files {
		if filepath.Base(file) == GlossaryFile {
			continue // written by hand, with spaces in its keys
		}
		data, _ := os.ReadFile(file)
		if _, ok := fastScan(data); !ok {
			t.Errorf("%s: the fast parser gave up on a catalog roledoc wrote", file)
		}
	}
}
