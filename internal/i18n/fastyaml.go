package i18n

import (
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/yamlfast"
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
	// One conversion: every key and value below is a substring of text,
	// so the scan allocates little beyond the message list.
	text := string(data)
	if strings.ContainsAny(text, "\r\t") || !yamlfast.Printable(text) {
		return nil, false
	}
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
			key, rest, ok := yamlfast.SplitKey(line)
			if !ok {
				return nil, false
			}
			m := rawMsg{key: key, at: lc{n, 1}}
			if rest != "" {
				v, ok := yamlfast.Scalar(rest)
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
			key, rest, ok := yamlfast.SplitKey(line[2:])
			if !ok || rest == "" {
				return nil, false
			}
			v, ok := yamlfast.Scalar(rest)
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
