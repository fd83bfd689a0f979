package pdf

import (
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// tagger records a tagged PDF's structure tree while the layout draws:
// elements such as H1, L, LI and P, and the marked content on each page
// that belongs to them. finish writes it out as objects.
type tagger struct {
	pdf   *gofpdf.Fpdf
	elems []elem
	open  []int   // the elements being drawn, innermost last
	pages [][]int // by page: the element that owns each marked-content id
	// artifact is set while page furniture is drawn, which is not
	// tagged.
	artifact bool
}

type elem struct {
	typ, lang string
	scope     string // of a table header cell: Row or Column
	parent    int    // -1: the structure tree root
	kids      []kid
}

// kid is a child element, or (elem < 0) marked content on a page.
type kid struct {
	elem, page, mcid int
}

func newTagger(pdf *gofpdf.Fpdf) *tagger {
	t := &tagger{pdf: pdf}
	t.begin("Document")
	return t
}

// begin opens an element inside the current one.
func (t *tagger) begin(typ string) {
	n := len(t.elems)
	parent := -1
	if len(t.open) > 0 {
		parent = t.open[len(t.open)-1]
		t.elems[parent].kids = append(t.elems[parent].kids, kid{elem: n})
	}
	t.elems = append(t.elems, elem{typ: typ, parent: parent})
	t.open = append(t.open, n)
}

// lang marks the current element as written in another language than the
// document's.
func (t *tagger) lang(tag string) { t.elems[t.open[len(t.open)-1]].lang = tag }

// scope sets the current table header cell's scope, Row or Column.
func (t *tagger) scope(s string) { t.elems[t.open[len(t.open)-1]].scope = s }

// end closes the current element.
func (t *tagger) end() { t.open = t.open[:len(t.open)-1] }

// content draws with draw as marked content of the current element, or as
// an artifact while page furniture is drawn.
func (t *tagger) content(draw func()) {
	if t.artifact {
		draw()
		return
	}
	page := t.pdf.PageNo() - 1
	for len(t.pages) <= page {
		t.pages = append(t.pages, nil)
	}
	cur := t.open[len(t.open)-1]
	mcid := len(t.pages[page])
	t.pages[page] = append(t.pages[page], cur)
	t.elems[cur].kids = append(t.elems[cur].kids, kid{elem: -1, page: page, mcid: mcid})
	t.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", t.elems[cur].typ, mcid))
	draw()
	t.pdf.RawWriteStr("EMC")
}

// furniture draws running headers, footers and rules as artifacts, which
// assistive software skips.
func (t *tagger) furniture(kind string, draw func()) {
	t.pdf.RawWriteStr("/Artifact <</Type /" + kind + ">> BDC")
	was := t.artifact
	t.artifact = true
	draw()
	t.artifact = was
	t.pdf.RawWriteStr("EMC")
}

// write stores the tree's objects in objs, numbered by newObj, with root
// as the structure tree root; pages are the page objects' numbers.
func (t *tagger) write(root int, pages []int, newObj func() int, objs map[int]string) {
	num := make([]int, len(t.elems))
	for i := range t.elems {
		num[i] = newObj()
	}
	parentTree := newObj()
	for i, e := range t.elems {
		var b strings.Builder
		parent := root
		if e.parent >= 0 {
			parent = num[e.parent]
		}
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", e.typ, parent)
		if e.lang != "" {
			fmt.Fprintf(&b, " /Lang (%s)", e.lang)
		}
		if e.scope != "" {
			fmt.Fprintf(&b, " /A <</O /Table /Scope /%s>>", e.scope)
		}
		b.WriteString(" /K [")
		for _, k := range e.kids {
			if k.elem >= 0 {
				fmt.Fprintf(&b, "%d 0 R ", num[k.elem])
			} else if k.page < len(pages) {
				fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>> ", pages[k.page], k.mcid)
			}
		}
		b.WriteString("]>>")
		objs[num[i]] = b.String()
	}
	var nums strings.Builder
	for p := range pages {
		fmt.Fprintf(&nums, "%d [", p)
		if p < len(t.pages) {
			for _, e := range t.pages[p] {
				fmt.Fprintf(&nums, "%d 0 R ", num[e])
			}
		}
		nums.WriteString("] ")
	}
	objs[parentTree] = "<</Nums [" + nums.String() + "]>>"
	objs[root] = fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>", num[0], parentTree, len(pages))
}
