package cli

import (
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/change"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/snapshot"
)

// baseProject opens another version of p to compare with: a git revision
// of the repository p lives in, or a directory holding a copy. Of a
// revision, only the inputs given are read.
func baseProject(env *Env, p *project.Project, base string, inputs ...project.Source) (*project.Project, error) {
	if p.Roles.Embedded {
		return nil, usageErr("no roles/ directory here to compare with %s; run in a project directory or pass --roles", base)
	}
	fsys, err := snapshot.Open(env.Dir, base, project.Paths(inputs...)...)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return p.At(fsys), nil
}

// roles loads a project's roles, whatever their problems: a comparison
// takes what can be read, and check reports the rest.
func roles(p *project.Project) []*role.Role {
	rs, _ := role.LoadFS(p.Roles.FS, p.Roles.Root, p.Roles.Shown)
	return rs
}

// versionChecks compares the roles with those of base.
func versionChecks(env *Env, p *project.Project, base string) ([]diag.Diagnostic, error) {
	// Versions need the roles alone, not the catalogs, which are most of
	// a project's bytes.
	b, err := baseProject(env, p, base, p.Roles)
	if err != nil {
		return nil, err
	}
	return change.CheckVersions(roles(b), roles(p)), nil
}

// version loads one side of a comparison: roles and translations, the
// catalogs read lean (text only), which halves a diff's memory at a
// thousand roles.
func version(p *project.Project) change.Version {
	cats, _ := catalog.LoadTexts(p.Locales.FS, p.Locales.Root, p.Locales.Shown)
	return change.Version{
		Roles: roles(p),
		Texts: func(lang, key string) (string, bool) {
			c, ok := cats[lang]
			if !ok {
				return "", false
			}
			text, ok := c.Text[key]
			return text, ok && text != ""
		},
	}
}

// catalogKey is the catalog key of a role's message at a change path.
func catalogKey(roleID, path string) string { return catalog.RoleKey(roleID, path) }
