package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// finish adds what gofpdf cannot write, by editing its output and
// appending objects, then writing a new cross-reference table:
//   - the structure tree of a tagged PDF (see tags.go), /MarkInfo, the
//     pages' /StructParents, and XMP metadata that claims PDF/UA-1;
//   - /Lang, and /ViewerPreferences that show the title, not the file name;
//   - a ToUnicode map that turns Arabic presentation forms back into
//     letters, so text extracts as typed (gofpdf's map is the identity);
//   - subset tags on the font names, so tools report subsets as subsets.
//
// It returns pdf unchanged when the file is not laid out as gofpdf writes
// it.
func finish(pdf []byte, lang, title string, t *tagger) []byte {
	f, ok := parse(pdf)
	if !ok {
		return pdf
	}
	next := f.size
	newObj := func() int { next++; return next - 1 }
	root, meta := newObj(), newObj()

	// Pages: their place in the parent tree, and tab order by structure.
	for i, p := range f.pages {
		at := f.offsets[p] + len(strconv.Itoa(p)+" 0 obj\n")
		f.edit(at, "<</Type /Page\n", fmt.Sprintf("<</Type /Page\n/StructParents %d\n/Tabs /S\n", i))
	}
	var extra bytes.Buffer
	objs := map[int]string{}
	t.write(root, f.pages, newObj, objs)
	objs[meta] = xmpStream(lang, title)

	cat := "/Type /Catalog\n"
	var c strings.Builder
	c.WriteString(cat)
	if lang != "" {
		fmt.Fprintf(&c, "/Lang (%s)\n", lang)
	}
	fmt.Fprintf(&c, "/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/Metadata %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n", root, meta)
	f.editFirst(cat, c.String())
	for _, m := range []struct{ gofpdf, real string }{
		{"utf8notoB", "NotoSansNaskh-Bold"},
		{"utf8noto", "NotoSansNaskh-Regular"},
	} {
		for _, end := range []string{"\n", " "} {
			f.editAll("/"+m.gofpdf+end, "/"+subsetTag(m.real)+"+"+m.real+end)
		}
	}
	f.editAll(streamOf(identityCMap), streamOf(toUnicode()))

	body := f.apply()
	offsets := make([]int, next)
	for n := 1; n < f.size; n++ {
		offsets[n] = f.moved(f.offsets[n])
	}
	for n := f.size; n < next; n++ {
		offsets[n] = len(body) + extra.Len()
		fmt.Fprintf(&extra, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	out := append(body, extra.Bytes()...)
	xref := len(out)
	var x bytes.Buffer
	fmt.Fprintf(&x, "xref\n0 %d\n0000000000 65535 f \n", next)
	for n := 1; n < next; n++ {
		fmt.Fprintf(&x, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&x, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", next, f.root, f.info, xref)
	return append(out, x.Bytes()...)
}

// file is gofpdf's output being edited: edits are collected against the
// original bytes and applied at once, so each is a single copy.
type file struct {
	src        []byte
	body       int   // where the old cross-reference table starts
	offsets    []int // by object number
	size       int   // the trailer's /Size
	root, info int
	pages      []int // page object numbers, in order
	edits      []edit
}

type edit struct {
	at  int
	old int // length replaced
	new string
}

var (
	trailerRe = regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>`)
	kidsRe    = regexp.MustCompile(`<</Type /Pages\n/Kids \[([0-9 R]*)\]`)
)

func parse(pdf []byte) (*file, bool) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	m := trailerRe.FindSubmatch(pdf[max(xref, 0):])
	if xref < 0 || m == nil {
		return nil, false
	}
	f := &file{src: pdf, body: xref + 1}
	f.size, _ = strconv.Atoi(string(m[1]))
	f.root, _ = strconv.Atoi(string(m[2]))
	f.info, _ = strconv.Atoi(string(m[3]))
	f.offsets = make([]int, f.size)
	rows := bytes.Split(pdf[f.body:], []byte("\n"))
	if len(rows) < f.size+2 {
		return nil, false
	}
	for n := 1; n < f.size; n++ {
		row := rows[2+n]
		if len(row) < 10 {
			return nil, false
		}
		f.offsets[n], _ = strconv.Atoi(string(row[:10]))
	}
	k := kidsRe.FindSubmatch(pdf[:f.body])
	if k == nil {
		return nil, false
	}
	for _, fld := range strings.Fields(string(k[1])) {
		if n, err := strconv.Atoi(fld); err == nil && fld != "0" {
			f.pages = append(f.pages, n)
		}
	}
	return f, true
}

// edit replaces old at offset at, if it is there.
func (f *file) edit(at int, old, new string) {
	if bytes.HasPrefix(f.src[at:], []byte(old)) {
		f.edits = append(f.edits, edit{at, len(old), new})
	}
}

func (f *file) editFirst(old, new string) {
	if at := bytes.Index(f.src[:f.body], []byte(old)); at >= 0 {
		f.edits = append(f.edits, edit{at, len(old), new})
	}
}

func (f *file) editAll(old, new string) {
	for from := 0; ; {
		at := bytes.Index(f.src[from:f.body], []byte(old))
		if at < 0 {
			return
		}
		f.edits = append(f.edits, edit{from + at, len(old), new})
		from += at + len(old)
	}
}

// apply returns the body (everything before the old cross-reference
// table) with the edits made. Overlapping edits cannot happen: each
// pattern edited is distinct and ends in a delimiter.
func (f *file) apply() []byte {
	slices.SortFunc(f.edits, func(a, b edit) int { return a.at - b.at })
	out := make([]byte, 0, f.body+64*len(f.edits))
	last := 0
	for _, e := range f.edits {
		out = append(out, f.src[last:e.at]...)
		out = append(out, e.new...)
		last = e.at + e.old
	}
	return append(out, f.src[last:f.body]...)
}

// moved maps an offset in the original to the edited body.
func (f *file) moved(off int) int {
	shift := 0
	for _, e := range f.edits {
		if e.at >= off {
			break
		}
		shift += len(e.new) - e.old
	}
	return off + shift
}

// streamOf is an uncompressed stream's dictionary and content as gofpdf
// writes them, so an edit of the content carries its /Length along.
func streamOf(content string) string {
	return fmt.Sprintf("<</Length %d>>\nstream\n%s", len(content), content)
}

// identityCMap is the ToUnicode stream gofpdf writes for every font.
const identityCMap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

var toUnicode = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(identityCMap[:strings.Index(identityCMap, "1 beginbfrange")])
	// Identity for every block of 256 codes but those that hold the
	// presentation forms, which map to their letters one by one.
	var ranges []string
	for hi := 0; hi < 0x100; hi++ {
		if _, special := formBlocks[hi]; special {
			continue
		}
		ranges = append(ranges, fmt.Sprintf("<%02X00> <%02XFF> <%02X00>", hi, hi, hi))
	}
	var chars []string
	for hi := range 0x100 {
		if _, special := formBlocks[hi]; !special {
			continue
		}
		for lo := range 0x100 {
			r := rune(hi<<8 | lo)
			dst := letters(r)
			var hex strings.Builder
			for _, d := range dst {
				fmt.Fprintf(&hex, "%04X", d)
			}
			chars = append(chars, fmt.Sprintf("<%04X> <%s>", r, hex.String()))
		}
	}
	writeBlocks(&b, "bfrange", ranges)
	writeBlocks(&b, "bfchar", chars)
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
})

// formBlocks are the high bytes of the code blocks with presentation
// forms, and of U+2010, which roledoc draws only as a line-break hyphen.
var formBlocks = map[int]bool{0x20: true, 0xFB: true, 0xFC: true, 0xFD: true, 0xFE: true}

// letters is what code r stands for in the text layer.
func letters(r rune) []rune {
	if r == breakHyphen {
		return []rune{'\u00AD'}
	}
	if r >= 0xFB50 && r <= 0xFEFF {
		// Compatibility decomposition, recomposed: U+FE8B (yeh with hamza,
		// initial) becomes U+0626 as typed, U+FEFB (lam-alef) two letters.
		d := []rune(norm.NFKC.String(string(r)))
		if len(d) > 0 && !slices.ContainsFunc(d, func(c rune) bool { return !unicode.Is(unicode.Arabic, c) }) {
			// Extractors restore logical order by reversing right-to-left
			// text character by character, so a ligature's letters are
			// given in visual order, to come out as typed.
			slices.Reverse(d)
			return d
		}
	}
	return []rune{r}
}

// writeBlocks writes entries in blocks of at most 100, the PDF limit.
func writeBlocks(b *strings.Builder, kind string, entries []string) {
	for len(entries) > 0 {
		n := min(100, len(entries))
		fmt.Fprintf(b, "%d begin%s\n%s\nend%s\n", n, kind, strings.Join(entries[:n], "\n"), kind)
		entries = entries[n:]
	}
}

// subsetTag is the six capital letters that mark a font subset; it is
// derived from the name so output stays reproducible.
func subsetTag(name string) string {
	var h uint32 = 2166136261
	for _, c := range []byte(name) {
		h = (h ^ uint32(c)) * 16777619
	}
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(h%26)
		h /= 26
	}
	return string(tag)
}

// xmpStream is the document's XMP metadata: its title and language, and
// the PDF/UA-1 claim that assistive software looks for.
func xmpStream(lang, title string) string {
	x := `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="` + xmlEscape(lang) + `">` + xmlEscape(title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + xmlEscape(lang) + `</rdf:li></rdf:Bag></dc:language>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>`
	return fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(x), x)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
