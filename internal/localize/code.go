package localize

import (
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/placeholder"
)

// runnable reports whether every form of a translation is text with the
// source's placeholders. A translation that is not never reaches the
// bundle, so its template is never executed, whatever check said: the
// document shows the English instead.
func runnable(src, tr *i18n.Message) bool {
	allowed := placeholder.Of(forms(src)...)
	for _, f := range forms(tr) {
		if placeholder.Check(f, allowed) != nil {
			return false
		}
	}
	return true
}

func forms(m *i18n.Message) []string {
	return []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other}
}
