package catalog

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/glyphs"
	"github.com/roledoc/roledoc/internal/placeholder"
	"github.com/roledoc/roledoc/internal/text/invisible"
)

// templateCode: an interface message's translation holds template code (a
// loop, a function, {{.}}) where only {{.Name}} placeholders belong. The
// build would run it, so it is an error; localize never runs it either.
func templateCode(m message) []diag.Diagnostic {
	if m.src.Literal {
		return nil
	}
	var ds []diag.Diagnostic
	for _, f := range m.validForms() {
		text := m.form(f)
		if _, err := template.New("").Parse(text); err != nil {
			continue // brokenTemplate reports it
		}
		_, err := placeholder.Fields(text)
		if e := (*placeholder.Error)(nil); errors.As(err, &e) {
			ds = append(ds, diag.Errorf(within(m.t.formPos(f), text, e.Offset), diag.TemplateCode, "%v", e))
		}
	}
	return ds
}

// within is the position of byte off of a value that starts at p, when
// the value is on one line; else p.
func within(p diag.Pos, text string, off int) diag.Pos {
	if before := text[:off]; p.Line > 0 && !strings.Contains(before, "\n") {
		p.Col += utf8.RuneCountInString(before)
	}
	return p
}

// importable refuses a translation from outside (an XLIFF file) that check
// would report as an error: template code, a placeholder its source
// lacks, a bidi control or only invisible characters.
func importable(e *Entry, text string) error {
	if r, _, ok := invisible.Control(text); ok {
		return fmt.Errorf("%s shows the text after it in another order than it is stored", glyphs.Describe(r))
	}
	if invisible.Blank(text) {
		return errors.New("the translation holds only invisible characters")
	}
	if e.Literal {
		return nil
	}
	m := e.Msg
	return placeholder.Check(text, placeholder.Of(m.Zero, m.One, m.Two, m.Few, m.Many, m.Other))
}
