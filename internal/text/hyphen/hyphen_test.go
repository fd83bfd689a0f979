package hyphen

import (
	"strings"
	"testing"
)

// hyphenate marks the points in word with '-'.
func hyphenate(p *Patterns, word string) string {
	rs := []rune(word)
	var b strings.Builder
	pts := p.Points(word)
	for i, r := range rs {
		if len(pts) > 0 && pts[0] == i {
			b.WriteRune('-')
			pts = pts[1:]
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestPoints(t *testing.T) {
	for _, c := range []struct{ lang, word, want string }{
		{"en", "hyphenation", "hy-phen-ation"},
		{"en", "responsibilities", "re-spon-si-bil-i-ties"},
		{"en", "Department", "De-part-ment"},
		{"en", "the", "the"},
		{"en", "KPI-based", "KPI-based"},
		{"nl", "verantwoordelijkheden", "ver-ant-woor-de-lijk-he-den"},
		{"nl", "verkoopdoelstellingen", "ver-koop-doel-stel-lin-gen"},
		{"id", "bertanggung", "ber-tang-gung"},
		{"id", "penjualan", "pen-ju-alan"},
		{"tl", "naghahanda", "nag-ha-han-da"},
		{"tl", "pangalan", "pa-nga-lan"},
		{"tl", "pangkat", "pang-kat"},
		{"tl", "kontrata", "kon-tra-ta"},
		{"tl", "eksibisyon", "ek-si-bis-yon"},
		{"tl", "paano", "paa-no"},
	} {
		p := For(c.lang)
		if p == nil {
			t.Fatalf("no patterns for %s", c.lang)
		}
		if got := hyphenate(p, c.word); got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.word, got, c.want)
		}
	}
}

func TestNoPatterns(t *testing.T) {
	for _, lang := range []string{"ar", "xx"} {
		if For(lang) != nil {
			t.Errorf("%s: patterns where none are committed", lang)
		}
	}
}

func TestCommittedFilesParse(t *testing.T) {
	ents, err := files.ReadDir("patterns")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, _ := files.ReadFile("patterns/" + e.Name())
		if _, err := Parse(data); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"ISO8859-1\na1b\n", "UTF-8\nLEFTHYPHENMIN x\n", "UTF-8\n123\n"} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func FuzzPoints(f *testing.F) {
	p := For("nl")
	f.Add("verantwoordelijkheden")
	f.Add("ĳsbeer")
	f.Fuzz(func(t *testing.T, w string) {
		n := len([]rune(w))
		last := 0
		for _, k := range p.Points(w) {
			if k <= last || k >= n {
				t.Fatalf("%q: point %d out of order or range", w, k)
			}
			last = k
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("UTF-8\nLEFTHYPHENMIN 2\n.ach4\na1b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err == nil {
			p.Points("example")
		}
	})
}

func TestSameLettersMerge(t *testing.T) {
	p, err := Parse([]byte("UTF-8\n1tr\nt2r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := hyphenate(p, "antra"); got != "an-tra" {
		t.Errorf("got %q, want an-tra", got)
	}
}
