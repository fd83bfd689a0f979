package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/testtool"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite golden files")

func renderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New(os.DirFS(filepath.Join(fixture.Root(), "templates")), ".")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func render(t *testing.T, r *Renderer, d *doc.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.Document(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenAndReproducible(t *testing.T) {
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	_, loc := fixture.Project(t)
	for _, lang := range []string{"en", "ar"} {
		got := render(t, r, docs[lang])
		if again := render(t, r, docs[lang]); !bytes.Equal(got, again) {
			t.Errorf("%s: two renders differ", lang)
		}
		golden(t, "sales-manager."+lang+".html", got)
	}
	l, _ := locale.Lookup("nl")
	var b bytes.Buffer
	if err := r.Index(&b, loc.Index(l)); err != nil {
		t.Fatal(err)
	}
	golden(t, "index.nl.html", b.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join(fixture.Root(), "testdata", "golden", "html", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/render/html -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run go test ./internal/render/html -update and review the diff", name)
	}
}

// TestStructure parses every language's page and checks what assistive
// technology and browsers rely on.
func TestStructure(t *testing.T) {
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	for lang, d := range docs {
		t.Run(lang, func(t *testing.T) {
			root, err := xhtml.Parse(bytes.NewReader(render(t, r, d)))
			if err != nil {
				t.Fatal(err)
			}
			htmlEl := find(root, atom.Html)[0]
			wantDir := "ltr"
			if lang == "ar" {
				wantDir = "rtl"
			}
			if attr(htmlEl, "lang") != lang || attr(htmlEl, "dir") != wantDir {
				t.Errorf("<html lang=%q dir=%q>", attr(htmlEl, "lang"), attr(htmlEl, "dir"))
			}
			if n := len(find(root, atom.H1)); n != 1 {
				t.Errorf("%d h1 elements, want 1", n)
			}
			// Heading levels never skip: h1, then h2s only.
			var levels []int
			walk(root, func(n *xhtml.Node) {
				if n.Type == xhtml.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
					levels = append(levels, int(n.Data[1]-'0'))
				}
			})
			for i := 1; i < len(levels); i++ {
				if levels[i] > levels[i-1]+1 {
					t.Errorf("heading h%d follows h%d", levels[i], levels[i-1])
				}
			}
			if n := len(find(root, atom.Ol)); n != 5 {
				t.Errorf("%d ordered lists, want 5 (one per section)", n)
			}
			alternates := 0
			for _, l := range find(root, atom.Link) {
				if attr(l, "rel") != "alternate" {
					t.Errorf("external resource <link rel=%q>", attr(l, "rel"))
				}
				if attr(l, "hreflang") != "" {
					alternates++
				}
			}
			if alternates != 5 {
				t.Errorf("%d hreflang alternates, want 5", alternates)
			}
			walk(root, func(n *xhtml.Node) {
				if n.Type == xhtml.ElementNode && attr(n, "src") != "" {
					t.Errorf("<%s src=%q> makes a network request", n.Data, attr(n, "src"))
				}
			})
			gen := false
			for _, m := range find(root, atom.Meta) {
				if attr(m, "name") == "generator" && strings.HasPrefix(attr(m, "content"), "roledoc ") {
					gen = true
				}
			}
			if !gen {
				t.Error("no <meta name=generator>")
			}
		})
	}
}

// Text from role files is escaped: markup in a duty is shown, not run.
// budget refuses writes past max bytes, as the build's buffer does, and
// counts what it was offered.
type budget struct{ offered, max int }

func (b *budget) Write(p []byte) (int, error) {
	b.offered += len(p)
	if b.offered > b.max {
		return 0, errors.New("over budget")
	}
	return len(p), nil
}

// A template that repeats text without end stops at the writer's budget,
// instead of growing a buffer of its own until memory runs out.
func TestRepeatingTemplateStopsAtTheWritersBudget(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"style.css", "index.html", "home.html"} {
		data, err := os.ReadFile(filepath.Join(fixture.Root(), "templates", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["role.html"] = &fstest.MapFile{Data: []byte("{{range 1000000000}}repeated text {{end}}")}
	r, err := New(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	w := &budget{max: 1 << 20}
	if err := r.Render(w, fixture.Documents(t, "sales-manager")["en"]); err == nil {
		t.Fatal("Render succeeded past the writer's budget")
	}
	if w.offered > 2<<20 {
		t.Errorf("the writer was offered %d bytes at once; want the template stopped near its budget of %d", w.offered, w.max)
	}
}

func TestEscapesContent(t *testing.T) {
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	d := *docs["en"]
	d.Sections = append([]doc.Section(nil), d.Sections...)
	d.Sections[1].Items = []doc.Item{{Number: "2.1", Text: `<script>alert("x")</script> & {{template "y"}}`}}
	d.Title = `</style><script>bad()</script>`
	out := string(render(t, r, &d))
	if strings.Contains(out, "<script>alert") || strings.Contains(out, "<script>bad") {
		t.Fatal("markup from content reached the page unescaped")
	}
	if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{template &#34;y&#34;}}") {
		t.Error("escaped duty text not found")
	}
}

// TestStructuredData reads the JSON-LD back as a search engine would: an
// Occupation in the page's language, every duty its own entry, and no
// Latin punctuation put between Arabic items.
func TestStructuredData(t *testing.T) {
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	for _, lang := range []string{"en", "ar"} {
		d := docs[lang]
		page, err := xhtml.Parse(bytes.NewReader(render(t, r, d)))
		if err != nil {
			t.Fatal(err)
		}
		var scripts []string
		for _, n := range find(page, atom.Script) {
			if attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
				scripts = append(scripts, n.FirstChild.Data)
			}
		}
		if len(scripts) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts, want 1", lang, len(scripts))
		}
		var ld struct {
			Context struct {
				Language string `json:"@language"`
			} `json:"@context"`
			Type             string   `json:"@type"`
			Name             string   `json:"name"`
			Responsibilities []string `json:"responsibilities"`
			Skills           []string `json:"skills"`
			Education        []string `json:"educationRequirements"`
		}
		if err := json.Unmarshal([]byte(scripts[0]), &ld); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, scripts[0])
		}
		if ld.Type != "Occupation" || ld.Context.Language != lang || ld.Name != d.Title {
			t.Errorf("%s: @type %q, @language %q, name %q", lang, ld.Type, ld.Context.Language, ld.Name)
		}
		if len(ld.Responsibilities) != len(d.Sections[1].Items) || len(ld.Skills) == 0 || len(ld.Education) == 0 {
			t.Errorf("%s: %d responsibilities for %d duties, %d skills, %d education entries", lang, len(ld.Responsibilities), len(d.Sections[1].Items), len(ld.Skills), len(ld.Education))
		}
		for _, s := range append(ld.Responsibilities, ld.Skills...) {
			if strings.Contains(s, ".;") || strings.Contains(s, "\n") {
				t.Errorf("%s: items were joined: %q", lang, s)
			}
		}
	}
}

// TestChromiumLayout opens the Arabic page in headless Chromium: the
// document direction must be rtl and section headings must sit on the
// right half of the page.
func TestChromiumLayout(t *testing.T) {
	bin, args := testtool.Chromium(t)
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	for _, tc := range []struct {
		lang, dir string
		right     bool
	}{{"ar", "rtl", true}, {"en", "ltr", false}} {
		page := render(t, r, docs[tc.lang])
		// A probe script, added only for this test, writes what the
		// browser computed into the DOM that --dump-dom prints.
		probe := `<script>addEventListener("load",()=>{const h=document.querySelector("h2");const b=h.querySelector(".num").getBoundingClientRect();` +
			`document.body.setAttribute("data-probe",getComputedStyle(document.documentElement).direction+" "+Math.round(b.left)+" "+Math.round(b.right)+" "+innerWidth)})</script>`
		out := probePage(t, bin, args, page, probe, "1000,1400")
		m := regexp.MustCompile(`data-probe="(\w+) (-?\d+) (-?\d+) (\d+)"`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("%s: probe result not found in DOM", tc.lang)
		}
		t.Logf("%s: %s", tc.lang, m[0])
		left, _ := strconv.Atoi(string(m[2]))
		width, _ := strconv.Atoi(string(m[4]))
		if string(m[1]) != tc.dir {
			t.Errorf("%s: computed direction %s, want %s", tc.lang, m[1], tc.dir)
		}
		if onRight := left > width/2; onRight != tc.right {
			t.Errorf("%s: first section number at x=%d of %d; on the right half: %v, want %v", tc.lang, left, width, onRight, tc.right)
		}
	}
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func find(root *xhtml.Node, a atom.Atom) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
	})
	return out
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestPrintedPage prints the pages with Chromium, as HR would, and reads
// the PDF back: A4, every page carries the footer in the page's own
// language from the print CSS, the screen-only generator credit is not
// printed, and the last page holds the last two items with the approval
// block (nothing stranded).
func TestPrintedPage(t *testing.T) {
	bin, args := testtool.Chromium(t)
	pdftotext := testtool.Need(t, "pdftotext")
	pdfinfo := testtool.Need(t, "pdfinfo")
	r := renderer(t)
	docs := fixture.Documents(t, "sales-manager")
	for _, lang := range []string{"en", "nl", "ar"} {
		dir := t.TempDir()
		page := filepath.Join(dir, "page.html")
		if err := os.WriteFile(page, render(t, r, docs[lang]), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "page.pdf")
		if err := exec.Command(bin, append(args, "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+page)...).Run(); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		info, err := exec.Command(pdfinfo, out).Output()
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
		pages, _ := strconv.Atoi(string(m[1]))
		if !bytes.Contains(info, []byte("(A4)")) || pages < 2 {
			t.Errorf("%s: printed %d pages, A4: %v", lang, pages, bytes.Contains(info, []byte("(A4)")))
		}
		text, err := exec.Command(pdftotext, out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := squash(string(text))
		// pdftotext moves numbers around in right-to-left lines, so the
		// footer's words are counted without its digits: once per page.
		noDigits := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return -1
				}
				return r
			}, s)
		}
		footer := noDigits(strings.ReplaceAll(docs[lang].PageOf(1, pages), " ", ""))
		if n := strings.Count(noDigits(flat), footer); n != pages {
			t.Errorf("%s: footer %q printed %d times on %d pages", lang, footer, n, pages)
		}
		if g := docs[lang].Generator; strings.Contains(string(text), g) {
			t.Errorf("%s: the screen-only credit %q is printed", lang, g)
		}
		last, err := exec.Command(pdftotext, "-f", strconv.Itoa(pages), "-l", strconv.Itoa(pages), out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		printedFaces(t, out, lang)
		d := docs[lang]
		crit := d.Sections[len(d.Sections)-1].Items
		for _, want := range []string{crit[len(crit)-2].Text, crit[len(crit)-1].Text, d.Labels.Approved} {
			if !strings.Contains(squash(string(last)), squash(want)) {
				t.Errorf("%s: %q is not on the last page, with the approval block", lang, want)
			}
		}
	}
}

