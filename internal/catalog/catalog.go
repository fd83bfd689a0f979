// Package catalog owns translation catalogs: the English source messages
// drawn from roles and the interface, the per-language files in locales/,
// their checks, keeping them in step with the source (extract, merge) and
// exchange with translation tools (XLIFF 2.0, gettext PO).
package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/yamlsrc"
	"golang.org/x/sync/errgroup"
	"gopkg.in/yaml.v3"
)

// Catalog files, relative to a language's directory. The interface (with
// positions and departments) is one file, and each role's content is a file
// of its own, so no file grows with the number of roles and one role's
// change touches one file per language. glossary.yaml is reference for
// translators and never holds messages.
const (
	UIFile       = "ui.yaml"
	RolesDir     = "roles"
	GlossaryFile = "glossary.yaml"
	// ObsoleteDir keeps translations whose message is gone, in the layout
	// of the catalog (obsolete/ui.yaml, obsolete/roles/<role-id>.yaml), as
	// PO files keep "#~" entries: merge brings one back when its key
	// returns, and only the translator deletes them.
	ObsoleteDir = "obsolete"
	// LegacyRolesFile held every role's messages before catalogs were
	// split by role; it is still read, and 'roledoc i18n migrate' (or any
	// merge) splits it.
	LegacyRolesFile = "roles.yaml"
)

// FileFor names the catalog file a message id belongs in, relative to the
// language directory: ui.yaml, or roles/<role-id>.yaml.
func FileFor(id string) string {
	if interfaceMessage(id) || strings.HasPrefix(id, "positions.") || strings.HasPrefix(id, "departments.") {
		return UIFile
	}
	roleID, _, _ := strings.Cut(id, ".")
	return RoleFile(roleID)
}

// RoleFile names a role's catalog file, relative to the language directory.
func RoleFile(roleID string) string { return RolesDir + "/" + roleID + ".yaml" }

// canonical reports whether merge and extract own a file: ui.yaml, a role's
// file or the old roles.yaml. Other files are the translator's own.
func canonical(name string) bool {
	return name == UIFile || name == LegacyRolesFile || path.Dir(name) == RolesDir
}

// Translation is one message in a language catalog.
type Translation struct {
	Msg *i18n.Message
	Pos diag.Pos // the key
	// Form locates each plural form's value, in formNames order, in the
	// key's file; positions are kept small since catalogs are large.
	Form [6]lc
	// Review is set while the translation needs review because the
	// English changed under it; nil for nearly every message.
	Review *Review
}

// Review marks a translation whose English changed since it was made, as
// PO marks an entry fuzzy and keeps its "#| msgid".
type Review struct {
	// Previous is the English the translation was made from (its plural
	// forms as "one: ..." lines), for the translator to compare.
	Previous string
	// Was fingerprints the translation as it stood when marked, so merge
	// sees when the translator has changed it.
	Was string
}

// marked reports whether r marks a translation for review; a "previous"
// without "review" (written by hand) does not.
func (r *Review) marked() bool { return r != nil && r.Was != "" }

// lc is a line and column.
type lc struct{ line, col int32 }

// formPos is where a form's value is, or the key when it is unknown.
func (t *Translation) formPos(form string) diag.Pos {
	p := t.Form[formIndex(form)]
	if p.line == 0 {
		return t.Pos
	}
	return diag.Pos{File: t.Pos.File, Line: int(p.line), Col: int(p.col)}
}

// rawMsg is a message as read from a catalog file, before checks.
type rawMsg struct {
	key    string
	at     lc
	short  bool // written "id: text"
	value  string
	valAt  lc
	fields []rawField
}

// rawField is one "name: value" line of a message.
type rawField struct {
	name, value string
	at, valAt   lc
}

// forms lists the plural forms a message sets, in CLDR order.
func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for i, v := range formValues(m) {
		if v != "" {
			out[formNames[i]] = v
		}
	}
	return out
}

