package i18n

import (
	"bytes"
	"slices"
	"strings"
)

// fastScan reads the plain subset of YAML that catalogs are written in:
// comment lines, "id:" keys at the margin with "  field: value" lines
// below them, and "id: value" shorthands. It gives the same messages, with
// the same positions, as yaml.v3 followed by fromNodes would, many times
// faster and without a node per value; at scale the catalogs are most of
// what a check reads. Anything outside the subset (block scalars, escapes,
// flow collections, odd indentation) returns ok=false, and the caller
// parses the file with yaml.v3 instead.
func fastScan(data []byte) (msgs []rawMsg, ok bool) {
	if bytes.IndexByte(data, '\r') >= 0 || bytes.IndexByte(data, '\t') >= 0 || !printable(data) {
		return nil, false
	}
	// One conversion: every key and value below is a substring of text,
	// so the scan allocates little beyond the message list.
	text := string(data)
	var cur *rawMsg // the message whose fields are being read
	for n := int32(1); len(text) > 0; n++ {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		trimmed := strings.TrimLeft(line, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		switch {
		case line[0] != ' ':
			if cur != nil && len(cur.fields) == 0 {
				return nil, false // "id:" with nothing below is a YAML null
			}
			key, rest, ok := splitKey(line)
			if !ok {
				return nil, false
			}
			m := rawMsg{key: key, at: lc{n, 1}}
			if rest != "" {
				v, ok := scalar(rest)
				if !ok {
					return nil, false
				}
				m.short, m.value, m.valAt = true, v, lc{n, int32(len(key) + 3)}
			}
			msgs = append(msgs, m)
			cur = nil
			if rest == "" {
				cur = &msgs[len(msgs)-1]
			}
		case len(line) > 2 && line[1] == ' ' && line[2] != ' ' && cur != nil:
			key, rest, ok := splitKey(line[2:])
			if !ok || rest == "" {
				return nil, false
			}
			v, ok := scalar(rest)
			if !ok {
				return nil, false
			}
			cur.fields = append(cur.fields, rawField{name: key, value: v, at: lc{n, 3}, valAt: lc{n, int32(len(key) + 5)}})
		default:
			return nil, false
		}
	}
	if cur != nil && len(cur.fields) == 0 {
		return nil, false
	}
	for _, m := range msgs {
		if !m.short && !slices.ContainsFunc(m.fields, func(f rawField) bool { return isForm(f.name) || f.name == "hash" || f.name == "description" }) {
			return nil, false // a nested group: yaml.v3's path explains it
		}
	}
	return msgs, true
}

// printable reports whether data holds only characters YAML allows in a
// document and no line breaks other than LF (NEL, U+0085, is one to YAML),
// so yaml.v3 gets to deal with any other.
func printable(data []byte) bool {
	for _, r := range string(data) {
		switch {
		case r == '\n', r >= 0x20 && r < 0x7F:
		case r == 0x2028, r == 0x2029:
			return false // line breaks to YAML 1.1; leave them to yaml.v3
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}

// splitKey splits "key: rest" or "key:" where key is a plain message id or
// field name.
func splitKey(line string) (key, rest string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	key = line[:i]
	if len(key) > 1000 {
		return "", "", false // YAML limits implicit keys to 1024 characters
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
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

// scalar reads a value that needs no YAML machinery: plain text, or text
// in double quotes without escapes, or in single quotes.
func scalar(s string) (string, bool) {
	switch s[0] {
	case '"':
		if len(s) < 2 || s[len(s)-1] != '"' || strings.ContainsAny(s[1:len(s)-1], "\"\\") {
			return "", false
		}
		return s[1 : len(s)-1], true
	case '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' || strings.Contains(strings.ReplaceAll(s[1:len(s)-1], "''", ""), "'") {
			return "", false
		}
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), true
	}
	if strings.ContainsAny(s[:1], "!&*[]{}|>%@`#,?:-~") || strings.Contains(s, ": ") || strings.Contains(s, " #") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return "", false
	}
	switch s {
	case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "y", "n":
		return "", false // yaml.v3 gives these another tag; let it
	}
	return s, true
}
