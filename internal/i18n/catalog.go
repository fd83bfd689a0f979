package i18n

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/parallel"
	"github.com/roledoc/roledoc/internal/role"
	"gopkg.in/yaml.v3"
)

// Catalog files per language. Role content and the interface are kept apart
// so translators can take them on separately; glossary.yaml is reference
// for translators and never holds messages.
const (
	RolesFile    = "roles.yaml"
	UIFile       = "ui.yaml"
	GlossaryFile = "glossary.yaml"
)

// FileFor names the catalog file a message id belongs in.
func FileFor(id string) string {
	if strings.HasPrefix(id, "ui.") || strings.HasPrefix(id, "positions.") || strings.HasPrefix(id, "departments.") {
		return UIFile
	}
	return RolesFile
}

// Translation is one message in a language catalog.
type Translation struct {
	Msg *i18n.Message
	Pos diag.Pos // the key
	// Form locates each plural form's value, in formNames order, in the
	// key's file; positions are kept small since catalogs are large.
	Form [6]lc
}

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

// Catalog is one language's translations.
type Catalog struct {
	Lang     Language
	Dir      string // as shown in diagnostics: locales/ar
	Msgs     map[string]*Translation
	Glossary map[string]string
	// Texts holds role content (every message but the interface's) as
	// plain text when the catalog was loaded for rendering only, without
	// the hashes and positions that checks need; Msgs then holds only the
	// interface messages.
	Texts map[string]string
}

// interfaceMessage reports whether id is interface text, which may have
// plural forms and templates; every other message is literal text.
func interfaceMessage(id string) bool { return strings.HasPrefix(id, "ui.") }

// LoadCatalogs reads every language directory below root in fsys. The
// English directory holds the extracted source and is not loaded as a
// translation.
func LoadCatalogs(fsys fs.FS, root, shown string) (map[string]*Catalog, []diag.Diagnostic) {
	return loadCatalogs(fsys, root, shown, false)
}

// LoadTexts reads the catalogs for rendering: role content is kept as
// plain text in Catalog.Texts, which takes a fraction of the memory that
// LoadCatalogs needs at a thousand roles. Errors are reported as by
// LoadCatalogs; staleness and positions of forms are not kept.
func LoadTexts(fsys fs.FS, root, shown string) (map[string]*Catalog, []diag.Diagnostic) {
	return loadCatalogs(fsys, root, shown, true)
}

func loadCatalogs(fsys fs.FS, root, shown string, lean bool) (map[string]*Catalog, []diag.Diagnostic) {
	cats := map[string]*Catalog{}
	var ds []diag.Diagnostic
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return cats, nil
		}
		return cats, []diag.Diagnostic{diag.Errorf(diag.Pos{File: shown}, diag.ReadError, "cannot read locales: %v", err)}
	}
	var dirs []fs.DirEntry
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := path.Join(shown, e.Name())
		lang, err := Lookup(e.Name())
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: dir}, diag.InvalidLanguage, "%v; name the directory after a language tag such as id, nl, ar or tl", err))
			continue
		}
		if lang.Tag != e.Name() {
			ds = append(ds, diag.Errorf(diag.Pos{File: dir}, diag.InvalidLanguage, "directory %q should be named %q", e.Name(), lang.Tag))
			continue
		}
		if lang.Tag != Source {
			dirs = append(dirs, e)
		}
	}
	// Languages parse in parallel: at scale the catalogs are most of what
	// a check reads.
	loaded := make([]*Catalog, len(dirs))
	dirDs := make([][]diag.Diagnostic, len(dirs))
	parallel.For(len(dirs), func(i int) {
		loaded[i], dirDs[i] = loadLanguage(fsys, root, shown, dirs[i].Name(), lean)
	})
	for i, c := range loaded {
		cats[c.Lang.Tag] = c
		ds = append(ds, dirDs[i]...)
	}
	return cats, ds
}

// loadLanguage reads one language directory.
func loadLanguage(fsys fs.FS, root, shown, name string, lean bool) (*Catalog, []diag.Diagnostic) {
	lang, _ := Lookup(name)
	dir := path.Join(shown, name)
	c := &Catalog{Lang: lang, Dir: dir, Msgs: map[string]*Translation{}, Glossary: map[string]string{}}
	if lean {
		c.Texts = map[string]string{}
	}
	var ds []diag.Diagnostic
	files, _ := fs.ReadDir(fsys, path.Join(root, name))
	for _, f := range files {
		fname := f.Name()
		shownFile := path.Join(dir, fname)
		ext := path.Ext(fname)
		if f.IsDir() || strings.HasPrefix(fname, ".") {
			continue
		}
		if ext == ".toml" {
			ds = append(ds, diag.Errorf(diag.Pos{File: shownFile}, diag.UnsupportedFormat, "TOML catalogs are not supported; use YAML (or JSON)"))
			continue
		}
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		data, err := role.ReadFile(fsys, path.Join(root, name, fname), role.MaxCatalogSize)
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: shownFile}, diag.ReadError, "cannot read: %v", err))
			continue
		}
		var fds []diag.Diagnostic
		if fname == GlossaryFile {
			fds = c.parseGlossary(shownFile, data)
		} else {
			fds = c.parse(shownFile, data)
		}
		ds = append(ds, fds...)
	}
	return c, ds
}

