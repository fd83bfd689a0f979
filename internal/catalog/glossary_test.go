package catalog

import (
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
)

// The glossary check on one message: a term in the English asks for one of
// its accepted translations, matched the way translators inflect words.
func TestGlossaryCheck(t *testing.T) {
	tests := []struct {
		name, lang  string
		glossary    map[string][]string
		english, tr string
		alarm       string // the term reported, or ""
	}{
		{"form used", "nl", map[string][]string{"sales plan": {"verkoopplan"}}, "Meets the sales plan.", "Realiseert het verkoopplan.", ""},
		{"form missing", "nl", map[string][]string{"sales plan": {"verkoopplan"}}, "Meets the sales plan.", "Realiseert het verkoopschema.", "sales plan"},
		{"any case, with an ending", "nl", map[string][]string{"key account": {"key account"}}, "Manages Key Accounts and a key account plan.", "Beheert de Key accounts.", ""},
		{"one of several forms", "id", map[string][]string{"customer": {"pelanggan", "klien"}}, "Visits each customer.", "Mengunjungi setiap klien.", ""},
		{"word boundary in the English", "nl", map[string][]string{"sales plan": {"verkoopplan"}}, "Reads the salesplanning.", "Leest de planning.", ""},
		{"the longer term answers", "nl", map[string][]string{"sales plan": {"verkoopplan"}, "personal sales plan": {"persoonlijk verkoopplan"}}, "Meets the personal sales plan.", "Realiseert het persoonlijk verkoopplan.", ""},
		{"label in running text", "nl", map[string][]string{"Duties": {"Taken"}}, "Performs the duties in this description.", "Voert de werkzaamheden uit.", ""},
		{"label as the message", "nl", map[string][]string{"Duties": {"Taken"}}, "Duties", "Plichten", "Duties"},
		{"qualified sense accepted", "id", map[string][]string{"department": {"departemen"}, "Department (header label)": {"Unit kerja"}}, "Department", "Unit kerja", ""},
		{"Arabic article and prepositions", "ar", map[string][]string{"customer": {"عميل"}}, "Serves the customer.", "يخدم وللعميل", ""},
		{"Arabic diacritics and hamza", "ar", map[string][]string{"top management": {"الإدارة العليا"}}, "Reports to top management.", "يرفع تقاريره إلى الإدَارة العُليا.", ""},
		{"Arabic suffix", "ar", map[string][]string{"customer": {"عميل"}}, "Calls the customer.", "يتصل بعميلها", ""},
		{"Arabic other word", "ar", map[string][]string{"customer": {"عميل", "عملاء"}}, "Calls the customer.", "يتصل بالزبون", "customer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lang, _ := locale.Lookup(tc.lang)
			got := newGlossaryCheck(lang, tc.glossary).missing(lang, tc.english, tc.tr)
			var terms []string
			for _, g := range got {
				terms = append(terms, g.term)
			}
			if want := tc.alarm; strings.Join(terms, ",") != want {
				t.Errorf("reported %v, want %q", terms, want)
			}
		})
	}
}

// The check raises no alarm on the shipped catalogs but finds a term
// translated another way in each of them.
func TestGlossaryCheckShipped(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	const id = "sales-manager.duties.client-base"
	for _, tag := range []string{"id", "nl", "ar", "tl"} {
		c := cats[tag]
		for _, d := range Check(src, c) {
			if d.Code == diag.GlossaryTerm {
				t.Errorf("%s: false alarm: %s", tag, d)
			}
		}
		e := Index(src)[id]
		if !strings.Contains(e.Msg.Other, "customer") {
			t.Fatalf("%s: the English no longer says customer: %q", id, e.Msg.Other)
		}
		var word string
		for _, w := range c.Glossary["customer"] {
			if strings.Contains(c.Msgs[id].Msg.Other, w) {
				word = w
			}
		}
		if word == "" {
			t.Fatalf("%s: %s does not use the glossary's word for customer", tag, id)
		}
		c.Msgs[id].Msg.Other = strings.ReplaceAll(c.Msgs[id].Msg.Other, word, "XYZ")
		found := false
		for _, d := range Check(src, c) {
			found = found || d.Code == diag.GlossaryTerm && strings.Contains(d.Message, `"customer"`)
		}
		if !found {
			t.Errorf("%s: replacing %q in %s raises no glossary-term warning", tag, word, id)
		}
	}
}

// A translation may equal the English when the glossary keeps the term in
// English (Philippine HR keeps English job titles); otherwise a text of
// three or more words identical to the English is reported.
func TestGlossaryKeepsEnglish(t *testing.T) {
	tl, _ := locale.Lookup("tl")
	for _, tc := range []struct {
		title    string
		glossary map[string][]string
		want     int
	}{
		{"Head of Sales", map[string][]string{"Head of Sales": {"Head of Sales"}}, 0},
		{"Head of Sales", map[string][]string{"Head of Sales": {"Pinuno ng Benta"}}, 1},
		{"Head of Sales", nil, 1},
		// Kept terms with numbers and punctuation between them.
		{"Head of Sales 2, Sales Manager", map[string][]string{"Head of Sales": {"Head of Sales"}, "Sales Manager": {"Sales Manager"}}, 0},
		{"Head of Sales for Region 2", map[string][]string{"Head of Sales": {"Head of Sales"}}, 1},
	} {
		src := []*Entry{{Msg: &i18n.Message{ID: "head-of-sales.title", Other: tc.title}, Literal: true}}
		c := &Catalog{Lang: tl, Dir: "locales/tl", Glossary: tc.glossary, Msgs: map[string]*Translation{
			"head-of-sales.title": {Msg: &i18n.Message{ID: "head-of-sales.title", Other: tc.title}},
		}}
		n := 0
		for _, d := range Check(src, c) {
			if d.Code == diag.WrongScript {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%q, glossary %v: %d wrong-script warnings, want %d", tc.title, tc.glossary, n, tc.want)
		}
	}
}
