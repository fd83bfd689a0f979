package pdf

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

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
			gap, ok := l.gap(ln, w)
			if !ok {
				continue
			}
			if gap > 0.6*em {
				t.Errorf("%s line %d: loose, mean gap %.2f em", lang, i, gap/em)
			}
			if gap < (1-wide.shrink)*l.space(body)-1e-6 {
				t.Errorf("%s line %d: tight, gap %.2f of a space", lang, i, gap/l.space(body))
			}
		}
		if last := lines[len(lines)-1]; len(last.words) < 2 {
			t.Errorf("%s: one word on the last line", lang)
		}
	}
}

// gap is the mean word space of a justified line of body text set at
// width w, in millimetres; ok is false for lines set ragged or of one word.
func (l *layout) gap(ln line, w float64) (gap float64, ok bool) {
	vis := l.visual(ln.words)
	if !ln.justify || len(vis) < 2 {
		return 0, false
	}
	sum := 0.0
	for _, v := range vis {
		sum += l.measure(v.text, v.st)
	}
	n := float64(len(vis) - 1)
	sp := l.space(body)
	return (w - sum*ln.glue.expand(w-sum-n*sp, sum, n*sp)) / n, true
}

// TestShippedLines sets every item of every shipped role in every language
// as the renderer does: no justified line has a mean word gap over 0.6 em,
// and a document has at most one paragraph ending in a word alone.
func TestShippedLines(t *testing.T) {
	r := newRenderer(t)
	for _, id := range shippedRoles {
		for lang, d := range fixture.Documents(t, id) {
			l := newLayout(d, r.m, leading)
			w := l.contentW() - l.numW
			em := body.size * ptToMM
			runts := 0
			for _, s := range d.Sections {
				for _, it := range s.Items {
					lines := l.wrapItem(it).main
					for _, ln := range lines {
						if gap, ok := l.gap(ln, w); ok && gap > 0.6*em {
							t.Errorf("%s/%s item %s: loose line, mean gap %.2f em", id, lang, it.Number, gap/em)
						}
					}
					if len(lines) > 1 && len(lines[len(lines)-1].words) == 1 {
						runts++
					}
				}
			}
			if runts > 1 {
				t.Errorf("%s/%s: %d one-word last lines", id, lang, runts)
			}
		}
	}
}

var shippedRoles = []string{"head-of-sales", "sales-manager", "account-manager", "senior-sales-executive"}