// formValues returns a message's plural forms in formNames order.
func formValues(m *i18n.Message) [6]string {
	return [6]string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other}
}

// Empty reports whether a translation has no text yet.
func (t *Translation) Empty() bool { return formValues(t.Msg) == [6]string{} }

// Catalog is one language's translations with what checks and merge need:
// source hashes and the position of every key and form.
type Catalog struct {
	Lang locale.Language
	Dir  string // as shown in diagnostics: locales/ar
	Msgs map[string]*Translation
	// Glossary maps English terms to the translations a translator may
	// use for them: one, or a list of accepted forms.
	Glossary map[string][]string
	// Obsolete holds the translations merge kept from messages that are
	// gone, in ObsoleteDir.
	Obsolete map[string]*Translation
	// fsys and root are where the catalog was read from, for what only
	// merge needs: the English each message was last shown with, in the
	// comment above it.
	fsys fs.FS
	root string
}

// Texts is one language's translations as rendering needs them: interface
// messages whole, for go-i18n's plural rules and templates, and every
// other message (literal text with one form) as plain text, which takes a
// fraction of a Catalog's memory at scale.
type Texts struct {
	Lang locale.Language
	UI   []*i18n.Message
	Text map[string]string
	// Errors holds, by message id, what check reports as an error in a
	// translation (template code, a bidi control, a wrong placeholder):
	// the build refuses to run when a message it shows has one, as it
	// does for an error in a role. Nil when there is none.
	Errors map[string][]diag.Diagnostic
}

// Texts returns the catalog's translations as rendering needs them, with
// the errors check would report in them.
func (c *Catalog) Texts() *Texts {
	t := &Texts{Lang: c.Lang, Text: map[string]string{}}
	for _, tr := range c.Msgs {
		t.add(tr)
	}
	t.Errors = c.errors()
	return t
}

// add keeps a translation that has text.
func (t *Texts) add(tr *Translation) {
	switch {
	case tr.Empty():
	case interfaceMessage(tr.Msg.ID):
		t.UI = append(t.UI, tr.Msg)
	default:
		t.Text[tr.Msg.ID] = tr.Msg.Other
	}
}

// addErrors keeps the errors check reports in message id.
func (t *Texts) addErrors(id string, ds []diag.Diagnostic) {
	if len(ds) == 0 {
		return
	}
	if t.Errors == nil {
		t.Errors = map[string][]diag.Diagnostic{}
	}
	t.Errors[id] = ds
}

// interfaceMessage reports whether id is interface text, which may have
// plural forms and templates; every other message is literal text.
func interfaceMessage(id string) bool { return strings.HasPrefix(id, "ui.") }

// LoadCatalogs reads every language directory below root in fsys. The
// English directory holds the extracted source and is not loaded as a
// translation.
func LoadCatalogs(fsys fs.FS, root, shown string) (map[string]*Catalog, []diag.Diagnostic) {
	cats := map[string]*Catalog{}
	ds := eachLanguage(fsys, root, shown, func(c *Catalog, ds []diag.Diagnostic) []diag.Diagnostic {
		cats[c.Lang.Tag] = c
		return ds
	})
	return cats, ds
}

// LoadTexts reads the catalogs for rendering, with the same errors as
// LoadCatalogs but keeping neither hashes nor positions.
func LoadTexts(fsys fs.FS, root, shown string) (map[string]*Texts, []diag.Diagnostic) {
	out := map[string]*Texts{}
	ds := EachTexts(fsys, root, shown, func(t *Texts) { out[t.Lang.Tag] = t })
	return out, ds
}

// EachTexts reads the catalogs for rendering like LoadTexts, but hands
// each language's texts to use as soon as they are read, one language at
// a time, so that a caller that does not keep them holds one language's
// texts at most.
func EachTexts(fsys fs.FS, root, shown string, use func(t *Texts)) []diag.Diagnostic {
	return eachLanguageDir(fsys, root, shown, func(root, dir string, lang locale.Language) []diag.Diagnostic {
		t, ds := loadTexts(fsys, root, dir, lang)
		use(t)
		return ds
	})
}

