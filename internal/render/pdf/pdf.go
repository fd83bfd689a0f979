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
)

// Renderer draws documents as PDF. It is safe for concurrent use: each
// document gets its own gofpdf instance.
type Renderer struct {
	cover *coverage
	fp    string
}

var (
	coverOnce sync.Once
	cover     *coverage
	coverErr  error
)

// New returns a renderer with the embedded fonts.
func New() (*Renderer, error) {
	coverOnce.Do(func() { cover, coverErr = newCoverage(regularTTF) })
	if coverErr != nil {
		return nil, fmt.Errorf("embedded font: %w", coverErr)
	}
	return &Renderer{cover: cover, fp: fingerprint([]byte(layoutVersion), regularTTF, boldTTF)}, nil
}

// layoutVersion changes when the layout code changes in a way that alters
// output, so incremental builds re-render.
const layoutVersion = "pdf-layout-2"

// Ext is the file extension.
func (r *Renderer) Ext() string { return "pdf" }

// Fingerprint identifies the fonts and layout.
func (r *Renderer) Fingerprint() string { return r.fp }

// Render writes d as a PDF.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	l := newLayout(d, r.cover)
	l.document(d)
	if err := l.pdf.Error(); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := l.pdf.Output(&b); err != nil {
		return err
	}
	_, err := w.Write(finish(b.Bytes(), d.Lang))
	return err
}

// Page geometry in millimetres.
const (
	marginX    = 18.0
	marginTop  = 20.0
	marginBot  = 22.0
	numWidth   = 11.0 // item number column
	bulletIn   = 5.0  // indent of sub-list text
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
)

// layout is the state of one document being drawn.
type layout struct {
	pdf          *gofpdf.Fpdf
	rtl          bool
	cover        *coverage
	pageW, pageH float64
	y            float64
	cur          style
	curSet       bool
}

