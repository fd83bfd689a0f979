// Package yamlsrc owns reading roledoc's YAML sources (role files,
// catalogs and roledoc.yaml): bytes, prechecks, positioned nodes and
// lookups by path, with one fast path for the plain YAML roledoc writes.
package yamlsrc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/inputfs"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a role, catalog or config file, so a hostile or
// mistaken input cannot exhaust memory. Catalogs are split by role, so no
// file grows with the number of roles.
const MaxFileSize = 1 << 20

// ReadFile reads at most one byte over limit, so the loader can report the
// size without a huge file ever being held in memory.
func ReadFile(fsys fs.FS, name string, limit int) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A buffer of the file's size (thousands of small catalog files are
	// read per check) instead of io.ReadAll's growing one.
	size := 0
	if info, err := f.Stat(); err == nil && info.Size() <= int64(limit) {
		size = int(info.Size())
	}
	var buf bytes.Buffer
	buf.Grow(size + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, int64(limit)+1))
	return buf.Bytes(), err
}

// ReadError is the diagnostic for a file that could not be read, shown as
// name. A refused file gets its own code; no message holds anything read
// from it.
func ReadError(name string, err error) diag.Diagnostic {
	pos := diag.Pos{File: name}
	why := cmp.Or(errors.Unwrap(err), err)
	switch {
	case errors.Is(err, inputfs.ErrNotRegular):
		return diag.Errorf(pos, diag.NotRegularFile, "not read: it is %v; only regular files are read", why)
	case errors.Is(err, inputfs.ErrOutsideRoot):
		return diag.Errorf(pos, diag.OutsideRoot, "not read: %v; copy the file into the project instead", why)
	}
	return diag.Errorf(pos, diag.ReadError, "cannot read: %v", why)
}

// Parse turns a YAML file into its root node, reporting with positions
// what yaml.v3 would stop at or only mention by line: size, encoding,
// syntax, extra documents and aliases. The root is nil when the file holds
// nothing usable. The nodes' values may share memory with data, which
// must not be changed afterwards.
func Parse(name string, data []byte, limit int) (*yaml.Node, []diag.Diagnostic) {
	clean, ds, ok := precheck(name, data, limit)
	if !ok {
		return nil, ds
	}
	root, more := parseClean(name, clean)
	return root, append(ds, more...)
}

// precheck reports what makes a file unreadable as YAML before a parser
// sees it: size, UTF-16, NUL bytes, invalid UTF-8. It strips a UTF-8
// byte-order mark with a warning. ok is false when the file must not be
// parsed.
func precheck(name string, data []byte, limit int) (clean []byte, ds []diag.Diagnostic, ok bool) {
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

// parseClean parses prechecked bytes into the root node: a mapping, with
// no aliases. The fast path reads what roledoc and people write; the rest
// of YAML goes through yaml.v3, one file at a time.
func parseClean(name string, data []byte) (*yaml.Node, []diag.Diagnostic) {
	if root, ok := fastParse(data); ok {
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
			"file must be a mapping of fields (key: value), found %s", KindName(root)))
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

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// ErrorAt splits a yaml.v3 error message, which carries only a line, into
// a position (the line's first character) and the message.
func ErrorAt(name string, data []byte, msg string) (diag.Pos, string) {
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		return diag.Pos{File: name, Line: l, Col: firstCol(data, l)}, m[2]
	}
	return diag.Pos{File: name, Col: 1}, strings.TrimPrefix(msg, "yaml: ")
}

// syntaxError turns a yaml.v3 parse error into a diagnostic with a column
// and a hint.
func syntaxError(name string, data []byte, err error) diag.Diagnostic {
	pos, msg := ErrorAt(name, data, err.Error())
	if pos.Line == 0 {
		return diag.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, diag.YAMLSyntax, "invalid YAML: %s", msg)
	}
	// yaml.v3 reports a tab where the next token should start, often on
	// the line after the one that holds it; look at both.
	for _, cand := range []int{pos.Line, pos.Line + 1, pos.Line - 1} {
		if line, ok := lineBytes(data, cand); ok {
			if i := tabIndent(line); i >= 0 && strings.Contains(msg, "cannot start any token") {
				return diag.Errorf(diag.Pos{File: name, Line: cand, Col: i + 1}, diag.TabIndent,
					"tab used for indentation; YAML needs spaces (set your editor to insert spaces)")
			}
		}
	}
	if d, ok := indentError(name, data, pos.Line, msg); ok {
		return d
	}
	return diag.Errorf(pos, diag.YAMLSyntax, "invalid YAML: %s", msg)
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
	return line, utf8.RuneCount(before[start:]) + 1
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

// KindName says what a node is, in words for a diagnostic.
func KindName(n *yaml.Node) string {
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

// MaxCatalogSize bounds the one-file catalog of the old layout
// (locales/<lang>/roles.yaml), which held every role's messages and is read
// only so that 'roledoc i18n migrate' can split it.
const MaxCatalogSize = 64 << 20
