package role

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-playground/validator/v10"
	"github.com/roledoc/roledoc/internal/diag"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

var (
	slugRE    = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	versionRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.\-]*$`)
	// Ids become file names; these are refused by Windows whatever the
	// extension, so an HR team on Windows could not check such a file out.
	reservedIDs = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
)

// MaxIDLength bounds ids, which become file names and catalog keys.
const MaxIDLength = 64

// ValidID reports whether s can be a role, item or position id: a lowercase
// slug that is safe as a file name on every system.
func ValidID(s string) bool {
	if len(s) > MaxIDLength || !slugRE.MatchString(s) || reservedIDs[s] {
		return false
	}
	if len(s) == 4 && (strings.HasPrefix(s, "com") || strings.HasPrefix(s, "lpt")) && s[3] >= '0' && s[3] <= '9' {
		return false
	}
	return true
}

// validate is shared: validator caches struct metadata and is safe for
// concurrent use.
var validate = func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(v.RegisterValidation("slug", func(fl validator.FieldLevel) bool { return ValidID(fl.Field().String()) }))
	must(v.RegisterValidation("version", func(fl validator.FieldLevel) bool { return versionRE.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("digest", func(fl validator.FieldLevel) bool { return digestRE.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("text", func(fl validator.FieldLevel) bool { return validText(fl.Field().String()) }))
	must(v.RegisterValidation("langtag", func(fl validator.FieldLevel) bool {
		_, err := language.Parse(fl.Field().String())
		return err == nil
	}))
	return v
}()

// validText rejects text that is blank or holds control characters other
// than line breaks and tabs. Markup is allowed: renderers escape it.
func validText(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return false
		}
	}
	return true
}

// validateStruct runs the struct rules and maps each failure back to the
// YAML node it came from. A value already reported by the decoder (a list
// where text belongs) is not reported again.
func validateStruct(file string, root *yaml.Node, v any, prior []diag.Diagnostic) []diag.Diagnostic {
	err := validate.Struct(v)
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return nil
	}
	reported := map[diag.Pos]bool{}
	for _, d := range prior {
		reported[d.Pos] = true
	}
	var ds []diag.Diagnostic
	for _, fe := range verrs {
		// Namespace is "Role.duties[2].text"; drop the type name.
		_, p, _ := strings.Cut(fe.Namespace(), ".")
		pos := nodePos(file, root, p)
		if _, found := find(root, p); found && reported[pos] {
			continue
		}
		if fe.Tag() == "unique" {
			pos = duplicatePos(file, root, p)
		}
		code, msg := describe(fe, p)
		ds = append(ds, diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: code, Message: msg})
	}
	return ds
}

// duplicatePos finds the second item of a list whose id repeats an earlier
// one.
func duplicatePos(file string, root *yaml.Node, p string) diag.Pos {
	list := lookup(root, p)
	seen := map[string]bool{}
	if list != nil && list.Kind == yaml.SequenceNode {
		for _, item := range list.Content {
			id := lookup(item, "id")
			if id == nil || id == item {
				continue
			}
			if seen[id.Value] {
				return diag.Pos{File: file, Line: id.Line, Col: id.Column}
			}
			seen[id.Value] = true
		}
	}
	return nodePos(file, root, p)
}

// humanPath spells a validator path for people: duties[2].text becomes
// "duties item 3: text", counting items from 1 as the page does.
func humanPath(p string) string {
	segs := splitPath(p)
	var b strings.Builder
	for i, seg := range segs {
		if n, err := strconv.Atoi(seg); err == nil {
			fmt.Fprintf(&b, " item %d", n+1)
			if i < len(segs)-1 {
				b.WriteString(":")
			}
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), ":") {
			b.WriteString(".")
		} else if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(seg)
	}
	return b.String()
}

// describe turns a validator failure into a stable code and a message that
// says, in plain words, how to fix it.
func describe(fe validator.FieldError, p string) (string, string) {
	field := humanPath(p)
	isList := fe.Kind() == reflect.Slice
	val := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required":
		if isList {
			return "required", fmt.Sprintf("%q needs at least one item; add a list of entries with id and text", field)
		}
		return "required", fmt.Sprintf("%q is required; add it", field)
	case "min":
		if isList {
			return "too-few", fmt.Sprintf("%q needs at least %s items", field, fe.Param())
		}
		return "too-short", fmt.Sprintf("%q is too short; write at least %s characters", field, fe.Param())
	case "max":
		if isList {
			return "too-many", fmt.Sprintf("%q has more than %s items; split the role or shorten the list", field, fe.Param())
		}
		return "too-long", fmt.Sprintf("%q is longer than %s characters; shorten it", field, fe.Param())
	case "oneof":
		return "invalid-value", fmt.Sprintf("%s %q is not allowed; use one of: %s", field, val, strings.ReplaceAll(fe.Param(), " ", ", "))
	case "slug":
		if len(val) > MaxIDLength {
			return "invalid-id", fmt.Sprintf("%s is longer than %d characters; shorten it", field, MaxIDLength)
		}
		if slugRE.MatchString(val) {
			return "invalid-id", fmt.Sprintf("%s %q is a reserved device name on Windows and cannot be a file name; choose another", field, val)
		}
		return "invalid-id", fmt.Sprintf("%s %q is not a valid id; use lowercase letters, digits and single hyphens, like \"sales-manager\"", field, val)
	case "datetime":
		return "invalid-date", fmt.Sprintf("%s %q is not a valid date; write it as YYYY-MM-DD, like 2026-01-31", field, val)
	case "gte", "lte":
		return "out-of-range", fmt.Sprintf("%s must be a whole number from 0 to 50, not %s", field, val)
	case "unique":
		switch field {
		case "languages":
			return "duplicate-id", "a language is listed twice; list each once"
		case "history":
			return "duplicate-version", "a version appears twice in the history; give each revision one entry"
		}
		return "duplicate-id", fmt.Sprintf("item id repeats an earlier one in %q; ids must be unique within a section", field)
	case "text":
		return "invalid-text", fmt.Sprintf("%s is blank or contains control characters; write plain text", field)
	case "version":
		return "invalid-version", fmt.Sprintf("version %q should look like 1.0 or 2026.1 (letters, digits, dots, hyphens)", val)
	case "digest":
		return "invalid-digest", fmt.Sprintf("%s is not a content digest; let roledoc approve write it", field)
	case "langtag":
		return "invalid-language", fmt.Sprintf("%q is not a language tag; use BCP 47 tags like en, id, nl, ar, tl", val)
	}
	return fe.Tag(), fmt.Sprintf("%s fails the %q rule", field, fe.Tag())
}
