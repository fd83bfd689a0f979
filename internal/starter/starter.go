// Package starter owns the files roledoc writes for a user who starts: the
// starter project of `roledoc init` and the role skeleton of `roledoc new`.
package starter

import (
	"bytes"
	"embed"
	"io/fs"
	"strconv"
	"strings"
	"text/template"
)

// Todo starts every placeholder text the skeleton asks the user to replace.
const Todo = "TODO:"

//go:embed all:project
var project embed.FS

// Project returns the starter project: roledoc.yaml, one complete example
// role, a CI workflow and a .gitignore. Catalogs and the JSON Schemas in
// .roledoc/, which the first lines of roledoc.yaml and the role name, are
// not in it: init makes them with the commands a user runs.
func Project() fs.FS {
	sub, err := fs.Sub(project, "project")
	if err != nil {
		panic(err) // the directory is embedded
	}
	return sub
}

//go:embed role.yaml.tmpl
var roleSource string

var roleTemplate = template.Must(template.New("role").Funcs(template.FuncMap{
	"quote": strconv.Quote,
	"join":  strings.Join,
}).Parse(roleSource))

// Role is what a new role file is filled with.
type Role struct {
	ID, Title, Department  string
	ReportsTo, AppointedBy string
	Substitute, ApprovedBy string
	Effective              string   // YYYY-MM-DD
	Departments            []string // the choices, for a comment
	Schema                 string   // the JSON Schema editors check it with; "" for SchemaURL
}

// SchemaURL is the role schema of roledoc's main branch, for projects that
// do not keep the schema of their roledoc version in .roledoc/.
const SchemaURL = "https://raw.githubusercontent.com/roledoc/roledoc/main/docs/role.schema.json"

// Skeleton returns a role file with every section, a short comment on each
// and TODO texts to replace. The ids must be valid slugs; the title is
// quoted, so any text is safe.
func Skeleton(r Role) []byte {
	if r.Title == "" {
		r.Title = Todo + " the job title"
	}
	if r.Schema == "" {
		r.Schema = SchemaURL
	}
	var b bytes.Buffer
	if err := roleTemplate.Execute(&b, r); err != nil {
		panic(err) // the template and its data are ours
	}
	return b.Bytes()
}