func newLayout(d *doc.Document, c *coverage) *layout {
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
	// gofpdf pads font tables in place while subsetting (appending to
	// slices of the bytes it was given), so each document needs its own
	// copy: shared bytes are a data race between workers.
	p.AddUTF8FontFromBytes("DejaVu", "", bytes.Clone(regularTTF))
	p.AddUTF8FontFromBytes("DejaVu", "B", bytes.Clone(boldTTF))
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(false, marginBot)
	w, h := p.GetPageSize()
	l := &layout{pdf: p, rtl: d.Dir == "rtl", cover: c, pageW: w, pageH: h}
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

func (l *layout) setStyle(s style) {
	if l.curSet && l.cur == s {
		return
	}
	fs := ""
	if s.bold {
		fs = "B"
	}
	l.pdf.SetFont("DejaVu", fs, s.size)
	l.pdf.SetTextColor(s.color[0], s.color[1], s.color[2])
	l.cur, l.curSet = s, true
}

func lineHeight(s style) float64 { return s.size * 0.3528 * lineFactor }

// document draws the whole document, then the running header and the
// footer on every page, once the page count is known.
func (l *layout) document(d *doc.Document) {
	l.header(d)
	for _, s := range d.Sections {
		l.section(d, s)
	}
	l.approval(d)
	n := l.pdf.PageCount()
	for i := 1; i <= n; i++ {
		l.pdf.SetPage(i)
		l.curSet = false // the font state is per page
		footer := ""
		if d.PageOf != nil {
			footer = d.PageOf(i, n)
		}
		y := l.pageH - marginBot/2
		l.paragraph([]span{{footer, small}}, marginX, l.contentW(), alignCenter, y)
		if i > 1 {
			l.paragraph([]span{{d.Organization + " · " + d.Title, small}}, marginX, l.contentW(), alignEnd, marginTop/2)
		}
	}
}

func (l *layout) header(d *doc.Document) {
	w := l.contentW()
	l.y = l.paragraph([]span{{d.Organization, small}}, marginX, w, alignStart, l.y)
	l.y += 2
	l.y = l.paragraph([]span{{d.Kind, style{bold: true, size: 11, color: accent}}}, marginX, w, alignStart, l.y)
	l.y = l.paragraph([]span{{d.Title, style{bold: true, size: 20, color: ink}}}, marginX, w, alignStart, l.y)
	l.y += 1.5
	for _, f := range d.Meta {
		l.y = l.paragraph([]span{{f.Label + ":", style{size: 9.5, color: muted}}, {f.Value, style{size: 9.5, color: ink}}}, marginX, w, alignStart, l.y)
	}
	l.y += 2.5
	l.pdf.SetDrawColor(accent[0], accent[1], accent[2])
	l.pdf.SetLineWidth(0.6)
	l.pdf.Line(marginX, l.y, l.pageW-marginX, l.y)
	l.y += 5
}

func (l *layout) section(d *doc.Document, s doc.Section) {
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
	l.y = l.paragraph([]span{{s.Number + ". " + s.Title, heading}}, marginX, l.contentW(), alignStart, l.y)
	l.y += 1
	for i, it := range s.Items {
		l.item(d, it, wrapped[i])
	}
	l.y += 2
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

// wrappedItem is an item's text and sub-items wrapped once, for both
// measuring and drawing.
type wrappedItem struct {
	main []line
	subs [][]line
}

func (l *layout) wrapItem(it doc.Item) wrappedItem {
	tw := l.contentW() - numWidth
	w := wrappedItem{main: l.wrap(l.words(itemSpans(it)), tw)}
	for _, s := range it.Sub {
		w.subs = append(w.subs, l.wrap(l.words([]span{{s, body}}), tw-bulletIn))
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
	// Short items stay whole; long ones continue on the next page.
	if h <= 4*lineHeight(body) {
		l.ensure(h)
	} else {
		l.ensure(2 * lineHeight(body))
	}
	numX, textX := marginX, marginX+numWidth
	tw := l.contentW() - numWidth
	if l.rtl {
		numX, textX = l.pageW-marginX-numWidth, marginX
	}
	l.paragraph([]span{{it.Number + ".", style{size: bodySize, color: muted}}}, numX, numWidth, alignStart, l.y)
	l.flowLines(w.main, textX, tw, true)
	for _, sub := range w.subs {
		bx, sx := textX, textX+bulletIn
		if l.rtl {
			bx, sx = textX+tw-bulletIn, textX
		}
		l.ensure(lineHeight(body))
		l.paragraph([]span{{"•", body}}, bx, bulletIn, alignStart, l.y)
		l.flowLines(sub, sx, tw-bulletIn, true)
	}
	if it.Target != "" {
		l.flowLines(l.wrap(l.words([]span{{d.Labels.Target + ": " + it.Target, small}}), tw), textX, tw, false)
	}
	l.y += 1.2
}

// flowLines draws wrapped lines from the cursor, breaking pages between
// lines.
func (l *layout) flowLines(lines []line, x, w float64, justify bool) {
	for i, ln := range lines {
		lh := ln.height()
		if l.y+lh > l.bottom() {
			l.newPage()
		}
		a := alignStart
		if justify && i < len(lines)-1 {
			a = alignJustify
		}
		l.drawLine(ln, x, w, a, l.y)
		l.y += lh
	}
}

// paragraph draws spans at y without page breaks and returns the y below.
func (l *layout) paragraph(sp []span, x, w float64, a align, y float64) float64 {
	for _, ln := range l.wrap(l.words(sp), w) {
		l.drawLine(ln, x, w, a, y)
		y += ln.height()
	}
	return y
}

func (l *layout) approval(d *doc.Document) {
	rows := []string{d.Labels.Name, d.Labels.Signature, d.Labels.Date}
	vals := []string{d.Approval.Name, "", d.Approval.Date}
	rowH := 9.0
	h := lineHeight(heading) + 3 + lineHeight(body) + float64(len(rows))*rowH + 8
	// The approval block is signed on paper: never split it.
	l.ensure(h + 6)
	l.y += 6
	boxW := min(110.0, l.contentW())
	boxX := marginX
	if l.rtl {
		boxX = l.pageW - marginX - boxW
	}
	top := l.y
	l.pdf.SetDrawColor(rule[0], rule[1], rule[2])
	l.pdf.SetLineWidth(0.3)
	l.pdf.Rect(boxX, top, boxW, h, "D")
	inX, inW := boxX+5, boxW-10
	l.y += 3
	l.y = l.paragraph([]span{{d.Labels.Approved, heading}}, inX, inW, alignStart, l.y)
	l.y = l.paragraph([]span{{d.Approval.Title, body}}, inX, inW, alignStart, l.y)
	labelW := 0.0
	l.setStyle(small)
	for _, r := range rows {
		labelW = max(labelW, l.width(r)+3)
	}
	l.pdf.SetDrawColor(ink[0], ink[1], ink[2])
	l.pdf.SetLineWidth(0.25)
	for i, r := range rows {
		l.y += rowH
		lx, lineX := inX, inX+labelW
		if l.rtl {
			lx, lineX = inX+inW-labelW, inX
		}
		base := l.y - 1.2
		l.paragraph([]span{{r, small}}, lx, labelW, alignStart, base-lineHeight(small)+0.8)
		l.pdf.Line(lineX, l.y, lineX+inW-labelW, l.y)
		if vals[i] != "" {
			l.paragraph([]span{{vals[i], body}}, lineX+1, inW-labelW-2, alignStart, base-lineHeight(body)+0.8)
		}
	}
	l.y = top + h
}

// width measures s in the current font.
func (l *layout) width(s string) float64 { return l.pdf.GetStringWidth(s) }

// clean replaces what the font cannot draw, and control characters, so
// every rune that reaches gofpdf has a glyph.
func (l *layout) clean(s string) string {
	ok := true
	for _, r := range s {
		if !l.cover.has(r) {
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
		case l.cover.has(r):
			return r
		case r >= 0x300 && r < 0x370, r >= 0x200B && r <= 0x200F:
			return -1 // marks and invisible controls the font lacks: drop
		}
		return '\uFFFD'
	}, s)
}
