// Package pdf owns rendering documents as print-ready, tagged PDF with
// gofpdf: embedded fonts, total-fit justified and hyphenated text, page
// breaks that keep headings and signature blocks with their text, Arabic
// shaped and laid out right to left, and a text layer that extracts as
// typed.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/text/hyphen"
)

// Renderer draws documents as PDF. It is safe for concurrent use: each
// document gets its own gofpdf instance.
type Renderer struct {
	m  *metrics
	fp string
}

var (
	metricsOnce sync.Once
	fontMetrics *metrics
	metricsErr  error
)

// New returns a renderer with the embedded fonts.
func New() (*Renderer, error) {
	metricsOnce.Do(func() { fontMetrics, metricsErr = newMetrics() })
	if metricsErr != nil {
		return nil, fmt.Errorf("embedded font: %w", metricsErr)
	}
	return &Renderer{m: fontMetrics, fp: fingerprint([]byte(layoutVersion), regularTTF, boldTTF)}, nil
}

// layoutVersion changes when the layout code changes in a way that alters
// output, so incremental builds re-render.
const layoutVersion = "pdf-layout-4"

// Ext is the file extension.
func (r *Renderer) Ext() string { return "pdf" }

// Fingerprint identifies the fonts and layout.
func (r *Renderer) Fingerprint() string { return r.fp }

// Render writes d as a PDF.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	l := newLayout(d, r.m, leading)
	l.document(d)
	if l.pdf.PageCount() > 1 && l.y-marginTop < thinPage*(l.bottom()-marginTop) {
		// The last page holds little more than the signature blocks and
		// the items kept with them: a little tighter, the document may
		// fit a page fewer, which beats a page of signatures.
		c := newLayout(d, r.m, compactLeading)
		c.document(d)
		if c.pdf.PageCount() < l.pdf.PageCount() {
			l = c
		}
	}
	if err := l.pdf.Error(); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := l.pdf.Output(&b); err != nil {
		return err
	}
	_, err := w.Write(finish(b.Bytes(), d.Lang, d.Title, l.tag))
	return err
}

// Page geometry in millimetres.
const (
	marginX   = 18.0
	marginTop = 18.0
	marginBot = 20.0
	numGap    = 2.5 // between an item's number and its text
	bulletIn  = 5.0 // indent of sub-list text
	bodySize  = 10.5
	// leading is the line spacing, a share of the font size.
	leading = 1.4
	// compactLeading is a little under Noto Sans's own line spacing
	// (ascender, descender and line gap: 1.362 em): still comfortable on
	// a 90-character line, and used only where it saves a page.
	compactLeading = 1.34
	// thinPage: a last page filled less than this is worth saving.
	thinPage = 0.3
)

var (
	ink    = [3]int{27, 31, 36}
	muted  = [3]int{74, 83, 97}
	accent = [3]int{31, 78, 121}
	rule   = [3]int{201, 206, 214}
)

// style is how a run of text is set.
type style struct {
	bold  bool
	size  float64
	color [3]int
}

var (
	body    = style{size: bodySize, color: ink}
	label   = style{bold: true, size: bodySize, color: ink}
	small   = style{size: 9, color: muted}
	heading = style{bold: true, size: 12.5, color: accent}
	// numberStyle sets item numbers.
	numberStyle = style{size: bodySize, color: muted}
)

// layout is the state of one document being drawn.
type layout struct {
	pdf          *gofpdf.Fpdf
	rtl          bool // the page's direction: alignment, number column
	runRTL       bool // the direction of the text being set: the page's, or an isolate's
	m            *metrics
	lead         float64          // line spacing, a share of the font size
	hyph         *hyphen.Patterns // nil: no hyphenation
	points       map[string][]int // hyphenation points by word
	numW         float64          // the item number column, gap included
	pageW, pageH float64
	y            float64
	cur          style
	curSet       bool
	added        [faces]bool
	tag          *tagger
}

func newLayout(d *doc.Document, m *metrics, lead float64) *layout {
	size := "A4"
	if d.Page == "Letter" {
		size = "Letter"
	}
	p := gofpdf.New("P", "mm", size, "")
	p.SetCompression(true)
	p.SetCatalogSort(true)
	date := d.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(d.Title, true)
	p.SetAuthor(d.Organization, true)
	p.SetSubject(d.Subject, true)
	p.SetCreator(d.Generator, true)
	p.SetProducer(d.Generator, true)
	p.SetKeywords(d.Lang, true)
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(false, marginBot)
	w, h := p.GetPageSize()
	l := &layout{pdf: p, rtl: d.Dir == "rtl", runRTL: d.Dir == "rtl", m: m, lead: lead, hyph: hyphen.For(d.Lang), points: map[string][]int{}, pageW: w, pageH: h}
	l.numW = l.numberWidth(d)
	l.tag = newTagger(p)
	l.newPage()
	return l
}

