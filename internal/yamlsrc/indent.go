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
// key: value line before it, is the mistake.
func indentError(name string, data []byte, from int, msg string) (diag.Diagnostic, bool) {
	if !containsAny(msg, indentMessages) {
		return diag.Diagnostic{}, false
	}
	var stack []level
	complete := false // the previous line ended a key: value pair
	block := -1       // lines indented deeper than this belong to a | or > scalar
	for l := 1; ; l++ {
		line, ok := lineBytes(data, l)
		if !ok {
			return diag.Diagnostic{}, false
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
		stack, hint = place(stack, level{ind, dash, l}, complete && keyRE.MatchString(content))
		if hint != "" && l >= from-1 {
			return diag.Errorf(diag.Pos{File: name, Line: l, Col: ind + 1}, diag.YAMLSyntax,
				"invalid YAML: this line is indented %s, %s", spaces(ind), hint), true
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

// A level is an indentation in effect at a line.
type level struct {
	indent int
	dash   bool // a list item's "-"
	line   int  // where the level starts
}

// place fits a line at a level into the levels above it and returns the
// levels after it, with a hint when it fits none. deeperKey is a key line
// that follows a complete key: value line.
func place(stack []level, at level, deeperKey bool) ([]level, string) {
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
		return stack, fmt.Sprintf("which matches no line above it; indent it %s like %s", spaces(want.indent), what(want.dash))
	case n < len(stack) && n > 0 && stack[n-1].dash && !dash:
		// A field at the indentation of the "-" of the list it is in.
		return stack, fmt.Sprintf("the column of the \"-\" on line %d, so it is no field of that item; indent it %s, or fix the indentation of line %d", stack[n-1].line, spaces(stack[n].indent), stack[n-1].line)
	case n == len(stack) && n > 0 && ind > stack[n-1].indent && deeperKey:
		return stack, fmt.Sprintf("deeper than the line above; indent it %s like that line", spaces(stack[n-1].indent))
	}
	stack = stack[:n]
	if n == 0 || ind > stack[n-1].indent {
		stack = append(stack, at)
	}
	return stack, ""
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