// LanguageTexts reads one language's texts again, for rendering after
// EachTexts reported its problems: it returns nil when the language has
// no directory below root, and reports nothing.
func LanguageTexts(fsys fs.FS, root, shown string, lang locale.Language) *Texts {
	if fi, err := fs.Stat(fsys, path.Join(root, lang.Tag)); err != nil || !fi.IsDir() || lang.Tag == locale.Source {
		return nil
	}
	t, _ := loadTexts(fsys, path.Join(root, lang.Tag), path.Join(shown, lang.Tag), lang)
	return t
}

func duplicate(t, prev *Translation) diag.Diagnostic { return duplicateAt(t.Msg.ID, t.Pos, prev.Pos) }

func duplicateAt(id string, pos, prev diag.Pos) diag.Diagnostic {
	return diag.Errorf(pos, diag.DuplicateKey, "message %q is already defined at %s; keep one", id, prev)
}

// parsed is one catalog file's messages, or a glossary's terms.
type parsed struct {
	msgs []*Translation
	// roles holds, after lean, the role messages as rendering keeps them,
	// and errors what check reports as errors in them, by index in roles.
	roles    []leanMsg
	errors   map[int][]diag.Diagnostic
	glossary map[string][]string
	ds       []diag.Diagnostic
}

// leanMsg is a role message reduced to what Texts keeps and what a
// duplicate's diagnostic needs: a fifth of a Translation.
type leanMsg struct {
	id, text string // copies, so that the file's bytes can go
	pos      diag.Pos
	empty    bool
}

// eachLanguage reads every language directory, a language's files in
// parallel, and hands each language's catalog, with the problems found
// reading it, to use, one language at a time, so that a caller that keeps
// what it needs holds one language's catalog at most.
func eachLanguage(fsys fs.FS, root, shown string, use func(c *Catalog, ds []diag.Diagnostic) []diag.Diagnostic) []diag.Diagnostic {
	return eachLanguageDir(fsys, root, shown, func(root, dir string, lang locale.Language) []diag.Diagnostic {
		return use(loadLanguage(fsys, root, dir, lang))
	})
}

// eachLanguageDir calls load, one at a time, with each language directory
// below root (as read and as shown) and its language; it reports the
// directories that name no language.
func eachLanguageDir(fsys fs.FS, root, shown string, load func(root, dir string, lang locale.Language) []diag.Diagnostic) []diag.Diagnostic {
	var ds []diag.Diagnostic
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return []diag.Diagnostic{diag.Errorf(diag.Pos{File: shown}, diag.ReadError, "cannot read locales: %v", err)}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := path.Join(shown, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			// A linked language directory is not followed, as below
			// roles/, and said, so that a language does not vanish
			// from the build unnoticed.
			if info, err := fs.Stat(fsys, path.Join(root, e.Name())); err != nil || info.IsDir() {
				ds = append(ds, diag.Warnf(diag.Pos{File: dir}, diag.SymlinkDir, "not following the link to a directory; move the language's files in"))
			}
			continue
		}
		if !e.IsDir() {
			continue
		}
		lang, err := locale.Lookup(e.Name())
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: dir}, diag.InvalidLanguage, "%v; name the directory after a language tag such as id, nl, ar or tl", err))
			continue
		}
		if lang.Tag != e.Name() {
			ds = append(ds, diag.Errorf(diag.Pos{File: dir}, diag.InvalidLanguage, "directory %q should be named %q", e.Name(), lang.Tag))
			continue
		}
		if lang.Tag == locale.Source {
			continue
		}
		ds = append(ds, load(path.Join(root, e.Name()), dir, lang)...)
	}
	return ds
}