func (l *layout) newPage() {
	l.pdf.AddPage()
	l.y = marginTop
	l.curSet = false
}

func (l *layout) contentW() float64 { return l.pageW - 2*marginX }
func (l *layout) bottom() float64   { return l.pageH - marginBot }

// ensure starts a new page unless h millimetres fit below the cursor.
func (l *layout) ensure(h float64) {
	if l.y+h > l.bottom() && l.y > marginTop {
		l.newPage()
	}
}

// setStyle selects the face, size and colour of style s.
func (l *layout) setStyle(s style) {
	if l.curSet && l.cur == s {
		return
	}
	f := faceOf(s)
	if !l.added[f] {
		// Faces are added on first use: gofpdf parses, subsets and
		// writes every face it was given. gofpdf pads font tables in
		// place while subsetting (appending to slices of the bytes it was
		// given), so each document needs its own copy: shared bytes are a
		// data race between workers.
		ff := faceFiles[f]
		l.pdf.AddUTF8FontFromBytes(ff.family, ff.style, bytes.Clone(*ff.ttf))
		l.added[f] = true
	}
	if !l.curSet || l.cur.color != s.color {
		l.pdf.SetTextColor(s.color[0], s.color[1], s.color[2])
	}
	l.pdf.SetFont(faceFiles[f].family, faceFiles[f].style, s.size)
	l.cur, l.curSet = s, true
}

// numberWidth is the item number column: the widest number in the
// document and a clear gap, so two-digit numbers never touch the text.
func (l *layout) numberWidth(d *doc.Document) float64 {
	w := 0.0
	for _, s := range d.Sections {
		for _, it := range s.Items {
			w = max(w, l.measure(it.Number+".", numberStyle))
		}
	}
	return w + numGap
}

// lineHeight is the distance between baselines of text in style s.
func (l *layout) lineHeight(s style) float64 { return s.size * 0.3528 * l.lead }

// document draws the whole document, then the running header and the
// footer on every page, once the page count is known.
func (l *layout) document(d *doc.Document) {
	l.header(d)
	bs := l.blocks(d)
	for i, s := range d.Sections {
		var tail []block
		if i == len(d.Sections)-1 {
			tail = bs
		}
		l.section(d, s, tail)
	}
	l.signatures(d, bs)
	l.revisions(d)
	n := l.pdf.PageCount()
	for i := 1; i <= n; i++ {
		l.pdf.SetPage(i)
		l.curSet = false // the font state is per page
		l.tag.furniture("Pagination", func() {
			y := l.pageH - marginBot/2
			l.paragraph([]span{{footer(d, i, n), small}}, marginX, l.contentW(), alignCenter, y)
			if i > 1 {
				l.paragraph([]span{{d.Organization + " · " + d.Title, small}}, marginX, l.contentW(), alignEnd, marginTop/2)
			}
		})
	}
}

// footer identifies the document on every page, so a loose page can be
// matched to its document and version: "sales-manager · Version: 1.2 ·
// Effective: 1 March 2026 · Page 1 of 2".
func footer(d *doc.Document, page, pages int) string {
	parts := []string{d.RoleID}
	if d.Version != "" {
		parts = append(parts, d.Labels.Version+": "+d.Version)
	}
	if d.Effective != "" {
		parts = append(parts, d.Labels.Effective+": "+d.Effective)
	}
	if d.PageOf != nil {
		parts = append(parts, d.PageOf(page, pages))
	}
	return strings.Join(parts, " · ")
}

