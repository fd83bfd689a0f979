package localize

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/role"
)

// shipped loads the repository's roles and catalogs.
func shipped(t *testing.T) (*role.Set, map[string]*catalog.Catalog) {
	t.Helper()
	cfgData, err := os.ReadFile("../../roledoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := role.LoadConfig("roledoc.yaml", cfgData)
	roles, rds := role.LoadFS(os.DirFS("../../roles"), ".", "roles")
	set, sds := role.NewSet(cfg, roles)
	cats, cds := catalog.LoadCatalogs(os.DirFS("../../locales"), ".", "locales")
	if all := slices.Concat(ds, rds, sds, cds); len(all) > 0 {
		t.Fatalf("shipped project has problems: %v", all)
	}
	return set, cats
}

func texts(cats map[string]*catalog.Catalog) map[string]*catalog.Texts {
	out := map[string]*catalog.Texts{}
	for tag, c := range cats {
		out[tag] = c.Texts()
	}
	return out
}

func TestCountsUseTheLanguagesSeparators(t *testing.T) {
	set, cats := shipped(t)
	loc := New(set, texts(cats))
	for tag, want := range map[string]string{"en": "1,500", "nl": "1.500", "id": "1.500", "ar": "1,500", "tl": "1,500"} {
		lang, _ := locale.Lookup(tag)
		if got := loc.session(lang).count("ui.index.count", 1500); !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", tag, got, want)
		}
	}
}

// Plural forms render for the counts where languages differ most.
func TestPluralForms(t *testing.T) {
	set, cats := shipped(t)
	loc := New(set, texts(cats))
	want := map[string]map[int]string{
		"en": {0: "At least 0 years", 1: "At least 1 year in", 2: "At least 2 years", 3: "At least 3 years", 11: "At least 11 years", 100: "At least 100 years"},
		"id": {0: "Minimal 0 tahun", 1: "Minimal 1 tahun", 2: "Minimal 2 tahun", 3: "Minimal 3 tahun", 11: "Minimal 11 tahun", 100: "Minimal 100 tahun"},
		"nl": {0: "Ten minste 0 jaar", 1: "Ten minste 1 jaar", 2: "Ten minste 2 jaar", 3: "Ten minste 3 jaar", 11: "Ten minste 11 jaar", 100: "Ten minste 100 jaar"},
		"ar": {0: "غير مشترطة", 1: "لا تقل عن سنة واحدة في", 2: "لا تقل عن سنتين في", 3: "لا تقل عن 3 سنوات في", 11: "لا تقل عن 11 سنة في", 100: "لا تقل عن 100 سنة في"},
		"tl": {0: "bababa sa 0 taon", 1: "bababa sa 1 taon", 2: "bababa sa 2 taon", 3: "bababa sa 3 taon", 11: "bababa sa 11 taon", 100: "bababa sa 100 taon"},
	}
	forms := map[string][]string{
		"en": {"one", "other"}, "id": {"other"}, "nl": {"one", "other"},
		"ar": {"zero", "one", "two", "few", "many", "other"}, "tl": {"one", "other"},
	}
	for tag, cases := range want {
		lang, _ := locale.Lookup(tag)
		if got := locale.PluralForms(tag); !slices.Equal(got, forms[tag]) {
			t.Errorf("locale.PluralForms(%s) = %v, want %v", tag, got, forms[tag])
		}
		s := loc.session(lang)
		for n, sub := range cases {
			if got := s.count("ui.experience", n); !strings.Contains(got, sub) {
				t.Errorf("%s, %d: %q lacks %q", tag, n, got, sub)
			}
		}
		if len(s.missing) > 0 {
			t.Errorf("%s: fell back to English: %v", tag, s.missing)
		}
	}
	// Arabic picks a distinct form for each CLDR category.
	ar, _ := locale.Lookup("ar")
	s := loc.session(ar)
	seen := map[string]bool{}
	for _, n := range []int{0, 1, 2, 3, 11, 100} {
		seen[s.count("ui.index.count", n)] = true
	}
	if len(seen) != 6 {
		t.Errorf("Arabic counts 0, 1, 2, 3, 11, 100 gave %d distinct texts, want 6", len(seen))
	}
}

// A translation holding template code is never executed, even when check
// was skipped: the document shows the English.
func TestTemplateCodeNeverRuns(t *testing.T) {
	set, cats := shipped(t)
	nl, _ := locale.Lookup("nl")
	for _, code := range []string{"{{range 200000}}X{{end}}", "{{.}}", `{{printf "%s" .}}`, "{{.Secret}}"} {
		t.Run(code, func(t *testing.T) {
			tx := texts(cats)
			for _, m := range tx["nl"].UI {
				if m.ID == "ui.experience" {
					m.One, m.Other = code, code
				}
			}
			got := New(set, tx).session(nl).count("ui.experience", 3)
			if got != "At least 3 years in a related field" {
				t.Errorf("got %.80q, want the English", got)
			}
		})
	}
}

// A translation with a bidi override is not shown, even when check was
// skipped: the HTML and the PDF could read differently.
func TestBidiControlNeverShown(t *testing.T) {
	set, cats := shipped(t)
	nl, _ := locale.Lookup("nl")
	tx := texts(cats)
	id := "sales-manager.title"
	tx["nl"].Text = maps.Clone(tx["nl"].Text)
	tx["nl"].Text[id] = "Verkoop \u202Eregenam"
	for _, m := range tx["nl"].UI {
		if m.ID == "ui.section.duties" {
			m.Other = "Taken \u2067x\u2069"
		}
	}
	s := New(set, tx).session(nl)
	if got := s.t(id, nil, nil); got != "Sales Manager" {
		t.Errorf("title: %q, want the English", got)
	}
	if got := s.plain("ui.section.duties"); got != "Duties" {
		t.Errorf("heading: %q, want the English", got)
	}
}