// loadLanguage reads one language's directory, its files in parallel.
func loadLanguage(fsys fs.FS, root, dir string, lang locale.Language) (*Catalog, []diag.Diagnostic) {
	names, files, ds := parseLanguage(fsys, root, dir, lang, false)
	c := &Catalog{Lang: lang, Dir: dir, Msgs: map[string]*Translation{}, Glossary: map[string][]string{}, Obsolete: map[string]*Translation{}, fsys: fsys, root: root}
	for i, f := range files {
		ds = append(ds, f.ds...)
		msgs := c.Msgs
		if i >= len(names) {
			msgs = c.Obsolete
		}
		for _, t := range f.msgs {
			if prev, dup := msgs[t.Msg.ID]; dup {
				ds = append(ds, duplicate(t, prev))
				continue
			}
			msgs[t.Msg.ID] = t
		}
		maps.Copy(c.Glossary, f.glossary)
	}
	return c, ds
}

// parseLanguage parses a language directory's files in parallel: its
// catalog files (names), then the obsolete ones. Lean files keep only what
// Texts needs.
func parseLanguage(fsys fs.FS, root, dir string, lang locale.Language, lean bool) (names []string, files []parsed, ds []diag.Diagnostic) {
	names, ds = catalogFiles(fsys, root, dir, ".", RolesDir)
	obsolete, more := catalogFiles(fsys, root, dir, ObsoleteDir, path.Join(ObsoleteDir, RolesDir))
	ds = append(ds, more...)
	all := append(names, obsolete...)
	files = make([]parsed, len(all))
	each(len(all), func(i int) {
		files[i] = parseFile(fsys, path.Join(root, all[i]), path.Join(dir, all[i]))
		if lean {
			files[i].lean(lang)
		}
	})
	return names, files, ds
}

// loadTexts reads one language's directory for rendering, with the same
// problems as loadLanguage. Its role messages go from each file straight
// into the texts: at ten thousand roles, a language's Translations would
// be 200 MB held at once for 60 MB of texts.
func loadTexts(fsys fs.FS, root, dir string, lang locale.Language) (*Texts, []diag.Diagnostic) {
	names, files, ds := parseLanguage(fsys, root, dir, lang, true)
	n := 0
	for _, f := range files[:len(names)] {
		n += len(f.roles)
	}
	t := &Texts{Lang: lang, Text: make(map[string]string, n)}
	ui := map[string]*Translation{}
	empty := map[string]bool{}
	var first map[string]diag.Pos // where each role message is first, built at the first duplicate
	obsolete := map[string]diag.Pos{}
	for i, f := range files {
		ds = append(ds, f.ds...)
		if i >= len(names) {
			// Obsolete messages are only checked for duplicates.
			for _, tr := range f.msgs {
				ds = addObsolete(obsolete, tr.Msg.ID, tr.Pos, ds)
			}
			for _, m := range f.roles {
				ds = addObsolete(obsolete, m.id, m.pos, ds)
			}
			continue
		}
		for _, tr := range f.msgs {
			if prev, dup := ui[tr.Msg.ID]; dup {
				ds = append(ds, duplicate(tr, prev))
				continue
			}
			ui[tr.Msg.ID] = tr
			t.add(tr)
			t.addErrors(tr.Msg.ID, translationErrors(lang, tr))
		}
		for k, m := range f.roles {
			if _, dup := t.Text[m.id]; dup || empty[m.id] {
				if first == nil {
					first = firstPositions(files[:len(names)])
				}
				ds = append(ds, duplicateAt(m.id, m.pos, first[m.id]))
				continue
			}
			if m.empty {
				empty[m.id] = true
				continue
			}
			t.Text[m.id] = m.text
			t.addErrors(m.id, f.errors[k])
		}
	}
	return t, ds
}

// addObsolete notes an obsolete message, reporting a duplicate.
func addObsolete(seen map[string]diag.Pos, id string, pos diag.Pos, ds []diag.Diagnostic) []diag.Diagnostic {
	if prev, dup := seen[id]; dup {
		return append(ds, duplicateAt(id, pos, prev))
	}
	seen[id] = pos
	return ds
}

