package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/role"
)

// Entry is one source message with where it comes from.
type Entry struct {
	Msg *i18n.Message
	// Role and path locate the value a role message was taken from (Role
	// is nil for the interface and the configuration); the position is
	// looked up only when a diagnostic needs it.
	Role *role.Role
	// cfg is set instead of Role for a message from the configuration.
	cfg  *role.Config
	path string
	// hash caches Hash(Msg) for checks, which compare it once per
	// language.
	hash string
	// Literal messages (role content) are never run as templates, so
	// "{{" in a duty is text, not code.
	Literal bool
}

// UI is the interface text in English. Messages with a count have plural
// forms; translators provide the forms their language needs.
var UI = []*i18n.Message{
	{ID: "ui.kind", Description: "document type, printed above the title", Other: "Job description"},
	{ID: "ui.section.provisions", Description: "section 1 heading", Other: "General provisions"},
	{ID: "ui.section.duties", Description: "section 2 heading", Other: "Duties"},
	{ID: "ui.section.rights", Description: "section 3 heading", Other: "Rights"},
	{ID: "ui.section.responsibilities", Description: "section 4 heading: what the holder is answerable for", Other: "Responsibility"},
	{ID: "ui.section.criteria", Description: "section 5 heading: key performance indicators", Other: "Evaluation criteria"},
	{ID: "ui.label.department", Description: "header label", Other: "Department"},
	{ID: "ui.label.version", Description: "header label: version of the document", Other: "Version"},
	{ID: "ui.label.effective", Description: "header label: date the document applies from", Other: "Effective from"},
	{ID: "ui.label.category", Description: "provision label", Other: "Staff category"},
	{ID: "ui.label.appointed_by", Description: "provision label: who hires and dismisses the holder", Other: "Appointed and dismissed by"},
	{ID: "ui.label.reports_to", Description: "provision label", Other: "Reports to"},
	{ID: "ui.label.substitute", Description: "provision label: who takes over during absence", Other: "Stands in during absence"},
	{ID: "ui.label.education", Description: "provision label", Other: "Education"},
	{ID: "ui.label.field", Description: "provision label", Other: "Field of study"},
	{ID: "ui.label.experience", Description: "provision label", Other: "Experience"},
	{ID: "ui.label.other", Description: "provision label", Other: "Other requirements"},
	{ID: "ui.label.knowledge", Description: "provision label: knowledge the holder must have", Other: "Must know"},
	{ID: "ui.label.guided_by", Description: "provision label: rules that guide the work", Other: "Guided in the work by"},
	{ID: "ui.label.target", Description: "label before a criterion's target", Other: "Target"},
	{ID: "ui.label.approved", Description: "approval block heading", Other: "Approved"},
	{ID: "ui.label.name", Description: "approval block: name of the approver", Other: "Name"},
	{ID: "ui.label.signature", Description: "approval block", Other: "Signature"},
	{ID: "ui.label.date", Description: "approval block", Other: "Date"},
	{ID: "ui.approval.recorded", Description: "approval block, in place of the lines to sign once an approval of this content is recorded; Name is a person, Date a formatted date, Version such as 1.1", Other: "Approved by {{.Name}} on {{.Date}} (version {{.Version}})"},
	{ID: "ui.label.agreed", Description: "heading of a signature block beside the approval: the position named below agrees with the description (e.g. HR)", Other: "Agreed"},
	{ID: "ui.ack.heading", Description: "heading of the block the employee signs", Other: "Employee acknowledgement"},
	{ID: "ui.ack.statement", Description: "sentence above the employee's name, signature and date", Other: "I have read this job description and received a copy of it."},
	{ID: "ui.revisions.heading", Description: "heading of the revision history table", Other: "Revision history"},
	{ID: "ui.revisions.change", Description: "revision history column: what changed", Other: "Change"},
	{ID: "ui.label.languages", Description: "language switcher label", Other: "Languages"},
	{ID: "ui.index.title", Description: "index page title", Other: "Job descriptions"},
	{ID: "ui.index.chart", Description: "index page: heading of the organization chart", Other: "Organization chart"},
	{ID: "ui.index.back", Description: "link from a role page to the index", Other: "All job descriptions"},
	{ID: "ui.index.count", Description: "index page: number of roles", One: "{{.Count}} job description", Other: "{{.Count}} job descriptions"},
	{ID: "ui.experience", Description: "minimum experience; Count is whole years", One: "At least {{.Count}} year in a related field", Other: "At least {{.Count}} years in a related field"},
	{ID: "ui.experience.none", Description: "when no experience is required", Other: "No previous experience required"},
	{ID: "ui.page", Description: "PDF footer", Other: "Page {{.Page}} of {{.Pages}}"},
	{ID: "ui.date", Description: "date format; Day and Year are numbers, Month is the month's name", Other: "{{.Day}} {{.Month}} {{.Year}}"},
	{ID: "ui.category.manager", Description: "staff category", Other: "Manager"},
	{ID: "ui.category.specialist", Description: "staff category", Other: "Specialist"},
	{ID: "ui.category.technical", Description: "staff category", Other: "Technical staff"},
	{ID: "ui.category.worker", Description: "staff category", Other: "Worker"},
	{ID: "ui.education.secondary", Description: "education level", Other: "Secondary education"},
	{ID: "ui.education.vocational", Description: "education level", Other: "Vocational education"},
	{ID: "ui.education.associate", Description: "education level", Other: "Associate degree"},
	{ID: "ui.education.bachelor", Description: "education level", Other: "Bachelor's degree"},
	{ID: "ui.education.master", Description: "education level", Other: "Master's degree"},
	{ID: "ui.education.doctorate", Description: "education level", Other: "Doctorate"},
	{ID: "ui.month.1", Description: "month name in a date", Other: "January"},
	{ID: "ui.month.2", Description: "month name in a date", Other: "February"},
	{ID: "ui.month.3", Description: "month name in a date", Other: "March"},
	{ID: "ui.month.4", Description: "month name in a date", Other: "April"},
	{ID: "ui.month.5", Description: "month name in a date", Other: "May"},
	{ID: "ui.month.6", Description: "month name in a date", Other: "June"},
	{ID: "ui.month.7", Description: "month name in a date", Other: "July"},
	{ID: "ui.month.8", Description: "month name in a date", Other: "August"},
	{ID: "ui.month.9", Description: "month name in a date", Other: "September"},
	{ID: "ui.month.10", Description: "month name in a date", Other: "October"},
	{ID: "ui.month.11", Description: "month name in a date", Other: "November"},
	{ID: "ui.month.12", Description: "month name in a date", Other: "December"},
}

