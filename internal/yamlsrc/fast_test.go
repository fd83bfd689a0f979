package yamlsrc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FuzzParse checks the fast parser against yaml.v3: whatever
// it accepts must give the same nodes, tags, values and positions.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"../../roles/*.yaml", "../../testdata/bad/*.yaml", "../../testdata/good/*.yaml", "../../roledoc.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range append([]string{"a: 1\n", "a:\n- b\n- c\n", "a:\n  - x: 1\n    y: 2\n  - x: 3\n", "a:\n  b: yes\n", "a: 2026-01-01\n", "a: 1.0\n", "a:\n b: c\nd: e\n"}, fastCases...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return // Precheck rejects these before any parser runs
		}
		fast, ok := fastParse(data)
		if !ok {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("fast parser accepted what yaml.v3 rejects (%v):\n%s", err, data)
		}
		if len(doc.Content) == 0 {
			t.Fatalf("fast parser found content yaml.v3 did not:\n%s", data)
		}
		if got, want := dumpNode(fast), dumpNode(doc.Content[0]); got != want {
			t.Fatalf("fast parser differs from yaml.v3 on\n%s\nfast:\n%s\nyaml.v3:\n%s", data, got, want)
		}
	})
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%d %s %q %d:%d style=%d\n", strings.Repeat(" ", depth), n.Kind, n.ShortTag(), n.Value, n.Line, n.Column, n.Style)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func TestParseTakesShippedRoles(t *testing.T) {
	files, _ := filepath.Glob("../../roles/*.yaml")
	for _, file := range append(files, "../../roledoc.yaml") {
		data, _ := os.ReadFile(file)
		if _, ok := fastParse(data); !ok {
			t.Errorf("%s: the fast parser gave up on a shipped file", file)
		}
	}
}

// fastCases are shapes roledoc writes or translators add that the fast path
// must take, not leave to yaml.v3.
var fastCases = []string{
	"a:\n  other: |-\n    one\n\n    two\n  hash: x\n",
	"a:\n  other: |\n    one\n      two\nb: c\n",
	"a:\n  - id: x\n    text: |-\n      one\n      # not a comment\n# a comment\nb: c\n",
	"a: text # a translator's note\nb: \"quoted\" # note\nc: 'it''s' # note\n",
	"a:\n  other: \"\" # to do\n",
	"a: # a note\n  b: c\n",
	"a: null\nb: true\nc:\n  - false\n",
	"languages: [en, id,nl ,  ar] # all of them\nb: 1\n",
}

func TestFastPathTakesWhatRoledocWrites(t *testing.T) {
	for _, s := range fastCases {
		fast, ok := fastParse([]byte(s))
		if !ok {
			t.Errorf("fast path left to yaml.v3:\n%s", s)
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatal(err)
		}
		if got, want := dumpNode(fast), dumpNode(doc.Content[0]); got != want {
			t.Errorf("on\n%s\nfast:\n%s\nyaml.v3:\n%s", s, got, want)
		}
	}
}
