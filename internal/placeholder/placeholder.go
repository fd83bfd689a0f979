// Package placeholder owns what a translated message may contain: text and
// the {{.Name}} placeholders of its English source, never template code.
package placeholder

import (
	"fmt"
	"slices"
	"strings"
	"text/template/parse"
)

// An Error is a part of a message that is not text or an allowed
// placeholder. Offset is its byte offset in the message.
type Error struct {
	Offset int
	What   string // the construct, as a translator would recognise it
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s is template code; a translation holds only text and {{.Name}} placeholders", e.What)
}

// Fields returns the names of the placeholders in text, in order of first
// use, or an *Error for anything else: an action that is not a single
// {{.Name}}, a loop, a condition, a function, {{.}}, {{template}} or a
// definition. It returns another error when text does not parse at all.
func Fields(text string) ([]string, error) {
	t := parse.New("message")
	// Function names are refused below, with a better message than
	// "function not defined".
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(text, "", "", trees); err != nil {
		return nil, err
	}
	for name, def := range trees {
		if name != t.Name {
			return nil, &Error{Offset: actionStart(text, def.Root.Pos), What: "{{define}} or {{block}}"}
		}
	}
	var names []string
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			name, ok := field(n)
			if !ok {
				return nil, &Error{Offset: actionStart(text, n.Pos), What: "{{" + n.Pipe.String() + "}}"}
			}
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		default:
			return nil, &Error{Offset: actionStart(text, n.Position()), What: describe(n)}
		}
	}
	return names, nil
}

// actionStart is the offset of the "{{" that opens the action holding
// pos: nodes record where their content starts.
func actionStart(text string, pos parse.Pos) int {
	return max(0, strings.LastIndex(text[:min(int(pos), len(text))], "{{"))
}

// field returns the name of an action that is a single {{.Name}}.
func field(a *parse.ActionNode) (string, bool) {
	if len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := a.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// describe names a control structure by its keyword.
func describe(n parse.Node) string {
	switch n.Type() {
	case parse.NodeRange:
		return "{{range}}"
	case parse.NodeIf:
		return "{{if}}"
	case parse.NodeWith:
		return "{{with}}"
	case parse.NodeTemplate:
		return "{{template}}"
	case parse.NodeBreak:
		return "{{break}}"
	case parse.NodeContinue:
		return "{{continue}}"
	}
	return "{{" + n.String() + "}}"
}

// Check returns an error unless text is text with placeholders drawn from
// allowed (the source message's).
func Check(text string, allowed []string) error {
	names, err := Fields(text)
	if err != nil {
		return err
	}
	for _, n := range names {
		if !slices.Contains(allowed, n) {
			return fmt.Errorf("{{.%s}} is not a placeholder of the English message", n)
		}
	}
	return nil
}

// Of lists the placeholders of a source message's forms, for Check. The
// forms are roledoc's own English; one that does not parse adds none.
func Of(forms ...string) []string {
	var all []string
	for _, f := range forms {
		names, _ := Fields(f)
		for _, n := range names {
			if !slices.Contains(all, n) {
				all = append(all, n)
			}
		}
	}
	return all
}
