package catalog

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/placeholder"
	"github.com/roledoc/roledoc/internal/role"
)

// State is where a message stands in one language.
type State int

const (
	Translated State = iota
	Missing
	Stale
)

// Status is one language's coverage.
type Status struct {
	Lang       string
	Total      int
	Translated int
	Missing    []Problem
	Stale      []Problem
	Orphans    []Problem
	// Obsolete are the translations merge kept in obsolete/.
	Obsolete []Problem
}

// Problem names a message and where to look.
type Problem struct {
	ID  string
	Pos diag.Pos
	// For a stale translation: the English it was made from, when merge
	// has recorded it, and the English now.
	Previous, English string
}

// Percent is the share of messages translated and up to date.
func (s Status) Percent() float64 {
	if s.Total == 0 {
		return 100
	}
	return 100 * float64(s.Translated) / float64(s.Total)
}

// StateOf compares a translation with its source.
func StateOf(src *Entry, t *Translation) State {
	if t == nil || t.Empty() {
		return Missing
	}
	// A translation changed since merge marked it for review was updated
	// for the new English; the next merge records that.
	if t.Msg.Hash != "" && t.Msg.Hash != src.sourceHash() && (!t.Review.marked() || t.Review.Was == fingerprint(t.Msg)) {
		return Stale
	}
	return Translated
}

// CoverageOf counts a catalog against the source messages. Messages of
// the roles named in unreadable, whose role files could not be read, are
// not orphans: their source is only out of reach.
func CoverageOf(src []*Entry, c *Catalog, unreadable ...string) Status {
	return coverage(src, Index(src), c, unreadableFiles(unreadable))
}

// unreadableFiles maps the catalog files of unreadable roles.
func unreadableFiles(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[RoleFile(id)] = true
	}
	return m
}

// coverage is CoverageOf with the source indexed by id, which checks of
// several languages share. Chunks of the source are compared in parallel.
func coverage(src []*Entry, ids map[string]*Entry, c *Catalog, unreadable map[string]bool) Status {
	const chunk = 4096
	parts := make([]Status, (len(src)+chunk-1)/chunk)
	found := make([]int, len(parts)) // source messages the catalog has
	each(len(parts), func(i int) {
		s := &parts[i]
		for _, e := range src[i*chunk : min(len(src), (i+1)*chunk)] {
			t := c.Msgs[e.Msg.ID]
			if t != nil {
				found[i]++
			}
			switch StateOf(e, t) {
			case Missing:
				if t == nil && unreadable[FileFor(e.Msg.ID)] {
					continue // its catalog file has an error of its own
				}
				pos := e.Pos()
				if t != nil {
					pos = t.Pos
				} else if pos.File == "" {
					pos = diag.Pos{File: c.Dir + "/" + FileFor(e.Msg.ID)}
				}
				s.Missing = append(s.Missing, Problem{ID: e.Msg.ID, Pos: pos})
			case Stale:
				p := Problem{ID: e.Msg.ID, Pos: t.Pos, English: previousText(sourceComment(e.Msg))}
				if t.Review != nil {
					p.Previous = t.Review.Previous
				}
				s.Stale = append(s.Stale, p)
			default:
				s.Translated++
			}
		}
	})
	s := Status{Lang: c.Lang.Tag, Total: len(src)}
	n := 0
	for i, p := range parts {
		s.Missing = append(s.Missing, p.Missing...)
		s.Stale = append(s.Stale, p.Stale...)
		s.Translated += p.Translated
		n += found[i]
	}
	for id, t := range c.Obsolete {
		s.Obsolete = append(s.Obsolete, Problem{ID: id, Pos: t.Pos})
	}
	slices.SortFunc(s.Obsolete, func(a, b Problem) int { return strings.Compare(a.ID, b.ID) })
	if n == len(c.Msgs) {
		return s // every message has a source: no orphans
	}
	for id, t := range c.Msgs {
		if _, ok := ids[id]; !ok && !unreadable[FileFor(id)] {
			s.Orphans = append(s.Orphans, Problem{ID: id, Pos: t.Pos})
		}
	}
	slices.SortFunc(s.Orphans, func(a, b Problem) int { return strings.Compare(a.ID, b.ID) })
	return s
}

// Check reports what a translator must fix in a catalog: missing, stale,
// orphaned and obsolete messages, then what each rule finds in each
// translated message.
func Check(src []*Entry, c *Catalog) []diag.Diagnostic { return check(src, Index(src), c, nil) }

