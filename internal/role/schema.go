package role

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// descriptions document fields in the JSON Schema, where editors show them
// as hover text. Keys are YAML field names.
var descriptions = map[string]string{
	"agreed_by":        "Ids of positions or roles (such as the head of HR) whose agreement every description records in a signature block beside the approval.",
	"acknowledgement":  "Adds a block where the employee signs that they have read the description; in a role file it overrides roledoc.yaml.",
	"id":               "Lowercase slug; for a role it must match the file name (sales-manager.yaml has id sales-manager).",
	"title":            "The position's title in English, the source language.",
	"department":       "Id of a department declared in roledoc.yaml.",
	"category":         "Staff category.",
	"version":          "Version of this job description, such as 1.0.",
	"effective":        "Date from which the description applies (YYYY-MM-DD).",
	"reports_to":       "Id of the role or position the holder reports to.",
	"appointed_by":     "Id of the role or position that appoints and dismisses the holder.",
	"substitute":       "Id of the role that stands in during the holder's absence.",
	"requirements":     "Qualification requirements.",
	"education":        "Minimum education level.",
	"field":            "Field of study.",
	"experience_years": "Minimum years of relevant experience (0 to 50).",
	"other":            "Other requirements.",
	"knowledge":        "What the holder must know.",
	"guided_by":        "What guides the holder's work.",
	"duties":           "Duties, one item each.",
	"rights":           "Rights of the holder.",
	"responsibilities": "What the holder is answerable for.",
	"criteria":         "Evaluation criteria (key performance indicators).",
	"target":           "Optional target for a criterion, such as 100% of the plan.",
	"text":             "The item's text in English.",
	"approval":         "Who approves the description; name and date stay blank on the page when unset.",
	"records":          "Approvals given, written by roledoc approve: who approved which version on which date, and the digest of the content approved.",
	"digest":           "Digest of the approved content (every field printed, in English); roledoc check reports a role changed after approval.",
	"history":          "Revision history, oldest first, printed as a table at the end of the document.",
	"summary":          "What changed in this revision, in English; translated like other text.",
	"Revision.version": "The version this revision produced.",
	"Revision.date":    "Date of the revision (YYYY-MM-DD).",
	"Record.version":   "The version approved.",
	"Record.name":      "Name of the person who approved.",
	"by":               "Id of the approving role or position.",
	"name":             "Name of the person who approves.",
	"date":             "Date of approval (YYYY-MM-DD).",
	"organization":     "Organization name, printed in every header.",
	"languages":        "Languages to build, as BCP 47 tags; en is the source.",
	"page_size":        "Paper size for PDF and print.",
	"departments":      "Departments that roles belong to.",
	"positions":        "Positions outside roles/ that roles may refer to, such as general-director.",
}

// Schema returns the JSON Schema of a role file.
func Schema() []byte {
	return schemaFor(reflect.TypeOf(Role{}), "roledoc role file", "https://roledoc.github.io/schema/role.json")
}

// ConfigSchema returns the JSON Schema of roledoc.yaml.
func ConfigSchema() []byte {
	return schemaFor(reflect.TypeOf(Config{}), "roledoc project configuration", "https://roledoc.github.io/schema/config.json")
}

func schemaFor(t reflect.Type, title, id string) []byte {
	s := typeSchema(t, "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = id
	s["title"] = title
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // maps of plain values always marshal
	}
	return append(out, '\n')
}

// typeSchema derives a schema from the struct tags the validator uses,
// each rule adding what it says through fieldRules, so the schema cannot
// drift from the rules.
func typeSchema(t reflect.Type, tag string) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	f := schemaField{}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || name == "" || name == "-" {
				continue
			}
			v := sf.Tag.Get("validate")
			p := typeSchema(sf.Type, v)
			if d, ok := descriptions[t.Name()+"."+name]; ok {
				p["description"] = d
			} else if d, ok := descriptions[name]; ok {
				p["description"] = d
			}
			if slices.Contains(rulesOf(v), "required") || sf.Type.Kind() == reflect.Struct {
				required = append(required, name)
			} else {
				nullable(p)
			}
			props[name] = p
		}
		s["type"] = "object"
		s["properties"] = props
		s["additionalProperties"] = false
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = typeSchema(t.Elem(), diveRules(tag))
		f.structs = t.Elem().Kind() == reflect.Struct
	case reflect.String:
		s["type"] = "string"
	case reflect.Int:
		s["type"] = "integer"
	case reflect.Bool:
		s["type"] = "boolean"
	}
	f.typ = s["type"].(string)
	for _, r := range rulesOf(tag) {
		name, param, _ := strings.Cut(r, "=")
		if rule, ok := ruleFor(name); ok {
			f.param = param
			rule.schema(s, f)
		}
	}
	return s
}

// nullable lets an optional field be left blank ("name:" with nothing
// after it), which YAML reads as null and check accepts.
func nullable(p map[string]any) {
	p["type"] = []any{p["type"], "null"}
	if enum, ok := p["enum"].([]string); ok {
		values := []any{}
		for _, e := range enum {
			values = append(values, e)
		}
		p["enum"] = append(values, nil)
	}
}

// rulesOf splits a validate tag up to its first "dive", in order.
func rulesOf(tag string) []string {
	before, _, _ := strings.Cut(tag, "dive")
	return strings.FieldsFunc(before, func(r rune) bool { return r == ',' })
}

func diveRules(tag string) string {
	_, after, _ := strings.Cut(tag, "dive")
	return strings.TrimPrefix(after, ",")
}
