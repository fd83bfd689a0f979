package yamlsrc

import (
	"slices"
	"strings"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// fastParse builds the node tree of a document written in plain block
// YAML: "key: value" and "key:" lines nested by indentation, lists of "- "
// items, comment lines and trailing comments, values that are plain or
// quoted without escapes, "|" or "|-" literal blocks, and one-line lists
// of words such as "[en, id, nl]". That is what roledoc writes and what
// people write by hand; for it the tree has the same nodes, with the same
// positions, as yaml.v3 gives, several times faster. Anything else (other
// flow collections and block scalars, anchors, tabs, several documents)
// returns ok=false and the file goes through yaml.v3. A differential fuzz
// test keeps the two in agreement.
func fastParse(data []byte) (root *yaml.Node, ok bool) {
	// No copy: every key and value is a substring of data, which callers
	// do not change after parsing (see Parse). At ten thousand roles a
	// copy was a fifth of a check's memory.
	if len(data) == 0 {
		return nil, false
	}
	text := unsafe.String(&data[0], len(data))
	if strings.ContainsAny(text, "\t\r") || strings.Contains(text, "---") || !printable(text) {
		return nil, false
	}
	raw := strings.Split(text, "\n")
	p := &fastParser{lines: make([]fastLine, 0, len(raw))}
	for i := 0; i < len(raw); i++ {
		ln := raw[i]
		body := strings.TrimLeft(ln, " ")
		if body == "" || body[0] == '#' {
			continue
		}
		l := fastLine{n: i + 1, indent: len(ln) - len(body), text: body}
		if keyCol, indicator, ok := blockHeader(l); ok {
			value, used, ok := literal(raw[i+1:], keyCol, indicator)
			if !ok || indicator == "|" && i+used == len(raw)-1 && !strings.HasSuffix(text, "\n") {
				return nil, false // "|" keeps a final line break the file does not have
			}
			l.block = &value
			i += used
		}
		p.lines = append(p.lines, l)
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
	block     *string // the text of a literal block that starts on this line
}

type fastParser struct {
	lines  []fastLine
	pos    int
	failed bool
	slab   []yaml.Node // nodes are allocated in chunks: most of a parse was malloc
}

// node returns a new node holding n.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 2*len(p.lines)+16)
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

// blockHeader reports whether a line ends in a literal block indicator,
// "key: |" or "key: |-" (also after "- "), and at which column the key
// sits: the block's lines must be indented further.
func blockHeader(l fastLine) (keyCol int, indicator string, ok bool) {
	if !strings.HasSuffix(l.text, "|") && !strings.HasSuffix(l.text, "|-") {
		return 0, "", false
	}
	text, col := l.text, l.indent
	if rest, isItem := strings.CutPrefix(text, "- "); isItem {
		trimmed := strings.TrimLeft(rest, " ")
		col += len(text) - len(trimmed)
		text = trimmed
	}
	_, rest, isKey := splitKey(text)
	if !isKey || rest != "|" && rest != "|-" {
		return 0, "", false
	}
	return col, rest, true
}

// literal reads the lines of a "|" or "|-" block below a key at keyCol: the
// lines indented further than the key, and blank lines among them. It
// returns the text and how many lines it took. Blank lines holding spaces
// and lines indented less than the first are left to yaml.v3.
func literal(lines []string, keyCol int, indicator string) (value string, used int, ok bool) {
	indent := -1
	var body []string
	for _, ln := range lines {
		trimmed := strings.TrimLeft(ln, " ")
		if trimmed == "" {
			if ln != "" {
				return "", 0, false
			}
			body = append(body, "")
			continue
		}
		n := len(ln) - len(trimmed)
		if n <= keyCol {
			break
		}
		if indent < 0 {
			indent = n
		}
		if n < indent {
			return "", 0, false
		}
		body = append(body, ln[indent:])
	}
	// Blank lines after the block belong to no node.
	last := len(body)
	for last > 0 && body[last-1] == "" {
		last--
	}
	if last == 0 || body[0] == "" {
		return "", 0, false
	}
	value = strings.Join(body[:last], "\n")
	if indicator == "|" {
		value += "\n"
	}
	return value, last, true
}

// mapping reads "key: ..." lines at exactly this indentation.
func (p *fastParser) mapping(indent int) *yaml.Node {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	for p.pos < len(p.lines) && !p.failed {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent || strings.HasPrefix(l.text, "- ") || l.text == "-" {
			p.failed = true
			break
		}
		key, rest, ok := splitKey(l.text)
		if !ok {
			p.failed = true
			break
		}
		if len(m.Content) == 0 {
			m.Line, m.Column = l.n, indent+1
		}
		k := p.node(yaml.Node{Kind: yaml.ScalarNode, Value: key, Line: l.n, Column: indent + 1})
		k.Tag = plainTag(k) // keys resolve like any plain scalar
		p.pos++
		var v *yaml.Node
		switch {
		case l.block != nil:
			v = p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.LiteralStyle, Value: *l.block, Line: l.n, Column: indent + len(key) + 3})
		case rest != "":
			v = p.scalar(rest, l.n, indent+len(key)+3)
		default:
			v = p.block(indent)
		}
		if v == nil {
			p.failed = true
			break
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
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.lines[p.pos].n, Column: indent + 1})
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
		if _, _, isKey := splitKey(rest); isKey {
			// "- key: value": a mapping whose keys line up after "- ".
			p.lines[p.pos] = fastLine{n: l.n, indent: col, text: rest, block: l.block}
			item := p.mapping(col)
			if item == nil {
				p.failed = true
				break
			}
			s.Content = append(s.Content, item)
			continue
		}
		v := p.scalar(rest, l.n, col+1)
		if v == nil || l.block != nil {
			p.failed = true
			break
		}
		s.Content = append(s.Content, v)
		p.pos++
	}
	return s
}