func check(src []*Entry, ids map[string]*Entry, c *Catalog, unreadable map[string]bool) []diag.Diagnostic {
	var ds []diag.Diagnostic
	st := coverage(src, ids, c, unreadable)
	for _, r := range catalogRules {
		ds = append(ds, r(c, st)...)
	}
	allowed := locale.PluralForms(c.Lang.Tag)
	gloss := newGlossaryCheck(c.Lang, c.Glossary)
	const chunk = 4096
	found := make([][]diag.Diagnostic, (len(src)+chunk-1)/chunk)
	each(len(found), func(i int) {
		for _, e := range src[i*chunk : min(len(src), (i+1)*chunk)] {
			t := c.Msgs[e.Msg.ID]
			if t == nil || t.Empty() {
				continue
			}
			m := message{lang: c.Lang, dir: c.Dir, src: e, t: t, srcForms: formValues(e.Msg), forms: formValues(t.Msg), allowed: allowed, gloss: gloss}
			for _, r := range rules {
				found[i] = append(found[i], r(m)...)
			}
		}
	})
	return slices.Concat(append([][]diag.Diagnostic{ds}, found...)...)
}

// A catalogRule reports on a language's catalog as a whole.
type catalogRule func(c *Catalog, st Status) []diag.Diagnostic

// catalogRules run before the rules of each message, in reporting order.
var catalogRules = []catalogRule{missingTranslations, staleTranslations, orphanKeys, obsoleteTranslations}

// missingTranslations: messages without text, one diagnostic per catalog
// file, since a new role lacks some 40 messages in every language; i18n
// status lists them one by one. A file with one missing message names it.
func missingTranslations(c *Catalog, st Status) []diag.Diagnostic {
	byFile := map[string][]Problem{}
	var files []string
	for _, p := range st.Missing {
		f := c.Dir + "/" + FileFor(p.ID)
		if byFile[f] == nil {
			files = append(files, f)
		}
		byFile[f] = append(byFile[f], p)
	}
	var ds []diag.Diagnostic
	for _, f := range files {
		ps := byFile[f]
		// The catalog's placeholder when there is one, else the English;
		// the first in the file, not in key order, which would point at
		// an arbitrary item of the role.
		pos := ps[0].Pos
		for _, p := range ps[1:] {
			if p.Pos.File == pos.File && (p.Pos.Line < pos.Line || p.Pos.Line == pos.Line && p.Pos.Col < pos.Col) {
				pos = p.Pos
			}
		}
		switch {
		case len(ps) == 1:
			ds = append(ds, diag.Warnf(pos, diag.MissingTranslation, "%s has no %s translation; translate it in %s", ps[0].ID, c.Lang, f))
		case pos.File == f:
			ds = append(ds, diag.Warnf(pos, diag.MissingTranslation, "%s: %d messages not translated yet; run 'roledoc i18n status --lang %s' for the list", f, len(ps), c.Lang.Tag))
		default:
			ds = append(ds, diag.Warnf(pos, diag.MissingTranslation, "%s: %d messages not translated yet; run 'roledoc i18n extract' and 'roledoc i18n merge' to add them, and 'roledoc i18n status --lang %s' for the list", f, len(ps), c.Lang.Tag))
		}
	}
	return ds
}

// staleTranslations: the English changed under a translation.
func staleTranslations(c *Catalog, st Status) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range st.Stale {
		confirm := fmt.Sprintf("update the translation, or if it still fits run 'roledoc i18n confirm --lang %s %s'", c.Lang.Tag, p.ID)
		if p.Previous != "" {
			ds = append(ds, diag.Warnf(p.Pos, diag.StaleTranslation, "the English of %s changed from %q to %q since it was translated; %s", p.ID, p.Previous, p.English, confirm))
			continue
		}
		// Until merge keeps the earlier English, only the new one is known.
		ds = append(ds, diag.Warnf(p.Pos, diag.StaleTranslation, "the English of %s changed since it was translated and is now %q; %s ('roledoc i18n merge' shows the earlier English beside it)", p.ID, p.English, confirm))
	}
	return ds
}

