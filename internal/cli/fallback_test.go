package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
	xhtml "golang.org/x/net/html"
)

// An Arabic duty and a criterion's target with no translation yet are
// shown in English: build counts them, and the page marks them as English;
// the duty, a paragraph of its own, is also English and left to right in
// the tagged PDF, so its full stop stays at its end.

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
	marked, targets := 0, 0
	var visit func(n *xhtml.Node, lang, dir string)
	visit = func(n *xhtml.Node, lang, dir string) {
		for _, a := range n.Attr {
			switch a.Key {
			case "lang":
				lang = a.Val
			case "dir":
				dir = a.Val
			}
		}
		if n.Type == xhtml.TextNode && lang == "en" && (dir == "ltr" || dir == "auto") {
			switch n.Data {
			case english:
				marked++
			case target:
				targets++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, lang, dir)
		}
	}
	visit(root, "", "")
	if marked != 1 || targets != 1 {
		t.Errorf("the English duty and target are marked lang=en with a direction %d and %d times, want 1", marked, targets)
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
}
