package pdf

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/testtool"
	"golang.org/x/text/unicode/norm"
)

func renderPDF(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// poppler runs a poppler tool on a PDF and fails on any complaint, which
// is how a damaged cross-reference table would show.
func poppler(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	bin := testtool.Need(t, tool)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append(args, file, "-")...)
	if tool != "pdftotext" {
		cmd = exec.Command(bin, append(args, file)...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v: %s", tool, err, stderr.String())
	}
	return string(out)
}

// flat removes white space and the bidi controls poppler adds around
// right-to-left lines, and applies NFKC, which maps presentation forms back
// to letters: how extracted text is compared with the catalog.
func flat(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// TestEveryLanguage renders every shipped role in every language and reads
// the result back with poppler.
func TestEveryLanguage(t *testing.T) {
	for _, id := range []string{"head-of-sales", "sales-manager", "account-manager", "senior-sales-executive"} {
		for lang, d := range fixture.Documents(t, id) {
			t.Run(id+"/"+lang, func(t *testing.T) {
				pdf := renderPDF(t, d)
				if again := renderPDF(t, d); !bytes.Equal(pdf, again) {
					t.Error("two renders differ")
				}
				info := poppler(t, "pdfinfo", pdf)
				for _, want := range []string{"Title:           " + d.Title, "Page size:       595.28 x 841.89 pts (A4)", "Author:          " + d.Organization, "Creator:         roledoc"} {
					if !strings.Contains(info, want) {
						t.Errorf("pdfinfo lacks %q:\n%s", want, info)
					}
				}
				if !bytes.Contains(pdf, []byte("/Lang ("+lang+")")) {
					t.Errorf("catalog has no /Lang (%s)", lang)
				}
				fonts := poppler(t, "pdffonts", pdf)
				rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
				if len(rows) == 0 {
					t.Fatal("no fonts")
				}
				for _, row := range rows {
					f := strings.Fields(row)
					if f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
						t.Errorf("font not embedded and subset: %s", row)
					}
				}
				// Left-to-right text comes back as written; compare
				// without white space. Right-to-left text comes back in
				// logical order too, but poppler moves spaces, digits and
				// punctuation around Latin runs and reports the mirrored
				// bracket glyphs drawn, so it is compared word by word.
				raw := poppler(t, "pdftotext", pdf)
				text, vocab := flat(raw), wordSet(raw)
				var wants []string
				for _, s := range d.Sections {
					for _, it := range s.Items {
						wants = append(wants, it.Text, it.Label, it.Target)
						wants = append(wants, it.Sub...)
					}
				}
				pages, _ := strconv.Atoi(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)[1])
				wants = append(wants, d.Title, d.Approval.Title, d.Labels.Approved, d.PageOf(1, pages), d.PageOf(pages, pages))
				for _, want := range wants {
					if d.Dir == "ltr" && !strings.Contains(text, flat(want)) {
						t.Errorf("%q not in extracted text", want)
					}
					if d.Dir == "rtl" {
						for w := range wordSet(want) {
							if !vocab[w] {
								t.Errorf("word %q of %q not in extracted text", w, want)
							}
						}
					}
				}
			})
		}
	}
}

// wordSet splits text into words after NFKC, treating poppler's bidi
// controls as spaces and trimming punctuation.
func wordSet(s string) map[string]bool {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, norm.NFKC.String(s))
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		if w = strings.Trim(w, ".،,:;()%"); w != "" {
			out[w] = true
		}
	}
	return out
}

// TestArabicWordsReadBack checks the Arabic PDF word by word: every word
// of every duty must come back from pdftotext, after NFKC, as written in
// the catalog, in logical order.
func TestArabicWordsReadBack(t *testing.T) {
	d := fixture.Documents(t, "senior-sales-executive")["ar"]
	text := poppler(t, "pdftotext", renderPDF(t, d))
	have := wordSet(text)
	n := 0
	for _, it := range d.Sections[1].Items {
		for w := range wordSet(it.Text) {
			n++
			if !have[w] {
				t.Errorf("word %q of %s not read back", w, it.Number)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d words checked", n)
	}
	// Logical order: the first duty's opening words come back in the
	// order they are written, not reversed.
	first := strings.Fields(d.Sections[1].Items[0].Text)
	if !strings.Contains(flat(text), flat(first[0]+first[1]+first[2])) {
		t.Errorf("%q does not come back in logical order", strings.Join(first[:3], " "))
	}
}

func TestHostileContent(t *testing.T) {
	base := fixture.Documents(t, "sales-manager")
	long := strings.Repeat("Verkoopmanagementondersteuningsmedewerker", 20)
	duty3000 := strings.TrimSpace(strings.Repeat("Negotiates contracts with customers and partners. ", 60))
	many := make([]doc.Item, 200)
	for i := range many {
		many[i] = doc.Item{Number: "2." + strconv.Itoa(i+1), Text: "Duty number " + strconv.Itoa(i+1) + " of a very long list."}
	}
	tests := []struct {
		name, lang string
		items      []doc.Item
	}{
		{"very long word", "nl", []doc.Item{{Number: "2.1", Text: long}}},
		{"3000-character duty", "en", []doc.Item{{Number: "2.1", Text: duty3000}}},
		{"200 duties", "en", many},
		{"empty section", "en", nil},
		{"mixed Arabic and Latin", "ar", []doc.Item{{Number: "2.1", Text: "يستخدم نظام CRM Pro 2026 (الإصدار 3.1) لمتابعة 100% من العملاء، ويكتب rapporten in het Nederlands."}}},
		{"characters the font lacks", "en", []doc.Item{{Number: "2.1", Text: "Emoji 🚀 and CJK 販売 and Thai ขาย and a tab\there."}}},
		{"very long Arabic word", "ar", []doc.Item{{Number: "2.1", Text: strings.Repeat("مبيعات", 80)}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := *base[tc.lang]
			d.Sections = append([]doc.Section(nil), d.Sections...)
			d.Sections[1].Items = tc.items
			pdf := renderPDF(t, &d)
			insideMargins(t, pdf)
		})
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)

// insideMargins reads every word's box with pdftotext -bbox and fails if
// any text runs outside the page margins.
func insideMargins(t *testing.T, pdf []byte) {
	t.Helper()
	out := poppler(t, "pdftotext", pdf, "-bbox")
	const mm = 72 / 25.4
	const slack = 1.0 // points: glyph side bearings
	left, right := marginX*mm-slack, (210-marginX)*mm+slack
	n := 0
	for _, m := range bboxWord.FindAllStringSubmatch(out, -1) {
		n++
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x0 < left || x1 > right || y0 < 0 || y1 > 297*mm {
			t.Errorf("word at x %.1f-%.1f, y %.1f-%.1f is outside the margins (%.1f-%.1f)", x0, x1, y0, y1, left, right)
		}
	}
	if n == 0 {
		t.Error("no words extracted")
	}
}

// TestConcurrentRenders renders from several goroutines at once, as build
// workers do; under -race this catches shared state in gofpdf.
func TestConcurrentRenders(t *testing.T) {
	docs := fixture.Documents(t, "sales-manager")
	want := renderPDF(t, docs["ar"])
	const workers, each = 6, 3
	errs := make(chan error, workers)
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for range workers {
		go func() {
			var err error
			for range each {
				var b bytes.Buffer
				if err = r.Render(&b, docs["ar"]); err == nil && !bytes.Equal(b.Bytes(), want) {
					err = errors.New("concurrent render differs")
				}
			}
			errs <- err
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
