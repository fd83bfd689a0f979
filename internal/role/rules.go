package role

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
	"golang.org/x/text/language"
)

// Categories are the staff categories a role may belong to.
var Categories = []string{"manager", "specialist", "technical", "worker"}

// EducationLevels are the accepted minimum education levels, lowest first.
var EducationLevels = []string{"secondary", "vocational", "associate", "bachelor", "master", "doctorate"}

// PageSizes are the paper sizes roledoc.yaml may choose.
var PageSizes = []string{"A4", "Letter"}

// A fieldRule is one rule a struct field's validate tag can name. It holds
// everything about the rule: the test (nil for the validator's built-in
// tags), the diagnostic a failure raises and what the rule adds to the
// JSON Schema. A new rule is one value in fieldRules and its tag on a
// field; the validator, the messages and the schema all read it here.
type fieldRule struct {
	tag   string
	valid func(string) bool
	// report returns the code and the message of a failure.
	report func(f failure) (string, string)
	// schema adds the rule to the schema of the field.
	schema func(s map[string]any, f schemaField)
}

// A failure is one field that broke a rule, as people see it.
type failure struct {
	field string // humanPath of the field
	value string
	param string // the tag's parameter: 3 in min=3
	list  bool
	// dup is the repeated id and the line of its first use, for unique.
	dup     string
	dupLine int
}

// A schemaField is the field a rule describes in the schema.
type schemaField struct {
	param   string
	typ     string // the JSON type: string, integer or array
	structs bool   // an array of objects
}