// orphanKeys: messages in the catalog with no source, one diagnostic per
// file when there are several, as after a role is renamed or removed.
func orphanKeys(c *Catalog, st Status) []diag.Diagnostic {
	byFile := map[string][]Problem{}
	var files []string
	for _, p := range st.Orphans {
		if byFile[p.Pos.File] == nil {
			files = append(files, p.Pos.File)
		}
		byFile[p.Pos.File] = append(byFile[p.Pos.File], p)
	}
	slices.Sort(files)
	var ds []diag.Diagnostic
	for _, f := range files {
		ps := byFile[f]
		slices.SortFunc(ps, func(a, b Problem) int { return a.Pos.Line - b.Pos.Line })
		what, their := ps[0].ID+" matches", "its translation to a renamed message"
		if len(ps) > 1 {
			what, their = fmt.Sprintf("%d messages, from %s on, match", len(ps), ps[0].ID), "their translations to renamed messages"
		}
		ds = append(ds, diag.Warnf(ps[0].Pos, diag.OrphanKey,
			"%s no source message; 'roledoc i18n merge' moves %s with the same English, or else to %s/%s",
			what, their, c.Dir, ObsoleteDir))
	}
	return ds
}

// obsoleteTranslations: translations merge kept from messages that are
// gone, one diagnostic per file.
func obsoleteTranslations(c *Catalog, _ Status) []diag.Diagnostic {
	first := map[string]*Translation{}
	count := map[string]int{}
	for _, t := range c.Obsolete {
		f := t.Pos.File
		count[f]++
		if p := first[f]; p == nil || t.Pos.Line < p.Pos.Line {
			first[f] = t
		}
	}
	var ds []diag.Diagnostic
	for _, f := range slices.Sorted(maps.Keys(first)) {
		ds = append(ds, diag.Warnf(first[f].Pos, diag.ObsoleteTranslation,
			"%d obsolete translations of messages that are gone; merge brings each back if its id returns; delete them when no longer needed", count[f]))
	}
	return ds
}

// message is one translated message with its source, as rules see it.
type message struct {
	lang            locale.Language
	dir             string // the catalog's, as shown
	src             *Entry
	t               *Translation
	srcForms, forms [6]string // in formNames order
	allowed         []string  // the language's plural forms
	gloss           *glossaryCheck
}

func (m message) plural() bool {
	n := 0
	for _, f := range m.srcForms {
		if f != "" {
			n++
		}
	}
	return n > 1
}

// form is the text of a plural form, "" when the message does not set it.
func (m message) form(name string) string { return m.forms[formIndex(name)] }

// validForms lists the forms the message may set, in CLDR order: the
// language's plural forms for a plural message, else "other".
func (m message) validForms() []string {
	var out []string
	for _, f := range formNames {
		if m.form(f) != "" && m.validForm(f) {
			out = append(out, f)
		}
	}
	return out
}

func (m message) validForm(f string) bool {
	if m.plural() {
		return slices.Contains(m.allowed, f)
	}
	return f == "other"
}

// A rule checks one translated message against its source.
type rule func(m message) []diag.Diagnostic

// rules are the checks of each translated message, in reporting order:
// first errorRules, then those that only warn.
var rules = append(errorRules[:len(errorRules):len(errorRules)], wrongScript, missingPlural, missingGlyph, glossaryMismatch)

// errorRules are the rules that report errors. The build runs them too
// (Catalog.errors), so that it refuses what check refuses.
var errorRules = []rule{invalidPlural, brokenTemplate, templateCode, placeholderMismatch, misleadingText}

// errors runs errorRules on every translation with text, by message id.
// The catalog alone tells a message's source: an interface message's is
// in UI and every other message is literal text with one form. Callers
// ignore the ids of messages that have no source (orphans), as check does.
func (c *Catalog) errors() map[string][]diag.Diagnostic {
	var out map[string][]diag.Diagnostic
	for id, t := range c.Msgs {
		if ds := translationErrors(c.Lang, t); len(ds) > 0 {
			if out == nil {
				out = map[string][]diag.Diagnostic{}
			}
			out[id] = ds
		}
	}
	return out
}

// literalSource stands for every role message in the error rules, which
// read of a literal source only that it is literal and has one form.
var literalSource = &Entry{Msg: &i18n.Message{Other: "text"}, Literal: true}

// translationErrors is what check reports as errors in one translation
// into lang: nothing for an empty one or an orphan interface message.
func translationErrors(lang locale.Language, t *Translation) []diag.Diagnostic {
	if t.Empty() {
		return nil
	}
	e := literalSource
	if interfaceMessage(t.Msg.ID) {
		if e = uiEntries[t.Msg.ID]; e == nil {
			return nil // an orphan
		}
	}
	m := message{lang: lang, src: e, t: t, srcForms: formValues(e.Msg), forms: formValues(t.Msg), allowed: locale.PluralForms(lang.Tag)}
	var ds []diag.Diagnostic
	for _, r := range errorRules {
		ds = append(ds, r(m)...)
	}
	return ds
}

