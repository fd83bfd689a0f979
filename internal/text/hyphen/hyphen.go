// Package hyphen owns word hyphenation by Liang's patterns (the method of
// TeX and LibreOffice), with the committed pattern files for English, Dutch,
// Indonesian and Tagalog.
package hyphen

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Patterns hyphenates words of one language.
type Patterns struct {
	// pats maps a pattern's letters (with '.' for a word edge) to its
	// digits: len(letters)+1 values, one before each letter and one after.
	pats        map[string][]byte
	maxLen      int
	left, right int // fewest letters before and after a hyphen
}

// Parse reads patterns in libhyphen's format: a character-set line, optional
// LEFTHYPHENMIN and RIGHTHYPHENMIN lines, then one pattern a line. Lines
// that start with % are comments.
func Parse(data []byte) (*Patterns, error) {
	// Without settings in the file, TeX's English minimums: two letters
	// before a hyphen and three after, so "kepa-da" or "ma-ken" never occur.
	p := &Patterns{pats: make(map[string][]byte), left: 2, right: 3}
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			if line != "UTF-8" {
				return nil, fmt.Errorf("line 1: character set %q: want UTF-8", line)
			}
			continue
		}
		if line == "" || line[0] == '%' {
			continue
		}
		if k, v, ok := strings.Cut(line, " "); ok {
			m, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || m < 1 {
				return nil, fmt.Errorf("line %d: %q: not a setting", n, line)
			}
			switch k {
			case "LEFTHYPHENMIN":
				p.left = m
			case "RIGHTHYPHENMIN":
				p.right = m
			}
			continue // other settings (compound limits) do not apply
		}
		letters, digits := split(line)
		if letters == "" {
			return nil, fmt.Errorf("line %d: %q: no letters", n, line)
		}
		if prev, ok := p.pats[letters]; ok {
			// Two patterns with the same letters (id.dic has some) both
			// apply: Liang takes the larger digit at each place.
			for i := range digits {
				digits[i] = max(digits[i], prev[i])
			}
		}
		p.pats[letters] = digits
		p.maxLen = max(p.maxLen, len([]rune(letters)))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// split separates a pattern such as ".ach4" into its letters ".ach" and
// the digit before each letter and after the last.
func split(pat string) (string, []byte) {
	var letters []rune
	digits := []byte{0}
	for _, r := range pat {
		if r >= '0' && r <= '9' {
			digits[len(digits)-1] = byte(r - '0')
			continue
		}
		letters = append(letters, r)
		digits = append(digits, 0)
	}
	return string(letters), digits
}

// Points returns the rune offsets inside word where it may be hyphenated,
// in increasing order. Words with anything but letters get none: names,
// codes and numbers are not split.
func (p *Patterns) Points(word string) []int {
	rs := []rune(word)
	if len(rs) < p.left+p.right {
		return nil
	}
	// The word, lower-cased and between dots, as bytes; at[i] is where
	// rune i starts. Map lookups by string(buf[a:b]) do not allocate.
	buf := make([]byte, 0, len(word)+2)
	at := make([]int, 0, len(rs)+3)
	buf = append(buf, '.')
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return nil
		}
		at = append(at, len(buf))
		buf = utf8.AppendRune(buf, unicode.ToLower(r)) // rune by rune, so offsets stay the word's
	}
	at = append([]int{0}, at...)
	at = append(at, len(buf))
	buf = append(buf, '.')
	at = append(at, len(buf))
	n := len(at) - 1 // runes, dots included
	val := make([]byte, n+1)
	for i := range n {
		for j := i + 1; j <= n && j-i <= p.maxLen; j++ {
			d, ok := p.pats[string(buf[at[i]:at[j]])]
			if !ok {
				continue
			}
			for k, v := range d {
				val[i+k] = max(val[i+k], v)
			}
		}
	}
	var out []int
	// val[k+1] is the value between rune k-1 and rune k of the word
	// (offset by the leading dot).
	for k := p.left; k <= len(rs)-p.right; k++ {
		if val[k+1]%2 == 1 {
			out = append(out, k)
		}
	}
	return out
}

//go:embed patterns/*.dic
var files embed.FS

var (
	mu     sync.Mutex
	loaded = map[string]*Patterns{}
)

// For returns the patterns for a BCP 47 language tag, or nil when there are
// none (Arabic). They are parsed once, on first use.
func For(lang string) *Patterns {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	mu.Lock()
	defer mu.Unlock()
	if p, ok := loaded[base]; ok {
		return p
	}
	var p *Patterns
	if data, err := files.ReadFile("patterns/" + base + ".dic"); err == nil {
		// The committed files are tested to parse.
		p, _ = Parse(data)
	}
	loaded[base] = p
	return p
}