// fieldRules is every validate tag the role and config structs use, except
// "dive" and "omitempty", which only steer the validator.
var fieldRules = []fieldRule{
	{
		tag: "required",
		report: func(f failure) (string, string) {
			if f.list {
				return diag.Required, fmt.Sprintf("%q needs at least one item; add a list of entries with id and text", f.field)
			}
			return diag.Required, fmt.Sprintf("%q is required; add it", f.field)
		},
		schema: func(s map[string]any, f schemaField) {
			switch f.typ {
			case "array":
				s["minItems"] = 1
			case "string":
				s["minLength"] = 1
			}
		},
	},
	{
		tag: "min",
		report: func(f failure) (string, string) {
			if f.list {
				return diag.TooFew, fmt.Sprintf("%q needs at least %s items", f.field, f.param)
			}
			return diag.TooShort, fmt.Sprintf("%q is too short; write at least %s characters", f.field, f.param)
		},
		schema: func(s map[string]any, f schemaField) { s[lengthKey("min", f.typ)] = atoi(f.param) },
	},
	{
		tag: "max",
		report: func(f failure) (string, string) {
			if f.list {
				return diag.TooMany, fmt.Sprintf("%q has more than %s items; split the role or shorten the list", f.field, f.param)
			}
			return diag.TooLong, fmt.Sprintf("%q is longer than %s characters; shorten it", f.field, f.param)
		},
		schema: func(s map[string]any, f schemaField) { s[lengthKey("max", f.typ)] = atoi(f.param) },
	},
	{
		tag: "gte",
		report: func(f failure) (string, string) {
			return diag.OutOfRange, fmt.Sprintf("%s must be at least %s, not %s", f.field, f.param, f.value)
		},
		schema: func(s map[string]any, f schemaField) { s["minimum"] = atoi(f.param) },
	},
	{
		tag: "lte",
		report: func(f failure) (string, string) {
			return diag.OutOfRange, fmt.Sprintf("%s must be at most %s, not %s", f.field, f.param, f.value)
		},
		schema: func(s map[string]any, f schemaField) { s["maximum"] = atoi(f.param) },
	},
	{
		tag: "unique",
		report: func(f failure) (string, string) {
			if f.dup == "" {
				return diag.DuplicateID, fmt.Sprintf("%s lists a value twice; list each once", f.field)
			}
			return diag.DuplicateID, fmt.Sprintf("%s: %q is already listed on line %d; give each entry its own id", f.field, f.dup, f.dupLine)
		},
		// JSON Schema cannot say "unique by id", only "unique as a whole".
		schema: func(s map[string]any, f schemaField) {
			if !f.structs {
				s["uniqueItems"] = true
			}
		},
	},
	{
		tag: "datetime",
		report: func(f failure) (string, string) {
			return diag.InvalidDate, fmt.Sprintf("%s %q is not a valid date; write it as YYYY-MM-DD, like 2026-01-31", f.field, f.value)
		},
		// The pattern cannot know month lengths; it refuses month 13 and
		// day 40, and format asks editors that check formats for the rest.
		schema: func(s map[string]any, f schemaField) {
			s["pattern"] = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
			s["format"] = "date"
		},
	},
	{
		tag:   "slug",
		valid: ValidID,
		report: func(f failure) (string, string) {
			if len(f.value) > MaxIDLength {
				// Too long to repeat.
				return diag.InvalidID, fmt.Sprintf("%s %s", f.field, IDProblem(f.value))
			}
			return diag.InvalidID, fmt.Sprintf("%s %q %s", f.field, f.value, IDProblem(f.value))
		},
		schema: func(s map[string]any, f schemaField) {
			s["pattern"] = slugRE.String()
			s["maxLength"] = MaxIDLength
		},
	},
	{
		tag:   "version",
		valid: versionRE.MatchString,
		report: func(f failure) (string, string) {
			return diag.InvalidVersion, fmt.Sprintf("version %q should look like 1.0 or 2026.1 (letters, digits, dots, hyphens)", f.value)
		},
		schema: func(s map[string]any, f schemaField) { s["pattern"] = versionRE.String() },
	},
	{
		tag:   "text",
		valid: validText,
		report: func(f failure) (string, string) {
			switch code, what := textProblem(f.value); code {
			case diag.BidiControl, diag.InvisibleText:
				return code, fmt.Sprintf("%s %s", f.field, what)
			case diag.InvalidText:
				return code, fmt.Sprintf("%s %s; write plain text", f.field, what)
			}
			return diag.InvalidText, fmt.Sprintf("%s is blank or contains control characters; write plain text", f.field)
		},
		// Control characters are refused by check; a pattern for them
		// would only confuse editors' messages.
		schema: func(s map[string]any, f schemaField) {},
	},
	{
		tag: "langtag",
		valid: func(s string) bool {
			_, err := language.Parse(s)
			return err == nil
		},
		report: func(f failure) (string, string) {
			return diag.InvalidLanguage, fmt.Sprintf("%q is not a language tag; use BCP 47 tags like en, id, nl, ar, tl", f.value)
		},
		schema: func(s map[string]any, f schemaField) {},
	},
	{
		tag:   "digest",
		valid: digestRE.MatchString,
		report: func(f failure) (string, string) {
			return diag.InvalidDigest, fmt.Sprintf("%s is not a content digest; let roledoc approve write it", f.field)
		},
		schema: func(s map[string]any, f schemaField) { s["pattern"] = digestRE.String() },
	},
	enum("category", Categories),
	enum("education", EducationLevels),
	enum("pagesize", PageSizes),
}

// enum is a rule that allows one of a fixed list of values.
func enum(tag string, values []string) fieldRule {
	return fieldRule{
		tag:   tag,
		valid: func(s string) bool { return slices.Contains(values, s) },
		report: func(f failure) (string, string) {
			return diag.InvalidValue, fmt.Sprintf("%s %q is not allowed; use one of: %s", f.field, f.value, strings.Join(values, ", "))
		},
		schema: func(s map[string]any, f schemaField) { s["enum"] = values },
	}
}

func lengthKey(bound, typ string) string {
	if typ == "array" {
		return bound + "Items"
	}
	return bound + "Length"
}

func ruleFor(tag string) (fieldRule, bool) {
	i := slices.IndexFunc(fieldRules, func(r fieldRule) bool { return r.tag == tag })
	if i < 0 {
		return fieldRule{}, false
	}
	return fieldRules[i], true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
