package catalog

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/locale"
)

// XLIFF 2.0, the exchange format of translation tools. Each plural form is
// its own unit ("ui.experience#few"), since XLIFF has no plural model; the
// source hash travels in a note so an import records what was translated,
// and template actions such as {{.Count}} travel as inline <ph> codes, which
// tools show as tags the translator moves but cannot edit.
type xliffDoc struct {
	XMLName xml.Name    `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string      `xml:"version,attr"`
	SrcLang string      `xml:"srcLang,attr"`
	TrgLang string      `xml:"trgLang,attr"`
	Files   []xliffFile `xml:"file"`
}

type xliffFile struct {
	ID    string      `xml:"id,attr"`
	Units []xliffUnit `xml:"unit"`
}

type xliffUnit struct {
	ID      string       `xml:"id,attr"`
	Notes   []xliffNote  `xml:"notes>note,omitempty"`
	Segment xliffSegment `xml:"segment"`
}

type xliffNote struct {
	Category string `xml:"category,attr"`
	Text     string `xml:",chardata"`
}

type xliffSegment struct {
	State  string `xml:"state,attr,omitempty"`
	Source inline `xml:"source"`
	Target inline `xml:"target"`
}

// inline is segment content: text with <ph/> codes. It is written as
// ready-made XML, since an indenting encoder would put line breaks between
// text and codes, and read token by token.
type inline struct {
	XML   string `xml:",innerxml"`
	parts []inlinePart
}

// inlinePart is a run of text, or a code's id.
type inlinePart struct {
	text, code string
}

// newInline writes text with each template action as a <ph> whose id is
// the action's code number; disp and equiv show the action itself.
func newInline(text string, codes map[string]string) inline {
	ids := map[string]string{}
	for id, a := range codes {
		ids[a] = id
	}
	var b strings.Builder
	last := 0
	for _, loc := range actionRE.FindAllStringIndex(text, -1) {
		a := text[loc[0]:loc[1]]
		id, ok := ids[a]
		if !ok {
			continue // not the English's: stays text, and import reports it
		}
		xml.EscapeText(&b, []byte(text[last:loc[0]]))
		b.WriteString(`<ph id="` + id + `" disp="`)
		xml.EscapeText(&b, []byte(a))
		b.WriteString(`" equiv="`)
		xml.EscapeText(&b, []byte(a))
		b.WriteString(`"/>`)
		last = loc[1]
	}
	xml.EscapeText(&b, []byte(text[last:]))
	return inline{XML: b.String()}
}

// UnmarshalXML reads text and <ph> codes. Other inline markup (<mrk>, <pc>)
// that tools may add around text is unwrapped to its text.
func (in *inline) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			in.parts = append(in.parts, inlinePart{text: string(t)})
		case xml.StartElement:
			if t.Name.Local == "ph" {
				in.parts = append(in.parts, inlinePart{code: attr(t, "id")})
				if err := d.Skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if t.Name == start.Name {
				return nil
			}
		}
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// text turns content back into catalog text, each code into its action.
func (in inline) text(codes map[string]string) (string, error) {
	var b strings.Builder
	for _, p := range in.parts {
		if p.code == "" {
			b.WriteString(p.text)
			continue
		}
		a, ok := codes[p.code]
		if !ok {
			return "", fmt.Errorf("placeholder <ph id=%q> is not one of the source's", p.code)
		}
		b.WriteString(a)
	}
	return b.String(), nil
}

