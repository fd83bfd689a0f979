// Package locale owns the table of languages roledoc renders: their tags,
// aliases, scripts, direction and plural forms.
package locale

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	gotemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Source is the source language of role files and the interface.
const Source = "en"

// Language describes a language roledoc renders.
type Language struct {
	Tag    string // canonical tag used for directories and output
	Native string // the language's own name, for readers of the documents
	Name   string // its English name, for roledoc's own (English) messages
	RTL    bool
	Script string // the script its text must use: "Latn" or "Arab"
}

// Languages are the languages roledoc knows, in the order they are offered.
var Languages = []Language{
	{"en", "English", "English", false, "Latn"},
	{"id", "Bahasa Indonesia", "Indonesian", false, "Latn"},
	{"nl", "Nederlands", "Dutch", false, "Latn"},
	{"ar", "العربية", "Arabic", true, "Arab"},
	{"tl", "Tagalog", "Tagalog", false, "Latn"},
}

// aliases map tags people use to the ones catalogs are filed under.
var aliases = map[string]string{"fil": "tl", "in": "id"}

// Lookup returns the language for a tag, accepting aliases such as "fil"
// for Tagalog and any case or region ("nl-BE" is Dutch).
func Lookup(tag string) (Language, error) {
	t, err := language.Parse(tag)
	if err != nil {
		// "xx" is well-formed BCP 47 but no language; either way the
		// useful answer is what roledoc has.
		return Language{}, fmt.Errorf("%q is not a language roledoc knows; use one of %s", tag, strings.Join(Tags(), ", "))
	}
	base, _ := t.Base()
	code := base.String()
	if a, ok := aliases[code]; ok {
		code = a
	}
	i := slices.IndexFunc(Languages, func(l Language) bool { return l.Tag == code })
	if i < 0 {
		return Language{}, fmt.Errorf("no catalog for language %q; roledoc ships %s", tag, strings.Join(Tags(), ", "))
	}
	return Languages[i], nil
}

// Tags lists the known language tags.
func Tags() []string {
	var out []string
	for _, l := range Languages {
		out = append(out, l.Tag)
	}
	return out
}

// Is reports whether tag names this language, in any spelling go-i18n or
// people use ("fil" is Tagalog).
func (l Language) Is(tag string) bool { return tag == l.Tag || aliases[tag] == l.Tag }

// String names the language in English with its tag, "Arabic (ar)", as
// roledoc's English messages name it: the native name may be in a script
// the reader of a terminal cannot read, or one a terminal shows backwards.
func (l Language) String() string { return l.Name + " (" + l.Tag + ")" }

// Dir returns the HTML dir attribute value for the language.
func (l Language) Dir() string {
	if l.RTL {
		return "rtl"
	}
	return "ltr"
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
