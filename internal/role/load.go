package role

import (
	"errors"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// Load decodes and validates one role file. name is the path shown in
// diagnostics; its base name must match the role id. Load never panics: any
// problem, including a file that is not YAML at all, becomes a diagnostic.
// The role is nil only when nothing could be decoded.
func Load(name string, data []byte) (*Role, []diag.Diagnostic) {
	r := &Role{File: name, src: data, mu: &sync.Mutex{}}
	root, ds := decode(name, data, r)
	if root == nil {
		return nil, ds
	}
	ds = append(ds, validateStruct(name, root, r, ds)...)
	if want := strings.TrimSuffix(path.Base(name), path.Ext(name)); ValidID(r.ID) && r.ID != want {
		ds = append(ds, diag.Errorf(yamlsrc.Pos(name, root, "id"), diag.IDMismatch,
			"id %q does not match the file name %q; rename the file to %s.yaml or change the id", r.ID, path.Base(name), r.ID))
	}
	diag.Sort(ds)
	return r, ds
}

// LoadConfig decodes and validates roledoc.yaml.
func LoadConfig(name string, data []byte) (*Config, []diag.Diagnostic) {
	c := &Config{File: name}
	root, ds := decode(name, data, c)
	if root == nil {
		return nil, ds
	}
	c.root = root
	ds = append(ds, validateStruct(name, root, c, ds)...)
	diag.Sort(ds)
	return c, ds
}

// Pos returns the position of the value at a dotted path such as
// "requirements.field" or "duties[2].text", or of the nearest enclosing node
// that exists when the value is missing.
func (r *Role) Pos(p string) diag.Pos {
	if r.mu == nil { // a role made in code, not loaded
		return yamlsrc.Pos(r.File, r.root, p)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.root == nil && r.src != nil {
		r.root, _ = yamlsrc.Parse(r.File, r.src, yamlsrc.MaxFileSize)
	}
	return yamlsrc.Pos(r.File, r.root, p)
}

// The validation rules find values by path; these name the source layer's
// lookups for them.
var (
	nodePos   = yamlsrc.Pos
	find      = yamlsrc.Find
	lookup    = yamlsrc.Lookup
	splitPath = yamlsrc.SplitPath
)

// decode parses a file into v, also reporting, with positions, duplicate
// keys, unknown fields and values of the wrong kind.
func decode(name string, data []byte, v any) (*yaml.Node, []diag.Diagnostic) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: name, Line: line, Col: col} }
	root, ds := yamlsrc.Parse(name, data, yamlsrc.MaxFileSize)
	if root == nil {
		return nil, ds
	}
	if root.Kind != yaml.MappingNode {
		return nil, append(ds, diag.Errorf(at(root.Line, root.Column), diag.WrongType,
			"file must be a mapping of fields (key: value), found %s", yamlsrc.KindName(root)))
	}
	w := walker{file: name}
	w.walk(root, reflect.TypeOf(v).Elem())
	ds = append(ds, w.ds...)
	// yaml.v3 leaves a whole mapping empty when it holds a key twice,
	// which would turn one duplicate into a "required" error for every
	// field; the walk has reported it, so decode the first of each.
	if w.duplicates {
		dropDuplicateKeys(root)
	}
	if err := root.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			ds = append(ds, diag.Errorf(at(0, 0), diag.YAMLSyntax, "%v", err))
		} else if len(w.ds) == 0 {
			// The walk reports type errors with columns; this only speaks
			// when yaml.v3 found one the walk did not anticipate.
			for _, e := range te.Errors {
				pos, msg := yamlsrc.ErrorAt(name, data, e)
				ds = append(ds, diag.Errorf(pos, diag.WrongType, "%s", msg))
			}
		}
	}
	return root, ds
}

// walker checks a node tree against the shape of a Go type, reporting every
// mismatch with its position instead of stopping at the first.
type walker struct {
	file string
	ds   []diag.Diagnostic
	// path leads to the node being walked; it is spelled out only for a
	// message, so a clean file costs no strings.
	path       []pathSeg
	duplicates bool // a mapping holds a key twice
}

// A pathSeg is a mapping key, or a list index when key is "".
type pathSeg struct {
	key   string
	index int
}

