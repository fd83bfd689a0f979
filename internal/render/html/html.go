// Package html owns rendering documents as self-contained HTML pages with
// html/template: no script, no network request, everything inline.
package html

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/doc"
)

// Renderer holds parsed templates; it is safe for concurrent use.
type Renderer struct {
	role, index, home *template.Template
	css               template.CSS
	fingerprint       string
}

// New parses role.html, index.html, home.html and style.css from dir in
// fsys.
func New(fsys fs.FS, dir string) (*Renderer, error) {
	css, err := fs.ReadFile(fsys, path.Join(dir, "style.css"))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	r := &Renderer{css: template.CSS(css)}
	h := sha256.New()
	h.Write(css)
	for _, t := range []struct {
		name string
		dst  **template.Template
	}{{"role.html", &r.role}, {"index.html", &r.index}, {"home.html", &r.home}} {
		src, err := fs.ReadFile(fsys, path.Join(dir, t.name))
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		h.Write(src)
		*t.dst, err = template.New(t.name).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
	}
	r.fingerprint = hex.EncodeToString(h.Sum(nil))
	return r, nil
}

// Ext is the file extension of role pages.
func (r *Renderer) Ext() string { return "html" }

// Fingerprint identifies the templates, so a change to them re-renders.
func (r *Renderer) Fingerprint() string { return r.fingerprint }

// Render renders one role page.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error { return r.Document(w, d) }

// Document renders one role page.
func (r *Renderer) Document(w io.Writer, d *doc.Document) error {
	data := struct {
		Doc                *doc.Document
		CSS                template.CSS
		PageSize           string
		PageCSS, HeaderCSS template.CSS
		JSONLD             template.JS
	}{
		Doc:       d,
		CSS:       r.css,
		PageSize:  pageSize(d.Page),
		PageCSS:   pageCounter(d),
		HeaderCSS: cssString(d.Organization + " · " + d.Title),
		JSONLD:    occupation(d),
	}
	return execute(w, r.role, data)
}

// Index renders a language's index page.
func (r *Renderer) Index(w io.Writer, ix *doc.Index) error {
	data := struct {
		Index    *doc.Index
		CSS      template.CSS
		PageSize string
	}{ix, r.css, pageSize(ix.Page)}
	return execute(w, r.index, data)
}

// Home renders the language chooser.
func (r *Renderer) Home(w io.Writer, h *doc.Home) error {
	data := struct {
		*doc.Home
		CSS template.CSS
	}{h, r.css}
	return execute(w, r.home, data)
}

// execute renders straight into w, so that a writer with a size budget
// stops a template that repeats text without end at the budget; buffering
// here first would hold gigabytes before w could refuse them. On an error
// w holds a partial page, which the caller discards.
func execute(w io.Writer, t *template.Template, data any) error {
	return t.Execute(w, data)
}

func pageSize(p string) string {
	if p == "Letter" {
		return "letter"
	}
	return "A4"
}

// pageCounter turns the translated "Page {{.Page}} of {{.Pages}}" into a
// CSS content value with page counters, so the browser's printed footer
// speaks the document's language.
func pageCounter(d *doc.Document) template.CSS {
	if d.PageOf == nil {
		return `counter(page)`
	}
	// Sentinels that no translation contains mark where the numbers go.
	const p, n = 987654321, 987654322
	s := d.PageOf(p, n)
	var parts []string
	for s != "" {
		i := strings.Index(s, strconv.Itoa(p))
		j := strings.Index(s, strconv.Itoa(n))
		k, counter := i, "counter(page)"
		if k < 0 || (j >= 0 && j < k) {
			k, counter = j, "counter(pages)"
		}
		if k < 0 {
			parts = append(parts, string(cssString(s)))
			break
		}
		if k > 0 {
			parts = append(parts, string(cssString(s[:k])))
		}
		parts = append(parts, counter)
		s = s[k+len(strconv.Itoa(p)):]
	}
	return template.CSS(strings.Join(parts, " "))
}

// cssString quotes s as a CSS string literal, escaping everything that
// could end the string or the style element.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

// occupation describes the role as schema.org JSON-LD, so published pages
// are machine-readable. The type is Occupation, not JobPosting: the page is
// an internal description of a position, not an advertisement of a
// vacancy, and has none of a posting's fields (date posted, location,
// salary, how to apply). Lists stay JSON arrays, so no punctuation of any
// one language is put between items, and the context's @language tags
// every text with the page's language. json.Marshal escapes <, > and &,
// so no text can close the script element.
func occupation(d *doc.Document) template.JS {
	ld := map[string]any{
		"@context": map[string]string{"@vocab": "https://schema.org/", "@language": d.Lang},
		"@type":    "Occupation",
		"name":     d.Title,
		"mainEntityOfPage": map[string]any{
			"@type":     "WebPage",
			"name":      d.Kind,
			"publisher": map[string]any{"@type": "Organization", "name": d.Organization},
		},
	}
	// General provisions name what they are; those schema.org has a
	// property for are kept.
	property := map[string]string{
		"education":  "educationRequirements",
		"field":      "educationRequirements",
		"experience": "experienceRequirements",
		"other":      "qualifications",
		"knowledge":  "skills",
	}
	for _, it := range d.Sections[0].Items {
		if p, ok := property[it.Key]; ok {
			add(ld, p, it.Text, it.Sub)
		}
	}
	for _, it := range d.Sections[1].Items {
		add(ld, "responsibilities", it.Text, nil)
	}
	out, err := json.Marshal(ld)
	if err != nil {
		return ""
	}
	return template.JS(out)
}

// add appends an item's text, or its sub-entries, to the list under key.
func add(ld map[string]any, key, text string, sub []string) {
	list, _ := ld[key].([]string)
	if text != "" {
		list = append(list, text)
	}
	ld[key] = append(list, sub...)
}
