package yamlsrc

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
)

// yaml.v3 reports a misplaced line at the start of the block it breaks
// ("did not find expected '-' indicator" on the duties: line), which sends
// people hunting. These messages are the ones an indentation mistake
// produces.
var indentMessages = []string{
	"did not find expected '-' indicator",
	"did not find expected key",
	"mapping values are not allowed in this context",
	"block sequence entries are not allowed in this context",
}

var keyRE = regexp.MustCompile(`^(- +)?[A-Za-z_][A-Za-z0-9_-]*:( |$)`)

// indentError finds the line whose indentation breaks the block yaml.v3
// complained about, at or after the line before from, and says how to
// indent it. It follows the indentation levels from the top of the file;
// a level that matches none above, or a key deeper than the complete
// key: value line before it, is the mistake, unless the line that set
// the level is (see firstWrong).
func indentError(name string, data []byte, from int, msg string) (diag.Diagnostic, bool) {
	if !containsAny(msg, indentMessages) {
		return diag.Diagnostic{}, false
	}
	m, ok := scan(data, from)
	if !ok {
		return diag.Diagnostic{}, false
	}
	if d, ok := firstWrong(name, data, m); ok {
		return d, true
	}
	return diag.Errorf(diag.Pos{File: name, Line: m.line, Col: m.indent + 1}, diag.YAMLSyntax,
		"invalid YAML: this line is indented %s, %s", spaces(m.indent), m.hint), true
}

// A mismatch is a line that fits no indentation level above it.
type mismatch struct {
	line, indent int
	hint         string
	want         level // for a dedent, the level it fails to match
}

// scan follows the indentation levels from the top of data and returns
// the first line at or after the line before from that fits none.
func scan(data []byte, from int) (mismatch, bool) {
	var stack []level
	complete := false // the previous line ended a key: value pair
	block := -1       // lines indented deeper than this belong to a | or > scalar
	for l := 1; ; l++ {
		line, ok := lineBytes(data, l)
		if !ok {
			return mismatch{}, false
		}
		content := strings.TrimLeft(string(bytes.TrimRight(line, "\r")), " ")
		if content == "" || strings.HasPrefix(content, "#") {
			continue
		}
		ind := len(bytes.TrimRight(line, "\r")) - len(content)
		if block >= 0 && ind > block {
			continue
		}
		block = -1
		dash := strings.HasPrefix(content, "- ") || content == "-"
		var hint string
		var want level
		stack, hint, want = place(stack, level{ind, dash, l}, complete && keyRE.MatchString(content))
		if hint != "" && l >= from-1 {
			return mismatch{l, ind, hint, want}, true
		}
		rest := content
		if dash {
			rest = strings.TrimLeft(strings.TrimPrefix(content, "-"), " ")
			if rest != "" {
				stack = append(stack, level{ind + len(content) - len(rest), false, l})
			}
		}
		key, value, isKey := strings.Cut(rest, ": ")
		if !isKey && strings.HasSuffix(rest, ":") {
			key, isKey = strings.TrimSuffix(rest, ":"), true
		}
		value = strings.TrimSpace(value)
		complete = isKey && !strings.ContainsAny(key, " \"'") && value != "" && !strings.HasPrefix(value, "#")
		if isKey && (strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">")) {
			block = stack[len(stack)-1].indent
			complete = false
		}
	}
}