// TestChromiumChart opens the index pages in headless Chromium and measures
// the organization chart: a child sits inward of its parent, towards the
// end of the line, with a connector (a 2px branch) on its start side,
// which is the right in Arabic and the left in English.
func TestChromiumChart(t *testing.T) {
	bin, args := testtool.Chromium(t)
	r := renderer(t)
	_, loc := fixture.Project(t)
	for _, tc := range []struct {
		lang, side string
	}{{"ar", "right"}, {"en", "left"}} {
		l, _ := locale.Lookup(tc.lang)
		var b bytes.Buffer
		if err := r.Index(&b, loc.Index(l)); err != nil {
			t.Fatal(err)
		}
		// The probe reports the root's and its first child's node boxes,
		// the child's item box, and the physical side of its branch.
		probe := `<script>addEventListener("load",()=>{const root=document.querySelector(".chart > li");const li=root.querySelector("ul > li");` +
			`const a=root.querySelector(".node").getBoundingClientRect(),c=li.querySelector(".node").getBoundingClientRect(),i=li.getBoundingClientRect();` +
			`const s=getComputedStyle(li,"::after");const side=s.right==="0px"?"right":s.left==="0px"?"left":"none";` +
			`document.body.setAttribute("data-probe",[a.left,a.right,c.left,c.right,i.left,i.right].map(Math.round).join(" ")+" "+side+" "+s.borderTopWidth)})</script>`
		out := probePage(t, bin, args, b.Bytes(), probe, "1000,1200")
		m := regexp.MustCompile(`data-probe="(-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+) (\w+) (\w+)"`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("%s: probe result not found in DOM", tc.lang)
		}
		t.Logf("%s: %s", tc.lang, m[0])
		n := make([]int, 6)
		for i := range n {
			n[i], _ = strconv.Atoi(string(m[i+1]))
		}
		rootL, rootR, childL, childR, itemL, itemR := n[0], n[1], n[2], n[3], n[4], n[5]
		if string(m[7]) != tc.side || string(m[8]) != "2px" {
			t.Errorf("%s: the branch to a child is on the %s with a %s line, want the %s with 2px", tc.lang, m[7], m[8], tc.side)
		}
		var inward, gap bool
		if tc.side == "right" {
			inward, gap = childR < rootR, itemR-childR >= 16
		} else {
			inward, gap = childL > rootL, childL-itemL >= 16
		}
		if !inward || !gap {
			t.Errorf("%s: child node %d..%d, root %d..%d, item %d..%d: want the child inward of the root from the %s, with room for the branch", tc.lang, childL, childR, rootL, rootR, itemL, itemR, tc.side)
		}
	}
}

