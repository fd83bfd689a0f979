package redline

import (
	"fmt"
	"strconv"

	"github.com/roledoc/roledoc/internal/doc"
)

// Document lays the redline out as a document for the PDF renderer: a
// section per role and language, an item per change with the old and the
// new text, and the approval block with blank lines for the approvers'
// names and signatures. Text in another script (Arabic) is shaped and
// ordered by the renderer line by line.
func Document(r Redline) *doc.Document {
	d := &doc.Document{
		Lang: "en", Dir: "ltr", Page: "A4",
		// The footer of every page reads "redline · Compared with: BASE ·
		// Page 1 of 2", so a loose page finds its document.
		RoleID:       "redline",
		Version:      r.Base,
		Organization: r.Organization,
		Kind:         "Redline",
		Title:        "Changes since " + r.Base,
		Date:         r.Date,
		Labels:       doc.Labels{Approved: "Changes approved", Name: "Name", Signature: "Signature", Date: "Date", Target: "Target", Version: "Compared with"},
		PageOf:       func(page, pages int) string { return fmt.Sprintf("Page %d of %d", page, pages) },
		Generator:    r.Generator,
	}
	d.Subject = d.Kind + ": " + d.Title
	d.Meta = []doc.Field{{Label: "Compared with", Value: r.Base}, {Label: "Documents changed", Value: strconv.Itoa(len(r.Pages))}}
	for i, p := range r.Pages {
		s := doc.Section{Number: strconv.Itoa(i + 1), Title: p.Title + " · " + p.Language + " (" + p.Lang + ")"}
		for j, e := range p.Entries {
			it := doc.Item{Number: fmt.Sprintf("%d.%d", i+1, j+1), Label: e.Label, Text: string(e.Kind)}
			if e.Note != "" {
				it.Text += ": " + e.Note
			}
			old, new := texts(e.Ops)
			switch {
			case old == new: // stale, or missing and shown in English
				it.Sub = []string{new}
			default:
				if old != "" {
					it.Sub = append(it.Sub, "Was: "+old)
				}
				if new != "" {
					it.Sub = append(it.Sub, "Now: "+new)
				}
			}
			s.Items = append(s.Items, it)
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}

// texts rebuilds the old and the new text from ops.
func texts(ops []Op) (old, new string) {
	for _, op := range ops {
		if op.Kind != Ins {
			old += op.Text
		}
		if op.Kind != Del {
			new += op.Text
		}
	}
	return old, new
}
