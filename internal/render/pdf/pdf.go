// Package pdf owns rendering documents as print-ready PDF with gofpdf:
// embedded fonts, wrapped and justified text, page breaks that keep
// headings with their text, and Arabic shaped and laid out right to left.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

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
	return &Renderer{m: fontMetrics, fp: fingerprint([]byte(layoutVersion), sansTTF, sansBoldTTF, naskhTTF, naskhBoldTTF)}, nil
}

// layoutVersion changes when the layout code changes in a way that alters
// output, so incremental builds re-render.
const layoutVersion = "pdf-layout-3"

// Ext is the file extension.
func (r *Renderer) Ext() string { return "pdf" }

// Fingerprint identifies the fonts and layout.
func (r *Renderer) Fingerprint() string { return r.fp }

// Render writes d as a PDF.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	l := newLayout(d, r.m)
	l.document(d)
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
	marginX    = 18.0
	marginTop  = 20.0
	marginBot  = 22.0
	numGap     = 2.5 // between an item's number and its text
	bulletIn   = 5.0 // indent of sub-list text
	bodySize   = 10.5
	lineFactor = 1.45
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
	rtl          bool
	m            *metrics
	hyph         *hyphen.Patterns // nil: no hyphenation
	numW         float64          // the item number column, gap included
	pageW, pageH float64
	y            float64
	cur          style
	curFace      face
	curSet       bool
	added        [faces]bool
	tag          *tagger
}

