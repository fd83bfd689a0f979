package redline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/change"
)

func TestPages(t *testing.T) {
	cs := []change.Change{
		{Role: "clerk", Lang: "en", Path: "substitute", Kind: change.Changed, Old: "a", New: "b"},
		{Role: "clerk", Lang: "en", Path: "duties.file", Kind: change.Changed, Old: "Files papers.", New: "Files <b>all</b> papers."},
		{Role: "clerk", Lang: "ar", Path: "duties.file", Kind: change.Stale, Old: "يحفظ الأوراق.", New: "يحفظ الأوراق."},
		{Role: "boss", Lang: "en", Path: "duties.sign", Kind: change.Moved, Old: "1", New: "2"},
	}
	lang := func(tag string) Language {
		if tag == "ar" {
			return Language{Dir: "rtl", Name: "العربية"}
		}
		return Language{Dir: "ltr", Name: "English"}
	}
	title := func(role, lang string) string { return role + "/" + lang }
	pages := Pages(cs, "en", []string{"ar"}, lang, title)
	// clerk in Arabic: the English substitute change (structural) and its
	// own stale duty, not the English duty text; boss in Arabic: the move.
	var got []string
	for _, p := range pages {
		for _, e := range p.Entries {
			got = append(got, p.Title+" "+e.Label+" "+string(e.Kind))
		}
	}
	want := []string{"clerk/ar Substitute changed", "clerk/ar Duty file stale", "boss/ar Duty sign moved"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if pages[0].Dir != "rtl" {
		t.Errorf("Arabic page dir %q", pages[0].Dir)
	}

	var b bytes.Buffer
	if err := HTML(&b, Redline{Base: "main", Pages: Pages(cs, "en", []string{"en"}, lang, title)}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"<ins>&lt;b&gt;all&lt;/b&gt; </ins>", "<del>a</del><ins>b</ins>"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if strings.Contains(out, "<b>all") {
		t.Error("markup in a duty reached the page unescaped")
	}
}
