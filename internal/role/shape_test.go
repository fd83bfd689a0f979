package role

import (
	"reflect"
	"testing"
)

// TestShapeCoversEveryField changes each field of a role in turn: a
// change to translatable text must leave Shape alone, and any other
// change must alter it. A field added to the model without a thought for
// Shape fails here, before it makes incremental builds skip a changed
// document.
func TestShapeCoversEveryField(t *testing.T) {
	text := map[string]bool{"Title": true, "Field": true, "Text": true, "Target": true, "Summary": true}
	visitFields(t, sampleRole, func(path string, r *Role, want *Role) {
		name := path[lastDot(path)+1:]
		isText := text[name]
		got := r.Shape()
		if isText && got != want.Shape() {
			t.Errorf("changing text %s changed Shape", path)
		}
		if !isText && got == want.Shape() {
			t.Errorf("changing %s did not change Shape", path)
		}
	})
}

// sampleRole sets every field of the model.
func sampleRole() *Role {
	seven := 7
	return &Role{
		ID: "a", Title: "T", Department: "d", Category: "manager", Version: "1", Effective: "2026-01-01",
		ReportsTo: "b", AppointedBy: "c", Substitute: "e",
		Requirements: Requirements{Education: "bachelor", Field: "F", ExperienceYears: &seven, Other: []Item{{"o", "O"}}},
		Knowledge:    []Item{{"k", "K"}}, GuidedBy: []Item{{"g", "G"}}, Duties: []Item{{"d1", "D"}},
		Rights: []Item{{"r", "R"}}, Responsibilities: []Item{{"s", "S"}},
		Criteria: []Criterion{{ID: "c1", Text: "C", Target: "x"}},
		Approval: Approval{By: "b", Name: "N", Date: "2026-02-01", Records: []Record{{Name: "A", Date: "2026-02-02", Version: "1", Digest: "sha256:0"}}},
		History:  []Revision{{Version: "1", Date: "2026-01-01", Summary: "S"}},
	}
}

// visitFields calls check once per string or int field of the model, with
// a role made by base where that field (in every list element) changed.
func visitFields(t *testing.T, base func() *Role, check func(path string, changed, orig *Role)) {
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				visit(v.Elem(), path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if f.IsExported() && f.Name != "File" && f.Name != "Digest" {
					visit(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i), path)
			}
		case reflect.String, reflect.Int:
			t.Run(path, func(t *testing.T) {
				r := base()
				changeAt(reflect.ValueOf(r).Elem(), path)
				check(path, r, base())
			})
		}
	}
	visit(reflect.ValueOf(base()).Elem(), "")
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

// changeAt alters every string or int reached by path (all slice
// elements).
func changeAt(v reflect.Value, path string) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if path == "" {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "-changed")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		}
		return
	}
	name, rest := path[1:], ""
	for i := 1; i < len(path); i++ {
		if path[i] == '.' {
			name, rest = path[1:i], path[i:]
			break
		}
	}
	switch v.Kind() {
	case reflect.Slice:
		for i := range v.Len() {
			changeAt(v.Index(i), path)
		}
	case reflect.Struct:
		changeAt(v.FieldByName(name), rest)
	}
}