// uiEntries are the UI messages by id.
var uiEntries = func() map[string]*Entry {
	m := map[string]*Entry{}
	for _, msg := range UI {
		m[msg.ID] = &Entry{Msg: msg}
	}
	return m
}()

// Section descriptions give translators context for role content.
var sectionDescriptions = map[string]string{
	"requirements.other": "other requirement",
	"knowledge":          "what the holder must know",
	"guided_by":          "what guides the work",
	"duties":             "duty",
	"rights":             "right",
	"responsibilities":   "responsibility: what the holder is answerable for",
	"criteria":           "evaluation criterion",
}

// RoleKey is the catalog key of a role's message, such as
// "sales-manager.duties.find-clients".
func RoleKey(roleID string, parts ...string) string {
	return roleID + "." + strings.Join(parts, ".")
}

// SourceMessages returns every English source message: the interface, the
// configuration's positions and departments, and every role's content,
// sorted by id.
func SourceMessages(set *role.Set) []*Entry {
	var out []*Entry
	for _, m := range UI {
		out = append(out, &Entry{Msg: m})
	}
	EachLiteral(set, func(l Literal) {
		out = append(out, &Entry{
			Msg:     &i18n.Message{ID: l.ID, Description: l.Description, Other: l.Text},
			Role:    l.Role,
			cfg:     l.Cfg,
			path:    l.Path,
			Literal: true,
		})
	})
	slices.SortFunc(out, func(a, b *Entry) int { return strings.Compare(a.Msg.ID, b.Msg.ID) })
	return out
}

// A Literal is an English source message that is text with one form,
// never a template: a position's or department's title, or role content.
type Literal struct {
	ID, Description, Text string
	// Role or Cfg, with Path, locate the value in a role file or in
	// roledoc.yaml.
	Role *role.Role
	Cfg  *role.Config
	Path string
}

// EachLiteral calls f with every literal source message of set, the
// configuration's first, without a go-i18n message each: at ten thousand
// roles those are 250,000 messages of 192 bytes that rendering does not
// need.
func EachLiteral(set *role.Set, f func(Literal)) {
	cfg := set.Config
	for i, p := range cfg.Positions {
		f(Literal{ID: "positions." + p.ID + ".title", Description: "position title", Text: p.Title, Cfg: cfg, Path: "positions[" + strconv.Itoa(i) + "].title"})
	}
	for i, d := range cfg.Departments {
		f(Literal{ID: "departments." + d.ID + ".title", Description: "department name", Text: d.Title, Cfg: cfg, Path: "departments[" + strconv.Itoa(i) + "].title"})
	}
	for _, r := range set.Roles {
		add := func(id, desc, text, at string) {
			f(Literal{ID: id, Description: desc, Text: text, Role: r, Path: at})
		}
		add(RoleKey(r.ID, "title"), "job title", r.Title, "title")
		if r.Requirements.Field != "" {
			add(RoleKey(r.ID, "requirements", "field"), "field of study", r.Requirements.Field, "requirements.field")
		}
		// An item repeating an earlier item's id is a duplicate-id error;
		// the first keeps the message, so its translations are not
		// reported stale and extract writes no key twice.
		for _, s := range r.Sections() {
			seen := map[string]bool{}
			for i, it := range s.Items {
				if seen[it.ID] {
					continue
				}
				seen[it.ID] = true
				add(RoleKey(r.ID, s.Key, it.ID), sectionDescriptions[s.Key], it.Text, s.Key+"["+strconv.Itoa(i)+"].text")
			}
		}
		criteria := map[string]bool{}
		for i, c := range r.Criteria {
			first := !criteria[c.ID]
			criteria[c.ID] = true
			if c.Target != "" && first {
				add(RoleKey(r.ID, "criteria", c.ID, "target"), "target of an evaluation criterion", c.Target, "criteria["+strconv.Itoa(i)+"].target")
			}
		}
		for i, h := range r.History {
			add(RoleKey(r.ID, "history", h.Version), "revision history: what changed in version "+h.Version, h.Summary, "history["+strconv.Itoa(i)+"].summary")
		}
	}
}

// sourceHash is Hash(e.Msg), cached when CheckProject computed it.
func (e *Entry) sourceHash() string {
	if e.hash != "" {
		return e.hash
	}
	return Hash(e.Msg)
}

// Pos is where the source text is: the value in the role file or in
// roledoc.yaml, or nothing for interface messages.
func (e *Entry) Pos() diag.Pos {
	switch {
	case e.Role != nil:
		return e.Role.Pos(e.path)
	case e.cfg != nil:
		return e.cfg.Pos(e.path)
	}
	return diag.Pos{}
}

// Hash identifies the content a translation was made from: the description
// and every plural form, so a change to any of them makes translations
// stale.
func Hash(m *i18n.Message) string {
	h := sha1.New()
	for _, s := range []string{m.Description, m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}