// invalidPlural: a form the language does not have, or a plural form on
// a message that has none.
func invalidPlural(m message) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range formNames {
		if m.form(f) != "" && !m.validForm(f) {
			ds = append(ds, diag.Errorf(m.t.formPos(f), diag.InvalidPlural, "%s has no plural form %q; %s uses: %s", m.lang, f, m.lang.Tag, strings.Join(m.allowed, ", ")))
		}
	}
	return ds
}

// brokenTemplate: an interface message whose form does not parse as a
// template.
func brokenTemplate(m message) []diag.Diagnostic {
	if m.src.Literal {
		return nil
	}
	var ds []diag.Diagnostic
	for _, f := range m.validForms() {
		if _, err := template.New("").Parse(m.form(f)); err != nil {
			ds = append(ds, diag.Errorf(m.t.formPos(f), diag.BrokenTemplate, "template does not parse: %v", trimTemplateErr(err)))
		}
	}
	return ds
}

// placeholderMismatch: a form for a fixed number ("one" in Arabic spells
// out the number) may leave placeholders out, but no form may invent or
// rename one, and "other" must use them all.
func placeholderMismatch(m message) []diag.Diagnostic {
	if m.src.Literal {
		return nil
	}
	var ds []diag.Diagnostic
	want := placeholders(m.srcForms[:]...)
	for _, f := range m.validForms() {
		if _, err := placeholder.Fields(m.form(f)); err != nil {
			continue // brokenTemplate or templateCode reports it
		}
		got := placeholders(m.form(f))
		unknown := slices.DeleteFunc(slices.Clone(got), func(p string) bool { return slices.Contains(want, p) })
		if len(unknown) > 0 || f == "other" && !slices.Equal(got, want) {
			ds = append(ds, diag.Errorf(m.t.formPos(f), diag.PlaceholderMismatch, "placeholders %s differ from the English %s; keep the same {{.Name}} placeholders", list(got), list(want)))
		}
	}
	return ds
}

// wrongScript: text in a script other than the language's.
func wrongScript(m message) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range m.validForms() {
		text := m.form(f)
		if !m.src.Literal {
			if _, err := template.New("").Parse(text); err != nil {
				continue
			}
		}
		source := m.srcForms[formIndex("other")]
		if text == source && m.gloss.keeps(text) {
			continue // the glossary keeps this term in English
		}
		if msg := scriptProblem(m.lang, source, text); msg != "" {
			ds = append(ds, diag.Warnf(m.t.formPos(f), diag.WrongScript, "%s", msg))
		}
	}
	return ds
}

// missingPlural: a plural message lacking a form the language needs.
func missingPlural(m message) []diag.Diagnostic {
	if !m.plural() {
		return nil
	}
	var ds []diag.Diagnostic
	for _, f := range m.allowed {
		if m.form(f) == "" {
			ds = append(ds, diag.Warnf(m.t.Pos, diag.MissingPlural, "%s lacks the %q plural form that %s needs", m.src.Msg.ID, f, m.lang))
		}
	}
	return ds
}

// glossaryMismatch: a glossary term is in the English, but none of its
// accepted translations is in the translation.
func glossaryMismatch(m message) []diag.Diagnostic {
	if m.plural() || m.form("other") == "" {
		return nil
	}
	var ds []diag.Diagnostic
	for _, t := range m.gloss.missing(m.lang, m.srcForms[formIndex("other")], m.form("other")) {
		ds = append(ds, diag.Warnf(m.t.formPos("other"), diag.GlossaryTerm,
			"the English says %q, but the translation has none of the glossary's %s; use one, or add this wording to %s/%s", t.term, quoteAll(t.want), m.dir, GlossaryFile))
	}
	return ds
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func trimTemplateErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)

