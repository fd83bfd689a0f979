// Package role owns the role-file format: its model, loading with source
// positions, and validation of single files and of a whole set.
package role

import (
	"slices"
	"sync"

	"gopkg.in/yaml.v3"
)

// Role is one position's job description, in the source language.
type Role struct {
	ID         string `yaml:"id" validate:"required,slug"`
	Title      string `yaml:"title" validate:"required,text,max=120"`
	Department string `yaml:"department" validate:"required,slug"`
	Category   string `yaml:"category" validate:"required,category"`
	Version    string `yaml:"version" validate:"required,max=20,version"`
	Effective  string `yaml:"effective" validate:"required,datetime=2006-01-02"`

	ReportsTo   string `yaml:"reports_to" validate:"required,slug"`
	AppointedBy string `yaml:"appointed_by" validate:"required,slug"`
	Substitute  string `yaml:"substitute" validate:"required,slug"`

	Requirements Requirements `yaml:"requirements"`

	Knowledge        []Item      `yaml:"knowledge" validate:"required,max=100,unique=ID,dive"`
	GuidedBy         []Item      `yaml:"guided_by" validate:"required,max=100,unique=ID,dive"`
	Duties           []Item      `yaml:"duties" validate:"required,max=500,unique=ID,dive"`
	Rights           []Item      `yaml:"rights" validate:"required,max=500,unique=ID,dive"`
	Responsibilities []Item      `yaml:"responsibilities" validate:"required,max=500,unique=ID,dive"`
	Criteria         []Criterion `yaml:"criteria" validate:"required,max=500,unique=ID,dive"`

	Approval Approval `yaml:"approval"`
	// Acknowledgement, when set, overrides roledoc.yaml's choice of an
	// employee acknowledgement block.
	Acknowledgement *bool `yaml:"acknowledgement"`

	// History lists the description's revisions, oldest first; it is
	// printed as a table at the end of the document.
	History []Revision `yaml:"history,omitempty" validate:"max=200,unique=Version,dive"`

	// File is the path the role was loaded from, as shown in diagnostics.
	File string `yaml:"-"`
	// root is the YAML mapping the role was decoded from; validation maps
	// its findings back to positions through it. At scale the trees are
	// most of a check's memory, so once the file is validated the tree is
	// dropped and parsed again from src, under mu, when a position is
	// asked for.
	root *yaml.Node
	src  []byte
	mu   *sync.Mutex
}

// Requirements are the qualifications a holder needs.
type Requirements struct {
	Education       string `yaml:"education" validate:"required,education"`
	Field           string `yaml:"field" validate:"omitempty,text,max=300"`
	ExperienceYears *int   `yaml:"experience_years" validate:"required,gte=0,lte=50"`
	Other           []Item `yaml:"other" validate:"max=100,unique=ID,dive"`
}

// Item is one numbered entry of a section. Its ID keeps translations stable
// when items are reordered.
type Item struct {
	ID   string `yaml:"id" validate:"required,slug"`
	Text string `yaml:"text" validate:"required,text,min=3,max=4000"`
}

// Criterion is an evaluation criterion, optionally with a target.
type Criterion struct {
	ID     string `yaml:"id" validate:"required,slug"`
	Text   string `yaml:"text" validate:"required,text,min=3,max=4000"`
	Target string `yaml:"target" validate:"omitempty,text,max=200"`
}

// Approval names who approves the description. Name and date stay blank on
// the printed page until they are set.
type Approval struct {
	By   string `yaml:"by" validate:"required,slug"`
	Name string `yaml:"name" validate:"omitempty,text,max=120"`
	Date string `yaml:"date" validate:"omitempty,datetime=2006-01-02"`
	// Records are the approvals given, oldest first, each tied to the
	// content it approved by a digest; roledoc approve appends them.
	Records []Record `yaml:"records,omitempty" validate:"max=1000,dive"`
}

// Record is one approval: who approved which version on which date, and
// the Digest of the content they saw.
type Record struct {
	Name    string `yaml:"name" validate:"required,text,max=120"`
	Date    string `yaml:"date" validate:"required,datetime=2006-01-02"`
	Version string `yaml:"version" validate:"required,max=20,version"`
	Digest  string `yaml:"digest" validate:"required,digest"`
}

// Revision is one entry of the revision history.
type Revision struct {
	Version string `yaml:"version" validate:"required,max=20,version"`
	Date    string `yaml:"date" validate:"required,datetime=2006-01-02"`
	Summary string `yaml:"summary" validate:"required,text,min=3,max=1000"`
}

// Approved returns the latest record that approves the role as it is: its
// version and content. ok is false when there is none, and the document
// then shows blank signature lines.
func (r *Role) Approved() (rec Record, ok bool) {
	d := r.Digest()
	for _, rec := range slices.Backward(r.Approval.Records) {
		if rec.Version == r.Version && rec.Digest == d {
			return rec, true
		}
	}
	return Record{}, false
}

// Section is a list of items under a stable key, in document order.
type Section struct {
	Key   string // the YAML key, also the catalog key segment
	Items []Item
}

// Sections returns the role's item lists in the order a job description
// presents them. Criteria are included without their targets.
func (r *Role) Sections() []Section {
	crit := make([]Item, len(r.Criteria))
	for i, c := range r.Criteria {
		crit[i] = Item{ID: c.ID, Text: c.Text}
	}
	return []Section{
		{"requirements.other", r.Requirements.Other},
		{"knowledge", r.Knowledge},
		{"guided_by", r.GuidedBy},
		{"duties", r.Duties},
		{"rights", r.Rights},
		{"responsibilities", r.Responsibilities},
		{"criteria", crit},
	}
}
