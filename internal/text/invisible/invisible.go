// Package invisible owns what makes text say something other than it
// seems: bidi controls that reorder it, and characters that draw nothing.
package invisible

import (
	"strings"
	"unicode"
)

// Control returns the first bidi embedding, override or isolate in s
// (U+202A-202E, U+2066-2069) and its byte offset. Such a control reorders
// the text after it until its end; the HTML and PDF would not agree on
// where that is, and a reader cannot see it. The marks U+200E, U+200F
// and U+061C are not controls: they are characters with a direction.
func Control(s string) (r rune, offset int, ok bool) {
	if strings.IndexByte(s, 0xE2) < 0 {
		return 0, 0, false // every control is encoded E2 80 xx or E2 81 xx
	}
	for i, c := range s {
		if c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 {
			return c, i, true
		}
	}
	return 0, 0, false
}

// Blank reports whether s shows nothing: it holds only spaces of any
// kind, format characters (zero-width spaces and joiners, marks, soft
// hyphens) and the fillers that are letters drawn as nothing.
func Blank(s string) bool {
	for _, r := range s {
		if !Invisible(r) {
			return false
		}
	}
	return true
}

// Invisible reports whether r draws nothing.
func Invisible(r rune) bool {
	switch r {
	case 0x115F, 0x1160, 0x3164, 0xFFA0, // Hangul fillers
		0x2800, // braille blank
		0x180E, // Mongolian vowel separator
		0x034F: // combining grapheme joiner
		return true
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cf, unicode.Zs, unicode.Cc)
}
