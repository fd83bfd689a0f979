package cli

import (
	"bytes"
	"cmp"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
	xhtml "golang.org/x/net/html"
)

// An Arabic duty and a criterion's target with no translation yet are
// shown in English: build counts them, and the page marks them as English;
// the duty, a paragraph of its own, is also English in the tagged PDF, its
// words left to right so its full stop stays at its end, set beside its
// number on the right as the Arabic duties are.

func TestUntranslatedItemInArabicPage(t *testing.T) {
	dir := fixture.Copy(t)
	const english = "Searches for potential customers and builds a pipeline of new business."
	cat := filepath.Join(dir, "locales", "ar", "roles", "sales-manager.yaml")
	data, _ := os.ReadFile(cat)
	const target = "at least 3 per month"
	blank := regexp.MustCompile(`(sales-manager\.(?:duties\.find-clients|criteria\.new-clients\.target):\n  hash: \S+\n  other: ).*`)
	if n := len(blank.FindAll(data, -1)); n != 2 {
		t.Fatalf("the Arabic catalog has %d of the two messages this test empties", n)
	}
	if err := os.WriteFile(cat, blank.ReplaceAll(data, []byte(`$1""`)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, dir, false, "build", "--lang", "ar", "--role", "sales-manager", "-o", "out")
	if code != 0 {
		t.Fatalf("build: %d %s", code, errOut)
	}
	if !strings.Contains(errOut, "texts shown in English for want of a translation: ar 2\n") {
		t.Errorf("build does not count the fallback:\n%s", errOut)
	}

	page, _ := os.ReadFile(filepath.Join(dir, "out", "ar", "sales-manager.html"))
	root, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	// Each English text is an isolate of its own (a bdi, or an element
	// with dir=ltr), inside list items that keep the page's direction.
	marked, targets := 0, 0
	var visit func(n *xhtml.Node, lang string, isolated bool)
	visit = func(n *xhtml.Node, lang string, isolated bool) {
		if n.Type == xhtml.ElementNode && n.Data == "bdi" {
			isolated = true
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "lang":
				lang = a.Val
			case "dir":
				isolated = isolated && a.Val != "rtl" || a.Val == "ltr"
				if n.Data == "li" {
					t.Errorf("a list item has dir=%q: its number or bullet leaves the page's side", a.Val)
				}
			}
		}
		if n.Type == xhtml.TextNode && lang == "en" && isolated {
			switch n.Data {
			case english:
				marked++
			case target:
				targets++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, lang, isolated)
		}
	}
	visit(root, "", false)
	if marked != 1 || targets != 1 {
		t.Errorf("the English duty and target are isolates marked lang=en %d and %d times, want 1", marked, targets)
	}

	pdf := filepath.Join(dir, "out", "ar", "sales-manager.pdf")
	raw, _ := os.ReadFile(pdf)
	if !bytes.Contains(raw, []byte("/Lang (en)")) {
		t.Error("the tagged PDF has no element in English")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler) is not installed")
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext marks direction with embedding controls; the words are
	// what matters: in order, the full stop last.
	text := strings.Map(func(r rune) rune {
		if r >= 0x202a && r <= 0x202e {
			return -1
		}
		return r
	}, string(out))
	text = strings.Join(strings.Fields(text), " ")
	if !strings.Contains(text, english) {
		i := strings.Index(text, "Searches")
		t.Errorf("the PDF's text lacks the duty left to right; near it:\n%s", text[max(0, i-40):min(len(text), i+120)])
	}
	englishBeside(t, pdf, english)
}

// englishBeside checks, with the words' boxes pdftotext -bbox gives, that
// the English duty of the Arabic PDF is set as a browser sets an LTR
// isolate in an RTL page: its words read left to right, and its lines end
// at the right edge of the text column, as the Arabic duties' do, next to
// its number rather than flush left across the page.
func englishBeside(t *testing.T, pdf, english string) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	type box struct {
		x0, y0, x1 float64
		text       string
	}
	var words []box
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		words = append(words, box{x0, y0, x1, strings.Trim(m[4], "\u200e\u200f\u202a\u202b\u202c\u202d\u202e")})
	}
	// The duties: number 2.1 is the English one, 2.2 an Arabic one.
	// pdftotext reads a number in an RTL line as ".2.1".
	var num, next *box
	for i := range words {
		switch strings.Trim(words[i].text, ".") {
		case "2.1":
			num = &words[i]
		case "2.2":
			next = &words[i]
		}
	}
	if num == nil || next == nil {
		t.Fatal("the duties' numbers 2.1 and 2.2 are not on the first page")
	}
	// The column's right edge: where the Arabic duty's first line ends.
	edge := 0.0
	var mine []box
	for _, w := range words {
		switch {
		case math.Abs(w.y0-next.y0) < 1 && w.x1 < next.x0:
			edge = max(edge, w.x1)
		case w.y0 >= num.y0-1 && w.y0 < next.y0-1 && w.x1 < num.x0:
			mine = append(mine, w)
		}
	}
	if len(mine) == 0 {
		t.Fatal("no words beside number 2.1")
	}
	// Lines top to bottom, words left to right: the English as written.
	slices.SortFunc(mine, func(a, b box) int {
		if math.Abs(a.y0-b.y0) > 1 {
			return cmp.Compare(a.y0, b.y0)
		}
		return cmp.Compare(a.x0, b.x0)
	})
	var got []string
	right := 0.0
	for _, w := range mine {
		got = append(got, w.text)
		right = max(right, w.x1)
	}
	if strings.Join(got, " ") != english {
		t.Errorf("duty 2.1 reads %q, want %q", strings.Join(got, " "), english)
	}
	if math.Abs(right-edge) > 1 {
		t.Errorf("duty 2.1 ends at x=%.1f, the column's right edge (where 2.2 ends) is x=%.1f", right, edge)
	}
}
