package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/locale"
)

// Imported is what an exchange file (XLIFF or PO) brings into a catalog:
// the catalog's messages with the file's translations applied, and an
// account of every unit.
type Imported struct {
	Msgs      map[string]*Translation
	Imported  int // units that changed a translation
	Unchanged int // units that match the catalog
	// Skipped lists units left out, with why, in file order.
	Skipped []Skipped
}

// Skipped is a unit an import left out.
type Skipped struct {
	Unit, Reason string
}

// Summary is the one line an import prints: "imported 3, unchanged 120,
// skipped 1".
func (im *Imported) Summary() string {
	return fmt.Sprintf("imported %d, unchanged %d, skipped %d", im.Imported, im.Unchanged, len(im.Skipped))
}

// Reasons an import skips a unit. A unit whose target the tool still marks
// as unfinished (XLIFF state initial, PO fuzzy) is not taken as a
// translation, as msgfmt and Weblate do not take it, but it is named, so
// text typed in a tool that left the state alone is not lost silently.
const (
	skipGone       = "no such message any more (the English was removed or renamed); its text is not imported"
	skipUnfinished = "the target has new text but is marked unfinished (%s); mark it translated in your tool (by hand: %s) to import it"
	skipEmpty      = "marked translated but the target is empty"
	skipNewSource  = "the English changed since this file was exported; export again and translate the new English"
)

// importer applies an exchange file's units to a copy of a catalog.
type importer struct {
	src  map[string]*Entry
	lang locale.Language
	out  Imported
	bad  []string // placeholder problems, which refuse the whole import
}

func newImporter(src []*Entry, c *Catalog) *importer {
	im := &importer{src: Index(src), lang: c.Lang, out: Imported{Msgs: make(map[string]*Translation, len(c.Msgs))}}
	for id, t := range c.Msgs {
		cp := *t
		m := *t.Msg
		cp.Msg = &m
		im.out.Msgs[id] = &cp
	}
	return im
}

func (im *importer) skip(unit, reason string) {
	im.out.Skipped = append(im.out.Skipped, Skipped{unit, reason})
}

// current is a message's translated form, "" when it has none.
func (im *importer) current(id, form string) string {
	if t := im.out.Msgs[id]; t != nil {
		return forms(t.Msg)[form]
	}
	return ""
}

// apply records text for forms of a message and the hash of the English
// it was translated from, and counts the unit.
func (im *importer) apply(unit, id string, texts map[string]string, hash string) {
	e := im.src[id]
	bad := false
	for _, form := range formNames {
		if text, ok := texts[form]; ok {
			if p := placeholderProblem(e, form, text); p != "" {
				im.bad = append(im.bad, fmt.Sprintf("%s: %s", unit, p))
				bad = true
			}
		}
	}
	if bad {
		return
	}
	t := im.out.Msgs[id]
	if t == nil {
		t = &Translation{Msg: &i18n.Message{ID: id}}
		im.out.Msgs[id] = t
	}
	// The same text is unchanged unless it confirms a stale translation
	// for the English the file was made from.
	changed := t.Msg.Hash != hash && StateOf(e, t) == Stale
	for form, text := range texts {
		changed = changed || forms(t.Msg)[form] != text
	}
	if !changed {
		im.out.Unchanged++
		return
	}
	for form, text := range texts {
		setField(t.Msg, form, text)
	}
	t.Msg.Hash = hash
	im.out.Imported++
}

// unfinished counts a unit the tool marks as not done: unchanged when it
// has no new text, else skipped with why and, for a translator editing the
// file by hand, what to change.
func (im *importer) unfinished(unit, id string, texts map[string]string, mark, fix string) {
	for form, text := range texts {
		if text != "" && text != im.current(id, form) {
			im.skip(unit, fmt.Sprintf(skipUnfinished, mark, fix))
			return
		}
	}
	im.out.Unchanged++
}

// result is the import, or the placeholder problems that refuse it: a
// target that loses or invents a placeholder would break the page.
func (im *importer) result() (*Imported, error) {
	if len(im.bad) > 0 {
		return nil, fmt.Errorf("translations that check would refuse, so nothing was imported; keep every placeholder of the source, and no template code or bidi control:\n  %s", strings.Join(im.bad, "\n  "))
	}
	return &im.out, nil
}

// placeholderProblem says what is wrong with one form of a translation
// that check would report as an error: text that misleads (a bidi
// control, only invisible characters) in any message, and in an interface
// message template code or placeholders other than the English's: no
// form may invent a placeholder, and "other" must keep them all.
func placeholderProblem(e *Entry, form, text string) string {
	if e.Literal {
		if err := importable(e, text); err != nil {
			return err.Error()
		}
		return ""
	}
	if _, err := template.New("").Parse(text); err != nil {
		return "template does not parse: " + trimTemplateErr(err)
	}
	if err := importable(e, text); err != nil {
		return err.Error()
	}
	src := formValues(e.Msg)
	want := placeholders(src[:]...)
	got := placeholders(text)
	unknown := slices.DeleteFunc(slices.Clone(got), func(p string) bool { return slices.Contains(want, p) })
	if len(unknown) > 0 || form == "other" && !slices.Equal(got, want) {
		return fmt.Sprintf("placeholders %s, the English has %s", list(got), list(want))
	}
	return ""
}

// codes numbers a message's template actions ({{.Count}}) in order of
// first use, so exchange formats can carry each as an inline code that
// tools keep intact. Literal text has none.
func codes(e *Entry) map[string]string {
	out := map[string]string{}
	if e.Literal {
		return out
	}
	seen := map[string]bool{}
	for _, f := range formValues(e.Msg) {
		for _, a := range actionRE.FindAllString(f, -1) {
			if !seen[a] {
				seen[a] = true
				out[strconv.Itoa(len(out)+1)] = a
			}
		}
	}
	return out
}
