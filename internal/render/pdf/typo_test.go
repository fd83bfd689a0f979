package pdf

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/fixture"
)

// longTexts are paragraphs unlike the shipped ones: long items, Dutch
// compounds, long Indonesian words.
var longTexts = map[string]string{
	"nl": strings.Repeat("De verkoopmanager coördineert de klantrelatiebeheerprocessen, arbeidsongeschiktheidsverzekeringen en leveranciersovereenkomsten van de afdeling. ", 20),
	"id": strings.Repeat("Bertanggung jawab atas pengembangan strategi pemasaran dan pengelolaan hubungan pelanggan berkelanjutan di seluruh wilayah penjualan. ", 20),
	"en": strings.Repeat("Negotiates contracts with customers and partners, documents the agreed conditions and reports deviations to management. ", 25),
	"tl": strings.Repeat("Nakikipagnegosasyon sa mga kontrata sa mga kostumer at katuwang, at iniuulat ang mga paglihis sa pamunuan. ", 20),
	"ar": strings.Repeat("يتفاوض على العقود مع العملاء والشركاء ويوثق الشروط المتفق عليها ويبلغ الإدارة بأي انحرافات. ", 20),
}

// TestNoLooseLines sets long paragraphs in every language and checks the
// word gap of every justified line: never over 0.6 em (a loose line), never
// under 0.75 of the natural space (the wide setting's least).
func TestNoLooseLines(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for lang, text := range longTexts {
		d := fixture.Documents(t, "sales-manager")[lang]
		l := newLayout(d, r.m, leading)
		w := l.contentW() - l.numW
		lines := l.set(l.words([]span{{text, body}}), w)
		if len(lines) < 10 {
			t.Fatalf("%s: only %d lines", lang, len(lines))
		}
		em := body.size * ptToMM
		for i, ln := range lines {
			vis := l.visual(ln.words)
			sum := 0.0
			for _, v := range vis {
				sum += l.measure(v.text, v.st)
			}
			if !ln.justify || len(vis) < 2 {
				continue
			}
			n := float64(len(vis) - 1)
			sp := l.space(body)
			gap := (w - sum*ln.glue.expand(w-sum-n*sp, sum, n*sp)) / n
			if gap > 0.6*em {
				t.Errorf("%s line %d: loose, mean gap %.2f em", lang, i, gap/em)
			}
			if gap < (1-wide.shrink)*sp-1e-6 {
				t.Errorf("%s line %d: tight, gap %.2f of a space", lang, i, gap/l.space(body))
			}
		}
		if last := lines[len(lines)-1]; len(last.words) < 2 {
			t.Errorf("%s: one word on the last line", lang)
		}
	}
}

// TestTaggedFooterAndPages checks every shipped language: the PDF is
// tagged, every page names the version, and no page after the first holds
// only a few lines (a stranded approval block).
func TestTaggedFooterAndPages(t *testing.T) {
	for lang, d := range fixture.Documents(t, "sales-manager") {
		t.Run(lang, func(t *testing.T) {
			pdf := renderPDF(t, d)
			info := poppler(t, "pdfinfo", pdf)
			if !strings.Contains(info, "Tagged:          yes") {
				t.Error("not tagged")
			}
			pages, _ := strconv.Atoi(strings.Fields(info[strings.Index(info, "Pages:"):])[1])
			for p := 1; p <= pages; p++ {
				text := poppler(t, "pdftotext", pdf, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
				if !strings.Contains(text, d.Version) || !strings.Contains(text, d.RoleID) {
					t.Errorf("page %d lacks the document id or version", p)
				}
				// Lines besides the running header and footer: a page with
				// fewer than 8 is stranded (as typo_metrics counts).
				lines := -2
				for _, ln := range strings.Split(text, "\n") {
					if strings.TrimSpace(ln) != "" {
						lines++
					}
				}
				if p > 1 && lines < 8 {
					t.Errorf("page %d holds only %d lines", p, lines)
				}
			}
		})
	}
}

// TestLongRoleNotStranded renders a role with 40 duties and a short one,
// and checks the last page still carries text besides the approval block.
func TestLongRoleNotStranded(t *testing.T) {
	base := fixture.Documents(t, "sales-manager")["nl"]
	for _, n := range []int{1, 40} {
		d := *base
		d.Sections = append([]doc.Section(nil), d.Sections...)
		items := make([]doc.Item, n)
		for i := range items {
			items[i] = doc.Item{Number: "2." + strconv.Itoa(i+1), Text: longTexts["nl"][:80+i*7%200]}
		}
		d.Sections[1].Items = items
		pdf := renderPDF(t, &d)
		info := poppler(t, "pdfinfo", pdf)
		pages, _ := strconv.Atoi(strings.Fields(info[strings.Index(info, "Pages:"):])[1])
		text := poppler(t, "pdftotext", pdf, "-f", strconv.Itoa(pages), "-l", strconv.Itoa(pages))
		crit := d.Sections[len(d.Sections)-1].Items
		if last := crit[len(crit)-1].Text; !strings.Contains(flat(text), flat(last)) {
			t.Errorf("%d duties: the last item is not on the approval block's page", n)
		}
	}
}

// TestArabicAsTyped finds Arabic words, harakat included, in pdftotext's
// output without any normalisation, in logical order.
func TestArabicAsTyped(t *testing.T) {
	d := fixture.Documents(t, "sales-manager")["ar"]
	text := poppler(t, "pdftotext", renderPDF(t, d))
	for _, w := range []string{"مدير", "المبيعات", "الإصدار"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q not found as typed", w)
		}
	}
	for _, s := range d.Sections {
		for _, it := range s.Items {
			for _, w := range strings.Fields(it.Text) {
				if strings.ContainsRune(w, '\u0651') && !strings.Contains(text, strings.Trim(w, ".،")) {
					t.Errorf("%q (with shadda) not found as typed", w)
				}
			}
		}
	}
}

