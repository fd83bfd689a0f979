// Package change owns comparing two versions of a project: role by role,
// field by field and item by item, in the source language and in every
// translation.
package change

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/role"
)

// Kind says how a value changed.
type Kind string

// The kinds of change. Moved, for an item, means only its place in its
// list changed. Stale and Missing concern translations: the English
// changed and the translation did not follow, or there is no translation
// of text that is new or was translated before.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	Moved   Kind = "moved"
	Stale   Kind = "stale"
	Missing Kind = "missing"
)

// Change is one difference. Path names the value inside the role as the
// role file and the catalogs do: "title", "reports_to",
// "duties.negotiate", "criteria.new-clients.target", "history.1.1"; it is
// empty for a whole role added or removed. Old and New are the values in
// Lang (for a move, the item's old and new place, counted from 1).
type Change struct {
	Role string `json:"role"`
	Lang string `json:"lang"`
	Path string `json:"path"`
	Kind Kind   `json:"kind"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Texts looks up the translation of a message of a role (by catalog key)
// in a language; ok is false when there is none.
type Texts func(lang, key string) (text string, ok bool)

// Version is one side of a comparison.
type Version struct {
	Roles []*role.Role
	Texts Texts
}

// byID indexes the roles.
func (v Version) byID() map[string]*role.Role {
	m := make(map[string]*role.Role, len(v.Roles))
	for _, r := range v.Roles {
		m[r.ID] = r
	}
	return m
}

// Options narrow a comparison.
type Options struct {
	Source string   // the source language's tag, "en"
	Langs  []string // the languages to compare, the source among them or not
	Roles  []string // role ids; empty means every role
	// Key is the catalog key of a role's message at a path.
	Key func(roleID, path string) string
}

// Compare lists what changed from old to new, role by role (sorted by
// id), each role's changes in the source language first and then per
// language in the order given. Structural changes (a field's value, an
// item moved) are reported in the source language only; text changes in
// every language compared.
func Compare(old, new Version, opt Options) []Change {
	ids := map[string]bool{}
	for _, v := range []Version{old, new} {
		for _, r := range v.Roles {
			if len(opt.Roles) == 0 || slices.Contains(opt.Roles, r.ID) {
				ids[r.ID] = true
			}
		}
	}
	var out []Change
	was, is := old.byID(), new.byID()
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		o, n := was[id], is[id]
		for _, lang := range opt.Langs {
			var cs []Change
			if lang == opt.Source {
				cs = Roles(o, n)
			} else {
				cs = translations(o, n, lang, old.Texts, new.Texts, opt.Key)
			}
			for i := range cs {
				cs[i].Role, cs[i].Lang = id, lang
			}
			out = append(out, cs...)
		}
	}
	return out
}

// Roles compares two versions of a role in the source language; either
// may be nil for a role added or removed. Role and Lang are left empty.
func Roles(old, new *role.Role) []Change {
	// A role added or removed is listed as a whole, then value by value,
	// as git lists a new file line by line: approvers read all of it.
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return append([]Change{{Kind: Added, New: new.Title}}, Roles(&role.Role{}, new)...)
	case new == nil:
		return append([]Change{{Kind: Removed, Old: old.Title}}, Roles(old, &role.Role{})...)
	}
	var out []Change
	field := func(path, o, n string) {
		if c, ok := compare(path, o, n); ok {
			out = append(out, c)
		}
	}
	of, nf := fields(old), fields(new)
	for i := range nf {
		field(nf[i].path, of[i].value, nf[i].value)
	}
	was, is := old.Sections(), new.Sections()
	for i := range is {
		out = append(out, items(is[i].Key, was[i].Items, is[i].Items)...)
		if is[i].Key == "criteria" {
			out = append(out, targets(old.Criteria, new.Criteria)...)
		}
	}
	out = append(out, history(old.History, new.History)...)
	out = append(out, records(old.Approval.Records, new.Approval.Records)...)
	return out
}

// Structural reports whether a change holds in every language: a value
// that is not translated text (an id, a date, a number, a name), an item
// moved, an approval recorded, a whole role added or removed. Compare
// reports these in the source language only.
func (c Change) Structural() bool {
	switch {
	case c.Kind == Moved, c.Path == "", c.Path == "approval.records":
		return true
	case strings.HasPrefix(c.Path, "history.") && strings.HasSuffix(c.Path, ".date"):
		return true
	}
	return structural[c.Path]
}

// structural are the fields whose values are not translated.
var structural = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range fields(&role.Role{}) {
		m[f.path] = f.path != "title" && f.path != "requirements.field"
	}
	return m
}()

type field struct{ path, value string }

// fields are a role's single values in document order, other than its
// item lists.
func fields(r *role.Role) []field {
	exp := ""
	if y := r.Requirements.ExperienceYears; y != nil {
		exp = strconv.Itoa(*y)
	}
	return []field{
		{"title", r.Title},
		{"department", r.Department},
		{"category", r.Category},
		{"version", r.Version},
		{"effective", r.Effective},
		{"appointed_by", r.AppointedBy},
		{"reports_to", r.ReportsTo},
		{"substitute", r.Substitute},
		{"requirements.education", r.Requirements.Education},
		{"requirements.field", r.Requirements.Field},
		{"requirements.experience_years", exp},
		{"approval.by", r.Approval.By},
		{"approval.name", r.Approval.Name},
		{"approval.date", r.Approval.Date},
	}
}

// compare classifies a value that may be empty on either side.
func compare(path, o, n string) (Change, bool) {
	switch {
	case o == n:
		return Change{}, false
	case o == "":
		return Change{Path: path, Kind: Added, New: n}, true
	case n == "":
		return Change{Path: path, Kind: Removed, Old: o}, true
	}
	return Change{Path: path, Kind: Changed, Old: o, New: n}, true
}

// items compares a list by id, in the new list's order; a removed item
// follows the item it followed before. An item is moved when it is not
// among the longest run of items that kept their relative order, so
// moving one item reports that item, not all those it jumped over.
func items(key string, old, new []role.Item) []Change {
	oldAt := map[string]int{}
	for i, it := range old {
		oldAt[it.ID] = i
	}
	newAt := map[string]int{}
	for i, it := range new {
		newAt[it.ID] = i
	}
	var common []string // ids on both sides, in new order
	for _, it := range new {
		if _, ok := oldAt[it.ID]; ok {
			common = append(common, it.ID)
		}
	}
	stay := keptOrder(common, oldAt)

	// removedAfter groups removed items under the new index of the
	// nearest kept item before them (-1: the start of the list).
	removedAfter := map[int][]role.Item{}
	for i, it := range old {
		if _, ok := newAt[it.ID]; ok {
			continue
		}
		at := -1
		for j := i - 1; j >= 0; j-- {
			if k, ok := newAt[old[j].ID]; ok {
				at = k
				break
			}
		}
		removedAfter[at] = append(removedAfter[at], it)
	}
	var out []Change
	removed := func(at int) {
		for _, it := range removedAfter[at] {
			out = append(out, Change{Path: key + "." + it.ID, Kind: Removed, Old: it.Text})
		}
	}
	removed(-1)
	for i, it := range new {
		path := key + "." + it.ID
		j, ok := oldAt[it.ID]
		switch {
		case !ok:
			out = append(out, Change{Path: path, Kind: Added, New: it.Text})
		default:
			if !stay[it.ID] {
				out = append(out, Change{Path: path, Kind: Moved, Old: strconv.Itoa(j + 1), New: strconv.Itoa(i + 1)})
			}
			if c, ok := compare(path, old[j].Text, it.Text); ok {
				out = append(out, c)
			}
		}
		removed(i)
	}
	return out
}

// keptOrder returns the ids of the longest subsequence of ids (in new
// order) whose old places increase: the items that did not move.
func keptOrder(ids []string, oldAt map[string]int) map[string]bool {
	n := len(ids)
	length := make([]int, n) // longest increasing run ending at i
	prev := make([]int, n)
	best := -1
	for i := range ids {
		length[i], prev[i] = 1, -1
		for j := range i {
			if oldAt[ids[j]] < oldAt[ids[i]] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	stay := map[string]bool{}
	for i := best; i >= 0; i = prev[i] {
		stay[ids[i]] = true
	}
	return stay
}

// targets compares the criteria's targets by criterion id; the target of
// a criterion removed is removed with it.
func targets(old, new []role.Criterion) []Change {
	was := map[string]string{}
	for _, c := range old {
		was[c.ID] = c.Target
	}
	is := map[string]bool{}
	var out []Change
	for _, c := range new {
		is[c.ID] = true
		if c2, ok := compare("criteria."+c.ID+".target", was[c.ID], c.Target); ok {
			out = append(out, c2)
		}
	}
	for _, c := range old {
		if !is[c.ID] && c.Target != "" {
			out = append(out, Change{Path: "criteria." + c.ID + ".target", Kind: Removed, Old: c.Target})
		}
	}
	return out
}

// history compares revisions by version: a summary added, removed or
// reworded, and a date corrected.
func history(old, new []role.Revision) []Change {
	was := map[string]role.Revision{}
	for _, h := range old {
		was[h.Version] = h
	}
	is := map[string]bool{}
	var out []Change
	for _, h := range new {
		is[h.Version] = true
		o := was[h.Version]
		if c, ok := compare("history."+h.Version, o.Summary, h.Summary); ok {
			out = append(out, c)
		}
		if o.Date != "" && o.Date != h.Date {
			out = append(out, Change{Path: "history." + h.Version + ".date", Kind: Changed, Old: o.Date, New: h.Date})
		}
	}
	for _, h := range old {
		if !is[h.Version] {
			out = append(out, Change{Path: "history." + h.Version, Kind: Removed, Old: h.Summary})
		}
	}
	return out
}

// records reports approvals recorded or deleted, by version and date.
func records(old, new []role.Record) []Change {
	key := func(r role.Record) string { return r.Version + " " + r.Date + " " + r.Name }
	show := func(r role.Record) string { return r.Name + ", " + r.Date + ", version " + r.Version }
	was := map[string]bool{}
	for _, r := range old {
		was[key(r)] = true
	}
	is := map[string]bool{}
	var out []Change
	for _, r := range new {
		is[key(r)] = true
		if !was[key(r)] {
			out = append(out, Change{Path: "approval.records", Kind: Added, New: show(r)})
		}
	}
	for _, r := range old {
		if !is[key(r)] {
			out = append(out, Change{Path: "approval.records", Kind: Removed, Old: show(r)})
		}
	}
	return out
}

// Messages lists a role's translatable text by path, in document order:
// what a catalog translates.
func Messages(r *role.Role) []Message {
	out := []Message{{"title", r.Title}}
	if r.Requirements.Field != "" {
		out = append(out, Message{"requirements.field", r.Requirements.Field})
	}
	for _, s := range r.Sections() {
		for _, it := range s.Items {
			out = append(out, Message{s.Key + "." + it.ID, it.Text})
		}
		if s.Key == "criteria" {
			for _, c := range r.Criteria {
				if c.Target != "" {
					out = append(out, Message{"criteria." + c.ID + ".target", c.Target})
				}
			}
		}
	}
	for _, h := range r.History {
		out = append(out, Message{"history." + h.Version, h.Summary})
	}
	return out
}

// Message is a translatable text of a role.
type Message struct {
	Path, Text string
}

// translations compares one language's text of a role. A translation is
// changed when its text changed, stale when the English changed and it did
// not, missing when there is none for text that is new, changed or was
// translated before. Texts of items added or removed are added or removed.
func translations(o, n *role.Role, lang string, oldT, newT Texts, key func(string, string) string) []Change {
	src := func(r *role.Role) (map[string]string, []string) {
		m := map[string]string{}
		var order []string
		if r != nil {
			for _, msg := range Messages(r) {
				m[msg.Path] = msg.Text
				order = append(order, msg.Path)
			}
		}
		return m, order
	}
	oldSrc, oldOrder := src(o)
	newSrc, newOrder := src(n)
	lookup := func(t Texts, r *role.Role, path string) (string, bool) {
		if r == nil || t == nil {
			return "", false
		}
		return t(lang, key(r.ID, path))
	}
	var out []Change
	for _, path := range newOrder {
		en, was := oldSrc[path]
		oldTr, hadOld := "", false
		if was {
			oldTr, hadOld = lookup(oldT, o, path)
		}
		newTr, hasNew := lookup(newT, n, path)
		englishChanged := !was || en != newSrc[path]
		switch {
		case !hasNew && (hadOld || englishChanged):
			out = append(out, Change{Path: path, Kind: Missing, Old: oldTr, New: newSrc[path]})
		case !hasNew:
		case !hadOld:
			out = append(out, Change{Path: path, Kind: Added, New: newTr})
		case oldTr != newTr:
			out = append(out, Change{Path: path, Kind: Changed, Old: oldTr, New: newTr})
		case englishChanged:
			out = append(out, Change{Path: path, Kind: Stale, Old: oldTr, New: newTr})
		}
	}
	for _, path := range oldOrder {
		if _, ok := newSrc[path]; ok {
			continue
		}
		if tr, ok := lookup(oldT, o, path); ok {
			out = append(out, Change{Path: path, Kind: Removed, Old: tr})
		}
	}
	return out
}

// Summary describes changes in a few words for a diagnostic, such as
// "duties.negotiate changed, duties.travel added and 2 more".
func Summary(cs []Change, n int) string {
	var parts []string
	for _, c := range cs {
		p := cmp.Or(c.Path, "role")
		parts = append(parts, p+" "+string(c.Kind))
	}
	if len(parts) > n {
		return strings.Join(parts[:n], ", ") + " and " + strconv.Itoa(len(parts)-n) + " more"
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}