func (l *layout) header(d *doc.Document) {
	w := l.contentW()
	l.tagged("P", func() { l.y = l.paragraph([]span{{d.Organization, small}}, marginX, w, alignStart, l.y) })
	l.y += 2
	l.tagged("P", func() {
		l.y = l.paragraph([]span{{d.Kind, style{bold: true, size: 11, color: accent}}}, marginX, w, alignStart, l.y)
	})
	l.tagged("H1", func() {
		l.y = l.paragraph([]span{{d.Title, style{bold: true, size: 20, color: ink}}}, marginX, w, alignStart, l.y)
	})
	l.y += 1.5
	// The values stand in a column after the widest label, so the eye
	// finds version and date without reading the labels.
	key, val := style{size: 9.5, color: muted}, style{size: 9.5, color: ink}
	lw := 0.0
	for _, f := range d.Meta {
		ws := l.words([]span{{f.Label + ":", key}})
		sum := float64(len(ws)-1) * l.space(key)
		for _, wd := range ws {
			sum += wd.width
		}
		lw = max(lw, sum)
	}
	// A gutter of 1.6 em: clearly a column, not a wide word space (text
	// extractors and typo_metrics take gaps over 1.5 em for columns).
	lw = min(lw+1.6*key.size*ptToMM, w/3)
	kx, vx := marginX, marginX+lw
	if l.rtl {
		kx, vx = marginX+w-lw, marginX
	}
	for _, f := range d.Meta {
		l.tagged("P", func() {
			y := l.paragraph([]span{{f.Label + ":", key}}, kx, lw, alignStart, l.y)
			l.y = max(y, l.paragraph([]span{{f.Value, val}}, vx, w-lw, alignStart, l.y))
		})
	}
	l.y += 2.5
	l.rule(accent, 0.6, marginX, l.y, l.pageW-marginX, l.y)
	l.y += 5
}

// tagged draws with draw inside a structure element of type typ.
func (l *layout) tagged(typ string, draw func()) {
	l.tag.begin(typ)
	draw()
	l.tag.end()
}

// rule draws a line that is decoration, not content.
func (l *layout) rule(c [3]int, width, x1, y1, x2, y2 float64) {
	l.tag.furniture("Layout", func() {
		l.pdf.SetDrawColor(c[0], c[1], c[2])
		l.pdf.SetLineWidth(width)
		l.pdf.Line(x1, y1, x2, y2)
	})
}

// keepWithApproval is how many items of the last section stay on the page
// of the approval block, so that a signature never stands on a page of its
// own.
const keepWithApproval = 2

// section draws a section; tail are the blocks that follow it, which keep
// its last items company.
func (l *layout) section(d *doc.Document, s doc.Section, tail []block) {
	wrapped := make([]wrappedItem, len(s.Items))
	for i, it := range s.Items {
		wrapped[i] = l.wrapItem(it)
	}
	first := 0.0
	if len(s.Items) > 0 {
		first = l.itemNeed(wrapped[0], s.Items[0])
	}
	// A heading never ends a page: it moves with what its first item
	// needs on the page.
	l.ensure(l.lineHeight(heading) + 3 + first)
	l.y += 1.5
	l.tagged("H2", func() {
		l.y = l.paragraph([]span{{s.Number + ". " + s.Title, heading}}, marginX, l.contentW(), alignStart, l.y)
	})
	l.y += 1
	l.tag.begin("L")
	for i, it := range s.Items {
		if tail != nil && i == max(0, len(s.Items)-keepWithApproval) {
			l.keepTail(tail, s.Items[i:], wrapped[i:])
		}
		l.item(d, it, wrapped[i])
	}
	l.tag.end()
	l.y += 2
}

// keepTail starts a new page unless the items left and the signature
// blocks fit on this one, so that no page holds only blocks. When they
// could not fit on any page, the items and the first row of blocks are
// kept together instead.
func (l *layout) keepTail(bs []block, items []doc.Item, w []wrappedItem) {
	h := 0.0
	for i, it := range items {
		h += l.itemHeight(w[i], it)
	}
	room := l.bottom() - marginTop
	switch all := h + blocksHeight(bs); {
	case all <= room:
		l.ensure(all + 2)
	case h+blocksHeight(bs[:min(2, len(bs))]) <= room:
		l.ensure(h + blocksHeight(bs[:min(2, len(bs))]) + 2)
	}
}

// itemSpans is the text of an item: a bold label for provisions, then the
// text.
func itemSpans(it doc.Item) []span {
	var sp []span
	if it.Label != "" {
		sp = append(sp, span{it.Label + ":", label})
	}
	if it.Text != "" {
		sp = append(sp, span{it.Text, body})
	}
	return sp
}

// wrappedItem is an item's text and sub-items set once, for both
// measuring and drawing.
type wrappedItem struct {
	main []line
	subs [][]line
}

