package localize

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/role"
)

// The fingerprint of a document changes exactly when the document does:
// for every field of the role (found by reflection, so a new field is
// covered without editing this test), every message of every catalog, and
// the values of roledoc.yaml. A fingerprint that misses an input would let
// a build keep a stale document; one that takes in more than the document
// reads would re-render for nothing.
func TestFingerprintFollowsTheDocument(t *testing.T) {
	const id = "sales-manager"
	cfgData, err := os.ReadFile("../../roledoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, cats := shipped(t)
	type output struct {
		fp  string
		doc *doc.Document
	}
	// outputs makes the role's document and fingerprint in each language.
	load := func(cfg []byte) *role.Set {
		c, ds := role.LoadConfig("roledoc.yaml", cfg)
		if c == nil {
			t.Fatalf("config: %v\n%s", ds, cfg)
		}
		roles, rds := role.LoadFS(os.DirFS("../../roles"), ".", "roles")
		set, sds := role.NewSet(c, roles)
		if len(slices.Concat(ds, rds, sds)) > 0 {
			t.Fatal(ds, rds, sds)
		}
		return set
	}
	shippedSet := load(cfgData)
	outputs := func(set *role.Set) map[string]output {
		l := New(set, texts(cats))
		r, _ := set.Role(id)
		out := map[string]output{}
		fps := l.Fingerprints(r, locale.Languages)
		for i, lang := range locale.Languages {
			d, _ := l.Document(r, lang)
			out[lang.Tag] = output{fps[i], d}
		}
		return out
	}
	// render localizes after mutate has changed a fresh copy of the inputs.
	render := func(cfg []byte, mutate func(set *role.Set)) map[string]output {
		set := load(cfg)
		mutate(set)
		return outputs(set)
	}
	base := outputs(shippedSet)
	changed := map[string]int{} // per language: how many mutations changed the document
	compare := func(what string, got map[string]output) {
		t.Helper()
		for tag, b := range base {
			g := got[tag]
			docChanged := !sameDocument(b.doc, g.doc)
			if fpChanged := g.fp != b.fp; fpChanged != docChanged {
				t.Errorf("%s, %s: document changed %v, fingerprint changed %v", what, tag, docChanged, fpChanged)
			}
			if docChanged {
				changed[tag]++
			}
		}
	}

	// Every field of the role, and of another role it refers to or not.
	for _, other := range []string{id, "head-of-sales", "account-manager"} {
		r0 := shippedRole(t, other)
		for _, path := range leaves(reflect.ValueOf(r0).Elem(), "") {
			compare(other+" "+path, render(cfgData, func(set *role.Set) {
				r, _ := set.Role(other)
				mutateLeaf(reflect.ValueOf(r).Elem(), path)
			}))
		}
	}
	if changed["en"] == 0 || changed["nl"] == 0 {
		t.Fatalf("no mutation changed a document: %v", changed)
	}

	// Every message of every language.
	for _, c := range cats {
		for msgID, tr := range c.Msgs {
			old := *tr.Msg
			tr.Msg.Other += " (edited)"
			tr.Msg.One += " (edited)"
			compare(c.Lang.Tag+" "+msgID, outputs(shippedSet))
			*tr.Msg = old
		}
	}

	// The values of roledoc.yaml.
	for _, re := range []string{`organization: .*`, `title: Sales Department`, `title: General Director`, `languages: \[en, id, nl, ar`} {
		edited := regexp.MustCompile(re).ReplaceAllFunc(cfgData, func(b []byte) []byte { return append(slices.Clone(b), 'x') })
		if re == `page_size: A4` {
			edited = regexp.MustCompile(re).ReplaceAll(cfgData, []byte("page_size: Letter"))
		}
		compare("roledoc.yaml "+re, outputs(load(edited)))
	}
}

// shippedRole loads one shipped role, to list its fields.
func shippedRole(t *testing.T, id string) *role.Role {
	t.Helper()
	roles, _ := role.LoadFS(os.DirFS("../../roles"), ".", "roles")
	i := slices.IndexFunc(roles, func(r *role.Role) bool { return r.ID == id })
	if i < 0 {
		t.Fatalf("no role %s", id)
	}
	return roles[i]
}

// sameDocument compares two documents, their footers included.
func sameDocument(a, b *doc.Document) bool {
	if a.PageOf(2, 3) != b.PageOf(2, 3) {
		return false
	}
	x, y := *a, *b
	x.PageOf, y.PageOf = nil, nil
	return reflect.DeepEqual(x, y)
}

// leaves lists the paths of a struct's exported values that a role file
// sets: strings, numbers and list items, and each list as a whole.
func leaves(v reflect.Value, prefix string) []string {
	var out []string
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() && f.Tag.Get("yaml") != "-" {
				out = append(out, leaves(v.Field(i), prefix+"."+f.Name)...)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			break // optional and unset in the shipped roles, such as history
		}
		out = append(out, prefix+"[]")
		for i := range v.Len() {
			out = append(out, leaves(v.Index(i), fmt.Sprintf("%s[%d]", prefix, i))...)
		}
	case reflect.Pointer:
		out = append(out, prefix)
	case reflect.String:
		out = append(out, prefix)
	}
	return out
}

// mutateLeaf changes the value at a path from leaves: text gets a suffix,
// a number grows, a flag is set or flipped, a list loses its last item.
func mutateLeaf(v reflect.Value, path string) {
	re := regexp.MustCompile(`\.(\w+)|\[(\d*)\]`)
	for _, m := range re.FindAllStringSubmatch(path, -1) {
		switch {
		case m[1] != "":
			v = v.FieldByName(m[1])
		case m[2] == "":
			v.Set(v.Slice(0, v.Len()-1))
			return
		default:
			var i int
			fmt.Sscan(m[2], &i)
			v = v.Index(i)
		}
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Pointer:
		// A new value, unset or changed: false becomes true, a number grows.
		n := reflect.New(v.Type().Elem())
		if !v.IsNil() {
			n.Elem().Set(v.Elem())
		}
		switch e := n.Elem(); e.Kind() {
		case reflect.Bool:
			e.SetBool(v.IsNil() || !e.Bool())
		case reflect.Int:
			e.SetInt(e.Int() + 1)
		}
		v.Set(n)
	}
}
