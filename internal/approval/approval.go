// Package approval owns recording an approval in a role file: the file is
// edited in place, so its comments, order and layout stay as people wrote
// them.
package approval

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/role"
	"gopkg.in/yaml.v3"
)

// Record returns the role file data with rec appended to the records of
// its approval block. Where the block is written in the usual block style,
// the new lines are inserted as text and nothing else in the file moves;
// otherwise (a flow mapping, say) the file is re-encoded through yaml.v3,
// which keeps comments but not every detail of layout. Either way the
// result is loaded again and must hold the same role with one more
// record, or Record fails and the caller writes nothing.
func Record(name string, data []byte, rec role.Record) ([]byte, error) {
	before, ds := role.Load(name, data)
	if before == nil {
		return nil, fmt.Errorf("%s cannot be read: %v", name, ds)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s is not YAML: %v", name, err)
	}
	out, err := insert(data, doc.Content[0], rec)
	if err == nil {
		err = verify(name, before, out, rec)
	}
	if err != nil {
		if out, err = reencode(&doc, rec); err == nil {
			err = verify(name, before, out, rec)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot record the approval in %s: %v", name, err)
	}
	return out, nil
}

// verify checks that edited holds the role before held, with rec as its
// last record.
func verify(name string, before *role.Role, edited []byte, rec role.Record) error {
	after, _ := role.Load(name, edited)
	switch {
	case after == nil:
		return errors.New("the edited file does not load")
	case after.Digest() != before.Digest():
		return errors.New("the edit changed the content")
	case len(after.Approval.Records) != len(before.Approval.Records)+1:
		return errors.New("the edit did not add one record")
	case after.Approval.Records[len(after.Approval.Records)-1] != rec:
		return errors.New("the record reads back differently")
	}
	return nil
}

// insert adds the record as lines of text below the approval block, or at
// the end of its records list.
func insert(data []byte, root *yaml.Node, rec role.Record) ([]byte, error) {
	block := value(root, "approval")
	if block == nil || block.Kind != yaml.MappingNode || block.Style&yaml.FlowStyle != 0 || len(block.Content) == 0 {
		return nil, errors.New("no approval block in block style")
	}
	key := keyOf(root, "approval")
	lines := strings.SplitAfter(string(data), "\n")
	indent := strings.Repeat(" ", block.Content[0].Column-1)
	var add []string
	var after int // the line (1-based) the new lines follow
	if recs := value(block, "records"); recs != nil {
		if recs.Kind != yaml.SequenceNode || recs.Style&yaml.FlowStyle != 0 || len(recs.Content) == 0 {
			return nil, errors.New("records is not a block list")
		}
		dash := strings.Repeat(" ", max(recs.Content[0].Column-3, 0))
		add = item(dash, rec)
		after = end(lines, keyOf(block, "records"))
	} else {
		add = append([]string{indent + "records:\n"}, item(indent+"  ", rec)...)
		after = end(lines, key)
	}
	var b strings.Builder
	for i, ln := range lines {
		b.WriteString(ln)
		if i+1 == after {
			if !strings.HasSuffix(ln, "\n") {
				b.WriteString("\n")
			}
			b.WriteString(strings.Join(add, ""))
		}
	}
	out := []byte(b.String())
	if bytes.Contains(data, []byte("\r\n")) {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

// item writes a record as a list item, its dash at the indentation given.
func item(dash string, rec role.Record) []string {
	in := dash + "  "
	return []string{
		dash + "- name: " + scalar(rec.Name) + "\n",
		in + "date: " + rec.Date + "\n",
		in + "version: " + strconv.Quote(rec.Version) + "\n",
		in + "digest: " + rec.Digest + "\n",
	}
}

// scalar writes s as YAML would, quoted only when it must be.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// end returns the last line (1-based) of the block under the key node k:
// the lines after it that are indented deeper, or are list items at its
// own indentation, up to the last one with content, so a blank line or a
// comment introducing the next key stays where it is.
func end(lines []string, k *yaml.Node) int {
	col := k.Column - 1
	last := k.Line
	for n := k.Line + 1; n <= len(lines); n++ {
		ln := strings.TrimRight(lines[n-1], "\r\n")
		body := strings.TrimLeft(ln, " ")
		if body == "" {
			continue
		}
		ind := len(ln) - len(body)
		if ind < col || ind == col && !strings.HasPrefix(body, "- ") && body != "-" {
			break
		}
		if !strings.HasPrefix(body, "#") {
			last = n
		}
	}
	return last
}

// reencode appends the record in the node tree and encodes the whole
// document again.
func reencode(doc *yaml.Node, rec role.Record) ([]byte, error) {
	block := value(doc.Content[0], "approval")
	if block == nil || block.Kind != yaml.MappingNode {
		return nil, errors.New("no approval block")
	}
	var n yaml.Node
	if err := n.Encode(rec); err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "version" {
			n.Content[i+1].Style = yaml.DoubleQuotedStyle
		}
	}
	recs := value(block, "records")
	if recs == nil {
		recs = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		block.Content = append(block.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "records"}, recs)
	}
	if recs.Kind != yaml.SequenceNode {
		return nil, errors.New("records is not a list")
	}
	recs.Content = append(recs.Content, &n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

func keyOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