// An entry of a list shown in English inside an Arabic page (its
// translation missing) keeps its place in the right-to-left list, under
// its heading on the right, with only its text laid out left to right:
// marking the <li> itself as English moved it, marker and all, to the
// left edge of the page.
func TestChromiumEnglishSubItemStaysInPlace(t *testing.T) {
	bin, args := testtool.Chromium(t)
	d := fixture.Documents(t, "sales-manager")["ar"]
	marked := false
	for si := range d.Sections {
		for ii := range d.Sections[si].Items {
			it := &d.Sections[si].Items[ii]
			if len(it.Sub) > 0 && !marked {
				it.Sub[0] = "Confident use of a CRM system."
				it.SubLang = make([]string, len(it.Sub))
				it.SubLang[0] = "en"
				marked = true
			}
		}
	}
	if !marked {
		t.Fatal("the fixture has no item with entries")
	}
	page := render(t, renderer(t), d)
	probe := `<script>addEventListener("load",()=>{const e=document.querySelector("ul.sub [lang=en]");const li=e.closest("li");const r=e.getBoundingClientRect();` +
		`document.body.setAttribute("data-probe",getComputedStyle(li).direction+" "+getComputedStyle(e).direction+" "+Math.round(r.right)+" "+innerWidth)})</script>`
	out := probePage(t, bin, args, page, probe, "1000,1400")
	m := regexp.MustCompile(`data-probe="(\w+) (\w+) (-?\d+) (\d+)"`).FindSubmatch(out)
	if m == nil {
		t.Fatal("probe result not found in DOM")
	}
	right, _ := strconv.Atoi(string(m[3]))
	width, _ := strconv.Atoi(string(m[4]))
	if string(m[1]) != "rtl" || string(m[2]) != "ltr" || right < width/2 {
		t.Errorf("list entry %s, its English text %s ending at x=%d of %d; want an rtl entry on the right holding ltr text", m[1], m[2], right, width)
	}
}