// splitKey splits "key: rest" or "key:" where key is a plain word.
func splitKey(line string) (key, rest string, ok bool) {
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
	if rest[1] == '#' {
		return key, "", true // "key: # a note", with the value below
	}
	return key, rest[1:], true
}

// scalar reads a value that needs no YAML machinery, with an optional
// trailing comment; nil otherwise. Plain values keep no tag, so yaml.v3
// resolves them (int, timestamp, null) exactly as it would have.
func (p *fastParser) scalar(s string, line, col int) *yaml.Node {
	if s == "" {
		return nil
	}
	if s[0] == '[' {
		return p.flowList(s, line, col)
	}
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col})
	switch s[0] {
	case '"':
		end := strings.IndexAny(s[1:], "\"\\") + 1
		if end <= 0 || s[end] != '"' || !commentOnly(s[end+1:]) {
			return nil
		}
		n.Value, n.Tag, n.Style = s[1:end], "!!str", yaml.DoubleQuotedStyle
		return n
	case '\'':
		end := 1
		for {
			i := strings.IndexByte(s[end:], '\'')
			if i < 0 {
				return nil
			}
			end += i
			if end+1 < len(s) && s[end+1] == '\'' {
				end += 2
				continue
			}
			break
		}
		if !commentOnly(s[end+1:]) {
			return nil
		}
		n.Value, n.Tag, n.Style = strings.ReplaceAll(s[1:end], "''", "'"), "!!str", yaml.SingleQuotedStyle
		return n
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i] // a trailing comment
	}
	if s == "" || strings.ContainsAny(s[:1], "!&*[]{}|>%@`#,?:-~") || strings.Contains(s, ": ") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return nil
	}
	n.Value = s
	n.Tag = plainTag(n) // what yaml.v3 resolves a plain scalar to
	if slices.Contains([]string{"!!null", "!!bool", "!!float"}, n.Tag) && !isPlainNumber(s) && s != "null" && s != "true" && s != "false" {
		return nil // spellings such as Null, ~ or .inf: leave them to yaml.v3
	}
	return n
}

// flowList reads a one-line list of words, such as "[en, id, nl]", with an
// optional trailing comment; nil for anything else.
func (p *fastParser) flowList(s string, line, col int) *yaml.Node {
	end := strings.IndexByte(s, ']')
	if end < 0 || !commentOnly(s[end+1:]) || strings.TrimSpace(s[1:end]) == "" {
		return nil
	}
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	off := 1
	for _, part := range strings.Split(s[1:end], ",") {
		word := strings.TrimLeft(part, " ")
		lead := len(part) - len(word)
		word = strings.TrimRight(word, " ")
		if word == "" || strings.ContainsFunc(word, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.')
		}) {
			return nil
		}
		item := p.scalar(word, line, col+off+lead)
		if item == nil {
			return nil
		}
		n.Content = append(n.Content, item)
		off += len(part) + 1
	}
	return n
}

// plainTag is the tag yaml.v3 resolves a plain scalar to. yaml.v3 reads
// text whose first byte is a letter other than those starting true,
// false, null and their kin, or any non-ASCII byte, as a string without
// looking further; most keys and values are such text, and asking yaml.v3
// was a twentieth of a check.
func plainTag(n *yaml.Node) string {
	c := n.Value[0]
	if c >= 0x80 || (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !strings.ContainsRune("yYnNtTfFoO", rune(c)) {
		return "!!str"
	}
	return n.ShortTag()
}

// commentOnly reports whether what follows a quoted value is nothing or a
// comment.
func commentOnly(s string) bool {
	if s == "" {
		return true
	}
	t := strings.TrimLeft(s, " ")
	return len(t) < len(s) && strings.HasPrefix(t, "#")
}

func isPlainNumber(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// printable reports whether text holds only characters YAML allows and no
// line breaks but LF (YAML also breaks lines at NEL, U+2028 and U+2029).
func printable(text string) bool {
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
