// Package yamlfast owns reading the plain block subset of YAML that role
// files and catalogs are written in, several times faster than yaml.v3
// and into the same nodes; callers fall back to yaml.v3 for anything else.
package yamlfast

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Parse builds the node tree of a document written in plain block YAML: "key: value" and "key:" lines, nested by indentation, lists of
// "- " items, comment lines, and values that are plain or quoted without
// escapes. For such files it gives the same nodes, with the same
// positions, as yaml.v3, several times faster; with a thousand roles the
// parse is most of a check. Anything else (flow collections, block
// scalars, anchors, trailing comments, tabs, several documents) returns
// ok=false and the file goes through yaml.v3. A differential fuzz test
// keeps the two in agreement.
func Parse(data []byte) (root *yaml.Node, ok bool) {
	text := string(data)
	if strings.ContainsAny(text, "\t\r") || strings.Contains(text, "---") || !Printable(text) {
		return nil, false
	}
	p := &fastParser{}
	for n := 1; len(text) > 0; n++ {
		var ln string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			ln, text = text[:i], text[i+1:]
		} else {
			ln, text = text, ""
		}
		body := strings.TrimLeft(ln, " ")
		if body == "" || body[0] == '#' {
			continue
		}
		p.lines = append(p.lines, fastLine{n: n, indent: len(ln) - len(body), text: body})
	}
	if len(p.lines) == 0 || p.lines[0].indent != 0 {
		return nil, false
	}
	root = p.mapping(0)
	if p.failed || p.pos != len(p.lines) || root == nil {
		return nil, false
	}
	return root, true
}

type fastLine struct {
	n, indent int
	text      string
}

type fastParser struct {
	lines  []fastLine
	pos    int
	failed bool
}

// mapping reads "key: ..." lines at exactly this indentation.
func (p *fastParser) mapping(indent int) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for p.pos < len(p.lines) && !p.failed {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent || strings.HasPrefix(l.text, "- ") || l.text == "-" {
			p.failed = true
			break
		}
		key, rest, ok := SplitKey(l.text)
		if !ok {
			p.failed = true
			break
		}
		if len(m.Content) == 0 {
			m.Line, m.Column = l.n, indent+1
		}
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: key, Line: l.n, Column: indent + 1}
		k.Tag = k.ShortTag() // keys resolve like any plain scalar
		p.pos++
		var v *yaml.Node
		if rest != "" {
			v = scalarNode(rest, l.n, indent+len(key)+3)
			if v == nil {
				p.failed = true
				break
			}
		} else {
			v = p.block(indent)
			if v == nil {
				p.failed = true
				break
			}
		}
		m.Content = append(m.Content, k, v)
	}
	if len(m.Content) == 0 {
		return nil
	}
	return m
}

// block reads the value below "key:" at indent: a list (which may sit at
// the key's own indentation) or a deeper mapping. An empty value, a null,
// is left to yaml.v3.
func (p *fastParser) block(indent int) *yaml.Node {
	if p.pos >= len(p.lines) {
		return nil
	}
	l := p.lines[p.pos]
	isItem := strings.HasPrefix(l.text, "- ")
	switch {
	case isItem && l.indent >= indent:
		return p.sequence(l.indent)
	case !isItem && l.indent > indent:
		return p.mapping(l.indent)
	}
	return nil
}

// sequence reads "- " items at exactly this indentation.
func (p *fastParser) sequence(indent int) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.lines[p.pos].n, Column: indent + 1}
	for p.pos < len(p.lines) && !p.failed {
		l := p.lines[p.pos]
		if l.indent != indent || !strings.HasPrefix(l.text, "- ") {
			if l.indent > indent {
				p.failed = true
			}
			break
		}
		rest := strings.TrimLeft(l.text[2:], " ")
		col := indent + len(l.text) - len(rest) // 0-based column of the item
		if _, _, isKey := SplitKey(rest); isKey {
			// "- key: value": a mapping whose keys line up after "- ".
			p.lines[p.pos] = fastLine{n: l.n, indent: col, text: rest}
			item := p.mapping(col)
			if item == nil {
				p.failed = true
				break
			}
			s.Content = append(s.Content, item)
			continue
		}
		v := scalarNode(rest, l.n, col+1)
		if v == nil {
			p.failed = true
			break
		}
		s.Content = append(s.Content, v)
		p.pos++
	}
	return s
}

// SplitKey splits "key: rest" or "key:" where key is a plain word.
func SplitKey(line string) (key, rest string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 1000 {
		return "", "", false
	}
	key = line[:i]
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return "", "", false
		}
	}
	if key[0] == '-' || key[0] == '.' {
		return "", "", false
	}
	rest = line[i+1:]
	if rest == "" {
		return key, "", true
	}
	if rest[0] != ' ' || len(rest) < 2 || rest[1] == ' ' {
		return "", "", false
	}
	return key, rest[1:], true
}

// Scalar reads a value that needs no YAML machinery: plain text, or text
// in quotes without escapes. ok is false for anything else, including
// plain spellings yaml.v3 reads as null, true/false or special floats.
func Scalar(s string) (value string, ok bool) {
	n := scalarNode(s, 0, 0)
	if n == nil {
		return "", false
	}
	return n.Value, true
}

// scalarNode reads a value that needs no YAML machinery; nil otherwise.
// Plain values keep no tag, so yaml.v3 resolves them (int, timestamp,
// null) exactly as it would have.
func scalarNode(s string, line, col int) *yaml.Node {
	if s == "" {
		return nil
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col}
	switch s[0] {
	case '"':
		if len(s) < 2 || s[len(s)-1] != '"' || strings.ContainsAny(s[1:len(s)-1], "\"\\") {
			return nil
		}
		n.Value, n.Tag, n.Style = s[1:len(s)-1], "!!str", yaml.DoubleQuotedStyle
		return n
	case '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' || strings.Contains(strings.ReplaceAll(s[1:len(s)-1], "''", ""), "'") {
			return nil
		}
		n.Value, n.Tag, n.Style = strings.ReplaceAll(s[1:len(s)-1], "''", "'"), "!!str", yaml.SingleQuotedStyle
		return n
	}
	if strings.ContainsAny(s[:1], "!&*[]{}|>%@`#,?:-~") || strings.Contains(s, ": ") || strings.Contains(s, " #") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return nil
	}
	n.Value = s
	n.Tag = n.ShortTag() // what yaml.v3 resolves a plain scalar to
	if slices.Contains([]string{"!!null", "!!bool", "!!float"}, n.Tag) && !isPlainNumber(s) {
		return nil // spellings such as yes, ~ or .inf: leave them to yaml.v3
	}
	return n
}

func isPlainNumber(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// Printable reports whether text holds only characters YAML allows and no
// line breaks but LF (YAML also breaks lines at NEL, U+2028 and U+2029).
func Printable(text string) bool {
	for _, r := range text {
		switch {
		case r == '\n', r >= 0x20 && r < 0x7F:
		case r == 0x2028, r == 0x2029:
			return false
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}
