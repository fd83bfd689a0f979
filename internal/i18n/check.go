package i18n

import (
	"fmt"
	"github.com/roledoc/roledoc/internal/role"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	gotemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/parallel"
	"golang.org/x/text/language"
)

// State is where a message stands in one language.
type State int

const (
	Translated State = iota
	Missing
	Stale
)

// Status is one language's coverage.
type Status struct {
	Lang       string
	Total      int
	Translated int
	Missing    []Problem
	Stale      []Problem
	Orphans    []Problem
}

// Problem names a message and where to look.
type Problem struct {
	ID  string
	Pos diag.Pos
}

// Percent is the share of messages translated and up to date.
func (s Status) Percent() float64 {
	if s.Total == 0 {
		return 100
	}
	return 100 * float64(s.Translated) / float64(s.Total)
}

// StateOf compares a translation with its source.
func StateOf(src *Entry, t *Translation) State {
	if t == nil || t.Empty() {
		return Missing
	}
	if t.Msg.Hash != "" && t.Msg.Hash != src.sourceHash() {
		return Stale
	}
	return Translated
}

// CoverageOf counts a catalog against the source messages.
func CoverageOf(src []*Entry, c *Catalog) Status {
	s := Status{Lang: c.Lang.Tag, Total: len(src)}
	ids := map[string]bool{}
	for _, e := range src {
		ids[e.Msg.ID] = true
		t := c.Msgs[e.Msg.ID]
		switch StateOf(e, t) {
		case Missing:
			pos := e.Pos()
			if t != nil {
				pos = t.Pos
			} else if pos.File == "" {
				pos = diag.Pos{File: c.Dir + "/" + FileFor(e.Msg.ID)}
			}
			s.Missing = append(s.Missing, Problem{e.Msg.ID, pos})
		case Stale:
			s.Stale = append(s.Stale, Problem{e.Msg.ID, t.Pos})
		default:
			s.Translated++
		}
	}
	for id, t := range c.Msgs {
		if !ids[id] {
			s.Orphans = append(s.Orphans, Problem{id, t.Pos})
		}
	}
	slices.SortFunc(s.Orphans, func(a, b Problem) int { return strings.Compare(a.ID, b.ID) })
	return s
}

// Check reports what a translator must fix in a catalog: missing, stale and
// orphaned messages, placeholders that differ from the source, text in the
// wrong script, plural forms the language does not have, and broken
// templates.
func Check(src []*Entry, c *Catalog) []diag.Diagnostic {
	var ds []diag.Diagnostic
	st := CoverageOf(src, c)
	name := c.Lang.Native
	for _, p := range st.Missing {
		ds = append(ds, diag.Warnf(p.Pos, diag.MissingTranslation, "%s has no %s translation; run 'roledoc i18n merge' and translate it in %s", p.ID, name, c.Dir))
	}
	for _, p := range st.Stale {
		ds = append(ds, diag.Warnf(p.Pos, diag.StaleTranslation,
			"the English of %s changed since it was translated; update the text, then delete its hash line so 'roledoc i18n merge' records the new source", p.ID))
	}
	for _, p := range st.Orphans {
		ds = append(ds, diag.Warnf(p.Pos, diag.OrphanKey, "%s matches no source message; run 'roledoc i18n merge' to drop it", p.ID))
	}
	allowed := PluralForms(c.Lang.Tag)
	for _, e := range src {
		t := c.Msgs[e.Msg.ID]
		if t == nil || t.Empty() {
			continue
		}
		srcForms := forms(e.Msg)
		plural := len(srcForms) > 1
		for form, text := range forms(t.Msg) {
			pos := t.formPos(form)
			if plural && !slices.Contains(allowed, form) || !plural && form != "other" {
				ds = append(ds, diag.Errorf(pos, diag.InvalidPlural, "%s has no plural form %q; %s uses: %s", c.Lang.Native, form, c.Lang.Tag, strings.Join(allowed, ", ")))
				continue
			}
			if !e.Literal {
				if _, err := template.New("").Parse(text); err != nil {
					ds = append(ds, diag.Errorf(pos, diag.BrokenTemplate, "template does not parse: %v", trimTemplateErr(err)))
					continue
				}
				// A form for a fixed number ("one" in Arabic spells out
				// the number) may leave placeholders out, but no form may
				// invent or rename one, and "other" must use them all.
				want := placeholders(srcForms)
				got := placeholders(map[string]string{form: text})
				unknown := slices.DeleteFunc(slices.Clone(got), func(p string) bool { return slices.Contains(want, p) })
				if len(unknown) > 0 || form == "other" && !slices.Equal(got, want) {
					ds = append(ds, diag.Errorf(pos, diag.PlaceholderMismatch, "placeholders %s differ from the English %s; keep the same {{.Name}} placeholders", list(got), list(want)))
				}
			}
			if msg := scriptProblem(c.Lang, srcForms["other"], text); msg != "" {
				ds = append(ds, diag.Warnf(pos, diag.WrongScript, "%s", msg))
			}
		}
		if plural {
			for _, f := range allowed {
				if _, ok := forms(t.Msg)[f]; !ok {
					ds = append(ds, diag.Warnf(t.Pos, diag.MissingPlural, "%s lacks the %q plural form that %s needs", e.Msg.ID, f, c.Lang.Native))
				}
			}
		}
	}
	return ds
}

func trimTemplateErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)

var placeholderRE = regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}`)

// placeholders lists the distinct {{.Name}} fields used by any form.
func placeholders(fs map[string]string) []string {
	var out []string
	for _, text := range fs {
		for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

func list(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	var out []string
	for _, n := range names {
		out = append(out, "{{."+n+"}}")
	}
	return strings.Join(out, " ")
}

// scriptProblem says what is wrong when a translation is written in a
// script other than its language's, such as English left in the Arabic
// catalog.
func scriptProblem(l Language, source, text string) string {
	var latin, arabic int
	// Template actions ({{.Count}}) are code, not text.
	if strings.Contains(text, "{{") {
		text = actionRE.ReplaceAllString(text, "")
	}
	for _, r := range text {
		switch {
		case r < 0x80: // ASCII, most of the text: no table lookups
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
		if arabic > 0 && l.Script == "Arab" {
			return "" // one Arabic letter settles it
		}
	}
	if latin+arabic == 0 {
		return ""
	}
	switch l.Script {
	case "Arab":
		if arabic == 0 {
			return fmt.Sprintf("%s text should be in Arabic script, but this is Latin only; translate it", l.Native)
		}
	case "Latn":
		if arabic > 0 {
			return fmt.Sprintf("%s text should be in Latin script, but this contains Arabic letters", l.Native)
		}
		if text == source && strings.Count(source, " ") >= 2 {
			return fmt.Sprintf("text is identical to the English; translate it into %s", l.Native)
		}
	}
	return ""
}

var (
	pluralMu    sync.Mutex
	pluralCache = map[string][]string{}
)

// PluralForms lists the CLDR plural categories a language uses for whole
// numbers, in CLDR order. It asks go-i18n's own rules rather than keeping a
// second copy of CLDR data: a message with every form marked is localized
// for a range of counts, and the forms that come back are the language's.
func PluralForms(tag string) []string {
	pluralMu.Lock()
	defer pluralMu.Unlock()
	if f, ok := pluralCache[tag]; ok {
		return f
	}
	t := language.MustParse(tag)
	b := i18n.NewBundle(t)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	b.MustAddMessages(t, probe)
	loc := i18n.NewLocalizer(b, tag)
	seen := map[string]bool{}
	for n := range 1000 {
		s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n, TemplateParser: gotemplate.IdentityParser{}})
		if err == nil {
			seen[s] = true
		}
	}
	var out []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[f] {
			out = append(out, f)
		}
	}
	pluralCache[tag] = out
	return out
}

// CheckProject checks every configured language's catalog against the
// roles' source messages (SourceMessages(set)), and the extracted English catalog, read through english, for
// being current. A configured language with no catalog counts as missing
// every message.
func CheckProject(set *role.Set, src []*Entry, cats map[string]*Catalog, localesDir string, english func(name string) ([]byte, bool)) []diag.Diagnostic {
	var ds []diag.Diagnostic
	var todo []*Catalog
	for _, tag := range set.Config.Languages {
		lang, err := Lookup(tag)
		if err != nil {
			ds = append(ds, diag.Errorf(set.Config.Pos("languages"), diag.UnknownLanguage, "%v", err))
			continue
		}
		if lang.Tag == Source {
			continue
		}
		c := cats[lang.Tag]
		if c == nil {
			c = &Catalog{Lang: lang, Dir: localesDir + "/" + lang.Tag, Msgs: map[string]*Translation{}}
		}
		todo = append(todo, c)
	}
	// Every language compares with the same source hashes: compute them
	// once, before the languages are checked in parallel.
	parallel.For(len(src), func(i int) { src[i].hash = Hash(src[i].Msg) })
	found := make([][]diag.Diagnostic, len(todo))
	parallel.For(len(todo), func(i int) { found[i] = Check(src, todo[i]) })
	for _, f := range found {
		ds = append(ds, f...)
	}
	for _, name := range []string{RolesFile, UIFile} {
		if got, ok := english(name); ok && !ExtractCurrent(src, name, got) {
			ds = append(ds, diag.Warnf(diag.Pos{File: localesDir + "/" + Source + "/" + name}, diag.StaleExtract,
				"the English catalog is out of date with roles/; run 'roledoc i18n extract'"))
		}
	}
	return ds
}