// squash removes white space and format characters (poppler's bidi
// controls, soft hyphens) after NFKC, to compare printed text.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// printedFaces checks that Chromium printed the page in the PDF's faces,
// Noto Sans and, for Arabic, Noto Naskh Arabic: web and print match. It
// needs those faces installed (Debian's fonts-noto-core), and says so
// where they are not.
func printedFaces(t *testing.T, pdf, lang string) {
	t.Helper()
	fcList, err := exec.LookPath("fc-list")
	if err != nil {
		t.Log("no fc-list: printed faces not checked")
		return
	}
	installed, _ := exec.Command(fcList, ":family=Noto Naskh Arabic", "family").Output()
	if !bytes.Contains(installed, []byte("Noto Naskh Arabic")) {
		t.Log("Noto Naskh Arabic is not installed (fonts-noto-core): printed faces not checked")
		return
	}
	fonts, err := exec.Command(testtool.Need(t, "pdffonts"), pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"+NotoSans-Regular"}
	if lang == "ar" {
		want = append(want, "+NotoNaskhArabic-Regular")
	}
	for _, f := range want {
		if !bytes.Contains(fonts, []byte(f)) {
			t.Errorf("%s: printed without %s:\n%s", lang, f[1:], fonts)
		}
	}
	if bytes.Contains(fonts, []byte("DejaVu")) {
		t.Errorf("%s: printed partly in a fallback face:\n%s", lang, fonts)
	}
}

