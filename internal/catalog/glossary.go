package catalog

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/roledoc/roledoc/internal/locale"
)

// glossaryCheck is a language's glossary as the glossary-term rule uses it.
type glossaryCheck struct {
	terms []glossaryTerm
	// kept are the terms, lower case, that the glossary keeps in English
	// (Tagalog's "Head of Sales"): a translation may equal them.
	kept map[string]bool
}

// glossaryTerm is one English term and its accepted translations.
type glossaryTerm struct {
	term  string
	want  []string       // the accepted forms as written
	label bool           // an interface label, checked only as a whole message
	re    *regexp.Regexp // the term on word boundaries, in any case
	forms [][][]string   // each accepted form: its words, each word's stems
}

// newGlossaryCheck prepares a glossary for matching.
//
// A term with a qualifier in parentheses, such as "Department (header
// label)", names one sense of a word: its translations are accepted for
// the word, which is checked through its plain entry if it has one. A term
// that is an interface label or heading ("Duties", "Reports to") is
// checked only where the whole message is that label: in running text the
// same words have another sense ("the duties in this description").
func newGlossaryCheck(lang locale.Language, g map[string][]string) *glossaryCheck {
	gc := &glossaryCheck{kept: map[string]bool{}}
	senses := map[string][]string{} // plain term, lower case: every sense's forms
	for term, forms := range g {
		for _, f := range forms {
			if strings.EqualFold(f, term) {
				gc.kept[strings.ToLower(term)] = true
			}
		}
		base := strings.ToLower(strings.TrimSpace(qualifierRE.ReplaceAllString(term, "")))
		senses[base] = append(senses[base], forms...)
	}
	for term := range g {
		if strings.ContainsAny(term, "()") {
			continue
		}
		t := glossaryTerm{term: term, want: senses[strings.ToLower(term)], label: labels[strings.ToLower(term)],
			re: regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(term) + `\b`)}
		for _, f := range t.want {
			t.forms = append(t.forms, stemWords(lang, f))
		}
		gc.terms = append(gc.terms, t)
	}
	// Longer terms first: "personal sales plan" answers for the "sales
	// plan" inside it.
	slices.SortFunc(gc.terms, func(a, b glossaryTerm) int {
		return cmp.Or(len(b.term)-len(a.term), strings.Compare(a.term, b.term))
	})
	return gc
}

var qualifierRE = regexp.MustCompile(`\([^)]*\)`)

// labels are the interface's labels and headings, lower case.
var labels = func() map[string]bool {
	m := map[string]bool{}
	for _, msg := range UI {
		if !strings.Contains(msg.Other, "{{") {
			m[strings.ToLower(msg.Other)] = true
		}
	}
	return m
}()

// missing returns the terms the English uses whose translation uses none
// of the accepted forms. Where terms overlap, the longest answers.
func (gc *glossaryCheck) missing(lang locale.Language, english, translation string) []glossaryTerm {
	var out []glossaryTerm
	var words [][]string
	rest := english // the English not yet covered by a longer term
	for _, t := range gc.terms {
		if t.label && !strings.EqualFold(strings.TrimSpace(english), t.term) {
			continue
		}
		if !t.re.MatchString(rest) {
			continue
		}
		rest = t.re.ReplaceAllStringFunc(rest, func(m string) string { return strings.Repeat(" ", len(m)) })
		if words == nil {
			words = stemWords(lang, translation)
		}
		if !t.found(words) {
			out = append(out, t)
		}
	}
	return out
}

// found reports whether any accepted form occurs in the words.
func (t glossaryTerm) found(words [][]string) bool {
	for _, f := range t.forms {
		if len(f) == 0 {
			continue
		}
		for i := 0; i+len(f) <= len(words); i++ {
			if phraseAt(f, words[i:]) {
				return true
			}
		}
	}
	return false
}

// phraseAt reports whether the form's words begin the words: each word
// matches when one of its stems begins one of the text word's stems, so
// endings (plurals, Indonesian -nya, Arabic suffixes) do not matter.
func phraseAt(form, words [][]string) bool {
	for j, stems := range form {
		if !anyPrefix(stems, words[j]) {
			return false
		}
	}
	return true
}

func anyPrefix(stems, of []string) bool {
	for _, s := range stems {
		for _, w := range of {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

// stemWords splits text into lower-case words, each with the stems it may
// be matched by: itself, and for Arabic the word without diacritics and
// with each combination of the conjunctions و and ف, the prepositions ب, ل
// and ك, and the article ال removed.
func stemWords(lang locale.Language, text string) [][]string {
	fields := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	out := make([][]string, 0, len(fields))
	for _, w := range fields {
		if lang.Script != "Arab" {
			out = append(out, []string{w})
			continue
		}
		out = append(out, arabicStems(normalizeArabic(w)))
	}
	return out
}

// arabicLetters folds the spellings of a letter that writers vary: the
// hamza forms of alef, alef maqsura, and ta marbuta.
var arabicLetters = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه")

// normalizeArabic drops diacritics and tatweel and folds letter variants.
func normalizeArabic(w string) string {
	w = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) || r == 'ـ' {
			return -1
		}
		return r
	}, w)
	return arabicLetters.Replace(w)
}

// arabicStems lists a word with its clitic prefixes removed in each way
// they can attach: conjunction, then preposition, then article (ل before
// ال writes لل). A stem keeps at least two letters.
func arabicStems(w string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if len([]rune(s)) >= 2 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(w)
	for _, c := range []string{"", "و", "ف"} {
		a, ok := strings.CutPrefix(w, c)
		if !ok {
			continue
		}
		add(a)
		for _, p := range []string{"", "ب", "ل", "ك"} {
			b, ok := strings.CutPrefix(a, p)
			if !ok {
				continue
			}
			add(b)
			if d, ok := strings.CutPrefix(b, "ال"); ok {
				add(d)
			}
			if p == "" {
				if d, ok := strings.CutPrefix(b, "لل"); ok {
					add(d)
				}
			}
		}
	}
	return out
}
