package catalog

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// poEntry is one entry of a gettext PO file, with the parts roledoc reads
// and writes; obsolete entries (#~) are dropped when read.
type poEntry struct {
	comments  []string // "# " translator comments
	extracted []string // "#." comments for the translator, from the source
	refs      []string // "#:" source positions
	flags     []string // "#," such as fuzzy
	// prev is the source a fuzzy translation was made from ("#|").
	prevCtxt, prevID, prevPlural string
	hasCtxt                      bool
	ctxt, id, plural             string
	hasPlural                    bool
	str                          []string // msgstr, or msgstr[0..n-1]
}

func (e *poEntry) fuzzy() bool {
	for _, f := range e.flags {
		if f == "fuzzy" {
			return true
		}
	}
	return false
}

// writePO writes entries in the layout gettext's tools write: comments,
// then keywords, a blank line between entries.
func writePO(entries []poEntry) []byte {
	var b bytes.Buffer
	for i, e := range entries {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, c := range e.comments {
			writeComment(&b, "#", c)
		}
		for _, c := range e.extracted {
			writeComment(&b, "#.", c)
		}
		if len(e.refs) > 0 {
			b.WriteString("#: " + strings.Join(e.refs, " ") + "\n")
		}
		if len(e.flags) > 0 {
			b.WriteString("#, " + strings.Join(e.flags, ", ") + "\n")
		}
		if e.prevCtxt != "" {
			writeKeyword(&b, "#| ", "msgctxt", e.prevCtxt)
		}
		if e.prevID != "" {
			writeKeyword(&b, "#| ", "msgid", e.prevID)
		}
		if e.prevPlural != "" {
			writeKeyword(&b, "#| ", "msgid_plural", e.prevPlural)
		}
		if e.hasCtxt {
			writeKeyword(&b, "", "msgctxt", e.ctxt)
		}
		writeKeyword(&b, "", "msgid", e.id)
		if e.hasPlural {
			writeKeyword(&b, "", "msgid_plural", e.plural)
			for n, s := range e.str {
				writeKeyword(&b, "", "msgstr["+strconv.Itoa(n)+"]", s)
			}
		} else {
			writeKeyword(&b, "", "msgstr", strings.Join(e.str, ""))
		}
	}
	return b.Bytes()
}

// writeComment writes a comment, one comment line per line of text.
func writeComment(b *bytes.Buffer, mark, text string) {
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight(mark+" "+l, " ") + "\n")
	}
}

