package pdf

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

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
	// glue is how the line's spaces stretch and shrink, as the breaker
	// measured it; drawLine fills the line with the same model.
	glue setting
}

// lineHeightOf is the height of line ln: its largest style's.
func (l *layout) lineHeightOf(ln line) float64 {
	h := 0.0
	for _, w := range ln.words {
		h = max(h, l.lineHeight(w.st))
	}
	if h == 0 {
		return l.lineHeight(body)
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
// at their own hyphen (pdftotext would join the lines and drop it), only
// inside their parts.
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
	// Each part of a compound ("fire-safety", "nag-uulat") is hyphenated
	// on its own.
	for _, part := range strings.Split(string(rs[a:b]), "-") {
		pts, ok := l.points[part]
		if !ok {
			// Documents repeat their words; patterns are matched once each.
			pts = l.hyph.Points(part)
			l.points[part] = pts
		}
		for _, p := range pts {
			out = append(out, a+p)
		}
		a += len([]rune(part)) + 1
	}
	return out
}

// Breaking parameters: word spaces may stretch to 1.4 and shrink to 0.8 of
// their natural width, and glyphs may widen or narrow by up to 2 %
// (expansion) as the spaces do. Noto Sans's space is narrow (0.26 em, TeX's
// is 0.33 em), so spaces alone leave a 90-character line only about 2 ems
// of play, and with hyphenation half of all long English paragraphs find
// no breaks within it; expansion of 2 % (pdfTeX's microtype default, and
// the usual 98-102 % glyph scaling of InDesign) adds about 1.6 ems and
// lets nearly every paragraph justify. Hyphens and a last line of one word
// cost extra.
var (
	justified = setting{stretch: 0.4, shrink: 0.2}
	// wide lets spaces reach 1.6x (0.42 em in Noto Sans) and shrink to
	// 0.75x (0.195 em, just under Computer Modern's least in TeX) where
	// that justifies a paragraph that justified cannot, or keeps a word
	// from standing alone on its last line.
	wide = setting{stretch: 0.6, shrink: 0.25}
)

const (
	expansion     = 0.02
	hyphenPenalty = 50
	runtPenalty   = 3000
	raggedLimit   = 40 // tolerance of the fallback, ragged setting
	raggedRag     = 3  // its room at the end of a line, in ems, as TeX's
	// raggedHyphenPenalty makes ragged lines hyphenate rarely.
	raggedHyphenPenalty = 1000
)

// params are TeX's, with its \doublehyphendemerits and a lower
// \adjdemerits.
var params = linebreak.Params{Tolerance: 1, LinePenalty: 10, FlaggedDemerits: 10000, FitnessDemerits: 3000}

// piece is where a box item comes from: rune [from, to) of word w.
type piece struct{ w, from, to int }

// set breaks words into lines of width w, total-fit. A paragraph that
// cannot keep its spaces within the limits is set ragged instead.
func (l *layout) set(ws []word, w float64) []line {
	if len(ws) == 0 {
		return nil
	}
	glue := justified
	items, from := l.items(ws, glue)
	justify := true
	brk := linebreak.Break(items, w, params)
	if brk == nil || flawed(items, from, brk) {
		// A word alone on the last line reads as a mistake, three
		// hyphens in a row make a ladder, and a ragged paragraph among
		// justified ones breaks the right edge; spaces may stretch a
		// little further (still well under a loose line's) or shrink
		// further to avoid them.
		loose, lfrom := l.items(ws, wide)
		b := linebreak.Break(loose, w, params)
		switch {
		case b != nil && !flawed(loose, lfrom, b),
			brk == nil && b != nil && !runt(loose, lfrom, b[len(b)-1]):
			brk, items, from, glue = b, loose, lfrom, wide
		case len(brk) > 1 && runt(items, from, brk[len(brk)-1]) && l.raggedAvoidsRunt(ws, w):
			brk = nil // set ragged below
		}
	}
	if brk == nil {
		justify = false
		glue = setting{rag: raggedRag * body.size * ptToMM}
		items, from = l.items(ws, glue)
		p := params
		p.Tolerance = raggedLimit
		brk = linebreak.Break(items, w, p)
	}
	if brk == nil {
		return l.greedy(ws, w)
	}
	lines := make([]line, len(brk))
	for i, b := range brk {
		ln := line{justify: justify && i < len(brk)-1, glue: glue}
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

// flawed reports whether a paragraph's lines end in a runt or hold a
// ladder of three hyphenated lines in a row.
func flawed(items []linebreak.Item, from []piece, brk []linebreak.Line) bool {
	if len(brk) > 1 && runt(items, from, brk[len(brk)-1]) {
		return true
	}
	run := 0
	for _, ln := range brk {
		if it := items[ln.End]; it.Kind == linebreak.Penalty && it.Flagged && it.Width > 0 {
			if run++; run == 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
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
// and shrink by shares of their width and glyphs by expansion, or ragged,
// with fixed spaces and room at the end of each line (rag).
type setting struct {
	stretch, shrink float64
	rag             float64 // in millimetres; zero: justified
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
	// glyphs is the width of the boxes since the last space: their
	// expansion is given to that space's glue, so that a line's glue
	// holds the expansion of all its words but the last (a conservative
	// measure: drawLine expands the last word too).
	glyphs := 0.0
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
			g := linebreak.Item{Kind: linebreak.Glue, Width: sp, Stretch: sp * s.stretch, Shrink: sp * s.shrink}
			if s.rag == 0 {
				g.Stretch += glyphs * expansion
				g.Shrink += glyphs * expansion
			}
			glyphs = 0
			brk(pen, 0, false, g)
		}
		rs := []rune(wd.text)
		start := 0
		hy := l.measure(string(breakHyphen), wd.st)
		for _, b := range wd.breaks {
			bw := l.measure(string(rs[start:b]), wd.st)
			glyphs += bw
			items = append(items, linebreak.Item{Kind: linebreak.Box, Width: bw})
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
		bw := l.measure(string(rs[start:]), wd.st)
		glyphs += bw
		items = append(items, linebreak.Item{Kind: linebreak.Box, Width: bw})
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
	scale := 1.0
	switch {
	case a == alignJustify:
		scale = ln.glue.expand(w-total, sum, gaps*gap)
		gap = (w - sum*scale) / gaps
	case a == alignCenter:
		start = x + (w-total)/2
	case (a == alignStart) == l.rtl:
		start = x + w - total
	}
	base := y + l.lineHeightOf(ln)*0.74
	l.tag.content(func() {
		if scale != 1 {
			l.pdf.RawWriteStr(fmt.Sprintf("%.2f Tz", 100*scale))
		}
		cx := start
		for i, v := range vis {
			if i < len(vis)-1 {
				// Each word is placed on its own, so the space between
				// words is drawn too, invisibly, for the text that
				// screen readers and structure-aware extractors read.
				v.text += " "
			}
			l.drawWord(v, cx, base, scale)
			cx += v.width*scale + gap
		}
		if scale != 1 {
			l.pdf.RawWriteStr("100 Tz")
		}
	})
}

// expand returns the horizontal scale of a justified line's glyphs, given
// the room to fill (negative: to take in), the natural width of its glyphs
// and of its spaces. Glyphs take their share of the adjustment as the
// breaker measured it, never more than expansion; the spaces take the
// rest.
func (s setting) expand(room, glyphs, spaces float64) float64 {
	share := s.stretch
	if room < 0 {
		share = s.shrink
	}
	flex := spaces*share + glyphs*expansion
	if flex <= 0 {
		return 1
	}
	r := max(-1, min(1, room/flex))
	// Rounded as the content stream writes it, so positions match it.
	return math.Round(10000*(1+r*expansion)) / 10000
}

// drawWord draws a word at x on baseline y, its glyphs scaled
// horizontally by scale.
//
// Harakat follow their letter in logical order and so come just before it
// in display order, which is where pdftotext expects right-to-left marks.
// gofpdf has no mark positioning, and a mark drawn at its own origin there
// straddles two letters. So the text layer keeps each mark where it is,
// invisible, and its outline is drawn as a path, centred over its letter.
func (l *layout) drawWord(v word, x, y, scale float64) {
	l.setStyle(v.st)
	marks := l.m.marks[faceOf(v.st)]
	rs := []rune(v.text)
	start, cx := 0, x
	for i, r := range rs {
		m := marks[r]
		if m.path == nil {
			cx += l.measure(string(r), v.st) * scale
			continue
		}
		j := i + 1
		for j < len(rs) && marks[rs[j]].path != nil {
			j++
		}
		if j == len(rs) || !unicode.Is(unicode.Arabic, rs[j]) {
			continue
		}
		if i > start {
			l.pdf.Text(x, y, string(rs[start:i]))
		}
		l.pdf.RawWriteStr("3 Tr") // invisible
		l.pdf.Text(cx, y, string(r))
		l.pdf.RawWriteStr("0 Tr")
		l.outline(m, cx+l.measure(string(rs[j]), v.st)*scale/2, y, v.st, scale)
		start, x = i+1, cx
	}
	if start < len(rs) {
		l.pdf.Text(x, y, string(rs[start:]))
	}
}

// outline fills mark m's outline in style st with its ink centred on x,
// on baseline y.
func (l *layout) outline(m mark, x, y float64, st style, scale float64) {
	k := st.size * ptToMM / 1000
	kx := k * scale
	x -= m.mid * kx
	pt := func(p fixed.Point26_6) (float64, float64) {
		return x + float64(p.X)/64*kx, y + float64(p.Y)/64*k // y grows down in both
	}
	l.pdf.SetFillColor(st.color[0], st.color[1], st.color[2])
	var cx, cy float64 // the current point
	for i, sg := range m.path {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				l.pdf.ClosePath()
			}
			cx, cy = pt(sg.Args[0])
			l.pdf.MoveTo(cx, cy)
		case sfnt.SegmentOpLineTo:
			cx, cy = pt(sg.Args[0])
			l.pdf.LineTo(cx, cy)
		case sfnt.SegmentOpQuadTo:
			// PDF has cubic curves only: the same curve, raised.
			qx, qy := pt(sg.Args[0])
			px, py := pt(sg.Args[1])
			l.pdf.CurveBezierCubicTo(cx+(qx-cx)*2/3, cy+(qy-cy)*2/3, px+(qx-px)*2/3, py+(qy-py)*2/3, px, py)
			cx, cy = px, py
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			cx, cy = pt(sg.Args[2])
			l.pdf.CurveBezierCubicTo(x1, y1, x2, y2, cx, cy)
		}
	}
	l.pdf.ClosePath()
	l.pdf.DrawPath("F")
}

// visual returns a line's words in display order, left to right.
func (l *layout) visual(ln []word) []word {
	if !l.runRTL && !hasRTL(ln) {
		out := append([]word(nil), ln...)
		for i := range out {
			out[i].text = dropMarks(out[i].text)
		}
		return out
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
	order := bidi.Order(rs, l.runRTL)
	vis := bidi.Visual(rs, l.runRTL)
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
		if isBidiMark(r) {
			continue // it has done its work: ordering
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
			if unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Hebrew, r) || r == rlm || r == alm {
				return true
			}
		}
	}
	return false
}

// The bidi marks: invisible characters with a direction (left to right,
// right to left, Arabic letter). Like a browser, the layout keeps them
// for the bidi algorithm, gives them no width and draws nothing for them.
const (
	lrm = '\u200E'
	rlm = '\u200F'
	alm = '\u061C'
)

func isBidiMark(r rune) bool { return r == lrm || r == rlm || r == alm }

// dropMarks removes the bidi marks from a word about to be drawn.
func dropMarks(s string) string {
	if !strings.ContainsAny(s, "\u200E\u200F\u061C") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiMark(r) {
			return -1
		}
		return r
	}, s)
}
