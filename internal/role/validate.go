package role

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/glyphs"
	"github.com/roledoc/roledoc/internal/text/invisible"
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

// IDProblem says why s cannot be an id, after the id itself ("con" is a
// reserved device name...), or "" when it can.
func IDProblem(s string) string {
	switch {
	case ValidID(s):
		return ""
	case len(s) > MaxIDLength:
		return fmt.Sprintf("is longer than %d characters; shorten it", MaxIDLength)
	case slugRE.MatchString(s):
		return "is a reserved device name on Windows and cannot be a file name; choose another"
	}
	return `is not a valid id; use lowercase letters, digits and single hyphens, like "sales-manager"`
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
	for _, r := range fieldRules {
		if r.valid == nil {
			continue
		}
		valid := r.valid
		if err := v.RegisterValidation(r.tag, func(fl validator.FieldLevel) bool { return valid(fl.Field().String()) }); err != nil {
			panic(err)
		}
	}
	return v
}()

// validText rejects text that is blank or holds control characters other
// than line breaks and tabs. Markup is allowed: renderers escape it.
func validText(s string) bool {
	code, _ := textProblem(s)
	return code == ""
}

// textProblem says what is wrong with a text, if anything: invisible, a
// bidi control that would make the HTML and the PDF read differently, or
// a control character.
func textProblem(s string) (code, what string) {
	if invisible.Blank(s) {
		if strings.TrimSpace(s) == "" {
			return diag.InvalidText, "is blank"
		}
		return diag.InvisibleText, "holds only invisible characters (zero-width or ideographic spaces, joiners)"
	}
	if r, off, ok := invisible.Control(s); ok {
		return diag.BidiControl, fmt.Sprintf("contains %s at character %d, which shows the text after it in another order than it is stored; remove it (U+200E and U+200F marks are allowed)",
			glyphs.Describe(r), utf8.RuneCountInString(s[:off])+1)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return diag.InvalidText, "contains control characters"
		}
	}
	return "", ""
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
	missing := map[string]bool{} // blocks already reported as missing
	for _, fe := range verrs {
		// Namespace is "Role.duties[2].text"; drop the type name.
		_, p, _ := strings.Cut(fe.Namespace(), ".")
		pos := nodePos(file, root, p)
		if _, found := find(root, p); found && reported[pos] {
			continue
		}
		if block := missingBlock(root, p); block != "" {
			// One error for a missing approval: block, not one per field
			// in it, placed where the block belongs.
			if !missing[block] {
				missing[block] = true
				ds = append(ds, missingBlockError(file, root, v, block))
			}
			continue
		}
		f := failure{field: humanPath(p), value: fmt.Sprint(fe.Value()), param: fe.Param(), list: fe.Kind() == reflect.Slice}
		if fe.Tag() == "unique" {
			pos, f.dup, f.dupLine = duplicate(file, root, p)
		}
		code, msg := describe(fe.Tag(), f)
		ds = append(ds, diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: code, Message: msg})
	}
	return ds
}

// missingBlock returns the path of the mapping that holds p when that
// mapping itself is absent (approval for approval.by), or "".
func missingBlock(root *yaml.Node, p string) string {
	segs := splitPath(p)
	for i := 1; i < len(segs); i++ {
		block := strings.Join(segs[:i], ".")
		if _, found := find(root, block); !found {
			return block
		}
	}
	return ""
}

// missingBlockError reports a missing block at the end of the file, where
// it is added, naming the fields it needs.
func missingBlockError(file string, root *yaml.Node, v any, block string) diag.Diagnostic {
	var need []string
	if t, ok := fieldType(reflect.TypeOf(v), splitPath(block)); ok && t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			f := t.Field(i)
			if slices.Contains(rulesOf(f.Tag.Get("validate")), "required") {
				name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				need = append(need, name+":")
			}
		}
	}
	end := lastLine(root)
	return diag.Errorf(diag.Pos{File: file, Line: end, Col: 1}, diag.Required,
		"%q is missing; add at the end of the file a line %q with %s indented below it", block, block+":", strings.Join(need, ", "))
}

// fieldType follows YAML keys through struct types.
func fieldType(t reflect.Type, keys []string) (reflect.Type, bool) {
	for _, k := range keys {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		ft, ok := fieldsOf(t).types[k]
		if !ok {
			return nil, false
		}
		t = ft
	}
	return t, true
}

// lastLine is the line of the last node in the tree: the end of the file,
// give or take the lines of a block scalar.
func lastLine(n *yaml.Node) int {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n.Line
}

// duplicate finds the second item of a list whose id repeats an earlier
// one, and returns its position, the id and the line of the first.
func duplicate(file string, root *yaml.Node, p string) (diag.Pos, string, int) {
	list := lookup(root, p)
	seen := map[string]int{}
	if list != nil && list.Kind == yaml.SequenceNode {
		for _, item := range list.Content {
			id := item // a list of strings, such as languages
			if item.Kind == yaml.MappingNode {
				if id = lookup(item, "id"); id == item {
					continue
				}
			}
			if line, ok := seen[id.Value]; ok {
				return diag.Pos{File: file, Line: id.Line, Col: id.Column}, id.Value, line
			}
			seen[id.Value] = id.Line
		}
	}
	return nodePos(file, root, p), "", 0
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
func describe(tag string, f failure) (string, string) {
	if r, ok := ruleFor(tag); ok {
		return r.report(f)
	}
	// TestEveryTagHasARule keeps this unreachable.
	return diag.InvalidValue, fmt.Sprintf("%s fails the %q rule", f.field, tag)
}
