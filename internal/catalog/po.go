package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/locale"
)

// gettext PO, which Poedit, Weblate, Crowdin and Lokalise all read. Each
// message is one entry: msgctxt is its key, msgid (and msgid_plural) the
// English, msgstr (or msgstr[n], in the order of the language's CLDR
// categories) the translation. A stale translation is fuzzy, as gettext
// marks a translation whose source changed.

const poHeaderComment = `roledoc translations. msgctxt is the message key; translate msgstr and
keep {{.Name}} placeholders as they are. Import with 'roledoc i18n import'.`

// ExportPO writes a language's catalog as a PO file.
func ExportPO(src []*Entry, c *Catalog) []byte {
	langForms := locale.PluralForms(c.Lang.Tag)
	entries := []poEntry{{
		comments: strings.Split(poHeaderComment, "\n"),
		// The tool fills in the dates and names; left empty, the same
		// catalog exports to the same bytes.
		str: []string{"Project-Id-Version: roledoc\n" +
			"PO-Revision-Date: \n" +
			"Last-Translator: \n" +
			"Language-Team: \n" +
			"Language: " + c.Lang.Tag + "\n" +
			"MIME-Version: 1.0\n" +
			"Content-Type: text/plain; charset=UTF-8\n" +
			"Content-Transfer-Encoding: 8bit\n" +
			"Plural-Forms: " + c.Lang.GettextPlural() + "\n"},
	}}
	for _, e := range src {
		t := c.Msgs[e.Msg.ID]
		var tf map[string]string
		if t != nil {
			tf = forms(t.Msg)
		}
		pe := poEntry{hasCtxt: true, ctxt: e.Msg.ID, id: e.Msg.Other}
		if e.Msg.Description != "" {
			pe.extracted = []string{e.Msg.Description}
		}
		if pos := e.Pos(); pos.File != "" {
			pe.refs = []string{pos.File + ":" + strconv.Itoa(pos.Line)}
		}
		if StateOf(e, t) == Stale {
			pe.flags = []string{"fuzzy"}
			if t.Review != nil {
				pe.prevID, pe.prevPlural = previousPO(t.Review.Previous, len(forms(e.Msg)) > 1)
			}
		}
		if len(forms(e.Msg)) > 1 {
			pe.id, pe.hasPlural, pe.plural = e.Msg.One, true, e.Msg.Other
			for _, f := range langForms {
				pe.str = append(pe.str, tf[f])
			}
		} else {
			pe.str = []string{tf["other"]}
		}
		entries = append(entries, pe)
	}
	return writePO(entries)
}

// previousPO turns the English a stale translation was made from, as a
// review mark keeps it (plural forms as "one: ..." lines), into PO's
// previous msgid and msgid_plural.
func previousPO(previous string, plural bool) (id, pluralID string) {
	if !plural {
		return previous, ""
	}
	for l := range strings.SplitSeq(previous, "\n") {
		form, text, _ := strings.Cut(l, ": ")
		switch form {
		case "one":
			id = text
		case "other":
			pluralID = text
		}
	}
	return id, pluralID
}

// POLang returns the language a PO file's header names.
func POLang(data []byte) (locale.Language, error) {
	entries, err := readPO(data)
	if err != nil {
		return locale.Language{}, fmt.Errorf("not a PO file: %v", err)
	}
	tag := poHeader(entries)["Language"]
	if tag == "" {
		return locale.Language{}, fmt.Errorf("the PO header names no Language")
	}
	return locale.Lookup(tag)
}

// poHeader reads the header entry's fields.
func poHeader(entries []poEntry) map[string]string {
	out := map[string]string{}
	for _, e := range entries {
		if e.hasCtxt || e.id != "" || len(e.str) == 0 {
			continue
		}
		for l := range strings.SplitSeq(e.str[0], "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok {
				out[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		break
	}
	return out
}

// ImportPO reads a PO file into a copy of the catalog's messages. An entry
// that is not fuzzy and has text replaces the translation and records the
// current English as its source; fuzzy entries with new text, entries
// whose message is gone and entries made from English that has changed
// since are skipped and listed. A placeholder that differs from the
// English refuses the whole file.
func ImportPO(data []byte, src []*Entry, c *Catalog) (*Imported, error) {
	entries, err := readPO(data)
	if err != nil {
		return nil, fmt.Errorf("not a PO file: %v", err)
	}
	h := poHeader(entries)
	if lang, err := locale.Lookup(h["Language"]); err != nil || lang.Tag != c.Lang.Tag {
		return nil, fmt.Errorf("file is for language %q, not %s", h["Language"], c.Lang.Tag)
	}
	langForms := locale.PluralForms(c.Lang.Tag)
	if pf := h["Plural-Forms"]; pf != "" && nplurals(pf) != len(langForms) {
		return nil, fmt.Errorf("Plural-Forms %q does not match %s, which has %d forms: %s", pf, c.Lang, len(langForms), c.Lang.GettextPlural())
	}
	im := newImporter(src, c)
	for _, pe := range entries {
		if !pe.hasCtxt && pe.id == "" {
			continue // the header
		}
		im.poEntry(pe, langForms)
	}
	return im.result()
}

// nplurals reads the count from a Plural-Forms value.
func nplurals(pf string) int {
	for f := range strings.SplitSeq(pf, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(f), "="); ok && strings.TrimSpace(k) == "nplurals" {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

// poEntry applies one PO entry.
func (im *importer) poEntry(pe poEntry, langForms []string) {
	unit := pe.ctxt
	if !pe.hasCtxt {
		im.skip(strconv.Quote(pe.id), "no msgctxt; roledoc names each message by its key in msgctxt")
		return
	}
	e := im.src[pe.ctxt]
	if e == nil {
		im.skip(unit, skipGone)
		return
	}
	plural := len(forms(e.Msg)) > 1
	english := e.Msg.Other
	if plural {
		english = e.Msg.One
	}
	if pe.hasPlural != plural || pe.id != english || plural && pe.plural != e.Msg.Other {
		im.skip(unit, skipNewSource)
		return
	}
	texts := map[string]string{}
	for i, s := range pe.str {
		switch {
		case !plural:
			texts["other"] = s
		case i < len(langForms):
			texts[langForms[i]] = s
		}
	}
	if pe.fuzzy() {
		im.unfinished(unit, e.Msg.ID, texts, "fuzzy", "delete the #, fuzzy line")
		return
	}
	for f, s := range texts {
		if s == "" {
			delete(texts, f)
		}
	}
	if len(texts) == 0 {
		im.out.Unchanged++ // untranslated in the file: the catalog keeps what it has
		return
	}
	im.apply(unit, e.Msg.ID, texts, Hash(e.Msg))
}
