package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/glyphs"
	"github.com/roledoc/roledoc/internal/text/invisible"
)

// misleadingText: a translation with a bidi override or isolate, which
// shows it in another order than it is stored (and differently in the
// HTML and the PDF), or one that shows nothing at all.
func misleadingText(m message) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range m.validForms() {
		text := m.form(f)
		if r, off, ok := invisible.Control(text); ok {
			ds = append(ds, diag.Errorf(within(m.t.formPos(f), text, off), diag.BidiControl,
				"%s shows the text after it in another order than it is stored; remove it (U+200E and U+200F marks are allowed)", glyphs.Describe(r)))
		}
		if invisible.Blank(text) {
			ds = append(ds, diag.Errorf(m.t.formPos(f), diag.InvisibleText, "the translation holds only invisible characters; translate it or delete it"))
		}
	}
	return ds
}

// missingGlyph: a translation with a character the PDF fonts lack, which
// would print as a box.
func missingGlyph(m message) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range m.validForms() {
		if d, ok := glyphWarning(m.t.formPos(f), m.form(f)); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// sourceGlyphs warns about role and configuration text the PDF fonts
// cannot draw; the fonts are the same for every language.
func sourceGlyphs(src []*Entry) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, e := range src {
		if !e.Literal {
			continue // roledoc's own interface text
		}
		if _, _, ok := glyphs.Missing(e.Msg.Other); ok {
			if d, ok := glyphWarning(e.Pos(), e.Msg.Other); ok {
				ds = append(ds, d)
			}
		}
	}
	return ds
}

// glyphWarning names up to three characters of text the PDF cannot draw,
// at the first of them.
func glyphWarning(p diag.Pos, text string) (diag.Diagnostic, bool) {
	_, first, ok := glyphs.Missing(text)
	if !ok {
		return diag.Diagnostic{}, false
	}
	var names []string
	more := 0
	for _, r := range text[first:] {
		switch name := glyphs.Describe(r); {
		case glyphs.Drawable(r) || slices.Contains(names, name):
		case len(names) == 3:
			more++
		default:
			names = append(names, name)
		}
	}
	what := strings.Join(names, ", ")
	if more > 0 {
		what += fmt.Sprintf(" and %d more", more)
	}
	return diag.Warnf(within(p, text, first), diag.MissingGlyph,
		"the PDF fonts cannot draw %s; the PDF prints a box for each (the HTML shows them)", what), true
}
