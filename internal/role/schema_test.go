package role

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// jsonValue reads a YAML node as an editor's YAML language server does
// (YAML 1.2: an unquoted 2026-01-01 is text, 1.10 a number) and returns
// the value a JSON Schema validator sees.
func jsonValue(t *testing.T, n *yaml.Node) any {
	t.Helper()
	switch n.Kind {
	case yaml.DocumentNode:
		return jsonValue(t, n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonValue(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, jsonValue(t, c))
		}
		return l
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		b, _ := strconv.ParseBool(n.Value)
		return b
	case "!!null":
		return nil
	}
	return n.Value
}

func compileSchema(t *testing.T, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSchemaAgreesWithCheck edits the shipped role and config the way
// people do and asks both the JSON Schema (through a real validator, as
// an editor would) and check: they must agree on everything the schema
// can express.
func TestSchemaAgreesWithCheck(t *testing.T) {
	type edit struct{ old, new string }
	tests := []struct {
		file  string
		edits []edit
		valid bool
	}{
		{"roles/sales-manager.yaml", nil, true},
		{"roles/sales-manager.yaml", []edit{{`version: "1.0"`, `version: "1.10"`}}, true},
		{"roles/sales-manager.yaml", []edit{{`version: "1.0"`, `version: 1.10`}}, false},
		{"roles/sales-manager.yaml", []edit{{`version: "1.0"`, `version: 2`}}, false},
		{"roles/sales-manager.yaml", []edit{{"effective: 2026-01-01", "effective: 2026-13-40"}}, false},
		{"roles/sales-manager.yaml", []edit{{"effective: 2026-01-01", "effective: 2026-1-1"}}, false},
		{"roles/sales-manager.yaml", []edit{{"effective: 2026-01-01", `effective: "2026-02-28"`}}, true},
		{"roles/sales-manager.yaml", []edit{{"category: specialist", "category: boss"}}, false},
		{"roles/sales-manager.yaml", []edit{{"  experience_years: 1", "  experience_years: 51"}}, false},
		{"roles/sales-manager.yaml", []edit{{"  experience_years: 1", "  experience_years: two"}}, false},
		{"roles/sales-manager.yaml", []edit{{"  education: bachelor", "  education: phd"}}, false},
		{"roles/sales-manager.yaml", []edit{{"title: Sales Manager", "title: 2026"}}, false},
		{"roles/sales-manager.yaml", []edit{{"title: Sales Manager", "titel: Sales Manager"}}, false},
		{"roles/sales-manager.yaml", []edit{{"  - id: negotiate", "  - id: Negotiate"}}, false},
		{"roles/sales-manager.yaml", []edit{{"    text: Holds commercial negotiations with customers.", "    text: Hi"}}, false},
		{"roles/sales-manager.yaml", []edit{{"approval:\n  by: general-director\n", ""}}, false},
		{"roles/sales-manager.yaml", []edit{{"  field: Business, economics, marketing or a field related to the products sold", "  field:"}}, true},
		{"roles/sales-manager.yaml", []edit{{"  by: general-director", "  by: general-director\n  name:\n  date:"}}, true},
		{"roles/sales-manager.yaml", []edit{{"  by: general-director", "  by:"}}, false},
		{"roledoc.yaml", nil, true},
		{"roledoc.yaml", []edit{{"page_size: A4", "page_size:"}}, true},
		{"roledoc.yaml", []edit{{"page_size: A4", "page_size: A5"}}, false},
		{"roledoc.yaml", []edit{{"languages: [en, id, nl, ar, tl]", "languages: [en, id, en]"}}, false},
	}
	roleSchema, configSchema := compileSchema(t, Schema()), compileSchema(t, ConfigSchema())
	for _, tc := range tests {
		name := tc.file
		for _, e := range tc.edits {
			name += " " + strings.TrimSpace(e.new)
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../../" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			for _, e := range tc.edits {
				if !strings.Contains(src, e.old) {
					t.Fatalf("%s lacks %q", tc.file, e.old)
				}
				src = strings.Replace(src, e.old, e.new, 1)
			}
			var node yaml.Node
			if err := yaml.Unmarshal([]byte(src), &node); err != nil {
				t.Fatal(err)
			}
			schema, load := roleSchema, func() int { _, ds := Load(tc.file, []byte(src)); return len(ds) }
			if tc.file == "roledoc.yaml" {
				schema, load = configSchema, func() int { _, ds := LoadConfig(tc.file, []byte(src)); return len(ds) }
			}
			schemaErr := schema.Validate(jsonValue(t, &node))
			checkErrs := load()
			if (schemaErr == nil) != tc.valid || (checkErrs == 0) != tc.valid {
				t.Errorf("want valid=%v; schema says %v, check found %d problems", tc.valid, schemaErr, checkErrs)
			}
		})
	}
}