// firstWrong blames the line that set a level instead of the line that
// fails to match it, when that is the mistake: the first item of a list
// indented one space too far makes every later item "match no line
// above". It says so when moving that line (and its block, up to the
// mismatch) to the mismatch's indentation makes the whole file's
// indentation consistent, while moving the mismatching line (and its
// block) to the level does not.
func firstWrong(name string, data []byte, m mismatch) (diag.Diagnostic, bool) {
	c := m.want.line
	if c == 0 || c >= m.line {
		return diag.Diagnostic{}, false
	}
	lines := bytes.Split(data, []byte("\n"))
	first := lines[c-1]
	cInd := len(first) - len(bytes.TrimLeft(first, " "))
	delta := m.want.indent - m.indent
	if delta <= 0 || cInd < delta {
		return diag.Diagnostic{}, false
	}
	// shifted returns data with lines [from, to) moved right by by spaces
	// (left when negative), or false when a line lacks the spaces.
	shifted := func(from, to, by int) ([]byte, bool) {
		out := make([][]byte, len(lines))
		copy(out, lines)
		for i := from; i < to; i++ {
			l := lines[i-1]
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			if by < 0 {
				if !bytes.HasPrefix(l, bytes.Repeat([]byte(" "), -by)) {
					return nil, false
				}
				out[i-1] = l[-by:]
			} else {
				out[i-1] = append(bytes.Repeat([]byte(" "), by), l...)
			}
		}
		return bytes.Join(out, []byte("\n")), true
	}
	// The mismatching line's block: it and the deeper lines after it.
	end := m.line + 1
	for ; end <= len(lines); end++ {
		l := lines[end-1]
		t := bytes.TrimLeft(l, " ")
		if len(bytes.TrimSpace(l)) > 0 && !bytes.HasPrefix(t, []byte("#")) && len(l)-len(t) <= m.indent {
			break
		}
	}
	fixFirst, ok := shifted(c, m.line, -delta)
	if !ok {
		return diag.Diagnostic{}, false
	}
	fixLine, _ := shifted(m.line, end, delta)
	if _, bad := scan(fixFirst, 1); bad {
		return diag.Diagnostic{}, false
	}
	if _, bad := scan(fixLine, 1); !bad {
		return diag.Diagnostic{}, false // either fix works: keep to the line yaml.v3 stopped at
	}
	what := "block"
	if bytes.HasPrefix(bytes.TrimLeft(first, " "), []byte("-")) {
		what = "list"
	}
	msg := fmt.Sprintf("invalid YAML: this line is indented %s, %s more than the rest of its %s below it; indent it %s",
		spaces(cInd), spaces(delta), what, spaces(cInd-delta))
	switch {
	case m.line-1 == c+1:
		msg += fmt.Sprintf(", and line %d %s less", c+1, spaces(delta))
	case m.line-1 > c+1:
		msg += fmt.Sprintf(", and lines %d to %d %s less", c+1, m.line-1, spaces(delta))
	}
	return diag.Errorf(diag.Pos{File: name, Line: c, Col: cInd + 1}, diag.YAMLSyntax, "%s", msg), true
}

// A level is an indentation in effect at a line.
type level struct {
	indent int
	dash   bool // a list item's "-"
	line   int  // where the level starts
}

// place fits a line at a level into the levels above it and returns the
// levels after it, with a hint when it fits none. deeperKey is a key line
// that follows a complete key: value line.
func place(stack []level, at level, deeperKey bool) ([]level, string, level) {
	ind, dash := at.indent, at.dash
	n := len(stack)
	for n > 0 && stack[n-1].indent > ind {
		n--
	}
	switch {
	case n < len(stack) && n > 0 && stack[n-1].indent != ind:
		// A dedent to a level no line above has.
		want := stack[n]
		if dash {
			for _, lv := range stack[:n+1] {
				if lv.dash {
					want = lv
				}
			}
		}
		return stack, fmt.Sprintf("which matches no line above it; indent it %s like %s", spaces(want.indent), what(want.dash)), want
	case n < len(stack) && n > 0 && stack[n-1].dash && !dash:
		// A field at the indentation of the "-" of the list it is in.
		return stack, fmt.Sprintf("the column of the \"-\" on line %d, so it is no field of that item; indent it %s, or fix the indentation of line %d", stack[n-1].line, spaces(stack[n].indent), stack[n-1].line), level{}
	case n == len(stack) && n > 0 && ind > stack[n-1].indent && deeperKey:
		return stack, fmt.Sprintf("deeper than the line above; indent it %s like that line", spaces(stack[n-1].indent)), level{}
	}
	stack = stack[:n]
	if n == 0 || ind > stack[n-1].indent {
		stack = append(stack, at)
	}
	return stack, "", level{}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

func what(dash bool) string {
	if dash {
		return `the other "- " items of its list`
	}
	return "the other lines of its block"
}
