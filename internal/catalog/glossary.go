package catalog

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roledoc/roledoc/internal/locale"
)

// glossaryCheck is a language's glossary as the glossary-term rule uses it.
type glossaryCheck struct {
	terms []glossaryTerm
	// byFirst indexes terms by their first word, longest term first, so a
	// message is matched in one pass over its words.
	byFirst map[string][]int
	// kept are the terms, lower case, that the glossary keeps in English
	// (Tagalog's "Head of Sales"): a translation may equal them.
	kept map[string]bool
}

// keeps reports whether text is made only of terms the glossary keeps in
// English, with numbers and punctuation between them ("Account Manager 2"):
// such a translation may equal its English. Only text identical to the
// English asks, so the scan over the kept terms is rare.
func (gc *glossaryCheck) keeps(text string) bool {
	rest := strings.ToLower(text)
	if gc.kept[rest] {
		return true
	}
	terms := slices.Collect(maps.Keys(gc.kept))
	slices.SortFunc(terms, func(a, b string) int { return len(b) - len(a) })
	for _, t := range terms {
		rest = strings.ReplaceAll(rest, t, " ")
	}
	return len(terms) > 0 && !strings.ContainsFunc(rest, unicode.IsLetter)
}

// glossaryTerm is one English term and its accepted translations.
type glossaryTerm struct {
	term  string
	words []string     // the term's words, lower case
	want  []string     // the accepted forms as written
	label bool         // an interface label, checked only as a whole message
	forms [][][]string // each accepted form: its words, each word's stems
	lower []string     // each accepted form, lower case
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
	gc := &glossaryCheck{kept: map[string]bool{}, byFirst: map[string][]int{}}
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
		t := glossaryTerm{term: term, words: englishWords(term), want: senses[strings.ToLower(term)], label: labels[strings.ToLower(term)]}
		if len(t.words) == 0 {
			continue
		}
		for _, f := range t.want {
			t.forms = append(t.forms, stemWords(lang, f))
			t.lower = append(t.lower, strings.ToLower(f))
		}
		gc.terms = append(gc.terms, t)
	}
	// Longer terms first: "personal sales plan" answers for the "sales
	// plan" inside it.
	slices.SortFunc(gc.terms, func(a, b glossaryTerm) int {
		return cmp.Or(len(b.words)-len(a.words), len(b.term)-len(a.term), strings.Compare(a.term, b.term))
	})
	for i, t := range gc.terms {
		gc.byFirst[t.words[0]] = append(gc.byFirst[t.words[0]], i)
	}
	return gc
}

// englishWords splits English into lower-case words, as \b bounds them.
func englishWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
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
// of the accepted forms. Where terms overlap, the longest answers. Most
// words start no term, so the English is scanned without allocating.
func (gc *glossaryCheck) missing(lang locale.Language, english, translation string) []glossaryTerm {
	if len(gc.terms) == 0 {
		return nil
	}
	en := wordSpans(english, make([][2]int, 0, 32))
	var hits []int // terms, as found at each word
	var at []int   // where each hit starts
	var buf [32]byte
	for i, sp := range en {
		for _, ti := range gc.byFirst[string(lowerASCII(buf[:0], english[sp[0]:sp[1]]))] {
			t := gc.terms[ti]
			if t.label && len(t.words) != len(en) {
				continue
			}
			if len(t.words) <= len(en)-i && wordsAre(english, en[i:i+len(t.words)], t.words) {
				hits, at = append(hits, ti), append(at, i)
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// Longest first (terms are sorted so), each word answered for once.
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return hits[a] - hits[b] })
	used := make([]bool, len(en))
	var out []glossaryTerm
	var words [][]string
	lower := strings.ToLower(translation)
	for _, h := range order {
		t := gc.terms[hits[h]]
		span := used[at[h] : at[h]+len(t.words)]
		if slices.Contains(span, true) {
			continue
		}
		for i := range span {
			span[i] = true
		}
		if t.atWordStart(lower) {
			continue // as written: no need to split the translation
		}
		if words == nil {
			words = stemWords(lang, translation)
		}
		if !t.found(words) && !slices.ContainsFunc(out, func(o glossaryTerm) bool { return o.term == t.term }) {
			out = append(out, t)
		}
	}
	return out
}

// wordSpans appends the bounds of each word (a run of letters and digits)
// of s to dst.
func wordSpans(s string, dst [][2]int) [][2]int {
	start := -1
	for i, r := range s {
		word := r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
			r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			dst = append(dst, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, [2]int{start, len(s)})
	}
	return dst
}

// lowerASCII appends w in lower case to dst; words with other letters are
// lowered by strings.ToLower.
func lowerASCII(dst []byte, w string) []byte {
	for i := range len(w) {
		c := w[i]
		if c >= 0x80 {
			return append(dst[:0], strings.ToLower(w)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// wordsAre reports whether the words of s at spans are want, in any case.
func wordsAre(s string, spans [][2]int, want []string) bool {
	for i, sp := range spans {
		if !strings.EqualFold(s[sp[0]:sp[1]], want[i]) {
			return false
		}
	}
	return true
}

// atWordStart reports whether an accepted form occurs in the lower-case
// text as written, at the start of a word: the usual case, decided
// without splitting the text into words.
func (t glossaryTerm) atWordStart(lower string) bool {
	for _, f := range t.lower {
		for i := 0; f != ""; {
			j := strings.Index(lower[i:], f)
			if j < 0 {
				break
			}
			r, _ := utf8.DecodeLastRuneInString(lower[:i+j])
			if i+j == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				return true
			}
			i += j + 1
		}
	}
	return false
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
	text = strings.ToLower(text)
	arabic := lang.Script == "Arab"
	if arabic {
		text = normalizeArabic(text)
	}
	fields := strings.FieldsFunc(text, func(r rune) bool {
		if r < 0x80 {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') // lowered already
		}
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	out := make([][]string, len(fields))
	if !arabic {
		for i := range fields {
			out[i] = fields[i : i+1]
		}
		return out
	}
	stems := make([]string, 0, 4*len(fields))
	for i, w := range fields {
		from := len(stems)
		stems = appendArabicStems(stems, w)
		out[i] = stems[from:len(stems):len(stems)]
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

// appendArabicStems appends a word and its stems with clitic prefixes
// removed in each way they can attach: conjunction, then preposition, then
// article (ل before ال writes لل). A stem keeps at least two letters.
func appendArabicStems(dst []string, w string) []string {
	from := len(dst)
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 2 && !slices.Contains(dst[from:], s) {
			dst = append(dst, s)
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
	return dst
}