func (l *layout) wrapItem(it doc.Item) wrappedItem {
	tw := l.contentW() - l.numW
	w := wrappedItem{main: l.set(l.words(itemSpans(it)), tw)}
	for _, s := range it.Sub {
		w.subs = append(w.subs, l.set(l.words([]span{{s, body}}), tw-bulletIn))
	}
	return w
}

// itemHeight is item w's height, with the gap below it.
func (l *layout) itemHeight(w wrappedItem, it doc.Item) float64 {
	h := float64(len(w.main)) * l.lineHeight(body)
	for _, s := range w.subs {
		h += float64(len(s)) * l.lineHeight(body)
	}
	if it.Target != "" {
		h += l.lineHeight(small)
	}
	return h + 1.2
}

// itemNeed is the room item w needs below the cursor to start on this
// page. Short items, up to four lines (a target line counts as one), stay
// whole; longer ones continue on the next page with at least two lines on
// each (see flowLines).
func (l *layout) itemNeed(w wrappedItem, it doc.Item) float64 {
	if h := l.itemHeight(w, it); h <= 4*l.lineHeight(body)+1.2 {
		return h
	}
	return 2 * l.lineHeight(body)
}

func (l *layout) item(d *doc.Document, it doc.Item, w wrappedItem) {
	l.ensure(l.itemNeed(w, it))
	numX, textX := marginX, marginX+l.numW
	tw := l.contentW() - l.numW
	if l.rtl {
		numX, textX = l.pageW-marginX-l.numW, marginX
	}
	l.tag.begin("LI")
	l.tagged("Lbl", func() { l.paragraph([]span{{it.Number + ".", numberStyle}}, numX, l.numW, alignStart, l.y) })
	l.tag.begin("LBody")
	l.tagged("P", func() {
		if it.Lang == "" || it.Label != "" {
			l.flowLines(w.main, textX, tw)
			return
		}
		// Untranslated text, shown in English: tagged as English and
		// ordered in its own direction, so its full stop stays at its
		// end, but placed as the page's, next to its number.
		l.tag.lang(it.Lang)
		l.isolate(rtlText(it.Text), func() { l.flowLines(w.main, textX, tw) })
	})
	if len(w.subs) > 0 {
		l.tag.begin("L")
		for i, sub := range w.subs {
			bx, sx := textX, textX+bulletIn
			if l.rtl {
				bx, sx = textX+tw-bulletIn, textX
			}
			l.ensure(l.lineHeight(body))
			l.tag.begin("LI")
			l.tagged("Lbl", func() { l.paragraph([]span{{"•", body}}, bx, bulletIn, alignStart, l.y) })
			l.tagged("LBody", func() {
				if i >= len(it.SubLang) || it.SubLang[i] == "" {
					l.flowLines(sub, sx, tw-bulletIn)
					return
				}
				l.tag.lang(it.SubLang[i])
				l.isolate(rtlText(it.Sub[i]), func() { l.flowLines(sub, sx, tw-bulletIn) })
			})
			l.tag.end()
		}
		l.tag.end()
	}
	if it.Target != "" {
		l.tagged("P", func() {
			l.flowLines(l.set(l.words([]span{{d.Labels.Target + ": " + it.Target, small}}), tw), textX, tw)
		})
	}
	l.tag.end()
	l.tag.end()
	l.y += 1.2
}

// isolate draws text whose own direction may differ from the page's, as
// a browser sets an isolate (<bdi>, dir on a span) that fills its
// paragraph: the words are ordered in the text's direction, while the
// lines are aligned and justified as the page's, so an English item in
// an Arabic page stays at the right, next to its number.
func (l *layout) isolate(rtl bool, draw func()) {
	page := l.runRTL
	l.runRTL = rtl
	defer func() { l.runRTL = page }()
	draw()
}

// rtlText reports whether text runs right to left, judged as HTML's
// dir="auto" judges it: by its first letter.
func rtlText(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Arabic, unicode.Hebrew) {
			return true
		}
		if unicode.IsLetter(r) {
			return false
		}
	}
	return false
}

// flowLines draws set lines from the cursor, breaking pages between lines
// so that no page holds a single line of the paragraph.
func (l *layout) flowLines(lines []line, x, w float64) {
	for i, ln := range lines {
		lh := l.lineHeightOf(ln)
		need := lh
		switch {
		case i == 0 && len(lines) < 4:
			// Two lines on each page take four: a shorter paragraph
			// moves whole.
			need = lh * float64(len(lines))
		case i == 0 || i == len(lines)-2:
			need = lh * float64(min(2, len(lines)-i))
		}
		if l.y+need > l.bottom() && l.y > marginTop {
			l.newPage()
		}
		l.drawLine(ln, x, w, alignJustify, l.y)
		l.y += lh
	}
}

