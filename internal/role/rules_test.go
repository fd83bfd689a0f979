package role

import (
	"reflect"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/diag"
)

// TestEveryTagHasARule walks the validate tags of the role and config
// structs: each names a rule in fieldRules, so the validator, the messages
// and the schema all know it.
func TestEveryTagHasARule(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t2 reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			for _, r := range strings.Split(f.Tag.Get("validate"), ",") {
				name, _, _ := strings.Cut(r, "=")
				if name == "" || name == "dive" || name == "omitempty" {
					continue
				}
				if _, ok := ruleFor(name); !ok {
					t.Errorf("%s.%s: tag %q has no rule in fieldRules", typ.Name(), f.Name, name)
				}
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Role{}))
	walk(reflect.TypeOf(Config{}))
	if len(seen) < 5 {
		t.Fatalf("walked only %d structs", len(seen))
	}
}

// Every rule reports a code from the diag table and a message that names
// the field.
func TestRulesReport(t *testing.T) {
	for _, r := range fieldRules {
		for _, list := range []bool{false, true} {
			code, msg := r.report(failure{field: "duties", value: "x", param: "3", list: list})
			if _, ok := diag.RuleFor(code); !ok {
				t.Errorf("%s: code %q is not in diag.Rules", r.tag, code)
			}
			if msg == "" {
				t.Errorf("%s: empty message", r.tag)
			}
		}
	}
}
