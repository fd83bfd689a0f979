package role

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/yamlsrc"
	"golang.org/x/sync/errgroup"
)

// Set is a project's configuration and roles, loaded and checked together.
type Set struct {
	Config *Config
	Roles  []*Role // sorted by id
	byID   map[string]*Role
	// unreadable are ids of role files that failed to load.
	unreadable []string
}

// Role returns the role with the given id.
func (s *Set) Role(id string) (*Role, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// Forget drops the YAML trees kept for positions, about 50 KB a role.
// A build calls it once everything is checked; diagnostics raised after
// it point at the start of a role's file.
func (s *Set) Forget() {
	for _, r := range s.Roles {
		r.root = nil
	}
}

// NewSet checks what only a whole project can show, running setRules:
// references to roles, positions and departments, duplicate ids and
// reporting cycles. Roles with a duplicate id are left out of the set.
// unreadable names roles whose files exist but could not be loaded
// (Unreadable): references to them are not reported again, since their
// own file already has an error.
func NewSet(cfg *Config, roles []*Role, unreadable ...string) (*Set, []diag.Diagnostic) {
	s := &Set{Config: cfg, byID: map[string]*Role{}, unreadable: unreadable}
	files := slices.Clone(roles)
	slices.SortFunc(files, func(a, b *Role) int { return strings.Compare(a.File, b.File) })
	for _, r := range files {
		if _, dup := s.byID[r.ID]; r.ID == "" || dup {
			continue
		}
		s.byID[r.ID] = r
		s.Roles = append(s.Roles, r)
	}
	slices.SortFunc(s.Roles, func(a, b *Role) int { return strings.Compare(a.ID, b.ID) })
	var ds []diag.Diagnostic
	for _, rule := range setRules {
		ds = append(ds, rule(s, files)...)
	}
	return s, ds
}

// A setRule is one check that needs the whole project: the set, and every
// role loaded (files, sorted by file name, duplicates included). Each
// lives in a file of its own, rule_*.go.
type setRule func(s *Set, files []*Role) []diag.Diagnostic

// setRules runs in this order; the order only decides which diagnostic
// comes first when two rules report on one line.
var setRules = []setRule{
	duplicateRoles,
	positionsNotRoles,
	unknownReferences,
	unknownDepartments,
	selfSubstitutes,
	reportingCycles,
	todoTexts,
	approvals,
}

// Unreadable returns the ids, taken from the file names, of role files
// that have an error in ds and gave no role.
func Unreadable(roles []*Role, ds []diag.Diagnostic) []string {
	loaded := map[string]bool{}
	for _, r := range roles {
		loaded[r.File] = true
	}
	var ids []string
	for _, d := range ds {
		if d.Severity == diag.Error && !loaded[d.Pos.File] {
			loaded[d.Pos.File] = true // once per file
			ids = append(ids, strings.TrimSuffix(path.Base(d.Pos.File), path.Ext(d.Pos.File)))
		}
	}
	return ids
}

func suggestRef(got string, known []string) string {
	if best := closest(got, known, 3); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "add it or fix the id"
}

// LoadFS loads every .yaml or .yml file below dir in fsys. Files are shown
// in diagnostics as path.Join(prefix, name-below-dir). Symbolic links to
// directories are not followed, so a link loop cannot hang the walk. Files
// are parsed in parallel; results keep the walk's order.
func LoadFS(fsys fs.FS, dir, prefix string) ([]*Role, []diag.Diagnostic) {
	type file struct{ path, shown string }
	var files []file
	var ds []diag.Diagnostic
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
		shown := path.Join(prefix, rel)
		if err != nil {
			ds = append(ds, diag.Errorf(diag.Pos{File: shown}, diag.ReadError, "cannot read: %v", cmp.Or(errors.Unwrap(err), err)))
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		// Whatever its name: a linked directory of roles left out in
		// silence would drop them from the build unnoticed.
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
				ds = append(ds, diag.Warnf(diag.Pos{File: shown}, diag.SymlinkDir, "not following the link to a directory; move the files in or list them"))
				return nil
			}
		}
		if ext := path.Ext(p); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		files = append(files, file{p, shown})
		return nil
	})
	if err != nil {
		ds = append(ds, diag.Errorf(diag.Pos{File: prefix}, diag.ReadError, "cannot read: %v", cmp.Or(errors.Unwrap(err), err)))
	}

	roles := make([]*Role, len(files))
	fileDs := make([][]diag.Diagnostic, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range files {
		g.Go(func() error {
			data, err := yamlsrc.ReadFile(fsys, files[i].path, yamlsrc.MaxFileSize)
			if err != nil {
				fileDs[i] = []diag.Diagnostic{yamlsrc.ReadError(files[i].shown, err)}
				return nil
			}
			roles[i], fileDs[i] = Load(files[i].shown, data)
			return nil
		})
	}
	g.Wait() // problems are diagnostics, never errors
	for _, d := range fileDs {
		ds = append(ds, d...)
	}
	return slices.DeleteFunc(roles, func(r *Role) bool { return r == nil }), ds
}

// Unreadable returns the ids of the roles whose files could not be
// loaded, as given to NewSet.
func (s *Set) Unreadable() []string { return s.unreadable }