func newLayout(d *doc.Document, m *metrics) *layout {
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
	l := &layout{pdf: p, rtl: d.Dir == "rtl", m: m, hyph: hyphen.For(d.Lang), pageW: w, pageH: h}
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

// setFace selects face f at style s's size and colour.
func (l *layout) setFace(f face, s style) {
	if l.curSet && l.cur == s && l.curFace == f {
		return
	}
	if !l.added[f] {
		// Faces are added on first use: gofpdf parses, subsets and
		// writes every face it was given, so an English document skips
		// the Arabic ones. gofpdf pads font tables in place while
		// subsetting (appending to slices of the bytes it was given), so
		// each document needs its own copy: shared bytes are a data race
		// between workers.
		ff := faceFiles[f]
		l.pdf.AddUTF8FontFromBytes(ff.family, ff.style, bytes.Clone(*ff.ttf))
		l.added[f] = true
	}
	size := s.size
	if f >= naskh {
		size *= arabicScale
	}
	if !l.curSet || l.cur.color != s.color {
		l.pdf.SetTextColor(s.color[0], s.color[1], s.color[2])
	}
	l.pdf.SetFont(faceFiles[f].family, faceFiles[f].style, size)
	l.cur, l.curFace, l.curSet = s, f, true
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

func lineHeight(s style) float64 { return s.size * 0.3528 * lineFactor }

// document draws the whole document, then the running header and the
// footer on every page, once the page count is known.
func (l *layout) document(d *doc.Document) {
	l.header(d)
	for i, s := range d.Sections {
		l.section(d, s, i == len(d.Sections)-1)
	}
	l.approval(d)
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
	for _, f := range d.Meta {
		l.tagged("P", func() {
			l.y = l.paragraph([]span{{f.Label + ":", style{size: 9.5, color: muted}}, {f.Value, style{size: 9.5, color: ink}}}, marginX, w, alignStart, l.y)
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

func (l *layout) section(d *doc.Document, s doc.Section, last bool) {
	wrapped := make([]wrappedItem, len(s.Items))
	for i, it := range s.Items {
		wrapped[i] = l.wrapItem(it)
	}
	first := 0.0
	if len(s.Items) > 0 {
		first = wrapped[0].height(s.Items[0], true)
	}
	// A heading never ends a page: it moves with its first item (or the
	// item's first lines, when the item is long).
	l.ensure(lineHeight(heading) + 3 + min(first, 3*lineHeight(body)))
	l.y += 1.5
	l.tagged("H2", func() {
		l.y = l.paragraph([]span{{s.Number + ". " + s.Title, heading}}, marginX, l.contentW(), alignStart, l.y)
	})
	l.y += 1
	l.tag.begin("L")
	for i, it := range s.Items {
		if last && i == max(0, len(s.Items)-keepWithApproval) {
			l.keepTail(d, s.Items[i:], wrapped[i:])
		}
		l.item(d, it, wrapped[i])
	}
	l.tag.end()
	l.y += 2
}

// keepTail starts a new page unless the items left and the approval block
// fit on this one; when they could not fit on any page, it does nothing.
func (l *layout) keepTail(d *doc.Document, items []doc.Item, w []wrappedItem) {
	h := l.approvalHeight(d) + approvalGap
	for i, it := range items {
		h += w[i].height(it, false)
	}
	if h <= l.bottom()-marginTop {
		l.ensure(h + 2)
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

// height is the item's height, or its first paragraph's with firstOnly.
func (w wrappedItem) height(it doc.Item, firstOnly bool) float64 {
	h := float64(len(w.main)) * lineHeight(body)
	if firstOnly {
		return h
	}
	for _, s := range w.subs {
		h += float64(len(s)) * lineHeight(body)
	}
	if it.Target != "" {
		h += lineHeight(small)
	}
	return h + 1.2
}

func (l *layout) item(d *doc.Document, it doc.Item, w wrappedItem) {
	h := w.height(it, false)
	// Short items stay whole; long ones continue on the next page, with
	// at least two lines on each.
	if h <= 4*lineHeight(body) {
		l.ensure(h)
	} else {
		l.ensure(2 * lineHeight(body))
	}
	numX, textX := marginX, marginX+l.numW
	tw := l.contentW() - l.numW
	if l.rtl {
		numX, textX = l.pageW-marginX-l.numW, marginX
	}
	l.tag.begin("LI")
	l.tagged("Lbl", func() { l.paragraph([]span{{it.Number + ".", numberStyle}}, numX, l.numW, alignStart, l.y) })
	l.tag.begin("LBody")
	l.tagged("P", func() { l.flowLines(w.main, textX, tw) })
	if len(w.subs) > 0 {
		l.tag.begin("L")
		for _, sub := range w.subs {
			bx, sx := textX, textX+bulletIn
			if l.rtl {
				bx, sx = textX+tw-bulletIn, textX
			}
			l.ensure(lineHeight(body))
			l.tag.begin("LI")
			l.tagged("Lbl", func() { l.paragraph([]span{{"•", body}}, bx, bulletIn, alignStart, l.y) })
			l.tagged("LBody", func() { l.flowLines(sub, sx, tw-bulletIn) })
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

// flowLines draws set lines from the cursor, breaking pages between lines
// so that no page holds a single line of the paragraph.
func (l *layout) flowLines(lines []line, x, w float64) {
	for i, ln := range lines {
		lh := ln.height()
		need := lh
		if i == 0 || i == len(lines)-2 {
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
		y += ln.height()
	}
	return y
}

// The approval block's geometry, in millimetres.
const (
	approvalGap  = 6.0 // above the block
	approvalRowH = 9.0
)

func (l *layout) approvalHeight(d *doc.Document) float64 {
	return lineHeight(heading) + 3 + lineHeight(body) + 3*approvalRowH + 8
}

func (l *layout) approval(d *doc.Document) {
	rows := []string{d.Labels.Name, d.Labels.Signature, d.Labels.Date}
	vals := []string{d.Approval.Name, "", d.Approval.Date}
	h := l.approvalHeight(d)
	// The approval block is signed on paper: never split it.
	l.ensure(h + approvalGap)
	l.y += approvalGap
	boxW := min(110.0, l.contentW())
	boxX := marginX
	if l.rtl {
		boxX = l.pageW - marginX - boxW
	}
	top := l.y
	l.tag.furniture("Layout", func() {
		l.pdf.SetDrawColor(rule[0], rule[1], rule[2])
		l.pdf.SetLineWidth(0.3)
		l.pdf.Rect(boxX, top, boxW, h, "D")
	})
	inX, inW := boxX+5, boxW-10
	l.y += 3
	l.tag.begin("Table")
	l.tag.begin("Caption")
	l.tagged("P", func() { l.y = l.paragraph([]span{{d.Labels.Approved, heading}}, inX, inW, alignStart, l.y) })
	l.tagged("P", func() { l.y = l.paragraph([]span{{d.Approval.Title, body}}, inX, inW, alignStart, l.y) })
	l.tag.end()
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, l.measure(r, small)+3)
	}
	for i, r := range rows {
		l.y += approvalRowH
		lx, lineX := inX, inX+labelW
		if l.rtl {
			lx, lineX = inX+inW-labelW, inX
		}
		base := l.y - 1.2
		l.tag.begin("TR")
		l.tagged("TH", func() { l.paragraph([]span{{r, small}}, lx, labelW, alignStart, base-lineHeight(small)+0.8) })
		l.tagged("TD", func() {
			if vals[i] != "" {
				l.paragraph([]span{{vals[i], body}}, lineX+1, inW-labelW-2, alignStart, base-lineHeight(body)+0.8)
			}
		})
		l.tag.end()
		l.rule(ink, 0.25, lineX, l.y, lineX+inW-labelW, l.y)
	}
	l.tag.end()
	l.y = top + h
}

// clean replaces what the font cannot draw, and control characters, so
// every rune that reaches gofpdf has a glyph.
func (l *layout) clean(s string) string {
	ok := true
	for _, r := range s {
		if _, has := l.m.faceFor(r, false); !has || r == breakHyphen {
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
		}
		if _, has := l.m.faceFor(r, false); has {
			return r
		}
		switch {
		case r >= 0x300 && r < 0x370, r >= 0x200B && r <= 0x200F:
			return -1 // marks and invisible controls the font lacks: drop
		}
		return '\uFFFD'
	}, s)
}
