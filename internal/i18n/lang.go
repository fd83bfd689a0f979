// Package i18n owns translation: the English source messages drawn from
// roles and the interface, the per-language catalogs in locales/, their
// checks, and localizing a role into a document.
package i18n

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Source is the source language of role files and the interface.
const Source = "en"

// Language describes a language roledoc renders.
type Language struct {
	Tag    string // canonical tag used for directories and output
	Native string // the language's own name
	RTL    bool
	Script string // the script its text must use: "Latn" or "Arab"
}

// Languages are the languages roledoc knows, in the order they are offered.
var Languages = []Language{
	{"en", "English", false, "Latn"},
	{"id", "Bahasa Indonesia", false, "Latn"},
	{"nl", "Nederlands", false, "Latn"},
	{"ar", "العربية", true, "Arab"},
	{"tl", "Tagalog", false, "Latn"},
}

// aliases map tags people use to the ones catalogs are filed under.
var aliases = map[string]string{"fil": "tl", "in": "id"}

// Lookup returns the language for a tag, accepting aliases such as "fil"
// for Tagalog and any case or region ("nl-BE" is Dutch).
func Lookup(tag string) (Language, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return Language{}, fmt.Errorf("%q is not a language tag", tag)
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

// Dir returns the HTML dir attribute value for the language.
func (l Language) Dir() string {
	if l.RTL {
		return "rtl"
	}
	return "ltr"
}