// TestTaggedFooterAndPages checks every shipped role in every language:
// the PDF is tagged, every page names the version, and no page after the
// first holds only a few lines (a stranded approval block).
func TestTaggedFooterAndPages(t *testing.T) {
	for _, id := range shippedRoles {
		for lang, d := range fixture.Documents(t, id) {
			t.Run(id+"/"+lang, func(t *testing.T) {
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
// output without any normalisation, in logical order: every word of every
// shipped role that carries a haraka (fatha to sukun, superscript alef).
func TestArabicAsTyped(t *testing.T) {
	n := 0
	for _, id := range shippedRoles {
		d := fixture.Documents(t, id)["ar"]
		text := poppler(t, "pdftotext", renderPDF(t, d))
		for _, w := range []string{"مدير", "المبيعات", "الإصدار"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not found as typed", id, w)
			}
		}
		for _, s := range d.Sections {
			for _, it := range s.Items {
				for _, w := range strings.Fields(it.Label + " " + it.Text + " " + it.Target) {
					if !strings.ContainsFunc(w, func(r rune) bool { return r >= '\u064B' && r <= '\u0652' || r == '\u0670' }) {
						continue
					}
					n++
					if w = strings.Trim(w, ".،:؛()"); !strings.Contains(text, w) {
						t.Errorf("%s: %q (with harakat) not found as typed", id, w)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no word with harakat in the shipped roles: nothing checked")
	}
}

// TestLatinAsTyped reads every shipped role in the Latin-script languages
// back with pdftotext, without Unicode normalisation: each item's text is
// there as written (only white space and the soft hyphens that stand for
// line-break hyphens are left out).
func TestLatinAsTyped(t *testing.T) {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, s)
	}
	for _, id := range shippedRoles {
		for _, lang := range []string{"en", "id", "nl", "tl"} {
			d := fixture.Documents(t, id)[lang]
			text := strip(poppler(t, "pdftotext", renderPDF(t, d)))
			for _, s := range d.Sections {
				for _, it := range s.Items {
					for _, want := range append([]string{it.Label, it.Text, it.Target}, it.Sub...) {
						if !strings.Contains(text, strip(want)) {
							t.Errorf("%s/%s: %q not found as typed", id, lang, want)
						}
					}
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

// TestSoftHyphen sets a Tagalog paragraph (no patterns: soft hyphens are
// its only break points inside words) whose long words carry U+00AD: some
// lines break at one and end in a hyphen, and no hyphen is drawn anywhere
// else, in the layout or in pdftotext's output.
func TestSoftHyphen(t *testing.T) {
	word := "pangkalakalang\u00adinternasyonal\u00adpakikipag\u00adnegosasyon"
	text := strings.Repeat("Ang "+word+" ay "+word+". ", 15)
	d := *fixture.Documents(t, "sales-manager")["tl"]
	d.Sections = append([]doc.Section(nil), d.Sections...)
	d.Sections[1].Items = []doc.Item{{Number: "2.1", Text: text}}
	l := newLayout(&d, newRenderer(t).m, leading)
	lines := l.wrapItem(d.Sections[1].Items[0]).main
	broken := 0
	for i, ln := range lines {
		for j, w := range ln.words {
			if strings.ContainsRune(w.text, '\u00ad') {
				t.Errorf("line %d: soft hyphen drawn in %q", i, w.text)
			}
			hy := strings.ContainsAny(w.text, "-"+string(breakHyphen))
			if last := j == len(ln.words)-1; hy && !last {
				t.Errorf("line %d: hyphen inside the line in %q", i, w.text)
			} else if hy {
				broken++
			}
		}
	}
	if broken == 0 {
		t.Fatal("no line broke at a soft hyphen: nothing checked")
	}
	out := poppler(t, "pdftotext", renderPDF(t, &d))
	// ("pakikipag-usap" elsewhere in the role has a hyphen of its own.)
	for _, part := range []string{"pangkalakalang", "internasyonal", "pakikipag"} {
		if regexp.MustCompile(part + "[-\u2010]\\s*[ipn]").MatchString(out) {
			t.Errorf("a visible hyphen after %q reached the text layer", part)
		}
	}
	// A line-break hyphen reads as U+00AD, so joining the lines gives the
	// word back (all but one that may straddle a page and its footer).
	if n := strings.Count(strings.ReplaceAll(out, "\u00ad\n", ""), "pangkalakalanginternasyonalpakikipagnegosasyon"); n < 29 {
		t.Errorf("%d of 30 words found whole", n)
	}
}

// TestAccessibilityEntries checks the PDF/UA-1 entries that poppler does
// not report: the title shown instead of the file name, tab order by
// structure on every page, the PDF/UA claim in the XMP metadata; and that
// the footer is left out of the structure tree (an artifact).
func TestAccessibilityEntries(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		d := fixture.Documents(t, "sales-manager")[lang]
		pdf := string(renderPDF(t, d))
		pages := strings.Count(pdf, "/Type /Page\n")
		for want, n := range map[string]int{
			"/MarkInfo <</Marked true>>":                   1,
			"/ViewerPreferences <</DisplayDocTitle true>>": 1,
			"<pdfuaid:part>1</pdfuaid:part>":               1,
			"<dc:title>":                                   1,
			"/Tabs /S":                                     pages,
		} {
			if got := strings.Count(pdf, want); got < n {
				t.Errorf("%s: %q %d times, want %d", lang, want, got, n)
			}
		}
		if pages < 2 {
			t.Errorf("%s: %d pages found", lang, pages)
		}
		// The running footer is an artifact: not in the structure tree.
		// (poppler prints a tree's Arabic in drawing order, so English
		// only.)
		if lang != "en" {
			continue
		}
		tree := poppler(t, "pdfinfo", []byte(pdf), "-struct-text")
		if strings.Contains(tree, d.PageOf(1, pages)) || !strings.Contains(tree, d.Title) {
			t.Errorf("%s: the footer is tagged as content, or the title is not", lang)
		}
	}
}