// firstPositions maps each role message of lean files to where it is
// first defined.
func firstPositions(files []parsed) map[string]diag.Pos {
	first := map[string]diag.Pos{}
	for _, f := range files {
		for _, m := range f.roles {
			if _, ok := first[m.id]; !ok {
				first[m.id] = m.pos
			}
		}
	}
	return first
}

// each calls f(i) for every i in [0, n) on up to GOMAXPROCS goroutines,
// the same errgroup pool the build renders with. Callers write results by
// index, which keeps output order independent of scheduling.
func each(n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error { f(i); return nil })
	}
	g.Wait()
}

// catalogFiles lists the catalog files in the given subdirectories of a
// language directory, relative to it.
func catalogFiles(fsys fs.FS, dir, shown string, subdirs ...string) ([]string, []diag.Diagnostic) {
	var names []string
	var ds []diag.Diagnostic
	for _, sub := range subdirs {
		entries, err := fs.ReadDir(fsys, path.Join(dir, sub))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			ds = append(ds, diag.Errorf(diag.Pos{File: path.Join(shown, sub)}, diag.ReadError, "cannot read: %v", err))
		}
		for _, f := range entries {
			name, ext := path.Join(sub, f.Name()), path.Ext(f.Name())
			switch {
			case f.IsDir() || strings.HasPrefix(f.Name(), "."):
			case ext == ".toml":
				ds = append(ds, diag.Errorf(diag.Pos{File: path.Join(shown, name)}, diag.UnsupportedFormat, "TOML catalogs are not supported; use YAML (or JSON)"))
			case ext == ".yaml" || ext == ".yml" || ext == ".json":
				names = append(names, name)
			}
		}
	}
	return names, ds
}

// lean keeps of a file's role messages only their ids, texts and
// positions, as copies, so that the file's bytes and nodes go as soon as
// it is read:
// they share memory with the values, and one language's parsed files are
// about four times the size of its texts (250 MB against 65 MB at 10,000
// roles). Interface messages, from one small file, are kept whole.
func (p *parsed) lean(lang locale.Language) {
	c := strings.Clone
	ui := p.msgs[:0]
	for _, t := range p.msgs {
		if interfaceMessage(t.Msg.ID) {
			ui = append(ui, t)
			continue
		}
		if ds := translationErrors(lang, t); len(ds) > 0 {
			if p.errors == nil {
				p.errors = map[int][]diag.Diagnostic{}
			}
			p.errors[len(p.roles)] = ds
		}
		p.roles = append(p.roles, leanMsg{id: c(t.Msg.ID), text: c(t.Msg.Other), pos: t.Pos, empty: t.Empty()})
	}
	clear(p.msgs[len(ui):])
	p.msgs = ui
}

// parseFile reads one catalog or glossary file.
func parseFile(fsys fs.FS, name, shown string) parsed {
	limit := yamlsrc.MaxFileSize
	if path.Base(name) == LegacyRolesFile {
		limit = yamlsrc.MaxCatalogSize
	}
	data, err := yamlsrc.ReadFile(fsys, name, limit)
	if err != nil {
		return parsed{ds: []diag.Diagnostic{yamlsrc.ReadError(shown, err)}}
	}
	root, ds := parseDoc(shown, data, limit)
	if root == nil {
		return parsed{ds: ds}
	}
	if path.Base(name) == GlossaryFile {
		g, more := glossary(shown, root)
		return parsed{glossary: g, ds: append(ds, more...)}
	}
	raw, more := fromNodes(shown, root)
	msgs, more2 := translations(shown, raw)
	return parsed{msgs: msgs, ds: slices.Concat(ds, more, more2)}
}

// parseDoc parses a catalog file into its top-level mapping. An empty
// catalog is no error: it has no messages yet.
func parseDoc(file string, data []byte, limit int) (*yaml.Node, []diag.Diagnostic) {
	root, ds := yamlsrc.Parse(file, data, limit)
	if root == nil {
		return nil, slices.DeleteFunc(ds, func(d diag.Diagnostic) bool { return d.Code == diag.EmptyFile })
	}
	return root, ds
}