var placeholderRE = regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}`)

// placeholders lists the distinct {{.Name}} fields used by any form.
func placeholders(fs ...string) []string {
	var out []string
	for _, text := range fs {
		for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

func list(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	var out []string
	for _, n := range names {
		out = append(out, "{{."+n+"}}")
	}
	return strings.Join(out, " ")
}

// scriptProblem says what is wrong when a translation is written in a
// script other than its language's, such as English left in the Arabic
// catalog.
func scriptProblem(l locale.Language, source, text string) string {
	var latin, arabic int
	// Template actions ({{.Count}}) are code, not text.
	if strings.Contains(text, "{{") {
		text = actionRE.ReplaceAllString(text, "")
	}
	for _, r := range text {
		switch {
		case r < 0x80: // ASCII, most of the text: no table lookups
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
		if arabic > 0 && l.Script == "Arab" {
			return "" // one Arabic letter settles it
		}
	}
	if latin+arabic == 0 {
		return ""
	}
	switch l.Script {
	case "Arab":
		if arabic == 0 {
			return fmt.Sprintf("%s text should be in Arabic script, but this is Latin only; translate it", l)
		}
	case "Latn":
		if arabic > 0 {
			return fmt.Sprintf("%s text should be in Latin script, but this contains Arabic letters", l)
		}
		if text == source && strings.Count(source, " ") >= 2 {
			return fmt.Sprintf("text is identical to the English; translate it into %s", l)
		}
	}
	return ""
}

// CheckProject reads the catalogs below root in fsys (shown as shown) and
// checks every configured language's against the roles' source messages,
// and the extracted English catalog, read through english, for being
// current. Languages are read and checked one at a time, so a check holds
// one language's catalog, not all of them. A configured language with no
// catalog counts as missing every message.
func CheckProject(set *role.Set, fsys fs.FS, root, shown string, english func(name string) ([]byte, bool)) []diag.Diagnostic {
	var ds []diag.Diagnostic
	configured := map[string]bool{}
	for _, tag := range set.Config.Languages {
		lang, err := locale.Lookup(tag)
		if err != nil {
			ds = append(ds, diag.Errorf(set.Config.Pos("languages"), diag.UnknownLanguage, "%v", err))
			continue
		}
		configured[lang.Tag] = lang.Tag != locale.Source
	}
	src := SourceMessages(set)
	// Every language compares with the same source hashes: compute them
	// once.
	each(len(src), func(i int) { src[i].hash = Hash(src[i].Msg) })
	ids := Index(src)
	ds = append(ds, sourceGlyphs(src)...)
	// The organization is printed on every page but not translated.
	if d, ok := glyphWarning(set.Config.Pos("organization"), set.Config.Organization); ok {
		ds = append(ds, d)
	}
	unreadable := unreadableFiles(set.Unreadable())
	ds = append(ds, eachLanguage(fsys, root, shown, func(c *Catalog, more []diag.Diagnostic) []diag.Diagnostic {
		if configured[c.Lang.Tag] {
			more = append(more, check(src, ids, c, withBroken(unreadable, c.Dir, more))...)
			configured[c.Lang.Tag] = false // done
		}
		return more
	})...)
	for _, l := range locale.Languages { // in a fixed order
		if configured[l.Tag] {
			ds = append(ds, check(src, ids, &Catalog{Lang: l, Dir: shown + "/" + l.Tag, Msgs: map[string]*Translation{}}, nil)...)
		}
	}
	return append(ds, staleExtract(src, shown, english)...)
}

// withBroken adds to unreadable the catalog files of dir that ds finds
// errors in: their messages are not reported missing as well, as a file
// that does not parse would otherwise add "43 messages not translated yet;
// run merge" (which refuses) to its one real error.
func withBroken(unreadable map[string]bool, dir string, ds []diag.Diagnostic) map[string]bool {
	var out map[string]bool
	for _, d := range ds {
		name, ok := strings.CutPrefix(d.Pos.File, dir+"/")
		if !ok || d.Severity != diag.Error || unreadable[name] {
			continue
		}
		if out == nil {
			out = maps.Clone(unreadable)
			if out == nil {
				out = map[string]bool{}
			}
		}
		out[name] = true
	}
	if out == nil {
		return unreadable
	}
	return out
}

// staleExtract reports extracted English catalog files that no longer
// match the source, and those never extracted: a new role's English
// catalog is as much behind roles/ as an edited one's.
func staleExtract(src []*Entry, shown string, english func(name string) ([]byte, bool)) []diag.Diagnostic {
	var ds []diag.Diagnostic
	groups := extractGroups(src)
	names := slices.Sorted(maps.Keys(groups))
	msgs := make([]string, len(names))
	each(len(names), func(i int) {
		got, ok := english(names[i])
		switch {
		case !ok:
			msgs[i] = "the English catalog is missing for " + names[i] + "; run 'roledoc i18n extract'"
		case !current(groups[names[i]], got):
			msgs[i] = "the English catalog is out of date with roles/; run 'roledoc i18n extract'"
		}
	})
	for i, name := range names {
		if msgs[i] != "" {
			ds = append(ds, diag.Warnf(diag.Pos{File: shown + "/" + locale.Source + "/" + name}, diag.StaleExtract, "%s", msgs[i]))
		}
	}
	return ds
}
