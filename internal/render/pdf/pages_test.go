package pdf

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/fixture"
)

// TestPageControl renders roles whose duties run from one to 40 items of
// one to nine lines, with one signature block and with three, so that page
// breaks fall at every kind of place, and reads each page back: no page
// ends with a heading, an item of up to four lines is never split, and the
// signature blocks share their page with the last two items before them.
func TestPageControl(t *testing.T) {
	words := strings.Fields(longTexts["nl"])
	for _, blocks := range []int{1, 3} {
		for n := 1; n <= 40; n += 3 {
			d := *fixture.Documents(t, "sales-manager")["nl"]
			d.Sections = append([]doc.Section(nil), d.Sections...)
			items := make([]doc.Item, n)
			for i := range items {
				// 8 to 100 words: one to nine lines.
				k := 8 + (i*37+n*11)%93
				items[i] = doc.Item{Number: "2." + strconv.Itoa(i+1), Text: strings.Join(words[i%7:i%7+k], " ") + "."}
				if blocks == 3 && i%3 == 1 {
					items[i].Target = "ten minste 95%"
				}
			}
			d.Sections[1].Items = items
			if blocks == 3 {
				d.Agreements = []doc.Approval{{Title: "Hoofd personeelszaken"}}
				d.Acknowledgement = &doc.Acknowledgement{Heading: "Verklaring van de werknemer", Statement: "Ik heb deze functiebeschrijving gelezen en een exemplaar ontvangen."}
			}
			pdf := renderPDF(t, &d)
			info := poppler(t, "pdfinfo", pdf)
			pages, _ := strconv.Atoi(strings.Fields(info[strings.Index(info, "Pages:"):])[1])
			texts := make([]string, pages+1)
			for p := 1; p <= pages; p++ {
				texts[p] = poppler(t, "pdftotext", pdf, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
			}
			name := strconv.Itoa(n) + " duties, " + strconv.Itoa(blocks) + " blocks"
			for p := 1; p < pages; p++ {
				// The body's last line, above the footer.
				lines := nonEmpty(texts[p])
				if len(lines) < 2 {
					t.Errorf("%s: page %d holds %d lines", name, p, len(lines))
					continue
				}
				last := lines[len(lines)-2]
				for _, s := range d.Sections {
					if strings.HasPrefix(last, s.Number+". "+s.Title) {
						t.Errorf("%s: page %d ends with heading %q", name, p, last)
					}
				}
			}
			l := newLayout(&d, newRenderer(t).m, leading)
			for _, s := range d.Sections {
				for _, it := range s.Items {
					w := l.wrapItem(it)
					if l.itemNeed(w, it) < l.itemHeight(w, it) {
						continue // long: may continue on the next page
					}
					// pdftotext may list a target line apart from its
					// text, but on the same page.
					whole := false
					for p := 1; p <= pages; p++ {
						page, text := flat(texts[p]), it.Text
						if it.Label != "" {
							text = it.Label + ": " + text
						}
						found := strings.Contains(page, flat(text))
						if it.Target != "" {
							found = found && strings.Contains(page, flat(d.Labels.Target+": "+it.Target))
						}
						whole = whole || found
					}
					if !whole {
						t.Errorf("%s: item %s of %d lines is split", name, it.Number, len(w.main))
					}
				}
			}
			lastPage := flat(texts[pages])
			crit := d.Sections[len(d.Sections)-1].Items
			for _, it := range crit[len(crit)-2:] {
				if !strings.Contains(lastPage, flat(it.Text)) {
					t.Errorf("%s: item %s is not on the signature blocks' page %d", name, it.Number, pages)
				}
			}
			if blocks == 3 && !strings.Contains(lastPage, flat(d.Acknowledgement.Statement)) {
				t.Errorf("%s: the acknowledgement is not on the last page with the items", name)
			}
		}
	}
}

func nonEmpty(s string) []string {
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

func newRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNumberColumn reads word boxes back (pdftotext -bbox): every item
// number stands in a column as wide as the widest, 2.12. included, with a
// clear gap before the text, which starts at one x for all items; in
// Arabic the column is on the right.
func TestNumberColumn(t *testing.T) {
	num := regexp.MustCompile(`^\.?\d+\.\d+\.?$`)
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
	type box struct {
		x0, x1 float64
		s      string
	}
	for _, lang := range []string{"en", "ar"} {
		d := fixture.Documents(t, "sales-manager")[lang]
		out := poppler(t, "pdftotext", renderPDF(t, d), "-bbox")
		gapPt := 2.0 / 25.4 * 72 // at least 2 mm
		texts := map[int]bool{}  // where item text starts (ltr) or ends (rtl)
		n := 0
		for _, page := range strings.Split(out, "<page ")[1:] {
			rows := map[int][]box{} // words by baseline
			for _, m := range word.FindAllStringSubmatch(page, -1) {
				x0, _ := strconv.ParseFloat(m[1], 64)
				y, _ := strconv.ParseFloat(m[2], 64)
				x1, _ := strconv.ParseFloat(m[3], 64)
				rows[int(y*10)] = append(rows[int(y*10)], box{x0, x1, m[4]})
			}
			for _, bs := range rows {
				if len(bs) < 2 {
					continue
				}
				slices.SortFunc(bs, func(a, b box) int { return cmp.Compare(a.x0, b.x0) })
				if lang == "en" && num.MatchString(bs[0].s) {
					n++
					if g := bs[1].x0 - bs[0].x1; g < gapPt {
						t.Errorf("en: %s touches its text (gap %.1f pt)", bs[0].s, g)
					}
					texts[int(bs[1].x0+0.5)] = true
				}
				if last := bs[len(bs)-1]; lang == "ar" && num.MatchString(last.s) {
					n++
					prev := bs[len(bs)-2]
					if g := last.x0 - prev.x1; g < gapPt {
						t.Errorf("ar: %s touches its text (gap %.1f pt)", last.s, g)
					}
					texts[int(prev.x1+0.5)] = true
				}
			}
		}
		if n < 30 {
			t.Errorf("%s: only %d numbered lines found", lang, n)
		}
		if len(texts) > 1 {
			t.Errorf("%s: item text starts at %d places, want one column: %v", lang, len(texts), texts)
		}
	}
}
