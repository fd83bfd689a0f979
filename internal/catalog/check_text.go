package catalog

import (
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

func glyphWarning(p diag.Pos, text string) (diag.Diagnostic, bool) {
	r, off, ok := glyphs.Missing(text)
	if !ok {
		return diag.Diagnostic{}, false
	}
	return diag.Warnf(within(p, text, off), diag.MissingGlyph,
		"the PDF fonts cannot draw %s; it prints as a box (the HTML shows it)", glyphs.Describe(r)), true
}
