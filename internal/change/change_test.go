package change

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/role"
)

// list builds items from "id=text" pairs.
func list(pairs ...string) []role.Item {
	var out []role.Item
	for _, p := range pairs {
		id, text, _ := strings.Cut(p, "=")
		out = append(out, role.Item{ID: id, Text: text})
	}
	return out
}

func show(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s %q→%q", c.Kind, c.Path, c.Old, c.New))
	}
	return out
}

func TestItems(t *testing.T) {
	base := list("a=A", "b=B", "c=C", "d=D")
	for _, tc := range []struct {
		name string
		new  []role.Item
		want []string
	}{
		{"same", list("a=A", "b=B", "c=C", "d=D"), nil},
		{"changed", list("a=A", "b=B2", "c=C", "d=D"), []string{`changed duties.b "B"→"B2"`}},
		{"added", list("a=A", "b=B", "x=X", "c=C", "d=D"), []string{`added duties.x ""→"X"`}},
		{"removed in place", list("a=A", "c=C", "d=D"), []string{`removed duties.b "B"→""`}},
		{"removed first", list("b=B", "c=C", "d=D"), []string{`removed duties.a "A"→""`}},
		{"one moved down", list("b=B", "c=C", "a=A", "d=D"), []string{`moved duties.a "1"→"3"`}},
		{"one moved up", list("d=D", "a=A", "b=B", "c=C"), []string{`moved duties.d "4"→"1"`}},
		{"moved and changed", list("a=A", "c=C", "d=D", "b=B!"), []string{`moved duties.b "2"→"4"`, `changed duties.b "B"→"B!"`}},
		{"renamed id", list("a=A", "bee=B", "c=C", "d=D"), []string{`removed duties.b "B"→""`, `added duties.bee ""→"B"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := show(items("duties", base, tc.new))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func sample() *role.Role {
	one := 1
	return &role.Role{
		ID: "clerk", Title: "Clerk", Department: "sales", Category: "worker", Version: "1.0", Effective: "2026-01-01",
		ReportsTo: "boss", AppointedBy: "boss", Substitute: "other",
		Requirements:     role.Requirements{Education: "secondary", ExperienceYears: &one},
		Knowledge:        list("k=Knows."),
		GuidedBy:         list("g=Law."),
		Duties:           list("file=Files papers.", "phone=Answers the phone."),
		Rights:           list("r=Asks."),
		Responsibilities: list("s=Answers."),
		Criteria:         []role.Criterion{{ID: "c", Text: "Order.", Target: "daily"}},
		Approval:         role.Approval{By: "boss"},
		History:          []role.Revision{{Version: "1.0", Date: "2026-01-01", Summary: "First issue."}},
	}
}

func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(r *role.Role)
		want []string
	}{
		{"nothing", func(r *role.Role) {}, nil},
		{"reference", func(r *role.Role) { r.Substitute = "deputy" }, []string{`changed substitute "other"→"deputy"`}},
		{"field of study added", func(r *role.Role) { r.Requirements.Field = "Law" }, []string{`added requirements.field ""→"Law"`}},
		{"experience", func(r *role.Role) { two := 2; r.Requirements.ExperienceYears = &two }, []string{`changed requirements.experience_years "1"→"2"`}},
		{"target", func(r *role.Role) { r.Criteria[0].Target = "weekly" }, []string{`changed criteria.c.target "daily"→"weekly"`}},
		{"history", func(r *role.Role) {
			r.History = append(r.History, role.Revision{Version: "1.1", Date: "2026-03-01", Summary: "Phone duty."})
		}, []string{`added history.1.1 ""→"Phone duty."`}},
		{"approval recorded", func(r *role.Role) {
			r.Approval.Records = []role.Record{{Name: "A. Boss", Date: "2026-02-01", Version: "1.0"}}
		}, []string{`added approval.records ""→"A. Boss, 2026-02-01, version 1.0"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := sample()
			tc.edit(n)
			if got := show(Roles(sample(), n)); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	added := show(Roles(nil, sample()))
	for _, want := range []string{`added  ""→"Clerk"`, `added title ""→"Clerk"`, `added reports_to ""→"boss"`, `added duties.phone ""→"Answers the phone."`, `added history.1.0 ""→"First issue."`} {
		if !slices.Contains(added, want) {
			t.Errorf("role added: no %s in %q", want, added)
		}
	}
	removed := show(Roles(sample(), nil))
	if len(removed) != len(added) || removed[0] != `removed  "Clerk"→""` {
		t.Errorf("role removed: %q", removed)
	}
}

// texts is a catalog: lang → key → text.
type texts map[string]map[string]string

func (c texts) lookup(lang, key string) (string, bool) {
	s, ok := c[lang][key]
	return s, ok
}

// TestTranslations compares Dutch catalogs; messages untranslated on both
// sides and unchanged in English (knowledge, say) are never reported.
func TestTranslations(t *testing.T) {
	oldCat := texts{"nl": {
		"clerk.title":        "Klerk",
		"clerk.duties.file":  "Archiveert papieren.",
		"clerk.duties.phone": "Neemt de telefoon op.",
		"clerk.rights.r":     "Vraagt.",
	}}
	for _, tc := range []struct {
		name string
		edit func(r *role.Role, nl map[string]string)
		want []string
	}{
		{"nothing", func(*role.Role, map[string]string) {}, nil},
		{"translation changed", func(_ *role.Role, nl map[string]string) {
			nl["clerk.duties.file"] = "Ordent papieren."
		}, []string{`changed duties.file "Archiveert papieren."→"Ordent papieren."`}},
		{"made stale", func(r *role.Role, _ map[string]string) {
			r.Duties[0].Text = "Files papers daily."
		}, []string{`stale duties.file "Archiveert papieren."→"Archiveert papieren."`}},
		{"English and translation changed", func(r *role.Role, nl map[string]string) {
			r.Duties[0].Text = "Files papers daily."
			nl["clerk.duties.file"] = "Archiveert dagelijks papieren."
		}, []string{`changed duties.file "Archiveert papieren."→"Archiveert dagelijks papieren."`}},
		{"translation deleted", func(_ *role.Role, nl map[string]string) {
			delete(nl, "clerk.rights.r")
		}, []string{`missing rights.r "Vraagt."→"Asks."`}},
		{"new item untranslated", func(r *role.Role, _ map[string]string) {
			r.Duties = append(r.Duties, role.Item{ID: "mail", Text: "Sorts mail."})
		}, []string{`missing duties.mail ""→"Sorts mail."`}},
		{"new item translated", func(r *role.Role, nl map[string]string) {
			r.Duties = append(r.Duties, role.Item{ID: "mail", Text: "Sorts mail."})
			nl["clerk.duties.mail"] = "Sorteert post."
		}, []string{`added duties.mail ""→"Sorteert post."`}},
		{"item removed", func(r *role.Role, nl map[string]string) {
			r.Duties = r.Duties[:1]
			delete(nl, "clerk.duties.phone")
		}, []string{`removed duties.phone "Neemt de telefoon op."→""`}},
		{"moved is not a translation change", func(r *role.Role, _ map[string]string) {
			r.Duties[0], r.Duties[1] = r.Duties[1], r.Duties[0]
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := sample()
			newCat := texts{"nl": map[string]string{}}
			for k, v := range oldCat["nl"] {
				newCat["nl"][k] = v
			}
			tc.edit(n, newCat["nl"])
			got := Compare(
				Version{Roles: []*role.Role{sample()}, Texts: oldCat.lookup},
				Version{Roles: []*role.Role{n}, Texts: newCat.lookup},
				Options{Source: "en", Langs: []string{"nl"}, Key: func(id, p string) string { return id + "." + p }})
			if s := show(got); !slices.Equal(s, tc.want) {
				t.Errorf("got  %q\nwant %q", s, tc.want)
			}
			for _, c := range got {
				if c.Role != "clerk" || c.Lang != "nl" {
					t.Errorf("change %+v not labelled clerk/nl", c)
				}
			}
		})
	}
}

func TestSummary(t *testing.T) {
	cs := []Change{{Path: "a", Kind: Changed}, {Path: "b", Kind: Added}, {Path: "c", Kind: Removed}}
	for n, want := range map[int]string{
		5: "a changed, b added and c removed",
		1: "a changed and 2 more",
	} {
		if got := Summary(cs, n); got != want {
			t.Errorf("Summary(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLabelAndPropose(t *testing.T) {
	for path, want := range map[string]string{
		"":                              "Role",
		"duties.negotiate":              "Duty negotiate",
		"criteria.collections.target":   "Criterion collections, target",
		"reports_to":                    "Reports to",
		"requirements.experience_years": "Experience years",
		"history.1.1":                   "Revision 1.1",
	} {
		if got := Label(path); got != want {
			t.Errorf("Label(%q) = %q, want %q", path, got, want)
		}
	}
	cs := []Change{
		{Lang: "en", Path: "version", Kind: Changed},
		{Lang: "en", Path: "substitute", Kind: Changed},
		{Lang: "en", Path: "duties.negotiate", Kind: Changed},
		{Lang: "en", Path: "duties.travel", Kind: Added},
		{Lang: "en", Path: "duties.projects", Kind: Removed},
		{Lang: "en", Path: "duties.find-clients", Kind: Moved},
		{Lang: "nl", Path: "duties.orders", Kind: Changed},
	}
	want := "Changed substitute and duty negotiate; added duty travel; removed duty projects; moved duty find-clients."
	if got := Propose(cs, "en"); got != want {
		t.Errorf("Propose = %q, want %q", got, want)
	}
	if got := Propose(cs[:1], "en"); got != "" {
		t.Errorf("Propose of a version bump alone = %q, want nothing", got)
	}
}
