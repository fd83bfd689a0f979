package role

import (
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
)

// todoMark starts the placeholder texts `roledoc new` writes.
const todoMark = "TODO:"

// todoTexts reports every text still holding a placeholder from `roledoc
// new`. It is an error, not a warning: a placeholder would otherwise be
// printed on an official job description, and build shows no warnings.
func todoTexts(_ *Set, files []*Role) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range files {
		for _, t := range r.texts() {
			if strings.HasPrefix(strings.TrimSpace(t.text), todoMark) {
				ds = append(ds, diag.Errorf(r.Pos(t.path), diag.TodoText,
					"%q is still a placeholder from roledoc new; write the role's own text", t.text))
			}
		}
	}
	return ds
}

type pathText struct{ path, text string }

// texts returns the role's translatable texts with their paths.
func (r *Role) texts() []pathText {
	out := []pathText{{"title", r.Title}, {"requirements.field", r.Requirements.Field}}
	for _, s := range r.Sections() {
		for i, it := range s.Items {
			out = append(out, pathText{s.Key + "[" + strconv.Itoa(i) + "].text", it.Text})
		}
	}
	for i, c := range r.Criteria {
		out = append(out, pathText{"criteria[" + strconv.Itoa(i) + "].target", c.Target})
	}
	return out
}
