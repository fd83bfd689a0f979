package yamlsrc

import (
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
	"gopkg.in/yaml.v3"
)

// Pos returns the position of the value at a dotted path such as
// "requirements.field" or "duties[2].text", or of the nearest enclosing
// node that exists when the value is missing.
func Pos(file string, root *yaml.Node, p string) diag.Pos {
	n := Lookup(root, p)
	if n == nil {
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}

// Lookup walks a path of keys and [index] selectors and returns the
// deepest node it reaches: the value node when the path exists, else the
// nearest enclosing node.
func Lookup(n *yaml.Node, p string) *yaml.Node {
	n, _ = Find(n, p)
	return n
}

// Find is Lookup that also says whether the whole path exists.
func Find(n *yaml.Node, p string) (*yaml.Node, bool) {
	if n == nil {
		return nil, false
	}
	for _, seg := range SplitPath(p) {
		if idx, err := strconv.Atoi(seg); err == nil && n.Kind == yaml.SequenceNode {
			if idx < 0 || idx >= len(n.Content) {
				return n, false
			}
			n = n.Content[idx]
			continue
		}
		if n.Kind != yaml.MappingNode {
			return n, false
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				n, found = n.Content[i+1], true
				break
			}
		}
		if !found {
			return n, false
		}
	}
	return n, true
}

// SplitPath splits a path such as "duties[2].text" into its keys and indexes.
func SplitPath(p string) []string {
	p = strings.NewReplacer("[", ".", "]", "").Replace(p)
	return strings.FieldsFunc(p, func(r rune) bool { return r == '.' })
}