// name quotes the path for a message, as validation messages do:
// "requirements.experience_years", "duties item 3: text".
func (w *walker) name() string {
	var b strings.Builder
	for _, seg := range w.path {
		if seg.key == "" {
			fmt.Fprintf(&b, "[%d]", seg.index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg.key)
	}
	return strconv.Quote(humanPath(b.String()))
}

func (w *walker) errorf(n *yaml.Node, code, format string, args ...any) {
	w.ds = append(w.ds, diag.Errorf(diag.Pos{File: w.file, Line: n.Line, Col: n.Column}, code, format, args...))
}

// walk checks n against t. Messages name the path to n, so a mistake
// deep in a long file is easy to find.
func (w *walker) walk(n *yaml.Node, t reflect.Type) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // missing; validation reports it if it is required
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			w.errorf(n, diag.WrongType, "%s must be a mapping of fields (%s), found %s", w.name(), strings.Join(fieldsOf(t).names, ", "), yamlsrc.KindName(n))
			return
		}
		fs := fieldsOf(t)
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if prev, dup := seen[k.Value]; dup {
				w.errorf(k, diag.DuplicateKey, "key %q is already set on line %d; remove one of them", k.Value, prev.Line)
				w.duplicates = true
				continue
			}
			seen[k.Value] = k
			ft, ok := fs.types[k.Value]
			if !ok {
				w.errorf(k, diag.UnknownField, "unknown field %q; %s", k.Value, suggest(k.Value, fs.names))
				continue
			}
			w.path = append(w.path, pathSeg{key: k.Value})
			w.walk(val, ft)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			w.errorf(n, diag.WrongType, "%s must be a list (lines starting with \"- \"), found %s", w.name(), yamlsrc.KindName(n))
			return
		}
		for i, c := range n.Content {
			w.path = append(w.path, pathSeg{index: i})
			w.walk(c, t.Elem())
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.String:
		switch {
		case n.Kind != yaml.ScalarNode:
			w.errorf(n, diag.WrongType, "%s must be text, found %s", w.name(), yamlsrc.KindName(n))
		case n.Style == 0 && (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!bool"):
			// YAML reads an unquoted 1.10 as the number 1.1 and the schema
			// refuses it, so check refuses it too, saying how to fix it.
			w.errorf(n, diag.WrongType, "%s must be text, but YAML reads %s as %s; quote it: %q", w.name(), n.Value, yamlsrc.KindName(n), n.Value)
		}
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			w.errorf(n, diag.WrongType, "%s must be a whole number, like 3, found %s", w.name(), describeNode(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			w.errorf(n, diag.WrongType, "%s must be true or false, found %s", w.name(), describeNode(n))
		}
	}
}

// describeNode is kindName with the value of a short scalar.
func describeNode(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" && utf8.RuneCountInString(n.Value) <= 40 {
		return fmt.Sprintf("%s %q", yamlsrc.KindName(n), n.Value)
	}
	return yamlsrc.KindName(n)
}

// dropDuplicateKeys removes the second and later pairs of a key repeated
// in any mapping below n.
func dropDuplicateKeys(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		seen := map[string]bool{}
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if seen[k.Value] {
				continue
			}
			seen[k.Value] = true
			kept = append(kept, k, n.Content[i+1])
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		dropDuplicateKeys(c)
	}
}

type fieldSet struct {
	types map[string]reflect.Type
	names []string
}

var fieldSets sync.Map // reflect.Type -> fieldSet

// fieldsOf lists the YAML keys a struct accepts.
func fieldsOf(t reflect.Type) fieldSet {
	if fs, ok := fieldSets.Load(t); ok {
		return fs.(fieldSet)
	}
	fs := fieldSet{types: map[string]reflect.Type{}}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "-" || name == "" {
			continue
		}
		fs.types[name] = f.Type
		fs.names = append(fs.names, name)
	}
	fieldSets.Store(t, fs)
	return fs
}

// suggest names the closest known key, or lists them all.
func suggest(got string, known []string) string {
	if best := closest(got, known, 2); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	sorted := slices.Sorted(slices.Values(known))
	return "expected one of: " + strings.Join(sorted, ", ")
}

// closest returns the known word within maxDist edits of got, if any.
func closest(got string, known []string, maxDist int) string {
	best, bestD := "", maxDist+1
	for _, k := range known {
		if d := editDistance(got, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