// findItem returns the first item in sections that ok accepts.
func findItem(sections []doc.Section, ok func(doc.Item) bool) *doc.Item {
	for s := range sections {
		for i := range sections[s].Items {
			if ok(sections[s].Items[i]) {
				return &sections[s].Items[i]
			}
		}
	}
	return nil
}

// TestChromiumEnglishInArabic opens an Arabic page with a duty and a
// sub-entry shown in English, as when their translations are missing.
// Each is an LTR isolate in the RTL page, as a browser sets one: the list
// item stays right to left, so its bullet and number are on the right and
// the English text ends at the item's right edge, next to them.
func TestChromiumEnglishInArabic(t *testing.T) {
	bin, args := testtool.Chromium(t)
	d := *fixture.Documents(t, "sales-manager")["ar"]
	d.Sections = slices.Clone(d.Sections)
	for s := range d.Sections {
		d.Sections[s].Items = slices.Clone(d.Sections[s].Items)
	}
	// The first item with a sub-list, and the first duty without a label.
	sub := findItem(d.Sections, func(it doc.Item) bool { return len(it.Sub) > 0 })
	duty := findItem(d.Sections, func(it doc.Item) bool { return len(it.Sub) == 0 && it.Label == "" })
	if sub == nil || duty == nil {
		t.Fatal("the Arabic page has no item with a sub-list, or none without a label")
	}
	duty.Lang, duty.Text = "en", "Searches for potential customers."
	sub.Sub = slices.Clone(sub.Sub)
	sub.SubLang = make([]string, len(sub.Sub))
	sub.Sub[0], sub.SubLang[0] = "A forklift licence.", "en"
	page := render(t, renderer(t), &d)
	probe := `<script>addEventListener("load",()=>{const r=e=>e.getBoundingClientRect();const text=e=>{const g=document.createRange();g.selectNodeContents(e);return g.getBoundingClientRect()};` +
		`const sub=[...document.querySelectorAll("ul.sub li")].find(l=>l.textContent=="A forklift licence.");` +
		`const body=[...document.querySelectorAll("ol.items [lang=en]")].find(b=>b.textContent=="Searches for potential customers.");` +
		`document.body.setAttribute("data-probe",[getComputedStyle(sub).direction,Math.round(r(sub).right-text(sub).right),Math.round(r(sub).width),` +
		`Math.round(r(body.parentElement).right-r(body).right),Math.round(r(body).width)].join(" "))})</script>`
	out := probePage(t, bin, args, page, probe, "1000,1400")
	m := regexp.MustCompile(`data-probe="(\w+) (-?\d+) (\d+) (-?\d+) (\d+)"`).FindSubmatch(out)
	if m == nil {
		t.Fatal("probe result not found in DOM")
	}
	t.Logf("%s", m[0])
	n := func(i int) int { v, _ := strconv.Atoi(string(m[i])); return v }
	// The bullet sits on the inline start of a list item: on the right
	// when the item is right to left.
	if string(m[1]) != "rtl" {
		t.Errorf("the English sub-entry's list item is %s, so its bullet is on the left", m[1])
	}
	if gap, w := n(2), n(3); gap > 2 || w < 200 {
		t.Errorf("the English sub-entry ends %dpx short of its item's right edge (item %dpx wide)", gap, w)
	}
	// The duty's text ends at the right of its column, next to its number.
	if gap, w := n(4), n(5); gap > 2 || w > 400 {
		t.Errorf("the English duty ends %dpx short of its column's right edge (text %dpx wide)", gap, w)
	}
}

// probePage loads page in headless Chromium with the probe script added
// before </body>; the script writes what the browser computed into a
// data-probe attribute of the DOM that --dump-dom prints, which is returned.
func probePage(t *testing.T, bin string, args []string, page []byte, probe, window string) []byte {
	t.Helper()
	page = bytes.Replace(page, []byte("</body>"), []byte(probe+"</body>"), 1)
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, "--window-size="+window, "--virtual-time-budget=2000", "--dump-dom", "file://"+file)...).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return out
}