// TestDocumentControl renders agreements, the employee's acknowledgement
// and a revision history, and reads them back.
func TestDocumentControl(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		d := *fixture.Documents(t, "sales-manager")[lang]
		d.Agreements = []doc.Approval{{Title: "Head of Human Resources"}}
		d.Acknowledgement = &doc.Acknowledgement{Heading: "Employee acknowledgement", Statement: "I have read this job description and received a copy of it."}
		d.Revisions = []doc.Revision{{Version: "1.1", Date: "1 March 2026", Change: "Duties 2.4 and 2.5 merged; target of 5.2 raised."}, {Version: "1.0", Date: "1 January 2026", Change: "First version."}}
		d.Labels.Agreed, d.Labels.Revisions, d.Labels.Change = "Agreed", "Revision history", "Change"
		pdf := renderPDF(t, &d)
		if os.Getenv("KEEP_PDF") != "" {
			os.WriteFile("/tmp/control-"+lang+".pdf", pdf, 0o644)
		}
		// Latin words in an Arabic page come back in place, but poppler
		// may order a right-to-left line's Latin runs differently: compare
		// words there.
		raw := poppler(t, "pdftotext", pdf)
		text, vocab := flat(raw), wordSet(raw)
		for _, want := range []string{"Head of Human Resources", "I have read this job description", "First version.", "Revision history"} {
			if lang == "en" && !strings.Contains(text, flat(want)) {
				t.Errorf("%s: %q not in the text", lang, want)
			}
			for w := range wordSet(want) {
				if !vocab[w] {
					t.Errorf("%s: word %q of %q not in the text", lang, w, want)
				}
			}
		}
		insideMargins(t, pdf)
	}
}

// TestUntranslatedItemLang checks that an English item in an Arabic page
// is tagged as English.
func TestUntranslatedItemLang(t *testing.T) {
	d := *fixture.Documents(t, "sales-manager")["ar"]
	d.Sections = append([]doc.Section(nil), d.Sections...)
	d.Sections[1].Items = append([]doc.Item{{Number: "2.1", Text: "Searches for potential customers.", Lang: "en"}}, d.Sections[1].Items[1:]...)
	r, _ := New()
	l := newLayout(&d, r.m, leading)
	l.document(&d)
	n := 0
	for _, e := range l.tag.elems {
		if e.lang == "en" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d elements tagged English, want 1", n)
	}
}

// TestStructureTree reads the structure tree back with poppler: headings,
// lists and the approval table, with words separated.
func TestStructureTree(t *testing.T) {
	d := fixture.Documents(t, "sales-manager")["en"]
	tree := poppler(t, "pdfinfo", renderPDF(t, d), "-struct-text")
	for _, want := range []string{"Document", "H1 (block)\n    \"" + d.Title + "\"", "H2 (block)", "LI (block)", "Lbl (block)", "LBody (block)", "Table (block)", "TH:\n         /Scope /Row"} {
		if !strings.Contains(tree, want) {
			t.Errorf("structure tree lacks %q", want)
		}
	}
}

// TestThinLastPageSaved checks the compact retry: the Tagalog sales
// manager runs to a third page of two items and the approval block at the
// normal leading, and the renderer sets it in two pages instead.
func TestThinLastPageSaved(t *testing.T) {
	d := fixture.Documents(t, "sales-manager")["tl"]
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(d, r.m, leading)
	l.document(d)
	if n := l.pdf.PageCount(); n != 3 {
		t.Skipf("at the normal leading the document takes %d pages, not 3: nothing to save", n)
	}
	info := poppler(t, "pdfinfo", renderPDF(t, d))
	if !strings.Contains(info, "Pages:           2\n") {
		t.Errorf("not set in two pages:\n%s", info)
	}
}
