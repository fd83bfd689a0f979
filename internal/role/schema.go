package role

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// descriptions document fields in the JSON Schema, where editors show them
// as hover text. Keys are YAML field names.
var descriptions = map[string]string{
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

// typeSchema derives a schema from the same struct tags the validator uses,
// so the schema cannot drift from the rules.
func typeSchema(t reflect.Type, tag string) map[string]any {
	rules := parseRules(tag)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			v := f.Tag.Get("validate")
			p := typeSchema(f.Type, v)
			if d, ok := descriptions[t.Name()+"."+name]; ok {
				p["description"] = d
			} else if d, ok := descriptions[name]; ok {
				p["description"] = d
			}
			props[name] = p
			if _, ok := parseRules(v)["required"]; ok || f.Type.Kind() == reflect.Struct {
				required = append(required, name)
			}
		}
		s["type"] = "object"
		s["properties"] = props
		s["additionalProperties"] = false
		if len(required) > 0 {
			s["required"] = required
		}
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = typeSchema(t.Elem(), diveRules(tag))
		if _, ok := rules["required"]; ok {
			s["minItems"] = 1
		}
		if n, ok := rules["min"]; ok {
			s["minItems"] = atoi(n)
		}
		if n, ok := rules["max"]; ok {
			s["maxItems"] = atoi(n)
		}
		if _, ok := rules["unique"]; ok && t.Elem().Kind() != reflect.Struct {
			s["uniqueItems"] = true
		}
	case reflect.String:
		s["type"] = "string"
		if n, ok := rules["min"]; ok {
			s["minLength"] = atoi(n)
		}
		if _, ok := rules["required"]; ok {
			if _, has := s["minLength"]; !has {
				s["minLength"] = 1
			}
		}
		if n, ok := rules["max"]; ok {
			s["maxLength"] = atoi(n)
		}
		if e, ok := rules["oneof"]; ok {
			s["enum"] = strings.Fields(e)
		}
		if _, ok := rules["slug"]; ok {
			s["pattern"] = slugRE.String()
			s["maxLength"] = MaxIDLength
		}
		if _, ok := rules["datetime"]; ok {
			s["pattern"] = `^\d{4}-\d{2}-\d{2}$`
			s["format"] = "date"
		}
		if _, ok := rules["digest"]; ok {
			s["pattern"] = digestRE.String()
		}
		if _, ok := rules["version"]; ok {
			s["pattern"] = versionRE.String()
		}
	case reflect.Int:
		s["type"] = "integer"
		if n, ok := rules["gte"]; ok {
			s["minimum"] = atoi(n)
		}
		if n, ok := rules["lte"]; ok {
			s["maximum"] = atoi(n)
		}
	}
	return s
}

// parseRules splits a validate tag up to its first "dive".
func parseRules(tag string) map[string]string {
	m := map[string]string{}
	for _, r := range strings.Split(tag, ",") {
		if r == "dive" {
			break
		}
		k, v, _ := strings.Cut(r, "=")
		if k != "" {
			m[k] = v
		}
	}
	return m
}

func diveRules(tag string) string {
	_, after, _ := strings.Cut(tag, "dive")
	return strings.TrimPrefix(after, ",")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
