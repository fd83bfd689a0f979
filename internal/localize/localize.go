// Package localize owns turning a role into a document in one language:
// looking up its messages, falling back to English, formatting dates and
// counts, and the fingerprint of what a document is made from.
package localize

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/role"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Localizer turns roles into documents in any language. It is built once
// per run and is safe for concurrent use.
type Localizer struct {
	set *role.Set
	src *source
	// bundle holds the interface messages, which need go-i18n's plural
	// rules and templates.
	bundle *i18n.Bundle
	// literal holds role content and titles by language and id. Such text
	// has one form and is never a template, so go-i18n would add nothing
	// but a compiled message per string: at a thousand roles in five
	// languages that is most of a build's memory.
	literal map[string]map[string]string
	// translated records which interface messages each language has.
	translated map[string]map[string]bool
	// plain caches interface messages that take no arguments, such as
	// section headings, which every document asks for.
	plain map[string]map[string]string
	// ui identifies, by language and id, the interface message a session
	// shows: the translation's hash, or the English one's, for Fingerprints.
	ui map[string]map[string]string
}

// source is the English documents are localized from: the interface
// messages whole, for go-i18n's plural rules and templates, and literal
// text (titles and role content) as plain strings with where each comes
// from. A go-i18n message per literal would cost 192 bytes more each,
// 50 MB at ten thousand roles.
type source struct {
	ui  map[string]*i18n.Message
	lit map[string]english
}

// english is one literal source message.
type english struct {
	text string
	role *role.Role   // or
	cfg  *role.Config // for the configuration's titles
	path string       // of the value in its file
}

func newSource(set *role.Set) *source {
	src := &source{ui: make(map[string]*i18n.Message, len(catalog.UI)), lit: map[string]english{}}
	for _, m := range catalog.UI {
		src.ui[m.ID] = m
	}
	catalog.EachLiteral(set, func(l catalog.Literal) {
		src.lit[l.ID] = english{text: l.Text, role: l.Role, cfg: l.Cfg, path: l.Path}
	})
	return src
}

// has reports whether id is a source message.
func (src *source) has(id string) bool {
	_, lit := src.lit[id]
	return lit || src.ui[id] != nil
}

// pos is where the English of message id is: the value in the role file
// or in roledoc.yaml, or nothing for interface messages.
func (src *source) pos(id string) diag.Pos {
	switch e := src.lit[id]; {
	case e.role != nil:
		return e.role.Pos(e.path)
	case e.cfg != nil:
		return e.cfg.Pos(e.path)
	}
	return diag.Pos{}
}

// New loads the source messages and every language's texts, with English
// as the fallback.
func New(set *role.Set, texts map[string]*catalog.Texts) *Localizer {
	return newLocalizer(set, newSource(set), texts)
}

// With returns a Localizer of the same roles with other languages' texts,
// sharing the English source messages, which at scale take longer to
// index than a language's texts: a build holds one language at a time.
func (l *Localizer) With(texts map[string]*catalog.Texts) *Localizer {
	return newLocalizer(l.set, l.src, texts)
}

func newLocalizer(set *role.Set, src *source, texts map[string]*catalog.Texts) *Localizer {
	b := i18n.NewBundle(language.English)
	for _, m := range src.ui {
		b.MustAddMessages(language.English, m)
	}
	lit := map[string]map[string]string{}
	have := map[string]map[string]bool{}
	for _, t := range texts {
		tag := language.MustParse(t.Lang.Tag)
		lit[t.Lang.Tag] = displayable(t.Text)
		have[t.Lang.Tag] = map[string]bool{}
		for _, m := range t.UI {
			if e, ok := src.ui[m.ID]; ok && runnable(e, m) {
				b.MustAddMessages(tag, m)
				have[t.Lang.Tag][m.ID] = true
			}
		}
	}
	l := &Localizer{set: set, src: src, bundle: b, literal: lit, translated: have,
		plain: map[string]map[string]string{}, ui: map[string]map[string]string{}}
	for _, lang := range locale.Languages {
		l.ui[lang.Tag] = map[string]string{}
		for id, m := range src.ui {
			l.ui[lang.Tag][id] = "en:" + catalog.Hash(m)
		}
	}
	for _, t := range texts {
		for _, m := range t.UI {
			if have[t.Lang.Tag][m.ID] {
				l.ui[t.Lang.Tag][m.ID] = catalog.Hash(m)
			}
		}
	}
	for _, lang := range locale.Languages {
		s := l.session(lang)
		cache := map[string]string{}
		for id, m := range src.ui {
			if !strings.Contains(m.Other, "{{") && (lang.Tag == locale.Source || have[lang.Tag][id]) {
				cache[id] = s.t(id, nil, nil)
			}
		}
		l.plain[lang.Tag] = cache
	}
	return l
}

