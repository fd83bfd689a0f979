package redline

import (
	"fmt"
	"time"

	"github.com/roledoc/roledoc/internal/change"
)

// Redline is a comparison shown page by page: one page per role and
// language.
type Redline struct {
	Organization string
	Base         string // what the pages compare with, such as origin/main
	Pages        []Page
	// Date stamps the PDF, so the same comparison gives the same bytes.
	Date      time.Time
	Generator string // "roledoc 0.1.0"
}

// Page is the changes to one role in one language.
type Page struct {
	Role, Title string // the role's id and its title in Lang
	Lang, Dir   string
	Language    string // the language's own name
	Entries     []Entry
}

// Entry is one change, ready to show.
type Entry struct {
	Kind  change.Kind
	Label string // what changed, such as "Duty negotiate"
	Note  string // for moves and translations, what happened in words
	// Ops is the text, word by word; for a structural change (a field,
	// an item moved) it holds the old and new values as a deletion and
	// an insertion.
	Ops []Op
	// English marks text shown in the source language on another
	// language's page (a missing translation), to be set left to right.
	English bool
}

// Language describes a language for the pages.
type Language struct {
	Dir, Name string
}

// Pages groups changes (sorted by role, as change.Compare lists them) into
// pages per role and language. A language's page also shows the
// structural changes reported in the source language (fields, moves),
// which hold for every language. title gives a role's title in a
// language.
func Pages(cs []change.Change, source string, langs []string, lang func(tag string) Language, title func(role, lang string) string) []Page {
	var roles []string
	byRole := map[string][]change.Change{}
	for _, c := range cs {
		if _, seen := byRole[c.Role]; !seen {
			roles = append(roles, c.Role)
		}
		byRole[c.Role] = append(byRole[c.Role], c)
	}
	var pages []Page
	for _, id := range roles {
		for _, tag := range langs {
			var es []Entry
			for _, c := range byRole[id] {
				if c.Lang == tag || tag != source && c.Lang == source && c.Structural() {
					es = append(es, entry(c))
				}
			}
			if len(es) == 0 {
				continue
			}
			l := lang(tag)
			pages = append(pages, Page{Role: id, Title: title(id, tag), Lang: tag, Dir: l.Dir, Language: l.Name, Entries: es})
		}
	}
	return pages
}

func entry(c change.Change) Entry {
	e := Entry{Kind: c.Kind, Label: change.Label(c.Path)}
	switch c.Kind {
	case change.Changed:
		e.Ops = Words(c.Old, c.New)
		if c.Structural() {
			e.Ops = []Op{{Del, c.Old}, {Ins, c.New}}
		}
	case change.Added:
		e.Ops = []Op{{Ins, c.New}}
	case change.Removed:
		e.Ops = []Op{{Del, c.Old}}
	case change.Moved:
		e.Note = fmt.Sprintf("moved from place %s to place %s", c.Old, c.New)
	case change.Stale:
		e.Note = "the English changed; this translation was not updated"
		e.Ops = []Op{{Equal, c.New}}
	case change.Missing:
		e.English = true
		e.Note = "no translation; the English is shown"
		e.Ops = []Op{{Equal, c.New}}
		if c.Old != "" {
			e.Note = "translation removed; the English is shown"
			e.Ops = []Op{{Del, c.Old}, {Ins, c.New}}
		}
	}
	return e
}