func at(file string, n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: n.Line, Col: n.Column} }

// translations checks the fields of a file's messages.
func translations(file string, raw []rawMsg) ([]*Translation, []diag.Diagnostic) {
	var ds []diag.Diagnostic
	pos := func(p lc) diag.Pos { return diag.Pos{File: file, Line: int(p.line), Col: int(p.col)} }
	out := make([]*Translation, 0, len(raw))
	for _, m := range raw {
		t := &Translation{Msg: &i18n.Message{ID: m.key}, Pos: pos(m.at)}
		if m.short {
			t.Msg.Other = m.value
			t.Form[formIndex("other")] = m.valAt
		}
		for j, f := range m.fields {
			if slices.ContainsFunc(m.fields[:j], func(g rawField) bool { return g.name == f.name }) {
				ds = append(ds, diag.Errorf(pos(f.at), diag.DuplicateKey, "%q is set twice in message %q", f.name, m.key))
				continue
			}
			if setReview(t, f.name, f.value) {
				continue
			}
			if !setField(t.Msg, f.name, f.value) {
				ds = append(ds, diag.Errorf(pos(f.at), diag.UnknownPlural,
					"%q is not a plural form or message field; use zero, one, two, few, many, other, hash, previous, review or description", f.name))
				continue
			}
			if isForm(f.name) {
				t.Form[formIndex(f.name)] = f.valAt
			}
		}
		out = append(out, t)
	}
	return out, ds
}

// setReview sets the fields of a review mark, reporting whether name is
// one.
func setReview(t *Translation, name, val string) bool {
	if name != "previous" && name != "review" {
		return false
	}
	if t.Review == nil {
		t.Review = &Review{}
	}
	if name == "previous" {
		t.Review.Previous = val
	} else {
		t.Review.Was = val
	}
	return true
}

// glossary reads the terms of a glossary file: each English term maps to
// its translation, or to a list of accepted translations.
func glossary(file string, root *yaml.Node) (map[string][]string, []diag.Diagnostic) {
	var ds []diag.Diagnostic
	out := map[string][]string{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		forms, ok := glossaryForms(v)
		if !ok {
			ds = append(ds, diag.Errorf(at(file, v), diag.WrongType, "glossary entries map an English term to its translation, or to a list of accepted translations"))
			continue
		}
		if _, dup := out[k.Value]; dup {
			ds = append(ds, diag.Errorf(at(file, k), diag.DuplicateKey, "term %q is listed twice", k.Value))
			continue
		}
		out[k.Value] = forms
	}
	return out, ds
}

// glossaryForms reads a term's translation, or its list of them.
func glossaryForms(v *yaml.Node) ([]string, bool) {
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}, true
	}
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return nil, false
	}
	var forms []string
	for _, f := range v.Content {
		if f.Kind != yaml.ScalarNode {
			return nil, false
		}
		forms = append(forms, f.Value)
	}
	return forms, true
}

// fromNodes reads messages from a catalog parsed by yaml.v3, reporting the
// shapes a catalog cannot have.
func fromNodes(file string, root *yaml.Node) ([]rawMsg, []diag.Diagnostic) {
	if root.Kind != yaml.MappingNode {
		return nil, []diag.Diagnostic{diag.Errorf(at(file, root), diag.WrongType, "a catalog must map message ids to translations")}
	}
	var ds []diag.Diagnostic
	var msgs []rawMsg
	here := func(n *yaml.Node) lc { return lc{int32(n.Line), int32(n.Column)} }
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		m := rawMsg{key: k.Value, at: here(k)}
		switch v.Kind {
		case yaml.ScalarNode:
			m.short, m.value, m.valAt = true, v.Value, here(v)
		case yaml.MappingNode:
			if !hasMessageField(v) {
				ds = append(ds, diag.Errorf(at(file, v), diag.WrongType,
					"nested groups are not supported; write each message with its full id, such as %s.%s", k.Value, v.Content[0].Value))
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if fv.Kind != yaml.ScalarNode {
					ds = append(ds, diag.Errorf(at(file, fv), diag.WrongType, "%s of %q must be text; nested groups are not supported, write the full message id", fk.Value, k.Value))
					continue
				}
				m.fields = append(m.fields, rawField{name: fk.Value, value: fv.Value, at: here(fk), valAt: here(fv)})
			}
		default:
			ds = append(ds, diag.Errorf(at(file, v), diag.WrongType, "message %q must be text or a mapping of plural forms", k.Value))
			continue
		}
		msgs = append(msgs, m)
	}
	return msgs, ds
}

