package catalog

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/locale"
)

// XLIFF 2.0, the exchange format of translation tools. Each plural form is
// its own unit ("ui.experience#few"), since XLIFF has no plural model; the
// source hash travels in a note so an import records what was translated.
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
	Source string `xml:"source"`
	Target string `xml:"target"`
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
			u := xliffUnit{ID: id, Segment: xliffSegment{Source: source, Target: tf[form], State: "translated"}}
			if state != Translated || u.Segment.Target == "" {
				u.Segment.State = "initial"
			}
			if e.Msg.Description != "" {
				u.Notes = append(u.Notes, xliffNote{"description", e.Msg.Description})
			}
			u.Notes = append(u.Notes, xliffNote{"hash", Hash(e.Msg)})
			if state == Stale {
				u.Notes = append(u.Notes, xliffNote{"state", "stale: the English changed since this was translated"})
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
// the source hash the translator saw; other units are left alone.
func Import(data []byte, src []*Entry, c *Catalog) (map[string]*Translation, error) {
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
	bySrc := Index(src)
	out := map[string]*Translation{}
	for id, t := range c.Msgs {
		cp := *t
		m := *t.Msg
		cp.Msg = &m
		out[id] = &cp
	}
	for _, f := range x.Files {
		for _, u := range f.Units {
			id, form, _ := strings.Cut(u.ID, "#")
			if form == "" {
				form = "other"
			}
			e, ok := bySrc[id]
			if !ok {
				return nil, fmt.Errorf("unit %q matches no source message", u.ID)
			}
			if !isForm(form) {
				return nil, fmt.Errorf("unit %q: %q is not a plural form", u.ID, form)
			}
			if !slices.Contains([]string{"translated", "reviewed", "final"}, u.Segment.State) || u.Segment.Target == "" {
				continue
			}
			if err := importable(e, u.Segment.Target); err != nil {
				return nil, fmt.Errorf("unit %q: %v", u.ID, err)
			}
			t := out[id]
			if t == nil {
				t = &Translation{Msg: &i18n.Message{ID: id}}
				out[id] = t
			}
			setField(t.Msg, form, u.Segment.Target)
			for _, n := range u.Notes {
				if n.Category == "hash" {
					t.Msg.Hash = n.Text
				}
			}
		}
	}
	return out, nil
}

// XLIFFLang returns the target language of an XLIFF 2.0 file.
func XLIFFLang(data []byte) (locale.Language, error) {
	var x xliffDoc
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&x); err != nil {
		return locale.Language{}, fmt.Errorf("not XLIFF 2.0: %v", err)
	}
	return locale.Lookup(x.TrgLang)
}
