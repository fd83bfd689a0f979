package localize

import (
	"maps"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/placeholder"
	"github.com/roledoc/roledoc/internal/text/invisible"
)

// runnable reports whether every form of a translation is text with the
// source's placeholders, and not misleading. A translation that is not
// never reaches the bundle, so its template is never executed, whatever
// check said: the document shows the English instead.
func runnable(src, tr *i18n.Message) bool {
	allowed := placeholder.Of(forms(src)...)
	for _, f := range forms(tr) {
		if placeholder.Check(f, allowed) != nil || misleading(f) {
			return false
		}
	}
	return true
}

// misleading reports a text check refuses as a bidi-control error: the
// HTML and the PDF could show it differently.
func misleading(s string) bool {
	_, _, ok := invisible.Control(s)
	return ok
}

// displayable returns texts without those check refuses as misleading,
// copying the map only when there is one.
func displayable(texts map[string]string) map[string]string {
	var out map[string]string
	for id, s := range texts {
		if !misleading(s) {
			continue
		}
		if out == nil {
			out = maps.Clone(texts)
		}
		delete(out, id)
	}
	if out == nil {
		return texts
	}
	return out
}

func forms(m *i18n.Message) []string {
	return []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other}
}
