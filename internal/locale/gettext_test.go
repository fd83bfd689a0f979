package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	gotemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Every language's Plural-Forms picks, for each count, the PO index of the
// CLDR category go-i18n chooses.
func TestGettextPlural(t *testing.T) {
	for _, l := range Languages {
		t.Run(l.Tag, func(t *testing.T) {
			h := l.GettextPlural()
			var n int
			var expr string
			if _, err := fmt.Sscanf(h, "nplurals=%d; plural=", &n); err != nil {
				t.Fatalf("%q: %v", h, err)
			}
			expr = strings.TrimSuffix(h[strings.Index(h, "plural=")+len("plural="):], ";")
			forms := PluralForms(l.Tag)
			if n != len(forms) {
				t.Fatalf("nplurals=%d, CLDR has %v", n, forms)
			}
			b := i18n.NewBundle(language.MustParse(l.Tag))
			b.MustAddMessages(language.MustParse(l.Tag), &i18n.Message{ID: "p", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"})
			loc := i18n.NewLocalizer(b, l.Tag)
			for count := range 1200 {
				cat, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "p", PluralCount: count, TemplateParser: gotemplate.IdentityParser{}})
				if err != nil {
					t.Fatal(err)
				}
				got, err := evalC(expr, count)
				if err != nil {
					t.Fatalf("%q: %v", expr, err)
				}
				if want := slices.Index(forms, cat); got != want {
					t.Fatalf("n=%d: plural=%d, CLDR says %s (index %d)", count, got, cat, want)
				}
			}
		})
	}
}

// evalC evaluates a gettext plural expression (C syntax) for n.
func evalC(expr string, n int) (int, error) {
	p := &cParser{s: strings.ReplaceAll(expr, " ", ""), n: n}
	v := p.ternary()
	if p.err == nil && p.s != "" {
		p.err = fmt.Errorf("unexpected %q", p.s)
	}
	return v, p.err
}

type cParser struct {
	s   string
	n   int
	err error
}

func (p *cParser) eat(tok string) bool {
	if strings.HasPrefix(p.s, tok) {
		p.s = p.s[len(tok):]
		return true
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *cParser) ternary() int {
	c := p.or()
	if !p.eat("?") {
		return c
	}
	a := p.ternary()
	if !p.eat(":") {
		p.err = fmt.Errorf("missing :")
	}
	b := p.ternary()
	if c != 0 {
		return a
	}
	return b
}

func (p *cParser) or() int {
	v := p.and()
	for p.eat("||") {
		r := p.and()
		v = b2i(v != 0 || r != 0)
	}
	return v
}

func (p *cParser) and() int {
	v := p.cmp()
	for p.eat("&&") {
		r := p.cmp()
		v = b2i(v != 0 && r != 0)
	}
	return v
}

func (p *cParser) cmp() int {
	v := p.mod()
	for _, op := range []string{"==", "!=", ">=", "<=", ">", "<"} {
		if p.eat(op) {
			r := p.mod()
			return b2i(map[string]bool{"==": v == r, "!=": v != r, ">=": v >= r, "<=": v <= r, ">": v > r, "<": v < r}[op])
		}
	}
	return v
}

func (p *cParser) mod() int {
	v := p.atom()
	for p.eat("%") {
		v %= p.atom()
	}
	return v
}

func (p *cParser) atom() int {
	switch {
	case p.eat("("):
		v := p.ternary()
		if !p.eat(")") {
			p.err = fmt.Errorf("missing )")
		}
		return v
	case p.eat("n"):
		return p.n
	}
	i := 0
	for i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
		i++
	}
	v, err := strconv.Atoi(p.s[:i])
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("expected a number at %q", p.s)
	}
	p.s = p.s[i:]
	return v
}
