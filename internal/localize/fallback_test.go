package localize

import (
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/locale"
)

// Items shown in English because their translation is missing carry the
// language they are in; translated items carry none.
func TestFallbackItemsAreMarked(t *testing.T) {
	set, cats := shipped(t)
	r, _ := set.Role("sales-manager")
	gone := []string{
		catalog.RoleKey(r.ID, "duties", r.Duties[0].ID),
		catalog.RoleKey(r.ID, "knowledge", r.Knowledge[1].ID),
		catalog.RoleKey(r.ID, "criteria", r.Criteria[0].ID, "target"),
	}
	for _, id := range gone {
		delete(cats["ar"].Msgs, id)
	}
	ar, _ := locale.Lookup("ar")
	d, missing := New(set, texts(cats)).Document(r, ar)
	if len(missing) != len(gone) {
		t.Errorf("%d fallback warnings, want %d", len(missing), len(gone))
	}
	// build -v prints these in English: the language is named in English,
	// not in a script the reader may not read.
	for _, m := range missing {
		if !strings.Contains(m.Message, " has no Arabic (ar) translation; using the English") || strings.Contains(m.Message, ar.Native) {
			t.Errorf("fallback warning: %q", m.Message)
		}
	}
	duties := d.Sections[1].Items
	if duties[0].Lang != "en" || duties[0].Text != r.Duties[0].Text {
		t.Errorf("untranslated duty: Lang %q, %q", duties[0].Lang, duties[0].Text)
	}
	for _, it := range duties[1:] {
		if it.Lang != "" {
			t.Errorf("translated duty %s marked %q", it.Number, it.Lang)
		}
	}
	crit := d.Sections[4].Items
	if crit[0].TargetLang != "en" || crit[0].Target != r.Criteria[0].Target || crit[0].Lang != "" {
		t.Errorf("criterion with an untranslated target: Lang %q, TargetLang %q, %q", crit[0].Lang, crit[0].TargetLang, crit[0].Target)
	}
	var knowledge []string
	for _, it := range d.Sections[0].Items {
		if len(it.Sub) > 0 && it.Sub[1] == r.Knowledge[1].Text {
			knowledge = it.SubLang
		}
	}
	if len(knowledge) < 2 || knowledge[0] != "" || knowledge[1] != "en" {
		t.Errorf("knowledge languages %q, want the second English", knowledge)
	}
	en, _ := locale.Lookup("en")
	d, _ = New(set, texts(cats)).Document(r, en)
	if d.Sections[1].Items[0].Lang != "" {
		t.Error("an English document marks its own items as English")
	}
}