// paragraph draws spans at y without page breaks and returns the y below.
func (l *layout) paragraph(sp []span, x, w float64, a align, y float64) float64 {
	for _, ln := range l.set(l.words(sp), w) {
		l.drawLine(ln, x, w, a, y)
		y += l.lineHeightOf(ln)
	}
	return y
}

// Signature blocks' geometry, in millimetres.
const (
	blockGap  = 6.0 // above the blocks, and between them
	blockRowH = 9.0 // a name, signature or date line
	blockPad  = 5.0
)

// block is one box signed on paper: the approval, an agreement, or the
// employee's acknowledgement.
type block struct {
	heading string
	text    []line // the approver's position, or the statement
	name    string
	date    string
	// recorded is an approval recorded for this content, set in place of
	// the lines to sign.
	recorded []line
	w, h     float64
}

// blocks sets the signature blocks at their width: one alone is 110 mm
// wide, several stand two to a row.
func (l *layout) blocks(d *doc.Document) []block {
	type raw struct{ heading, text, name, date, recorded string }
	rs := []raw{{d.Labels.Approved, d.Approval.Title, d.Approval.Name, d.Approval.Date, d.Approval.Recorded}}
	for _, a := range d.Agreements {
		rs = append(rs, raw{d.Labels.Agreed, a.Title, a.Name, a.Date, a.Recorded})
	}
	if a := d.Acknowledgement; a != nil {
		rs = append(rs, raw{a.Heading, a.Statement, "", "", ""})
	}
	w := min(110.0, l.contentW())
	if len(rs) > 1 {
		w = (l.contentW() - blockGap) / 2
	}
	out := make([]block, len(rs))
	for i, r := range rs {
		b := block{heading: r.heading, name: r.name, date: r.date, w: w}
		b.text = l.set(l.words([]span{{r.text, body}}), w-2*blockPad)
		b.h = 3 + l.lineHeight(heading) + float64(len(b.text))*l.lineHeight(body) + 3*blockRowH + 5
		if r.recorded != "" {
			b.recorded = l.set(l.words([]span{{r.recorded, body}}), w-2*blockPad)
			b.h = 3 + l.lineHeight(heading) + float64(len(b.text)+len(b.recorded))*l.lineHeight(body) + 2 + 5
		}
		out[i] = b
	}
	// Blocks on one row share its height, so their lines align.
	for i := 0; i+1 < len(out); i += 2 {
		h := max(out[i].h, out[i+1].h)
		out[i].h, out[i+1].h = h, h
	}
	return out
}

// blocksHeight is the height of all blocks, with the gaps above each row.
func blocksHeight(bs []block) float64 {
	h := 0.0
	for i := 0; i < len(bs); i += 2 {
		h += blockGap + bs[i].h
	}
	return h
}

// signatures draws the signature blocks. A block is never split, and the
// first row keeps the last items company (see keepTail).
func (l *layout) signatures(d *doc.Document, bs []block) {
	for i, b := range bs {
		col := i % 2
		if col == 0 {
			l.ensure(blockGap + b.h)
			l.y += blockGap
		}
		x := marginX + float64(col)*(b.w+blockGap)
		if l.rtl {
			x = l.pageW - marginX - float64(col)*(b.w+blockGap) - b.w
		}
		l.signature(d, b, x, l.y)
		if col == 1 || i == len(bs)-1 {
			l.y += b.h
		}
	}
}