// parseDoc parses a catalog file into its top-level mapping, reporting what
// the role loader reports for encoding and syntax.
func parseDoc(file string, data []byte) (*yaml.Node, []diag.Diagnostic) {
	clean, ds, ok := role.Precheck(file, data, role.MaxCatalogSize)
	if !ok {
		return nil, ds
	}
	root, more := role.ParseClean(file, clean)
	ds = append(ds, more...)
	if root == nil {
		// An empty catalog is no error: it has no messages yet.
		return nil, slices.DeleteFunc(ds, func(d diag.Diagnostic) bool { return d.Code == diag.EmptyFile })
	}
	if root.Kind != yaml.MappingNode {
		return nil, append(ds, diag.Errorf(at(file, root), diag.WrongType,
			"a catalog must map message ids to translations"))
	}
	return root, ds
}

func at(file string, n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: n.Line, Col: n.Column} }

// parse reads messages from a catalog file: each key is a message id whose
// value is the text, or a mapping of hash, description and plural forms.
func (c *Catalog) parse(file string, data []byte) []diag.Diagnostic {
	clean, ds, ok := role.Precheck(file, data, role.MaxCatalogSize)
	if !ok {
		return ds
	}
	msgs, fast := fastScan(clean)
	if !fast {
		root, more := role.ParseClean(file, clean)
		ds = append(ds, more...)
		if root == nil {
			// An empty catalog is no error: it has no messages yet.
			return slices.DeleteFunc(ds, func(d diag.Diagnostic) bool { return d.Code == diag.EmptyFile })
		}
		msgs, more = fromNodes(file, root)
		ds = append(ds, more...)
	}
	pos := func(p lc) diag.Pos { return diag.Pos{File: file, Line: int(p.line), Col: int(p.col)} }
	for _, m := range msgs {
		if prev, dup := c.Msgs[m.key]; dup {
			ds = append(ds, diag.Errorf(pos(m.at), diag.DuplicateKey, "message %q is already defined at %s; keep one", m.key, prev.Pos))
			continue
		}
		if _, dup := c.Texts[m.key]; dup {
			ds = append(ds, diag.Errorf(pos(m.at), diag.DuplicateKey, "message %q is already defined; keep one", m.key))
			continue
		}
		lean := c.Texts != nil && !interfaceMessage(m.key)
		msg := i18n.Message{ID: m.key}
		t := &Translation{Msg: &msg, Pos: pos(m.at)}
		if m.short {
			t.Msg.Other = m.value
			t.Form[formIndex("other")] = m.valAt
		}
		for j, f := range m.fields {
			if slices.ContainsFunc(m.fields[:j], func(g rawField) bool { return g.name == f.name }) {
				ds = append(ds, diag.Errorf(pos(f.at), diag.DuplicateKey, "%q is set twice in message %q", f.name, m.key))
				continue
			}
			if !setField(t.Msg, f.name, f.value) {
				ds = append(ds, diag.Errorf(pos(f.at), diag.UnknownPlural,
					"%q is not a plural form or message field; use zero, one, two, few, many, other, hash or description", f.name))
				continue
			}
			if isForm(f.name) {
				t.Form[formIndex(f.name)] = f.valAt
			}
		}
		if lean {
			if msg.Other != "" {
				c.Texts[m.key] = msg.Other
			}
			continue
		}
		c.Msgs[m.key] = t
	}
	return ds
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
		case isForm(k), k == "hash", k == "description":
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

func (c *Catalog) parseGlossary(file string, data []byte) []diag.Diagnostic {
	root, ds := parseDoc(file, data)
	if root == nil {
		return ds
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			ds = append(ds, diag.Errorf(at(file, v), diag.WrongType, "glossary entries map an English term to its translation"))
			continue
		}
		if _, dup := c.Glossary[k.Value]; dup {
			ds = append(ds, diag.Errorf(at(file, k), diag.DuplicateKey, "term %q is listed twice", k.Value))
			continue
		}
		c.Glossary[k.Value] = v.Value
	}
	return ds
}

// marshal writes messages in the canonical catalog form: sorted ids, the
// English source as a comment above each translation, and forms in CLDR
// order, so a write of unchanged content gives the same bytes.
func marshal(w io.Writer, header string, msgs []*i18n.Message, source map[string]*Entry) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	sorted := slices.Clone(msgs)
	slices.SortFunc(sorted, func(a, b *i18n.Message) int { return strings.Compare(a.ID, b.ID) })
	for _, m := range sorted {
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: m.ID}
		if e, ok := source[m.ID]; ok && source != nil {
			k.HeadComment = sourceComment(e.Msg)
		}
		v := &yaml.Node{Kind: yaml.MappingNode}
		add := func(key, val string, keepEmpty bool) {
			if val == "" && !keepEmpty {
				return
			}
			v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Value: val, Style: style(val)})
		}
		add("description", m.Description, false)
		add("hash", m.Hash, false)
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