// Errors returns what check reports as errors in the translations of the
// configured languages, for the messages the project has, orphans aside.
// The build refuses to run with any, as it does for an error in a role.
func (l *Localizer) Errors(texts map[string]*catalog.Texts) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, tag := range l.set.Config.Languages {
		lang, err := locale.Lookup(tag)
		if err != nil || texts[lang.Tag] == nil {
			continue
		}
		for id, errs := range texts[lang.Tag].Errors {
			if l.src.has(id) {
				ds = append(ds, errs...)
			}
		}
	}
	return ds
}

// session localizes one document, collecting the messages that fell back
// to English.
type session struct {
	l       *Localizer
	lang    locale.Language
	loc     *i18n.Localizer
	missing []diag.Diagnostic
	read    func(id string) int // when set, told every message looked up; returns its number
}

func (l *Localizer) session(lang locale.Language) *session {
	return &session{l: l, lang: lang, loc: i18n.NewLocalizer(l.bundle, lang.Tag)}
}

// t returns a message in the session's language, or the English with a
// warning when there is no translation.
func (s *session) t(id string, data map[string]any, count any) string {
	if s.read != nil {
		// No text and no id, only the lookup's place and arguments:
		// Fingerprints adds the text shown in each language.
		return fmt.Sprintf("{#%d %v %v}", s.read(id), data, count)
	}
	if e, ok := s.l.src.lit[id]; ok {
		if text, ok := s.l.literal[s.lang.Tag][id]; ok {
			return text
		}
		s.fellBack(id)
		return e.text
	}
	m, ok := s.l.src.ui[id]
	if !ok {
		return id
	}
	if data == nil && count == nil {
		if text, ok := s.l.plain[s.lang.Tag][id]; ok {
			return text
		}
	}
	out, tag, err := s.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	// go-i18n reports Tagalog as "fil", its canonical tag; compare
	// languages, not spellings.
	if err != nil || !s.lang.Is(tag.String()) {
		s.fellBack(id)
		if out == "" {
			return m.Other
		}
	}
	return out
}

// fellBack records that message id is shown in English.
func (s *session) fellBack(id string) {
	if s.lang.Tag == locale.Source {
		return
	}
	pos := s.l.src.pos(id)
	if pos.File == "" {
		pos = diag.Pos{File: "locales/" + s.lang.Tag + "/" + catalog.FileFor(id)}
	}
	s.missing = append(s.missing, diag.Warnf(pos, diag.MissingTranslation, "%s has no %s translation; using the English", id, s.lang))
}

func (s *session) plain(id string) string { return s.t(id, nil, nil) }

// item returns a message and the language it is shown in when that is not
// the session's: "en" for an untranslated message shown in English.
func (s *session) item(id string) (text, lang string) {
	return s.marked(func() string { return s.plain(id) })
}

// marked runs a lookup and returns its text with "en" when it fell back to
// English.
func (s *session) marked(lookup func() string) (text, lang string) {
	n := len(s.missing)
	text = lookup()
	if len(s.missing) > n {
		lang = locale.Source
	}
	return text, lang
}

// title is the translated title of a role or declared position.
func (s *session) title(id string) string {
	if _, ok := s.l.set.Role(id); ok {
		return s.plain(catalog.RoleKey(id, "title"))
	}
	if _, ok := s.l.set.Config.Position(id); ok {
		return s.plain("positions." + id + ".title")
	}
	return id
}

// Date formats a YYYY-MM-DD date with the language's month names and
// order. Digits stay Western in every language, Arabic included.
func (s *session) date(iso string) string {
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return s.t("ui.date", map[string]any{
		"Day":   strconv.Itoa(d.Day()),
		"Month": s.plain("ui.month." + strconv.Itoa(int(d.Month()))),
		"Year":  strconv.Itoa(d.Year()),
	}, nil)
}

// count formats a message with a number, written with the language's
// separators (1,000 in English, 1.000 in Indonesian and Dutch) and Western
// digits everywhere.
func (s *session) count(id string, n int) string {
	tag := language.Make(s.lang.Tag + "-u-nu-latn")
	return s.t(id, map[string]any{"Count": message.NewPrinter(tag).Sprint(number.Decimal(n))}, n)
}

