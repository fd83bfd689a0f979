package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/locale"
)

// The English merge writes above a message reads back as written, for any
// text a role can hold: renames and review marks depend on it.
func FuzzShownEnglish(f *testing.F) {
	for _, s := range []string{"Searches for customers.", "two\nlines", "# en: not a key", "a: b", "  leading", "ends with colon:", "مرحبا"} {
		f.Add(s, "")
		f.Add("At least {{.Count}} year", s)
	}
	f.Fuzz(func(t *testing.T, other, one string) {
		for _, s := range []string{other, one} {
			if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) >= 0 {
				t.Skip("role text is UTF-8 without control characters")
			}
		}
		src := &i18n.Message{ID: "role.duties.x", Other: other, One: one}
		data := encode(catalogHeader, []written{
			{msg: &i18n.Message{ID: "role.duties.a", Other: "x"}, comment: "en: before"},
			{msg: &i18n.Message{ID: src.ID, Other: "vertaling"}, comment: sourceComment(src)},
			{msg: &i18n.Message{ID: "role.duties.z", Other: "y"}, comment: "en: after"},
		})
		got := shownEnglish(data)
		if want := sourceComment(src); got[src.ID] != want {
			t.Errorf("read %q, wrote %q\n%s", got[src.ID], want, data)
		}
		if got["role.duties.a"] != "en: before" || got["role.duties.z"] != "en: after" {
			t.Errorf("neighbours: %q\n%s", got, data)
		}
	})
}

func TestPreviousText(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"Sells.", "Sells."},
		{"", ""},
		{"one line\nnext", "one line next"},
	}
	for _, tc := range tests {
		if got := previousText(sourceComment(&i18n.Message{Other: tc.msg})); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.msg, got, tc.want)
		}
	}
	plural := &i18n.Message{One: "{{.Count}} year", Other: "{{.Count}} years"}
	if got, want := previousText(sourceComment(plural)), "one: {{.Count}} year\nother: {{.Count}} years"; got != want {
		t.Errorf("plural: %q, want %q", got, want)
	}
}

func TestAffinity(t *testing.T) {
	tests := []struct {
		from, to string
		want     int
	}{
		{"account-manager.duties.calls", "key-account-manager.duties.calls", 2},
		{"sales-manager.duties.find-clients", "sales-manager.duties.prospecting", 1},
		{"sales-manager.duties.find-clients", "head-of-sales.duties.prospecting", 0},
	}
	for _, tc := range tests {
		if got := affinity(tc.from, tc.to); got != tc.want {
			t.Errorf("affinity(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

// A translation is stale while its English differs from the one it was
// made from, unless it was changed since merge marked it for review.
func TestStateOfReviewedTranslation(t *testing.T) {
	src := &Entry{Msg: &i18n.Message{ID: "r.duties.x", Other: "New English."}}
	text := &i18n.Message{ID: "r.duties.x", Other: "Vertaling."}
	was := fingerprint(text)
	tests := []struct {
		name   string
		hash   string
		review *Review
		want   State
	}{
		{"no hash yet", "", nil, Translated},
		{"current", Hash(src.Msg), nil, Translated},
		{"English changed", "sha1-old", nil, Stale},
		{"marked, text unchanged", "sha1-old", &Review{Previous: "Old.", Was: was}, Stale},
		{"marked, text changed", "sha1-old", &Review{Previous: "Old.", Was: "sha1-other"}, Translated},
		{"previous without review", "sha1-old", &Review{Previous: "Old."}, Stale},
	}
	for _, tc := range tests {
		m := *text
		m.Hash = tc.hash
		if got := StateOf(src, &Translation{Msg: &m, Review: tc.review}); got != tc.want {
			t.Errorf("%s: state %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A plural message whose English changes keeps its earlier forms as
// "previous", which reads back and is written again unchanged.
func TestPluralPreviousRoundTrip(t *testing.T) {
	dir := t.TempDir()
	msg := func(one, other string) []*Entry {
		return []*Entry{{Msg: &i18n.Message{ID: "ui.experience", Description: "years", One: one, Other: other}}}
	}
	load := func() *Catalog {
		t.Helper()
		cats, ds := LoadCatalogs(os.DirFS(dir), ".", "locales")
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		return cats["nl"]
	}
	write := func(files map[string][]byte) {
		t.Helper()
		if _, err := WriteFiles(filepath.Join(dir, "nl"), files); err != nil {
			t.Fatal(err)
		}
	}
	before := msg("At least {{.Count}} year", "At least {{.Count}} years")
	lang, _ := locale.Lookup("nl")
	nl := &Catalog{Lang: lang, Dir: "locales/nl", Msgs: map[string]*Translation{
		"ui.experience": {Msg: &i18n.Message{ID: "ui.experience", One: "Minstens {{.Count}} jaar", Other: "Minstens {{.Count}} jaar"}},
	}}
	write(Merged(before, nl))
	after := msg("{{.Count}} year of experience", "{{.Count}} years of experience")
	files := Merged(after, load())
	want := "  previous: |-\n    one: At least {{.Count}} year\n    other: At least {{.Count}} years\n"
	if got := string(files[UIFile]); !strings.Contains(got, want) {
		t.Fatalf("no %q in:\n%s", want, got)
	}
	write(files)
	c := load()
	st := CoverageOf(after, c)
	if len(st.Stale) != 1 || st.Stale[0].Previous != "one: At least {{.Count}} year\nother: At least {{.Count}} years" {
		t.Errorf("stale: %+v", st.Stale)
	}
	if again := Merged(after, c); string(again[UIFile]) != string(files[UIFile]) {
		t.Errorf("a second merge changed the file:\n%s", again[UIFile])
	}
}
