// Package doc owns the translated document model: plain data that the HTML
// and PDF renderers draw, with no YAML or message catalogs behind it.
package doc

import "time"

// Document is one role in one language, ready to render.
type Document struct {
	Lang string // BCP 47 tag, such as "ar"
	Dir  string // "ltr" or "rtl"
	Page string // paper size: "A4" or "Letter"

	RoleID       string
	Organization string
	Kind         string // "Job description", translated
	Title        string
	Department   string
	Version      string
	Effective    string // formatted for the language
	// Date stamps the output (PDF creation date) so that the same inputs
	// give the same bytes: the effective date, or SOURCE_DATE_EPOCH.
	Date time.Time

	// Meta holds the header's label/value pairs, in order.
	Meta []Field
	// Sections are numbered 1 to 5: general provisions, duties, rights,
	// responsibility, evaluation criteria.
	Sections []Section
	Approval Approval
	// Agreements are further signatures, such as HR's, set beside the
	// approval.
	Agreements []Approval
	// Acknowledgement is the employee's block, or nil.
	Acknowledgement *Acknowledgement
	// Revisions lists the document's changes, newest first; empty until
	// change control records them.
	Revisions []Revision

	// Labels are interface strings the layout needs besides the content.
	Labels Labels
	// PageOf formats the footer ("Page 2 of 3") in the document's language.
	PageOf func(page, pages int) string `json:"-"`

	Alternates []Alternate
	Generator  string // "roledoc 0.1.0"
	// Keywords summarises the document for PDF metadata.
	Subject string
}

// Field is a labelled value.
type Field struct {
	Label string
	Value string
}

// Section is a numbered part of the document.
type Section struct {
	Number string // "2"
	Title  string
	Items  []Item
}

// Item is one numbered entry, such as 2.3 or 1.4.
type Item struct {
	Number string
	// Key says what a provision is in every language: "education",
	// "reports_to", "knowledge" and so on; empty for numbered entries.
	Key   string
	Label string // for provisions: "Reports to"
	Text  string
	// Link is the id of a role with its own page that Text names.
	Link string
	// Target is an evaluation criterion's target, already labelled.
	Target string
	// Sub lists entries under the item, such as what the holder must know.
	Sub []string
	// Lang is set when Text is in another language than the document's,
	// an untranslated message shown in the English source, so renderers
	// can mark it as English and lay it out in its own direction. SubLang
	// does the same for each entry of Sub, and is nil when none is;
	// TargetLang for Target.
	Lang       string
	SubLang    []string
	TargetLang string
}

// Approval is the block signed at the end of the document. Name and Date
// are empty when unset, and the page shows blank lines for them.
type Approval struct {
	Title string // the approving position's title
	Name  string
	Date  string
	// Recorded states an approval recorded for exactly this content,
	// such as "Approved by Jane Doe on 5 March 2026 (version 1.1)"; the
	// block then shows it in place of the lines to sign.
	Recorded string
}

// Acknowledgement is the block where the employee signs that they have
// read the description.
type Acknowledgement struct {
	Heading, Statement string
}

// Revision is one row of the revision history.
type Revision struct {
	Version, Date, Change string
}

// Labels are the interface strings a layout uses.
type Labels struct {
	Approved, Name, Signature, Date string
	Languages, Index, Target        string
	// Version and Effective label the running footer of printed pages.
	Version, Effective string
	// Agreed heads an agreement block; Revisions and Change label the
	// revision history.
	Agreed, Revisions, Change string
}

// Alternate is the same role in another language.
type Alternate struct {
	Lang    string
	Name    string // the language's own name, such as "Nederlands"
	Current bool
}

// Index lists a language's roles, grouped by department, with the
// organization chart.
type Index struct {
	Lang, Dir    string
	Page         string
	Organization string
	Title        string // "Job descriptions"
	ChartTitle   string
	Count        string // "4 job descriptions"
	Departments  []Department
	Chart        []*Node
	Alternates   []Alternate
	Generator    string
	Labels       Labels
}

// Department groups roles in the index.
type Department struct {
	Title string
	Roles []RoleRef
}

// RoleRef links to a role's page.
type RoleRef struct {
	ID, Title string
}

// Node is a position in the organization chart. ID is empty for positions
// that have no page of their own (declared in roledoc.yaml).
type Node struct {
	ID, Title string
	Reports   []*Node
}

// Home is the page that chooses a language.
type Home struct {
	Organization string
	Generator    string
	Languages    []HomeLanguage
}

// HomeLanguage links to one language's index.
type HomeLanguage struct {
	Lang, Dir, Name string
	Title           string // "Job descriptions" in that language
}
