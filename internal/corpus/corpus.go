// Package corpus owns the synthetic project used to measure roledoc at
// scale: any number of roles of realistic length, with complete catalogs
// in every language, built from the shipped roles' real sentences.
package corpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/role"
	"gopkg.in/yaml.v3"
)

// Generate writes a project with n roles to dir: roledoc.yaml, roles/ and
// locales/. The same n and seed give the same files.
func Generate(dir string, n int, seed uint64) error {
	shipped, cats, err := load()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 42))
	cfgData, err := fs.ReadFile(roledoc.Defaults, role.ConfigFile)
	if err != nil {
		return err
	}
	if err := write(filepath.Join(dir, role.ConfigFile), cfgData); err != nil {
		return err
	}

	// Pools of real sentences per section, with their translations.
	type sentence struct{ en, key string }
	pools := map[string][]sentence{}
	for _, r := range shipped.Roles {
		for _, s := range r.Sections() {
			for _, it := range s.Items {
				pools[s.Key] = append(pools[s.Key], sentence{it.Text, catalog.RoleKey(r.ID, s.Key, it.ID)})
			}
		}
	}
	counts := map[string][2]int{ // min, max items
		"requirements.other": {2, 3}, "knowledge": {4, 6}, "guided_by": {3, 4},
		"duties": {10, 15}, "rights": {5, 7}, "responsibilities": {5, 6}, "criteria": {5, 6},
	}
	trans := map[string]map[string]string{} // lang -> key -> text
	for tag := range cats {
		trans[tag] = map[string]string{}
	}
	translate := func(newKey, oldKey string) {
		for tag, c := range cats {
			if t := c.Msgs[oldKey]; t != nil {
				trans[tag][newKey] = t.Msg.Other
			}
		}
	}
	var roles []*role.Role
	for i := range n {
		base := shipped.Roles[i%len(shipped.Roles)]
		id := fmt.Sprintf("role-%04d", i+1)
		r := &role.Role{
			ID: id, Title: fmt.Sprintf("%s %d", base.Title, i+1), Department: base.Department,
			Category: base.Category, Version: "1.0", Effective: "2026-01-01",
			ReportsTo: "general-director", AppointedBy: "general-director",
			Substitute: fmt.Sprintf("role-%04d", (i+1)%n+1), Approval: role.Approval{By: "general-director"},
			Requirements: role.Requirements{Education: base.Requirements.Education, Field: base.Requirements.Field, ExperienceYears: base.Requirements.ExperienceYears},
		}
		if i > 0 {
			r.ReportsTo = fmt.Sprintf("role-%04d", i/8+1)
			r.AppointedBy = r.ReportsTo
		}
		if r.Substitute == id {
			r.Substitute = "general-director"
		}
		titleKey := catalog.RoleKey(base.ID, "title")
		for tag, c := range cats {
			trans[tag][catalog.RoleKey(id, "title")] = fmt.Sprintf("%s %d", c.Msgs[titleKey].Msg.Other, i+1)
		}
		translate(catalog.RoleKey(id, "requirements", "field"), catalog.RoleKey(base.ID, "requirements", "field"))
		pick := func(section string) []role.Item {
			pool := pools[section]
			lo, hi := counts[section][0], counts[section][1]
			k := lo + rng.IntN(hi-lo+1)
			var items []role.Item
			for j, p := range rng.Perm(len(pool))[:min(k, len(pool))] {
				itemID := fmt.Sprintf("%s-%d", strings.ReplaceAll(strings.ReplaceAll(section, ".", "-"), "_", "-"), j+1)
				items = append(items, role.Item{ID: itemID, Text: pool[p].en})
				translate(catalog.RoleKey(id, section, itemID), pool[p].key)
			}
			return items
		}
		r.Requirements.Other = pick("requirements.other")
		r.Knowledge = pick("knowledge")
		r.GuidedBy = pick("guided_by")
		r.Duties = pick("duties")
		r.Rights = pick("rights")
		r.Responsibilities = pick("responsibilities")
		for _, it := range pick("criteria") {
			r.Criteria = append(r.Criteria, role.Criterion{ID: it.ID, Text: it.Text})
		}
		roles = append(roles, r)
		data, err := yaml.Marshal(r)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(dir, "roles", id+".yaml"), data); err != nil {
			return err
		}
	}

	// Catalogs: the shipped interface text, the generated role text, with
	// source hashes recorded as 'roledoc i18n merge' would.
	cfg, _ := role.LoadConfig(role.ConfigFile, cfgData)
	set, ds := role.NewSet(cfg, roles)
	if len(ds) > 0 {
		return fmt.Errorf("generated project is invalid: %v", ds[0])
	}
	src := catalog.SourceMessages(set)
	for tag, c := range cats {
		out := &catalog.Catalog{Lang: c.Lang, Dir: c.Dir, Msgs: map[string]*catalog.Translation{}}
		for id, t := range c.Msgs {
			if catalog.FileFor(id) == catalog.UIFile {
				out.Msgs[id] = t
			}
		}
		for key, text := range trans[tag] {
			out.Msgs[key] = &catalog.Translation{Msg: &i18n.Message{ID: key, Other: text}}
		}
		for name, data := range catalog.Merged(src, out) {
			if err := write(filepath.Join(dir, "locales", tag, name), data); err != nil {
				return err
			}
		}
		// The glossaries come along: they let a translation keep an
		// English term (Tagalog's job titles) and are part of what check
		// costs on a real project.
		if data, err := fs.ReadFile(roledoc.Defaults, "locales/"+tag+"/glossary.yaml"); err == nil {
			if err := write(filepath.Join(dir, "locales", tag, "glossary.yaml"), data); err != nil {
				return err
			}
		}
	}
	for name, data := range catalog.Extract(src) {
		if err := write(filepath.Join(dir, "locales", locale.Source, name), data); err != nil {
			return err
		}
	}
	return nil
}

func load() (*role.Set, map[string]*catalog.Catalog, error) {
	cfgData, err := fs.ReadFile(roledoc.Defaults, role.ConfigFile)
	if err != nil {
		return nil, nil, err
	}
	cfg, _ := role.LoadConfig(role.ConfigFile, cfgData)
	roles, _ := role.LoadFS(roledoc.Defaults, "roles", "roles")
	set, _ := role.NewSet(cfg, roles)
	cats, ds := catalog.LoadCatalogs(roledoc.Defaults, "locales", "locales")
	if len(ds) > 0 {
		return nil, nil, fmt.Errorf("shipped catalogs: %v", ds[0])
	}
	return set, cats, nil
}

func write(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