// signature draws one block with its top left corner at x, y.
func (l *layout) signature(d *doc.Document, b block, x, top float64) {
	l.tag.furniture("Layout", func() {
		l.pdf.SetDrawColor(rule[0], rule[1], rule[2])
		l.pdf.SetLineWidth(0.3)
		l.pdf.Rect(x, top, b.w, b.h, "D")
	})
	inX, inW := x+blockPad, b.w-2*blockPad
	y := top + 3
	lines := func(ls []line) {
		for _, ln := range ls {
			l.drawLine(ln, inX, inW, alignStart, y)
			y += l.lineHeightOf(ln)
		}
	}
	if len(b.recorded) > 0 {
		// A recorded approval is text, not a form to fill in.
		l.tag.begin("Div")
		l.tagged("P", func() { y = l.paragraph([]span{{b.heading, heading}}, inX, inW, alignStart, y) })
		l.tagged("P", func() { lines(b.text) })
		y += 2
		l.tagged("P", func() { lines(b.recorded) })
		l.tag.end()
		return
	}
	l.tag.begin("Table")
	l.tag.begin("Caption")
	l.tagged("P", func() { y = l.paragraph([]span{{b.heading, heading}}, inX, inW, alignStart, y) })
	l.tagged("P", func() { lines(b.text) })
	l.tag.end()
	rows := []string{d.Labels.Name, d.Labels.Signature, d.Labels.Date}
	vals := []string{b.name, "", b.date}
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, l.measure(r, small)+3)
	}
	// The rows sit at the bottom, so blocks of one row line up.
	y = top + b.h - 5 - 3*blockRowH
	for i, r := range rows {
		y += blockRowH
		lx, lineX := inX, inX+labelW
		if l.rtl {
			lx, lineX = inX+inW-labelW, inX
		}
		base := y - 1.2
		l.tag.begin("TR")
		l.tagged("TH", func() {
			l.tag.scope("Row")
			l.paragraph([]span{{r, small}}, lx, labelW, alignStart, base-l.lineHeight(small)+0.8)
		})
		l.tagged("TD", func() {
			if vals[i] != "" {
				l.paragraph([]span{{vals[i], body}}, lineX+1, inW-labelW-2, alignStart, base-l.lineHeight(body)+0.8)
			}
		})
		l.tag.end()
		l.rule(ink, 0.25, lineX, y, lineX+inW-labelW, y)
	}
	l.tag.end()
}

// revisions draws the revision history as a table, when there is one.
func (l *layout) revisions(d *doc.Document) {
	if len(d.Revisions) == 0 {
		return
	}
	cols := []string{d.Labels.Version, d.Labels.Date, d.Labels.Change}
	widths := []float64{22, 38, l.contentW() - 60}
	xs := []float64{marginX, marginX + widths[0], marginX + widths[0] + widths[1]}
	if l.rtl {
		for i := range xs {
			xs[i] = l.pageW - xs[i] - widths[i]
		}
	}
	row := func(cells []string, st style, cell string) {
		set := make([][]line, len(cells))
		h := 0.0
		for i, c := range cells {
			set[i] = l.set(l.words([]span{{c, st}}), widths[i]-2)
			h = max(h, float64(len(set[i]))*l.lineHeight(st))
		}
		l.ensure(h + 1)
		l.tag.begin("TR")
		for i := range cells {
			l.tagged(cell, func() {
				if cell == "TH" {
					l.tag.scope("Column")
				}
				y := l.y
				for _, ln := range set[i] {
					l.drawLine(ln, xs[i], widths[i]-2, alignStart, y)
					y += l.lineHeightOf(ln)
				}
			})
		}
		l.tag.end()
		l.y += h + 1
	}
	l.ensure(l.lineHeight(heading) + 4 + 2*l.lineHeight(body))
	l.y += blockGap
	l.tagged("H2", func() {
		l.y = l.paragraph([]span{{d.Labels.Revisions, heading}}, marginX, l.contentW(), alignStart, l.y)
	})
	l.y += 1
	// Rules under the header and below the last row, as in a booktabs
	// table: no boxes, no vertical lines.
	hr := func() {
		l.rule(rule, 0.3, marginX, l.y-0.3, l.pageW-marginX, l.y-0.3)
		l.y += 0.7
	}
	l.tag.begin("Table")
	row(cols, label, "TH")
	hr()
	for _, r := range d.Revisions {
		row([]string{r.Version, r.Date, r.Change}, body, "TD")
	}
	hr()
	l.tag.end()
}

// clean replaces what the font cannot draw, and control characters, so
// every rune that reaches gofpdf has a glyph.
func (l *layout) clean(s string) string {
	ok := true
	for _, r := range s {
		if !l.m.has(r) || r == breakHyphen {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return ' '
		case r == breakHyphen:
			return '-' // the same glyph; U+2010 marks line-break hyphens
		case r == '\u00AD':
			return r // a break opportunity, removed by words
		case isBidiMark(r):
			return r // ordering text, removed once the line is ordered
		}
		if l.m.has(r) {
			return r
		}
		switch {
		case r >= 0x300 && r < 0x370, r >= 0x200B && r <= 0x200F:
			return -1 // marks and invisible controls the font lacks: drop
		}
		return '\uFFFD'
	}, s)
}
