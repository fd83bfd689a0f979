package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// finish adds what gofpdf cannot write: /Lang in the document catalog, so
// screen readers and pdfinfo know the language, and subset tags on the
// font names (gofpdf embeds only the glyphs used, but names the fonts as
// if whole), so tools such as pdffonts report the subsets as subsets.
func finish(pdf []byte, lang string) []byte {
	out := pdf
	if lang != "" {
		out = replace(out, "/Type /Catalog", "/Type /Catalog\n/Lang ("+lang+")")
	}
	for _, f := range []struct{ gofpdf, real string }{
		{"utf8dejavuB", "DejaVuSans-Bold"},
		{"utf8dejavu", "DejaVuSans"},
	} {
		for {
			next := replace(out, "/"+f.gofpdf+"\n", "/"+subsetTag(f.real)+"+"+f.real+"\n")
			next = replace(next, "/"+f.gofpdf+" ", "/"+subsetTag(f.real)+"+"+f.real+" ")
			if bytes.Equal(next, out) {
				break
			}
			out = next
		}
	}
	return out
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

var xrefEntry = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n`)

// replace substitutes the first occurrence of old and moves every
// cross-reference offset behind it, so the file stays valid. It returns
// pdf unchanged when old is absent or the file's tail is not as gofpdf
// writes it.
func replace(pdf []byte, old, new string) []byte {
	at := bytes.Index(pdf, []byte(old))
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if at < 0 || xref < 0 || at > xref {
		return pdf
	}
	shift := len(new) - len(old)
	out := make([]byte, 0, len(pdf)+shift)
	out = append(out, pdf[:at]...)
	out = append(out, new...)
	out = append(out, pdf[at+len(old):]...)
	xref += shift
	end := bytes.Index(out[xref:], []byte("trailer"))
	if end < 0 {
		return pdf
	}
	table := out[xref : xref+end]
	for _, m := range xrefEntry.FindAllSubmatchIndex(table, -1) {
		off, _ := strconv.Atoi(string(table[m[2]:m[3]]))
		if off > at {
			copy(table[m[2]:m[3]], fmt.Sprintf("%010d", off+shift))
		}
	}
	start := bytes.LastIndex(out, []byte("startxref\n"))
	if start < 0 {
		return pdf
	}
	numStart := start + len("startxref\n")
	nl := bytes.IndexByte(out[numStart:], '\n')
	if nl < 0 {
		return pdf
	}
	old0, err := strconv.Atoi(string(out[numStart : numStart+nl]))
	if err != nil {
		return pdf
	}
	fixed := append([]byte{}, out[:numStart]...)
	fixed = append(fixed, strconv.Itoa(old0+shift)...)
	return append(fixed, out[numStart+nl:]...)
}
