// Package bidi owns the display order of one line of mixed-direction text:
// the Unicode Bidirectional Algorithm's weak, neutral and implicit rules
// (W1-W7, N1-N2, I1-I2) and its reordering rules (L1, L2, L4), with
// character classes from golang.org/x/text/unicode/bidi. Explicit
// embeddings and isolates are not supported; role text does not use them.
package bidi

import xbidi "golang.org/x/text/unicode/bidi"

// Levels resolves the embedding level of each rune of a line whose
// paragraph direction is right to left when rtl is set.
func Levels(line []rune, rtl bool) []uint8 {
	n := len(line)
	base := uint8(0)
	e := xbidi.L
	if rtl {
		base, e = 1, xbidi.R
	}
	t := make([]xbidi.Class, n)
	orig := make([]xbidi.Class, n)
	for i, r := range line {
		p, _ := xbidi.LookupRune(r)
		c := p.Class()
		switch c {
		case xbidi.BN, xbidi.Control, xbidi.LRO, xbidi.RLO, xbidi.LRE, xbidi.RLE, xbidi.PDF, xbidi.LRI, xbidi.RLI, xbidi.FSI, xbidi.PDI:
			c = xbidi.ON
		}
		t[i], orig[i] = c, c
	}
	// W1: a mark takes the class of what it sits on.
	for i := range t {
		if t[i] == xbidi.NSM {
			if i == 0 {
				t[i] = e
			} else {
				t[i] = t[i-1]
			}
		}
	}
	// W2: European digits after Arabic letters are Arabic numbers. W3.
	last := e
	for i := range t {
		switch t[i] {
		case xbidi.L, xbidi.R, xbidi.AL:
			last = t[i]
		case xbidi.EN:
			if last == xbidi.AL {
				t[i] = xbidi.AN
			}
		}
	}
	for i := range t {
		if t[i] == xbidi.AL {
			t[i] = xbidi.R
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < n; i++ {
		a, b := t[i-1], t[i+1]
		switch {
		case t[i] == xbidi.ES && a == xbidi.EN && b == xbidi.EN:
			t[i] = xbidi.EN
		case t[i] == xbidi.CS && a == xbidi.EN && b == xbidi.EN:
			t[i] = xbidi.EN
		case t[i] == xbidi.CS && a == xbidi.AN && b == xbidi.AN:
			t[i] = xbidi.AN
		}
	}
	// W5: terminators (%, currency) next to European numbers join them.
	for i := 0; i < n; i++ {
		if t[i] != xbidi.ET {
			continue
		}
		j := i
		for j < n && t[j] == xbidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == xbidi.EN) || (j < n && t[j] == xbidi.EN) {
			for k := i; k < j; k++ {
				t[k] = xbidi.EN
			}
		}
		i = j - 1
	}
	// W6: remaining separators and terminators are neutral.
	for i := range t {
		switch t[i] {
		case xbidi.ES, xbidi.ET, xbidi.CS:
			t[i] = xbidi.ON
		}
	}
	// W7: European numbers in a left-to-right context are left to right.
	last = e
	for i := range t {
		switch t[i] {
		case xbidi.L, xbidi.R:
			last = t[i]
		case xbidi.EN:
			if last == xbidi.L {
				t[i] = xbidi.L
			}
		}
	}
	// N1, N2: neutrals between two like directions take that direction,
	// other neutrals the paragraph's. Numbers count as right to left.
	strong := func(c xbidi.Class) (xbidi.Class, bool) {
		switch c {
		case xbidi.L:
			return xbidi.L, true
		case xbidi.R, xbidi.EN, xbidi.AN:
			return xbidi.R, true
		}
		return 0, false
	}
	for i := 0; i < n; i++ {
		if _, ok := strong(t[i]); ok {
			continue
		}
		j := i
		for j < n {
			if _, ok := strong(t[j]); ok {
				break
			}
			j++
		}
		before, after := e, e
		if i > 0 {
			before, _ = strong(t[i-1])
		}
		if j < n {
			after, _ = strong(t[j])
		}
		dir := e
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			t[k] = dir
		}
		i = j - 1
	}
	// I1, I2.
	lv := make([]uint8, n)
	for i, c := range t {
		lv[i] = base
		switch {
		case base == 0 && c == xbidi.R:
			lv[i] = 1
		case base == 0 && (c == xbidi.AN || c == xbidi.EN):
			lv[i] = 2
		case base == 1 && (c == xbidi.L || c == xbidi.EN || c == xbidi.AN):
			lv[i] = 2
		}
	}
	// L1: separators and trailing white space return to the paragraph
	// level.
	for i := n - 1; i >= 0 && (orig[i] == xbidi.WS || orig[i] == xbidi.ON && line[i] == ' '); i-- {
		lv[i] = base
	}
	for i, c := range orig {
		if c == xbidi.S || c == xbidi.B {
			lv[i] = base
		}
	}
	return lv
}

// Order returns the indices of line in display order, left to right (L2).
func Order(line []rune, rtl bool) []int {
	lv := Levels(line, rtl)
	idx := make([]int, len(line))
	for i := range idx {
		idx[i] = i
	}
	var hi, lowOdd uint8 = 0, 255
	for _, l := range lv {
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for level := hi; level >= lowOdd && level > 0; level-- {
		for i := 0; i < len(idx); {
			if lv[idx[i]] < level {
				i++
				continue
			}
			j := i
			for j < len(idx) && lv[idx[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				idx[a], idx[b] = idx[b], idx[a]
			}
			i = j
		}
	}
	return idx
}

// mirrors pairs the brackets that swap glyphs in right-to-left runs (L4).
var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{',
	'<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹',
}

// Visual returns line in display order, left to right, with brackets in
// right-to-left runs mirrored. A mark that follows its letter in logical
// order ends up just before it, where fonts that position marks on the
// preceding glyph expect it.
func Visual(line []rune, rtl bool) []rune {
	order, lv := Order(line, rtl), Levels(line, rtl)
	out := make([]rune, len(line))
	for i, k := range order {
		r := line[k]
		if lv[k]%2 == 1 {
			if m, ok := mirrors[r]; ok {
				r = m
			}
		}
		out[i] = r
	}
	return out
}
