// Package glyphs owns which characters the PDF's embedded fonts can draw,
// so check can warn about a character that would print as a box.
package glyphs

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/unicode/runenames"
)

//go:generate go test -run TestCoverage -update

// Drawable reports whether the PDF shows r as intended: both faces have a
// glyph for it, or the renderer deliberately draws nothing for it (a
// line break, a combining mark or invisible control it drops).
func Drawable(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r >= 0x200B && r <= 0x200F: // zero-width spaces, joiners and bidi marks
		return true
	case r == 0x061C: // the Arabic letter mark, a bidi mark
		return true
	}
	i := sort.Search(len(coverage), func(i int) bool { return coverage[i][1] >= r })
	return i < len(coverage) && coverage[i][0] <= r
}

// Missing returns the first character of s that the PDF cannot draw and
// its byte offset, or ok false when it can draw them all.
func Missing(s string) (r rune, offset int, ok bool) {
	for i, c := range s {
		if c >= 0x20 && c < 0x7F {
			continue // ASCII, most text: no search
		}
		if !Drawable(c) {
			return c, i, true
		}
	}
	return 0, 0, false
}

// Describe names a character for a message: U+1F600 GRINNING FACE.
func Describe(r rune) string {
	switch name := runenames.Name(r); {
	case strings.HasPrefix(name, "<CJK Ideograph"):
		return fmt.Sprintf("U+%04X CJK UNIFIED IDEOGRAPH-%04X", r, r)
	case name != "" && name[0] != '<':
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}
