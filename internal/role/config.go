package role

import (
	"github.com/roledoc/roledoc/internal/diag"
	"gopkg.in/yaml.v3"
)

// ConfigFile is the project configuration's file name.
const ConfigFile = "roledoc.yaml"

// Config is the project configuration, roledoc.yaml.
type Config struct {
	Organization string   `yaml:"organization" validate:"required,text,max=200"`
	Languages    []string `yaml:"languages" validate:"required,min=1,max=50,unique,dive,langtag"`
	PageSize     string   `yaml:"page_size" validate:"omitempty,pagesize"`
	// Departments and Positions declare what roles may refer to besides
	// other roles: departments by id, and positions outside roles/ (the
	// general director) that roles report to or are appointed by.
	Departments []Named `yaml:"departments" validate:"required,max=1000,unique=ID,dive"`
	Positions   []Named `yaml:"positions" validate:"max=1000,unique=ID,dive"`
	// AgreedBy lists positions or roles (such as the head of HR) whose
	// agreement every description records beside its approver's.
	AgreedBy []string `yaml:"agreed_by" validate:"max=10,unique,dive,slug"`
	// Acknowledgement adds the employee's signed "I have read this" block
	// to every description; a role may set it otherwise.
	Acknowledgement bool `yaml:"acknowledgement"`

	File string     `yaml:"-"`
	root *yaml.Node `yaml:"-"`
}

// Named is an id with its English title.
type Named struct {
	ID    string `yaml:"id" validate:"required,slug"`
	Title string `yaml:"title" validate:"required,text,max=120"`
}

// Page returns the configured page size, A4 by default.
func (c *Config) Page() string {
	if c.PageSize == "" {
		return "A4"
	}
	return c.PageSize
}

// Department returns the department with the given id.
func (c *Config) Department(id string) (Named, bool) { return findNamed(c.Departments, id) }

// Position returns the declared position with the given id.
func (c *Config) Position(id string) (Named, bool) { return findNamed(c.Positions, id) }

func findNamed(ns []Named, id string) (Named, bool) {
	for _, n := range ns {
		if n.ID == id {
			return n, true
		}
	}
	return Named{}, false
}

// Pos returns the position of a value in roledoc.yaml, such as "languages".
func (c *Config) Pos(p string) diag.Pos { return nodePos(c.File, c.root, p) }