func (s *session) labels() doc.Labels {
	return doc.Labels{
		Approved:  s.plain("ui.label.approved"),
		Name:      s.plain("ui.label.name"),
		Signature: s.plain("ui.label.signature"),
		Date:      s.plain("ui.label.date"),
		Languages: s.plain("ui.label.languages"),
		Index:     s.plain("ui.index.back"),
		Target:    s.plain("ui.label.target"),
		Version:   s.plain("ui.label.version"),
		Effective: s.plain("ui.label.effective"),
		Agreed:    s.plain("ui.label.agreed"),
		Revisions: s.plain("ui.revisions.heading"),
		Change:    s.plain("ui.revisions.change"),
	}
}

func (l *Localizer) alternates(current string) []doc.Alternate {
	var out []doc.Alternate
	for _, tag := range l.set.Config.Languages {
		lang, err := locale.Lookup(tag)
		if err != nil {
			continue
		}
		out = append(out, doc.Alternate{Lang: lang.Tag, Name: lang.Native, Current: lang.Tag == current})
	}
	return out
}

// Fingerprints identify everything the documents of r in langs are made
// from, one per language, derived from the document itself so that they
// cannot drift from what Document reads: the role's document skeleton
// (the document made with every message lookup left as its number and
// arguments, which holds every value of the role file and the
// configuration that shows), the text in each language of each message
// looked up, and the page size. Equal fingerprints mean equal documents,
// so a build can skip a document without localizing it. The skeleton is
// made once for all the languages and not kept: at ten thousand roles,
// keeping every role's would hold 60 MB through the build.
func (l *Localizer) Fingerprints(r *role.Role, langs []locale.Language) []string {
	read := l.read(r)
	out := make([]string, len(langs))
	for i, lang := range langs {
		h := sha256.New()
		put := func(parts ...string) {
			for _, s := range parts {
				io.WriteString(h, s)
				h.Write([]byte{0})
			}
		}
		// The page size is set on the document by the build.
		put(roledoc.Version, lang.Tag, l.set.Config.Page(), read.skeleton)
		for _, id := range read.ids {
			put(l.shown(lang, id))
		}
		out[i] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

// shown identifies the text a session in lang shows for a message, as t
// finds it: the translation, else the English; ids with no source
// message show as themselves.
func (l *Localizer) shown(lang locale.Language, id string) string {
	if e, ok := l.src.lit[id]; ok {
		if text, ok := l.literal[lang.Tag][id]; ok {
			return text
		}
		return "en:" + e.text
	}
	if _, ok := l.src.ui[id]; !ok {
		return "\x00" + id
	}
	return l.ui[lang.Tag][id]
}

// reading is what one role's document reads, for Fingerprints.
type reading struct {
	ids      []string // message ids in the order they are looked up
	skeleton string   // digest of the document without its text
}

// read makes r's document skeleton, recording every message looked up.
func (l *Localizer) read(r *role.Role) reading {
	var ids []string
	s := l.session(locale.Languages[0])
	s.read = func(id string) int {
		ids = append(ids, id)
		return len(ids) - 1
	}
	// Every field of a document is data but the footer, a function of
	// ui.page, which is looked up.
	js, err := json.Marshal(l.document(s, r))
	if err != nil {
		panic(err) // a document is plain data
	}
	sum := sha256.Sum256(js)
	return reading{ids: ids, skeleton: hex.EncodeToString(sum[:])}
}

// Missing reports each message of the given roles, and of the interface,
// that has no translation in lang and will be shown in English. It looks
// the messages up without building documents.
func (l *Localizer) Missing(roles []*role.Role, lang locale.Language) []diag.Diagnostic {
	if lang.Tag == locale.Source {
		return nil
	}
	want := map[*role.Role]bool{}
	for _, r := range roles {
		want[r] = true
	}
	var ids []string
	for id, e := range l.src.lit {
		if _, ok := l.literal[lang.Tag][id]; !ok && (e.role == nil || want[e.role]) {
			ids = append(ids, id)
		}
	}
	for id := range l.src.ui {
		if !l.translated[lang.Tag][id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // only the missing ones, for a stable report
	s := l.session(lang)
	for _, id := range ids {
		s.fellBack(id)
	}
	return s.missing
}

// Document localizes one role. The diagnostics are warnings for messages
// that fell back to English.
func (l *Localizer) Document(r *role.Role, lang locale.Language) (*doc.Document, []diag.Diagnostic) {
	s := l.session(lang)
	d := l.document(s, r)
	return d, s.missing
}

// document localizes one role in the session's language.
func (l *Localizer) document(s *session, r *role.Role) *doc.Document {
	lang := s.lang
	d := &doc.Document{
		Lang:         lang.Tag,
		Dir:          lang.Dir(),
		RoleID:       r.ID,
		Organization: l.set.Config.Organization,
		Kind:         s.plain("ui.kind"),
		Title:        s.plain(catalog.RoleKey(r.ID, "title")),
		Version:      r.Version,
		Effective:    s.date(r.Effective),
		Date:         effectiveTime(r.Effective),
		Labels:       s.labels(),
		Alternates:   l.alternates(lang.Tag),
		Generator:    "roledoc " + roledoc.Version,
	}
	if _, ok := l.set.Config.Department(r.Department); ok {
		d.Department = s.plain("departments." + r.Department + ".title")
	}
	d.Meta = []doc.Field{
		{Label: s.plain("ui.label.department"), Value: d.Department},
		{Label: s.plain("ui.label.version"), Value: d.Version},
		{Label: s.plain("ui.label.effective"), Value: d.Effective},
	}

	var prov []doc.Item
	ref := func(label, id string) doc.Item {
		it := doc.Item{Key: strings.TrimPrefix(label, "ui.label."), Label: s.plain(label)}
		it.Text, it.Lang = s.marked(func() string { return s.title(id) })
		if _, ok := l.set.Role(id); ok {
			it.Link = id
		}
		return it
	}
	prov = append(prov,
		doc.Item{Key: "category", Label: s.plain("ui.label.category"), Text: s.plain("ui.category." + r.Category)},
		ref("ui.label.appointed_by", r.AppointedBy),
		ref("ui.label.reports_to", r.ReportsTo),
		ref("ui.label.substitute", r.Substitute),
		doc.Item{Key: "education", Label: s.plain("ui.label.education"), Text: s.plain("ui.education." + r.Requirements.Education)},
	)
	if r.Requirements.Field != "" {
		it := doc.Item{Key: "field", Label: s.plain("ui.label.field")}
		it.Text, it.Lang = s.item(catalog.RoleKey(r.ID, "requirements", "field"))
		prov = append(prov, it)
	}
	var exp string
	if y := r.Requirements.ExperienceYears; y != nil && *y > 0 {
		exp = s.count("ui.experience", *y)
	} else {
		exp = s.plain("ui.experience.none") // looked up only when shown: Fingerprint records lookups
	}
	prov = append(prov, doc.Item{Key: "experience", Label: s.plain("ui.label.experience"), Text: exp})
	sub := func(label, section string, items []role.Item) {
		if len(items) == 0 {
			return
		}
		it := doc.Item{Key: strings.TrimPrefix(label, "ui.label."), Label: s.plain(label)}
		langs := make([]string, len(items))
		for i, x := range items {
			var text string
			text, langs[i] = s.item(catalog.RoleKey(r.ID, section, x.ID))
			it.Sub = append(it.Sub, text)
		}
		if slices.ContainsFunc(langs, func(l string) bool { return l != "" }) {
			it.SubLang = langs
		}
		prov = append(prov, it)
	}
	sub("ui.label.other", "requirements.other", r.Requirements.Other)
	sub("ui.label.knowledge", "knowledge", r.Knowledge)
	sub("ui.label.guided_by", "guided_by", r.GuidedBy)

	list := func(section string, items []role.Item) []doc.Item {
		out := make([]doc.Item, len(items))
		for i, x := range items {
			text, lang := s.item(catalog.RoleKey(r.ID, section, x.ID))
			out[i] = doc.Item{Text: text, Lang: lang}
		}
		return out
	}
	crit := make([]doc.Item, len(r.Criteria))
	for i, c := range r.Criteria {
		text, lang := s.item(catalog.RoleKey(r.ID, "criteria", c.ID))
		crit[i] = doc.Item{Text: text, Lang: lang}
		if c.Target != "" {
			crit[i].Target, crit[i].TargetLang = s.item(catalog.RoleKey(r.ID, "criteria", c.ID, "target"))
		}
	}
	d.Sections = []doc.Section{
		{Title: s.plain("ui.section.provisions"), Items: prov},
		{Title: s.plain("ui.section.duties"), Items: list("duties", r.Duties)},
		{Title: s.plain("ui.section.rights"), Items: list("rights", r.Rights)},
		{Title: s.plain("ui.section.responsibilities"), Items: list("responsibilities", r.Responsibilities)},
		{Title: s.plain("ui.section.criteria"), Items: crit},
	}
	for i := range d.Sections {
		sec := &d.Sections[i]
		sec.Number = strconv.Itoa(i + 1)
		for j := range sec.Items {
			sec.Items[j].Number = fmt.Sprintf("%d.%d", i+1, j+1)
		}
	}
	d.Approval = doc.Approval{Title: s.title(r.Approval.By), Name: r.Approval.Name}
	if r.Approval.Date != "" {
		d.Approval.Date = s.date(r.Approval.Date)
	}
	if rec, ok := r.Approved(); ok {
		d.Approval.Name, d.Approval.Date = rec.Name, s.date(rec.Date)
		d.Approval.Recorded = s.t("ui.approval.recorded", map[string]any{"Name": rec.Name, "Date": d.Approval.Date, "Version": rec.Version}, nil)
	}
	// The history is kept oldest first; the table shows the latest first.
	for _, h := range slices.Backward(r.History) {
		d.Revisions = append(d.Revisions, doc.Revision{Version: h.Version, Date: s.date(h.Date), Change: s.plain(catalog.RoleKey(r.ID, "history", h.Version))})
	}
	for _, id := range l.set.Config.AgreedBy {
		d.Agreements = append(d.Agreements, doc.Approval{Title: s.title(id)})
	}
	if ack := l.set.Config.Acknowledgement; r.Acknowledgement != nil && *r.Acknowledgement || r.Acknowledgement == nil && ack {
		d.Acknowledgement = &doc.Acknowledgement{Heading: s.plain("ui.ack.heading"), Statement: s.plain("ui.ack.statement")}
	}
	d.Subject = d.Kind + ": " + d.Title
	// The footer depends on the page count, known only while rendering;
	// a closure keeps the catalog out of the renderer's sight.
	s.plain("ui.page") // records a fallback warning now, not per page
	loc := s.loc
	d.PageOf = func(page, pages int) string {
		out, _ := loc.Localize(&i18n.LocalizeConfig{MessageID: "ui.page", TemplateData: map[string]any{"Page": page, "Pages": pages}})
		return out
	}
	return d
}

// Index localizes the index page of one language.
func (l *Localizer) Index(lang locale.Language) *doc.Index {
	s := l.session(lang)
	ix := &doc.Index{
		Lang:         lang.Tag,
		Dir:          lang.Dir(),
		Organization: l.set.Config.Organization,
		Title:        s.plain("ui.index.title"),
		ChartTitle:   s.plain("ui.index.chart"),
		Count:        s.count("ui.index.count", len(l.set.Roles)),
		Alternates:   l.alternates(lang.Tag),
		Generator:    "roledoc " + roledoc.Version,
		Labels:       s.labels(),
	}
	for _, dep := range l.set.Config.Departments {
		g := doc.Department{Title: s.plain("departments." + dep.ID + ".title")}
		for _, r := range l.set.Roles {
			if r.Department == dep.ID {
				g.Roles = append(g.Roles, doc.RoleRef{ID: r.ID, Title: s.title(r.ID)})
			}
		}
		if len(g.Roles) > 0 {
			ix.Departments = append(ix.Departments, g)
		}
	}
	ix.Chart = l.chart(s)
	return ix
}

// chart builds the reporting tree: roots are positions or roles whose
// manager has no role file, children follow reports_to.
func (l *Localizer) chart(s *session) []*doc.Node {
	children := map[string][]string{}
	var roots []string
	for _, r := range l.set.Roles {
		if _, ok := l.set.Role(r.ReportsTo); ok && r.ReportsTo != r.ID {
			children[r.ReportsTo] = append(children[r.ReportsTo], r.ID)
			continue
		}
		if !slices.Contains(roots, r.ReportsTo) {
			roots = append(roots, r.ReportsTo)
		}
		children[r.ReportsTo] = append(children[r.ReportsTo], r.ID)
	}
	var build func(id string, depth int) *doc.Node
	build = func(id string, depth int) *doc.Node {
		n := &doc.Node{Title: s.title(id)}
		if _, ok := l.set.Role(id); ok {
			n.ID = id
		}
		if depth > 64 { // cycles are reported by check; never recurse forever
			return n
		}
		for _, c := range children[id] {
			n.Reports = append(n.Reports, build(c, depth+1))
		}
		return n
	}
	var out []*doc.Node
	for _, r := range roots {
		out = append(out, build(r, 0))
	}
	return out
}

// effectiveTime is the effective date at midnight UTC; a date that does not
// parse (validation reports it) gives the zero time.
func effectiveTime(iso string) time.Time {
	t, _ := time.Parse("2006-01-02", iso)
	return t
}
