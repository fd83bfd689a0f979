package locale

// gettextPlurals are the Plural-Forms headers of gettext PO files, as
// Unicode's CLDR-to-gettext table and Weblate write them. Their indices
// follow the CLDR categories in PluralForms order (zero, one, two, few,
// many, other), which is how gettext numbers Arabic's six forms.
var gettextPlurals = map[string]string{
	"en": "nplurals=2; plural=(n != 1);",
	"id": "nplurals=1; plural=0;",
	"nl": "nplurals=2; plural=(n != 1);",
	"ar": "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);",
	"tl": "nplurals=2; plural=(n != 1 && n != 2 && n != 3 && (n % 10 == 4 || n % 10 == 6 || n % 10 == 9));",
}

// GettextPlural returns the language's PO Plural-Forms header value; PO
// index i is the language's i-th CLDR category in PluralForms.
func (l Language) GettextPlural() string { return gettextPlurals[l.Tag] }
