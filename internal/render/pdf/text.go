package pdf

import (
	"strings"
	"unicode"

	"github.com/roledoc/roledoc/internal/text/arabic"
	"github.com/roledoc/roledoc/internal/text/bidi"
)

// span is text in one style.
type span struct {
	text string
	st   style
}

// word is a shaped word, in logical order, with its measured width.
type word struct {
	text  string
	st    style
	width float64
}

// line is the words of one wrapped line, in logical order.
type line []word

func (ln line) height() float64 {
	h := 0.0
	for _, w := range ln {
		h = max(h, lineHeight(w.st))
	}
	if h == 0 {
		return lineHeight(body)
	}
	return h
}

type align int

const (
	alignStart align = iota // left in LTR documents, right in RTL ones
	alignEnd
	alignCenter
	alignJustify
)

// words splits spans into shaped, measured words. Arabic joining never
// crosses a space, so shaping word by word is exact.
func (l *layout) words(sp []span) []word {
	var out []word
	for _, s := range sp {
		l.setStyle(s.st)
		for _, f := range strings.Fields(l.clean(s.text)) {
			shaped := string(arabic.Shape([]rune(f)))
			out = append(out, word{shaped, s.st, l.width(shaped)})
		}
	}
	return out
}

// wrap fills lines greedily in logical order; a word wider than the line
// is cut where it must be.
func (l *layout) wrap(ws []word, w float64) []line {
	var lines []line
	var cur line
	used := 0.0
	for _, wd := range ws {
		l.setStyle(wd.st)
		space := l.width(" ")
		for wd.width > w {
			head, tail := l.cut(wd, w)
			if len(cur) > 0 {
				lines = append(lines, cur)
			}
			lines = append(lines, line{head})
			cur, used = nil, 0
			wd = tail
		}
		need := wd.width
		if len(cur) > 0 {
			need += space
		}
		if len(cur) > 0 && used+need > w {
			lines = append(lines, cur)
			cur, used, need = nil, 0, wd.width
		}
		cur = append(cur, wd)
		used += need
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// cut splits a word that is wider than w into a part that fits and the
// rest.
func (l *layout) cut(wd word, w float64) (word, word) {
	rs := []rune(wd.text)
	n := 1
	for n < len(rs) && l.width(string(rs[:n+1])) <= w {
		n++
	}
	head, tail := string(rs[:n]), string(rs[n:])
	return word{head, wd.st, l.width(head)}, word{tail, wd.st, l.width(tail)}
}

// drawLine draws one line with its top at y. Right-to-left text is
// reordered for display after wrapping, so the line breaks fall where
// the logical text says.
func (l *layout) drawLine(ln line, x, w float64, a align, y float64) {
	if len(ln) == 0 {
		return
	}
	vis := l.visual(ln)
	sum := 0.0
	for i := range vis {
		l.setStyle(vis[i].st)
		vis[i].width = l.width(vis[i].text)
		sum += vis[i].width
	}
	l.setStyle(ln[0].st)
	gap := l.width(" ")
	gaps := float64(len(vis) - 1)
	total := sum + gaps*gap
	start := x
	// Justify only where the spaces stay under three times their width:
	// wider gaps read as holes (and as column breaks to text extractors),
	// so such a line is set ragged instead.
	if a == alignJustify && (gaps == 0 || (w-sum)/gaps > 3*gap) {
		a = alignStart
	}
	switch {
	case a == alignJustify:
		gap = (w - sum) / gaps
		total = w
	case a == alignCenter:
		start = x + (w-total)/2
	case (a == alignStart) == l.rtl:
		start = x + w - total
	}
	base := y + ln.height()*0.74
	cx := start
	for _, v := range vis {
		l.setStyle(v.st)
		l.pdf.Text(cx, base, v.text)
		cx += v.width + gap
	}
}

// visual returns a line's words in display order, left to right.
func (l *layout) visual(ln line) []word {
	if !l.rtl && !hasRTL(ln) {
		return ln
	}
	var rs []rune
	var owner []int
	for i, w := range ln {
		if i > 0 {
			rs = append(rs, ' ')
			owner = append(owner, i)
		}
		for _, r := range w.text {
			rs = append(rs, r)
			owner = append(owner, i)
		}
	}
	order := bidi.Order(rs, l.rtl)
	vis := bidi.Visual(rs, l.rtl)
	var out []word
	var cur []rune
	curOwner := -1
	flush := func() {
		if len(cur) > 0 {
			out = append(out, word{text: string(cur), st: ln[curOwner].st})
		}
		cur = nil
	}
	for i, r := range vis {
		if r == ' ' {
			flush()
			continue
		}
		if len(cur) == 0 {
			curOwner = owner[order[i]]
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func hasRTL(ln line) bool {
	for _, w := range ln {
		for _, r := range w.text {
			if unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Hebrew, r) {
				return true
			}
		}
	}
	return false
}