// hasMessageField tells a message (with forms or a hash) from a nested
// group of messages, which go-i18n allows but roledoc does not.
func hasMessageField(v *yaml.Node) bool {
	for i := 0; i+1 < len(v.Content); i += 2 {
		switch k := v.Content[i].Value; {
		case isForm(k), k == "hash", k == "description", k == "previous", k == "review":
			return true
		}
	}
	return len(v.Content) == 0
}

// formNames are the CLDR plural categories in order.
var formNames = []string{"zero", "one", "two", "few", "many", "other"}

func isForm(s string) bool { return formIndex(s) >= 0 }

func formIndex(s string) int { return slices.Index(formNames, s) }

func setField(m *i18n.Message, key, val string) bool {
	switch key {
	case "hash":
		m.Hash = val
	case "description":
		m.Description = val
	case "zero":
		m.Zero = val
	case "one":
		m.One = val
	case "two":
		m.Two = val
	case "few":
		m.Few = val
	case "many":
		m.Many = val
	case "other":
		m.Other = val
	default:
		return false
	}
	return true
}

// written is one message as marshal writes it.
type written struct {
	msg     *i18n.Message
	comment string // above the key: the English, as sourceComment gives it
	review  *Review
}

// marshal writes messages in the canonical catalog form: sorted ids, the
// English source as a comment above each translation, and forms in CLDR
// order, so a write of unchanged content gives the same bytes.
func marshal(w io.Writer, header string, msgs []written) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	sorted := slices.Clone(msgs)
	slices.SortFunc(sorted, func(a, b written) int { return strings.Compare(a.msg.ID, b.msg.ID) })
	for _, e := range sorted {
		m := e.msg
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: m.ID, HeadComment: e.comment}
		v := &yaml.Node{Kind: yaml.MappingNode}
		add := func(key, val string, keepEmpty bool) {
			if val == "" && !keepEmpty {
				return
			}
			v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Value: val, Style: style(val)})
		}
		add("description", m.Description, false)
		add("hash", m.Hash, false)
		if e.review != nil {
			add("previous", e.review.Previous, true)
			add("review", e.review.Was, true)
		}
		vals := formValues(m)
		for i, v := range vals {
			// An untranslated message keeps an empty "other" to fill in.
			add(formNames[i], v, formNames[i] == "other" && vals == [6]string{})
		}
		root.Content = append(root.Content, k, v)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: header, Content: []*yaml.Node{root}}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}

// style quotes values YAML would otherwise read as something else, and
// keeps multi-line text readable.
func style(s string) yaml.Style {
	if s == "" {
		return yaml.DoubleQuotedStyle // "" reads as untranslated, not as null
	}
	if strings.Contains(s, "\n") {
		return yaml.LiteralStyle
	}
	return 0
}

func sourceComment(m *i18n.Message) string {
	var b strings.Builder
	for i, val := range formValues(m) {
		if val == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		label := "en"
		if formNames[i] != "other" || m.One != "" {
			label = "en " + formNames[i]
		}
		fmt.Fprintf(&b, "%s: %s", label, strings.ReplaceAll(val, "\n", " "))
	}
	return b.String()
}
