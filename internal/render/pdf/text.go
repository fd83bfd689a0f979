package pdf

import (
	"strings"
	"unicode"

	"github.com/roledoc/roledoc/internal/text/arabic"
	"github.com/roledoc/roledoc/internal/text/bidi"
	"github.com/roledoc/roledoc/internal/text/linebreak"
)

// span is text in one style.
type span struct {
	text string
	st   style
}

// word is a shaped word, in logical order, with its measured width and the
// places where it may be hyphenated.
type word struct {
	text   string
	st     style
	width  float64
	breaks []int // rune offsets where a line may end with a hyphen
}

// line is the words (or parts of words) of one set line, in logical order.
type line struct {
	words   []word
	justify bool // false: set ragged, at natural word spacing
}

func (ln line) height() float64 {
	h := 0.0
	for _, w := range ln.words {
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

// breakHyphen is drawn where a line breaks inside a word. It is U+2010
// rather than the hyphen-minus so the text layer can map it to a soft
// hyphen (see patch.go): a copied paragraph then joins the word again.
const breakHyphen = '\u2010'

// words splits spans into shaped, measured words. Arabic joining never
// crosses a space, so shaping word by word is exact.
func (l *layout) words(sp []span) []word {
	var out []word
	for _, s := range sp {
		for _, f := range strings.Fields(l.clean(s.text)) {
			f, soft := softHyphens(f)
			shaped := string(arabic.Shape([]rune(f)))
			w := word{text: shaped, st: s.st, width: l.measure(shaped, s.st)}
			w.breaks = l.hyphenation(f, soft)
			out = append(out, w)
		}
	}
	return out
}

// softHyphens removes U+00AD from w and returns where they were: the
// author's own break points.
func softHyphens(w string) (string, []int) {
	if !strings.ContainsRune(w, '\u00AD') {
		return w, nil
	}
	var pts []int
	var b strings.Builder
	n := 0
	for _, r := range w {
		if r == '\u00AD' {
			if n > 0 {
				pts = append(pts, n)
			}
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), pts
}

// hyphenation finds where word w may break: at soft hyphens, and else
// where the language's patterns allow, in the letters between any leading
// and trailing punctuation. Compounds such as "undang-undang" do not break
// at their own hyphen: pdftotext would join the lines and drop it.
func (l *layout) hyphenation(w string, soft []int) []int {
	rs := []rune(w)
	var out []int
	for _, p := range soft {
		if p < len(rs) {
			out = append(out, p)
		}
	}
	if soft != nil || l.hyph == nil {
		return out
	}
	a, b := 0, len(rs)
	for a < b && !unicode.IsLetter(rs[a]) {
		a++
	}
	for b > a && !unicode.IsLetter(rs[b-1]) {
		b--
	}
	core := string(rs[a:b])
	pts, ok := l.points[core]
	if !ok {
		// Documents repeat their words; patterns are matched once each.
		pts = l.hyph.Points(core)
		l.points[core] = pts
	}
	for _, p := range pts {
		out = append(out, a+p)
	}
	return out
}

// Breaking parameters: word spaces may stretch to 1.4 and shrink to 0.8 of
// their natural width. Hyphens and a last line of one word cost extra.
const (
	stretchShare  = 0.4
	shrinkShare   = 0.2
	hyphenPenalty = 50
	runtPenalty   = 3000
	raggedLimit   = 40 // tolerance of the fallback, ragged setting
	raggedRag     = 3  // its room at the end of a line, in ems, as TeX's
	// raggedHyphenPenalty makes ragged lines hyphenate rarely.
	raggedHyphenPenalty = 1000
	// runtTolerance lets spaces reach 1.8x (0.47 em in Noto Sans) when
	// that keeps a word from standing alone on the last line.
	runtTolerance = 2
	// runtShrinkShare lets spaces shrink to 2/3 (Typst's default limit)
	// for the same purpose.
	runtShrinkShare = 1.0 / 3
)

var params = linebreak.Params{Tolerance: 1, LinePenalty: 10, FlaggedDemerits: 3000, FitnessDemerits: 3000}

// piece is where a box item comes from: rune [from, to) of word w.
type piece struct{ w, from, to int }

// set breaks words into lines of width w, total-fit. A paragraph that
// cannot keep its spaces within the limits is set ragged instead.
func (l *layout) set(ws []word, w float64) []line {
	if len(ws) == 0 {
		return nil
	}
	items, from := l.items(ws, setting{shrink: shrinkShare})
	justify := true
	brk := linebreak.Break(items, w, params)
	if len(brk) > 1 && runt(items, from, brk[len(brk)-1]) {
		// A word alone on the last line reads as a mistake; spaces may
		// stretch a little further (still well under a loose line's) to
		// take a second word down, or shrink further to pull it up.
		p := params
		p.Tolerance = runtTolerance
		loose, lfrom := l.items(ws, setting{shrink: runtShrinkShare})
		b := linebreak.Break(loose, w, p)
		switch {
		case b != nil && !runt(loose, lfrom, b[len(b)-1]):
			brk, items, from = b, loose, lfrom
		case l.raggedAvoidsRunt(ws, w):
			brk = nil // set ragged below
		}
	}
	if brk == nil {
		justify = false
		items, from = l.items(ws, setting{rag: raggedRag * body.size * ptToMM})
		p := params
		p.Tolerance = raggedLimit
		brk = linebreak.Break(items, w, p)
	}
	if brk == nil {
		return l.greedy(ws, w)
	}
	lines := make([]line, len(brk))
	for i, b := range brk {
		ln := line{justify: justify && i < len(brk)-1}
		last := -1
		for k := b.Start; k < b.End; k++ {
			if items[k].Kind != linebreak.Box {
				continue
			}
			p := from[k]
			if p.w == last {
				// The next part of the same word: join it back.
				prev := &ln.words[len(ln.words)-1]
				rs := []rune(ws[p.w].text)
				prev.text += string(rs[p.from:p.to])
			} else {
				rs := []rune(ws[p.w].text)
				ln.words = append(ln.words, word{text: string(rs[p.from:p.to]), st: ws[p.w].st})
			}
			last = p.w
		}
		if it := items[b.End]; it.Kind == linebreak.Penalty && it.Flagged && it.Width > 0 {
			ln.words[len(ln.words)-1].text += string(breakHyphen)
		}
		for j := range ln.words {
			ln.words[j].width = l.measure(ln.words[j].text, ln.words[j].st)
		}
		lines[i] = ln
	}
	return lines
}

// raggedAvoidsRunt reports whether the ragged setting of ws keeps more
// than one word on its last line.
func (l *layout) raggedAvoidsRunt(ws []word, w float64) bool {
	items, from := l.items(ws, setting{rag: raggedRag * body.size * ptToMM})
	p := params
	p.Tolerance = raggedLimit
	b := linebreak.Break(items, w, p)
	return b != nil && !runt(items, from, b[len(b)-1])
}

// runt reports whether line ln holds (part of) a single word.
func runt(items []linebreak.Item, from []piece, ln linebreak.Line) bool {
	w := -1
	for k := ln.Start; k < ln.End; k++ {
		if items[k].Kind != linebreak.Box {
			continue
		}
		if w >= 0 && from[k].w != w {
			return false
		}
		w = from[k].w
	}
	return true
}

// setting is how items are built: justified, with spaces that stretch
// and shrink by shares of their width, or ragged, with fixed spaces and
// room at the end of each line (rag).
type setting struct {
	shrink float64
	rag    float64 // in millimetres; zero: justified
}

// items turns words into the boxes, glue and penalties of Knuth and
// Plass, and records which part of which word each box is. A ragged
// setting uses their scheme for ragged lines: a break gets the rag's
// stretch, which cancels out where the line goes on.
func (l *layout) items(ws []word, s setting) ([]linebreak.Item, []piece) {
	items := make([]linebreak.Item, 0, 4*len(ws)+2)
	from := make([]piece, 0, cap(items))
	add := func(it linebreak.Item) {
		items = append(items, it)
		from = append(from, piece{})
	}
	// brk adds a break opportunity of cost pen and width w (a hyphen),
	// with glue g after it that vanishes when the line breaks there.
	brk := func(pen, w float64, flagged bool, g linebreak.Item) {
		if s.rag == 0 {
			if pen != 0 || w != 0 {
				add(linebreak.Item{Kind: linebreak.Penalty, Penalty: pen, Width: w, Flagged: flagged})
			}
			if g.Width != 0 {
				add(g)
			}
			return
		}
		add(linebreak.Item{Kind: linebreak.Penalty, Penalty: linebreak.Infinity})
		add(linebreak.Item{Kind: linebreak.Glue, Stretch: s.rag})
		add(linebreak.Item{Kind: linebreak.Penalty, Penalty: pen, Width: w, Flagged: flagged})
		g.Stretch, g.Shrink = -s.rag, 0
		add(g)
	}
	for i, wd := range ws {
		last := i == len(ws)-1 && len(ws) > 2
		if i > 0 {
			pen := 0.0
			switch {
			case strings.HasSuffix(ws[i-1].text, "-"):
				// "kwartaal- en": pdftotext would take a line ending in a
				// hyphen for a hyphenated word and join it to the next.
				pen = linebreak.Infinity
			case last:
				// A break before the last word leaves it alone on the line.
				pen = runtPenalty
			}
			sp := l.space(ws[i-1].st)
			brk(pen, 0, false, linebreak.Item{Kind: linebreak.Glue, Width: sp, Stretch: sp * stretchShare, Shrink: sp * s.shrink})
		}
		rs := []rune(wd.text)
		start := 0
		hy := l.measure(string(breakHyphen), wd.st)
		for _, b := range wd.breaks {
			items = append(items, linebreak.Item{Kind: linebreak.Box, Width: l.measure(string(rs[start:b]), wd.st)})
			from = append(from, piece{i, start, b})
			pen := float64(hyphenPenalty)
			if s.rag > 0 {
				// A ragged line need not be filled: hyphenate only where
				// the rag would otherwise be deep.
				pen = raggedHyphenPenalty
			}
			if last {
				pen += runtPenalty
			}
			brk(pen, hy, true, linebreak.Item{Kind: linebreak.Glue})
			start = b
		}
		items = append(items, linebreak.Item{Kind: linebreak.Box, Width: l.measure(string(rs[start:]), wd.st)})
		from = append(from, piece{i, start, len(rs)})
	}
	add(linebreak.Item{Kind: linebreak.Glue, Stretch: 1e5})
	add(linebreak.Item{Kind: linebreak.Penalty, Penalty: -linebreak.Infinity})
	return items, from
}

// greedy fills lines word by word, ragged, cutting a word that is wider
// than the line: the last resort for text such as long codes.
func (l *layout) greedy(ws []word, w float64) []line {
	var lines []line
	var cur line
	used := 0.0
	for _, wd := range ws {
		space := l.space(wd.st)
		for wd.width > w {
			head, tail := l.cut(wd, w)
			if len(cur.words) > 0 {
				lines = append(lines, cur)
			}
			lines = append(lines, line{words: []word{head}})
			cur, used = line{}, 0
			wd = tail
		}
		need := wd.width
		if len(cur.words) > 0 {
			need += space
		}
		if len(cur.words) > 0 && used+need > w {
			lines = append(lines, cur)
			cur, used, need = line{}, 0, wd.width
		}
		cur.words = append(cur.words, wd)
		used += need
	}
	if len(cur.words) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// cut splits a word that is wider than w into a part that fits and the
// rest.
func (l *layout) cut(wd word, w float64) (word, word) {
	rs := []rune(wd.text)
	n := 1
	for n < len(rs)-1 && l.measure(string(rs[:n+1]), wd.st) <= w {
		n++
	}
	head, tail := string(rs[:n]), string(rs[n:])
	return word{text: head, st: wd.st, width: l.measure(head, wd.st)}, word{text: tail, st: wd.st, width: l.measure(tail, wd.st)}
}

// ptToMM converts a size in points to millimetres.
const ptToMM = 25.4 / 72

// measure returns the width of s in millimetres.
func (l *layout) measure(s string, st style) float64 {
	adv := l.m.adv[faceOf(st)]
	sum := 0
	for _, r := range s {
		if r < 0x10000 && adv[r] != markWidth {
			sum += int(adv[r])
		}
	}
	return float64(sum) * st.size / 1000 * ptToMM
}

// space is the natural word space in style st.
func (l *layout) space(st style) float64 { return l.measure(" ", st) }

// drawLine draws one line with its top at y. Right-to-left text is
// reordered for display after breaking, so the breaks fall where the
// logical text says.
func (l *layout) drawLine(ln line, x, w float64, a align, y float64) {
	if len(ln.words) == 0 {
		return
	}
	vis := l.visual(ln.words)
	sum := 0.0
	for i := range vis {
		vis[i].width = l.measure(vis[i].text, vis[i].st)
		sum += vis[i].width
	}
	gap := l.space(ln.words[0].st)
	gaps := float64(len(vis) - 1)
	total := sum + gaps*gap
	start := x
	if a == alignJustify && (!ln.justify || gaps == 0) {
		a = alignStart
	}
	if total > w && gaps > 0 {
		// A last line the breaker set with shrunk spaces.
		a = alignJustify
	}
	switch {
	case a == alignJustify:
		gap = (w - sum) / gaps
	case a == alignCenter:
		start = x + (w-total)/2
	case (a == alignStart) == l.rtl:
		start = x + w - total
	}
	base := y + ln.height()*0.74
	l.tag.content(func() {
		cx := start
		for i, v := range vis {
			if i < len(vis)-1 {
				// Each word is placed on its own, so the space between
				// words is drawn too, invisibly, for the text that
				// screen readers and structure-aware extractors read.
				v.text += " "
			}
			l.drawWord(v, cx, base)
			cx += v.width + gap
		}
	})
}

// drawWord draws a word at x on baseline y.
func (l *layout) drawWord(v word, x, y float64) {
	l.setStyle(v.st)
	l.pdf.Text(x, y, v.text)
}

// visual returns a line's words in display order, left to right.
func (l *layout) visual(ln []word) []word {
	if !l.rtl && !hasRTL(ln) {
		return append([]word(nil), ln...)
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

func hasRTL(ln []word) bool {
	for _, w := range ln {
		for _, r := range w.text {
			if unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Hebrew, r) {
				return true
			}
		}
	}
	return false
}
