// Package arabic owns Arabic shaping for renderers that draw code points
// as they are: each letter is replaced by its contextual presentation form
// (isolated, final, initial, medial) and lam-alef pairs by their ligature.
package arabic

import "unicode"

// forms are a letter's presentation forms: isolated, final, initial,
// medial. A dual-joining letter has all four; a right-joining letter (it
// joins only to the letter before it) has the first two.
type forms [4]rune

const (
	isolated = iota
	final
	initial
	medial
)

func dual(base rune) forms  { return forms{base, base + 1, base + 2, base + 3} }
func right(base rune) forms { return forms{base, base + 1, 0, 0} }

// letters maps Arabic letters to Presentation Forms-B (and -A for the
// Persian and Urdu letters). Letters not listed do not join.
var letters = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0}, // hamza: never joins
	0x0622: right(0xFE81),     // alef with madda above
	0x0623: right(0xFE83),     // alef with hamza above
	0x0624: right(0xFE85),     // waw with hamza above
	0x0625: right(0xFE87),     // alef with hamza below
	0x0626: dual(0xFE89),      // yeh with hamza above
	0x0627: right(0xFE8D),     // alef
	0x0628: dual(0xFE8F),      // beh
	0x0629: right(0xFE93),     // teh marbuta
	0x062A: dual(0xFE95),      // teh
	0x062B: dual(0xFE99),      // theh
	0x062C: dual(0xFE9D),      // jeem
	0x062D: dual(0xFEA1),      // hah
	0x062E: dual(0xFEA5),      // khah
	0x062F: right(0xFEA9),     // dal
	0x0630: right(0xFEAB),     // thal
	0x0631: right(0xFEAD),     // reh
	0x0632: right(0xFEAF),     // zain
	0x0633: dual(0xFEB1),      // seen
	0x0634: dual(0xFEB5),      // sheen
	0x0635: dual(0xFEB9),      // sad
	0x0636: dual(0xFEBD),      // dad
	0x0637: dual(0xFEC1),      // tah
	0x0638: dual(0xFEC5),      // zah
	0x0639: dual(0xFEC9),      // ain
	0x063A: dual(0xFECD),      // ghain
	0x0641: dual(0xFED1),      // feh
	0x0642: dual(0xFED5),      // qaf
	0x0643: dual(0xFED9),      // kaf
	0x0644: dual(0xFEDD),      // lam
	0x0645: dual(0xFEE1),      // meem
	0x0646: dual(0xFEE5),      // noon
	0x0647: dual(0xFEE9),      // heh
	0x0648: right(0xFEED),     // waw
	0x0649: right(0xFEEF),     // alef maksura
	0x064A: dual(0xFEF1),      // yeh
	0x0671: right(0xFB50),     // alef wasla
	0x067E: dual(0xFB56),      // peh
	0x0686: dual(0xFB7A),      // tcheh
	0x0698: right(0xFB8A),     // jeh
	0x06A9: dual(0xFB8E),      // keheh
	0x06AF: dual(0xFB92),      // gaf
	0x06CC: dual(0xFBFC),      // farsi yeh
}

// lamAlef maps the alef that follows a lam to the ligature's isolated form;
// the final form is the next code point.
var lamAlef = map[rune]rune{
	0x0622: 0xFEF5,
	0x0623: 0xFEF7,
	0x0625: 0xFEF9,
	0x0627: 0xFEFB,
}

const (
	lam     = 0x0644
	tatweel = 0x0640
)

// transparent marks (harakat and other combining marks) sit on a letter
// without breaking the join between its neighbours.
func transparent(r rune) bool {
	return unicode.Is(unicode.Mn, r) || r == 0x0670
}

// joinsBefore reports whether r connects to the letter before it.
func joinsBefore(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := letters[r]
	return ok && f[final] != 0
}

// joinsAfter reports whether r connects to the letter after it.
func joinsAfter(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := letters[r]
	return ok && f[initial] != 0
}

// Shape returns s with Arabic letters in their contextual presentation
// forms and lam-alef pairs as ligatures, in logical order. Marks stay right
// after their letter; text in other scripts is returned unchanged.
func Shape(s []rune) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r := s[i]
		f, ok := letters[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := neighbour(s, i, -1)
		next := neighbour(s, i, +1)
		before := prev >= 0 && joinsAfter(s[prev]) && joinsBefore(r)

		if r == lam && next >= 0 {
			if lig, ok := lamAlef[s[next]]; ok {
				if before {
					lig++ // final form of the ligature
				}
				out = append(out, lig)
				// Marks between lam and alef follow the ligature.
				out = append(out, s[i+1:next]...)
				i = next
				continue
			}
		}
		after := next >= 0 && joinsAfter(r) && joinsBefore(s[next])
		switch {
		case before && after:
			out = append(out, f[medial])
		case before:
			out = append(out, f[final])
		case after:
			out = append(out, f[initial])
		default:
			out = append(out, f[isolated])
		}
	}
	return out
}

// neighbour finds the index of the nearest non-mark rune from i in the
// given direction, or -1.
func neighbour(s []rune, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(s); j += dir {
		if !transparent(s[j]) {
			return j
		}
	}
	return -1
}

// Has reports whether s contains Arabic script.
func Has(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}
