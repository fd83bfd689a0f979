package role

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/yamlfast"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a role or config file, so a hostile or mistaken input
// cannot exhaust memory.
const MaxFileSize = 1 << 20

// MaxCatalogSize bounds a catalog file, which holds every role's messages
// in one language: about 1 KiB per role.
const MaxCatalogSize = 64 << 20

// Load decodes and validates one role file. name is the path shown in
// diagnostics; its base name must match the role id. Load never panics: any
// problem, including a file that is not YAML at all, becomes a diagnostic.
// The role is nil only when nothing could be decoded.
func Load(name string, data []byte) (*Role, []diag.Diagnostic) {
	r := &Role{File: name}
	root, ds := decode(name, data, r)
	if root == nil {
		return nil, ds
	}
	r.root = root
	ds = append(ds, validateStruct(name, root, r, ds)...)
	if want := strings.TrimSuffix(path.Base(name), path.Ext(name)); ValidID(r.ID) && r.ID != want {
		ds = append(ds, diag.Errorf(r.Pos("id"), diag.IDMismatch,
			"id %q does not match the file name %q; rename the file to %s.yaml or change the id", r.ID, path.Base(name), r.ID))
	}
	diag.Sort(ds)
	return r, ds
}

// LoadConfig decodes and validates roledoc.yaml.
func LoadConfig(name string, data []byte) (*Config, []diag.Diagnostic) {
	c := &Config{File: name, Digest: digest(data)}
	root, ds := decode(name, data, c)
	if root == nil {
		return nil, ds
	}
	c.root = root
	ds = append(ds, validateStruct(name, root, c, ds)...)
	diag.Sort(ds)
	return c, ds
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Pos returns the position of the value at a dotted path such as
// "requirements.field" or "duties[2].text", or of the nearest enclosing node
// that exists when the value is missing.
func (r *Role) Pos(p string) diag.Pos { return nodePos(r.File, r.root, p) }

func nodePos(file string, root *yaml.Node, p string) diag.Pos {
	n := lookup(root, p)
	if n == nil {
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}

// lookup walks a path of keys and [index] selectors and returns the deepest
// node it reaches: the value node when the path exists, else the nearest
// enclosing node.
func lookup(n *yaml.Node, p string) *yaml.Node {
	n, _ = find(n, p)
	return n
}

// find is lookup that also says whether the whole path exists.
func find(n *yaml.Node, p string) (*yaml.Node, bool) {
	if n == nil {
		return nil, false
	}
	for _, seg := range splitPath(p) {
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

func splitPath(p string) []string {
	p = strings.NewReplacer("[", ".", "]", "").Replace(p)
	return strings.FieldsFunc(p, func(r rune) bool { return r == '.' })
}

// Parse turns a YAML file into its root node, reporting with positions
// what yaml.v3 would stop at or only mention by line: size, encoding,
// syntax, extra documents and aliases. The root is nil when the file holds
// nothing usable. Catalogs share it with role files.
func Parse(name string, data []byte, limit int) (*yaml.Node, []diag.Diagnostic) {
	clean, ds, ok := Precheck(name, data, limit)
	if !ok {
		return nil, ds
	}
	root, more := ParseClean(name, clean)
	return root, append(ds, more...)
}

// Precheck reports what makes a file unreadable as YAML before a parser
// sees it: size, UTF-16, NUL bytes, invalid UTF-8. It strips a UTF-8
// byte-order mark with a warning. ok is false when the file must not be
// parsed.
func Precheck(name string, data []byte, limit int) (clean []byte, ds []diag.Diagnostic, ok bool) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: name, Line: line, Col: col} }
	switch {
	case len(data) > limit:
		return nil, []diag.Diagnostic{diag.Errorf(at(0, 0), diag.FileTooLarge,
			"file is over the %d-byte limit; split it or remove the bulk", limit)}, false
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return nil, []diag.Diagnostic{diag.Errorf(at(1, 1), diag.Encoding, "file is UTF-16; save it as UTF-8")}, false
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		ds = append(ds, diag.Warnf(at(1, 1), diag.BOM, "file starts with a byte-order mark; save it as UTF-8 without BOM"))
		data = data[3:]
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		l, c := lineCol(data, i)
		return nil, append(ds, diag.Errorf(at(l, c), diag.BinaryFile, "file contains a NUL byte and looks binary; role files are UTF-8 text")), false
	}
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		l, c := lineCol(data, i)
		return nil, append(ds, diag.Errorf(at(l, c), diag.InvalidUTF8,
			"invalid UTF-8 byte 0x%02X; save the file as UTF-8", data[i])), false
	}
	return data, ds, true
}

// ParseClean parses prechecked bytes into the root node: a mapping, with
// no aliases.
func ParseClean(name string, data []byte) (*yaml.Node, []diag.Diagnostic) {
	if root, ok := yamlfast.Parse(data); ok {
		return root, nil
	}
	at := func(line, col int) diag.Pos { return diag.Pos{File: name, Line: line, Col: col} }
	var ds []diag.Diagnostic
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, append(ds, diag.Errorf(at(1, 1), diag.EmptyFile, "file is empty; see docs/role-format.md for a complete example"))
		}
		return nil, append(ds, syntaxError(name, data, err))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		ds = append(ds, diag.Errorf(at(extra.Line, extra.Column), diag.MultipleDocuments,
			"file holds more than one YAML document; keep one per file and remove the '---' separator"))
	} else if !errors.Is(err, io.EOF) {
		ds = append(ds, syntaxError(name, data, err))
	}
	if len(doc.Content) == 0 {
		return nil, append(ds, diag.Errorf(at(1, 1), diag.EmptyFile, "file is empty; see docs/role-format.md for a complete example"))
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, append(ds, diag.Errorf(at(root.Line, root.Column), diag.EmptyFile, "file holds no fields; see docs/role-format.md for a complete example"))
	}
	if root.Kind != yaml.MappingNode {
		return nil, append(ds, diag.Errorf(at(root.Line, root.Column), diag.WrongType,
			"file must be a mapping of fields (key: value), found %s", kindName(root)))
	}

	if first, n := aliases(root); n > 0 {
		// Decoding would expand the aliases, and a "billion laughs" file
		// would then take all memory; refuse them before anything else.
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (%d aliases in the file)", n)
		}
		return nil, append(ds, diag.Errorf(at(first.Line, first.Column), diag.YAMLAlias,
			"aliases such as *%s are not supported%s; write each value out in full", first.Value, more))
	}
	return root, ds
}