// Export writes a language's catalog as XLIFF 2.0: every source message,
// its translation, and a state: initial (missing or stale) or translated.
func Export(src []*Entry, c *Catalog) []byte {
	x := xliffDoc{Version: "2.0", SrcLang: locale.Source, TrgLang: c.Lang.Tag}
	files := map[string]*xliffFile{}
	for _, e := range src {
		name := xliffFileID(e.Msg.ID)
		f := files[name]
		if f == nil {
			f = &xliffFile{ID: name}
			files[name] = f
		}
		t := c.Msgs[e.Msg.ID]
		state := StateOf(e, t)
		var tf map[string]string
		if t != nil {
			tf = forms(t.Msg)
		}
		srcForms := forms(e.Msg)
		cs := codes(e)
		targetForms := []string{"other"}
		if len(srcForms) > 1 {
			targetForms = locale.PluralForms(c.Lang.Tag)
		}
		for _, form := range targetForms {
			id := e.Msg.ID
			if len(srcForms) > 1 {
				id += "#" + form
			}
			source := srcForms[form]
			if source == "" {
				source = srcForms["other"]
			}
			u := xliffUnit{ID: id, Segment: xliffSegment{Source: newInline(source, cs), Target: newInline(tf[form], cs), State: "translated"}}
			if state != Translated || tf[form] == "" {
				u.Segment.State = "initial"
			}
			if e.Msg.Description != "" {
				u.Notes = append(u.Notes, xliffNote{"description", e.Msg.Description})
			}
			u.Notes = append(u.Notes, xliffNote{"hash", Hash(e.Msg)})
			if state == Stale {
				u.Notes = append(u.Notes, xliffNote{"state", "stale: the English changed since this was translated"})
				if t.Review != nil && t.Review.Previous != "" {
					u.Notes = append(u.Notes, xliffNote{"previous", t.Review.Previous})
				}
			}
			f.Units = append(f.Units, u)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		x.Files = append(x.Files, *files[name])
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		panic(err) // plain structs always encode
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// xliffFileID groups units as the catalog files do: the interface, and
// each role. File ids are NMTOKENs, so they carry no slash.
func xliffFileID(id string) string {
	return strings.TrimSuffix(strings.ReplaceAll(FileFor(id), "/", "."), ".yaml")
}

// Import reads XLIFF 2.0 into a copy of the catalog's messages. Units in
// state translated, reviewed or final replace the translation and record
// the source hash the translator saw. Units that cannot be imported (their
// message is gone, or the tool still marks new text as initial) are
// skipped and listed; a placeholder that differs from the English refuses
// the whole file.
func Import(data []byte, src []*Entry, c *Catalog) (*Imported, error) {
	var x xliffDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("not XLIFF 2.0: %v", err)
	}
	if x.Version != "2.0" {
		return nil, fmt.Errorf("XLIFF version %q; roledoc reads 2.0", x.Version)
	}
	lang, err := locale.Lookup(x.TrgLang)
	if err != nil || lang.Tag != c.Lang.Tag {
		return nil, fmt.Errorf("file is for language %q, not %s", x.TrgLang, c.Lang.Tag)
	}
	im := newImporter(src, c)
	allowed := locale.PluralForms(c.Lang.Tag)
	for _, f := range x.Files {
		for _, u := range f.Units {
			im.unit(u, allowed)
		}
	}
	return im.result()
}

// unit applies one XLIFF unit.
func (im *importer) unit(u xliffUnit, allowed []string) {
	id, form, plural := strings.Cut(u.ID, "#")
	e := im.src[id]
	switch {
	case e == nil:
		im.skip(u.ID, skipGone)
		return
	case !plural:
		form = "other"
	case len(forms(e.Msg)) < 2 || !slices.Contains(allowed, form):
		im.skip(u.ID, fmt.Sprintf("%q is not a plural form of this message in %s", form, im.lang))
		return
	}
	target, err := u.Segment.Target.text(codes(e))
	if err != nil {
		im.bad = append(im.bad, u.ID+": "+err.Error())
		return
	}
	done := slices.Contains([]string{"translated", "reviewed", "final"}, u.Segment.State)
	switch {
	case done && target == "":
		im.skip(u.ID, skipEmpty)
	case done:
		hash := Hash(e.Msg)
		for _, n := range u.Notes {
			if n.Category == "hash" {
				hash = n.Text
			}
		}
		im.apply(u.ID, id, map[string]string{form: target}, hash)
	default:
		im.unfinished(u.ID, id, map[string]string{form: target}, "state "+cmp.Or(u.Segment.State, "initial"), `set state="translated"`)
	}
}

// XLIFFLang returns the target language of an XLIFF 2.0 file.
func XLIFFLang(data []byte) (locale.Language, error) {
	var x xliffDoc
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&x); err != nil {
		return locale.Language{}, fmt.Errorf("not XLIFF 2.0: %v", err)
	}
	return locale.Lookup(x.TrgLang)
}
