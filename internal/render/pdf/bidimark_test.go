package pdf

import (
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// Bidi marks order the text as in a browser and draw nothing: a right-to-
// left mark after "!" keeps it with the Arabic before it, on its left.
func TestBidiMarks(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(fixture.Documents(t, "sales-manager")["en"], r.m, leading)
	last := func(text string) string {
		lines := l.set(l.words([]span{{text, body}}), l.contentW())
		vis := l.visual(lines[0].words)
		for _, w := range vis {
			if strings.ContainsAny(w.text, "\u200E\u200F\u061C\uFFFD") {
				t.Errorf("%q: drawn word %q holds a mark or a box", text, w.text)
			}
		}
		return vis[len(vis)-1].text
	}
	if w := last("Greeting: مرحبا!"); !strings.HasSuffix(w, "!") {
		t.Errorf("without a mark: %q, want \"!\" on the right", w)
	}
	for _, mark := range []string{"\u200F", "\u061C"} {
		if w := last("Greeting: مرحبا!" + mark); !strings.HasPrefix(w, "!") {
			t.Errorf("with %U: %q, want \"!\" on the left", []rune(mark)[0], w)
		}
	}
	if w := last("Greeting: \u200Eabc\u200E"); w != "abc" {
		t.Errorf("left-to-right marks: %q, want abc", w)
	}
	if got := l.measure("a\u200Fb\u061C\u200E", body); got != l.measure("ab", body) {
		t.Errorf("marks have width: %v, want %v", got, l.measure("ab", body))
	}
}