// decode parses a file into v, also reporting, with positions, duplicate
// keys, unknown fields and values of the wrong kind.
func decode(name string, data []byte, v any) (*yaml.Node, []diag.Diagnostic) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: name, Line: line, Col: col} }
	root, ds := Parse(name, data, MaxFileSize)
	if root == nil {
		return nil, ds
	}
	if root.Kind != yaml.MappingNode {
		return nil, append(ds, diag.Errorf(at(root.Line, root.Column), diag.WrongType,
			"file must be a mapping of fields (key: value), found %s", kindName(root)))
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
				l, msg := splitYAMLError(e)
				ds = append(ds, diag.Errorf(at(l, firstCol(data, l)), diag.WrongType, "%s", msg))
			}
		}
	}
	return root, ds
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func splitYAMLError(s string) (int, string) {
	if m := yamlLineRE.FindStringSubmatch(s); m != nil {
		l, _ := strconv.Atoi(m[1])
		return l, m[2]
	}
	return 0, strings.TrimPrefix(s, "yaml: ")
}

// syntaxError turns a yaml.v3 parse error, which carries only a line, into a
// diagnostic with a column and a hint.
func syntaxError(name string, data []byte, err error) diag.Diagnostic {
	l, msg := splitYAMLError(err.Error())
	if l == 0 {
		return diag.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, diag.YAMLSyntax, "invalid YAML: %s", msg)
	}
	// yaml.v3 reports a tab where the next token should start, often on
	// the line after the one that holds it; look at both.
	for _, cand := range []int{l, l + 1, l - 1} {
		if line, ok := lineBytes(data, cand); ok {
			if i := tabIndent(line); i >= 0 && strings.Contains(msg, "cannot start any token") {
				return diag.Errorf(diag.Pos{File: name, Line: cand, Col: i + 1}, diag.TabIndent,
					"tab used for indentation; YAML needs spaces (set your editor to insert spaces)")
			}
		}
	}
	if d, ok := indentError(name, data, l, msg); ok {
		return d
	}
	return diag.Errorf(diag.Pos{File: name, Line: l, Col: firstCol(data, l)}, diag.YAMLSyntax, "invalid YAML: %s", msg)
}

func tabIndent(line []byte) int {
	for i, b := range line {
		switch b {
		case '\t':
			return i
		case ' ', '-':
			continue
		}
		return -1
	}
	return -1
}

func lineBytes(data []byte, n int) ([]byte, bool) {
	if n < 1 {
		return nil, false
	}
	for i := 1; ; i++ {
		end := bytes.IndexByte(data, '\n')
		if i == n {
			if end < 0 {
				return data, true
			}
			return data[:end], true
		}
		if end < 0 {
			return nil, false
		}
		data = data[end+1:]
	}
}

// firstCol is the column of the first non-blank character of line n.
func firstCol(data []byte, n int) int {
	line, ok := lineBytes(data, n)
	if !ok {
		return 1
	}
	trimmed := bytes.TrimLeft(line, " \t")
	return utf8.RuneCount(line[:len(line)-len(trimmed)]) + 1
}

// lineCol converts a byte offset into a 1-based line and a 1-based column
// counted in characters, as editors show them.
func lineCol(data []byte, off int) (int, int) {
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	seg := before[start:]
	col := 1
	for len(seg) > 0 {
		_, size := utf8.DecodeRune(seg)
		seg = seg[size:]
		col++
	}
	return line, col
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	}
	return "text"
}

// aliases returns the first alias node in document order and how many
// there are, without expanding any.
func aliases(n *yaml.Node) (*yaml.Node, int) {
	if n.Kind == yaml.AliasNode {
		return n, 1
	}
	var first *yaml.Node
	total := 0
	for _, c := range n.Content {
		f, k := aliases(c)
		if first == nil {
			first = f
		}
		total += k
	}
	return first, total
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
			w.errorf(n, diag.WrongType, "%s must be a mapping of fields (%s), found %s", w.name(), strings.Join(fieldsOf(t).names, ", "), kindName(n))
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
			w.errorf(n, diag.WrongType, "%s must be a list (lines starting with \"- \"), found %s", w.name(), kindName(n))
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
			w.errorf(n, diag.WrongType, "%s must be text, found %s", w.name(), kindName(n))
		case n.Style == 0 && (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!bool"):
			// YAML reads an unquoted 1.10 as the number 1.1 and the schema
			// refuses it, so check refuses it too, saying how to fix it.
			w.errorf(n, diag.WrongType, "%s must be text, but YAML reads %s as %s; quote it: %q", w.name(), n.Value, kindName(n), n.Value)
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
		return fmt.Sprintf("%s %q", kindName(n), n.Value)
	}
	return kindName(n)
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