// writeKeyword writes `msgid "text"`; text with line breaks is written as
// gettext does, an empty first string and then one string per line.
func writeKeyword(b *bytes.Buffer, prefix, kw, text string) {
	b.WriteString(prefix + kw + " ")
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > 1 {
		b.WriteString("\"\"\n")
		for _, l := range lines {
			b.WriteString(prefix + quote(l) + "\n")
		}
		return
	}
	b.WriteString(quote(text) + "\n")
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := range len(s) {
		switch r := s[i]; r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
			} else {
				b.WriteByte(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// readPO parses a PO file. It accepts what gettext's tools and Poedit,
// Weblate or Crowdin write: comments of every kind, strings continued over
// lines, plural entries and obsolete entries (which it drops).
func readPO(data []byte) ([]poEntry, error) {
	p := poParser{}
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		p.n++
		if err := p.line(strings.TrimSpace(sc.Text())); err != nil {
			return nil, fmt.Errorf("line %d: %v", p.n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := p.flush(); err != nil {
		return nil, fmt.Errorf("line %d: %v", p.n, err)
	}
	return p.out, nil
}

// poParser reads a PO file line by line.
type poParser struct {
	n   int
	out []poEntry
	cur poEntry
	// started is set once the entry has a keyword; a comment or keyword
	// after its msgstr begins the next entry.
	started, hasID, hasStr bool
	// last is where a continued string goes.
	last *string
}

// flush ends the current entry, which must be complete.
func (p *poParser) flush() error {
	if p.started && !p.hasStr {
		return fmt.Errorf("entry without msgstr")
	}
	if p.started {
		p.out = append(p.out, p.cur)
	}
	p.cur, p.started, p.hasID, p.hasStr, p.last = poEntry{}, false, false, false, nil
	return nil
}

func (p *poParser) line(l string) error {
	switch {
	case l == "":
		if p.hasStr {
			return p.flush()
		}
		return nil
	case strings.HasPrefix(l, "#~"):
		return nil // obsolete
	case strings.HasPrefix(l, "#"):
		if p.hasStr {
			if err := p.flush(); err != nil {
				return err
			}
		}
		return p.comment(l)
	case strings.HasPrefix(l, `"`):
		if p.last == nil {
			return fmt.Errorf("a string continues no keyword")
		}
		s, err := unquote(l)
		*p.last += s
		return err
	}
	kw, rest, _ := strings.Cut(l, " ")
	rest = strings.TrimSpace(rest)
	if p.hasStr && (kw == "msgctxt" || kw == "msgid") {
		if err := p.flush(); err != nil {
			return err
		}
	}
	s, err := unquote(rest)
	if err != nil {
		return err
	}
	e := &p.cur
	switch {
	case kw == "msgctxt" && !p.started:
		e.hasCtxt, e.ctxt = true, s
		p.last = &e.ctxt
	case kw == "msgid" && !p.hasID:
		e.id = s
		p.last = &e.id
		p.hasID = true
	case kw == "msgid_plural" && p.hasID && !p.hasStr && !e.hasPlural:
		e.hasPlural, e.plural = true, s
		p.last = &e.plural
	case kw == "msgstr" && p.hasID && !e.hasPlural && !p.hasStr:
		e.str = []string{s}
		p.last = &e.str[0]
		p.hasStr = true
	case strings.HasPrefix(kw, "msgstr[") && e.hasPlural && (p.hasStr || len(e.str) == 0):
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
		if err != nil || n != len(e.str) || !strings.HasSuffix(kw, "]") {
			return fmt.Errorf("%s out of order; expected msgstr[%d]", kw, len(e.str))
		}
		e.str = append(e.str, s)
		p.last = &e.str[n]
		p.hasStr = true
	default:
		return fmt.Errorf("unexpected %q", kw)
	}
	p.started = true
	return nil
}

// comment reads one comment line into the current entry.
func (p *poParser) comment(l string) error {
	e := &p.cur
	mark, text := "#", strings.TrimPrefix(l[1:], " ")
	if len(l) >= 2 && strings.ContainsRune(".:,|", rune(l[1])) {
		mark, text = l[:2], strings.TrimSpace(l[2:])
	}
	switch mark {
	case "#.":
		e.extracted = append(e.extracted, text)
	case "#:":
		e.refs = append(e.refs, strings.Fields(text)...)
	case "#,":
		for _, f := range strings.Split(text, ",") {
			if f = strings.TrimSpace(f); f != "" {
				e.flags = append(e.flags, f)
			}
		}
	case "#|":
		return p.previous(text)
	default:
		e.comments = append(e.comments, text)
	}
	return nil
}

// previous reads a "#|" line: the source a fuzzy entry was made from.
func (p *poParser) previous(text string) error {
	e := &p.cur
	if strings.HasPrefix(text, `"`) {
		if p.last == nil {
			return fmt.Errorf("a string continues no keyword")
		}
		s, err := unquote(text)
		*p.last += s
		return err
	}
	kw, rest, _ := strings.Cut(text, " ")
	s, err := unquote(strings.TrimSpace(rest))
	if err != nil {
		return err
	}
	switch kw {
	case "msgctxt":
		e.prevCtxt = s
		p.last = &e.prevCtxt
	case "msgid":
		e.prevID = s
		p.last = &e.prevID
	case "msgid_plural":
		e.prevPlural = s
		p.last = &e.prevPlural
	default:
		return fmt.Errorf("unexpected #| %s", kw)
	}
	return nil
}

// unquote reads a C string as gettext writes it.
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("expected a quoted string, found %q", s)
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return "", fmt.Errorf("unescaped quote in %q", s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", fmt.Errorf("string ends in a backslash")
		}
		switch c = s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(c)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, err := strconv.ParseUint(s[i:j], 8, 8)
			if err != nil {
				return "", fmt.Errorf(`escape \%s is out of range`, s[i:j])
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			return "", fmt.Errorf(`unknown escape \%c`, c)
		}
	}
	return b.String(), nil
}
