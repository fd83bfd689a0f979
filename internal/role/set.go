package role

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/parallel"
)

// Set is a project's configuration and roles, loaded and checked together.
type Set struct {
	Config *Config
	Roles  []*Role // sorted by id
	byID   map[string]*Role
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

// NewSet checks what only a whole project can show: references to roles,
// positions and departments, duplicate ids and reporting cycles. Roles with
// a duplicate id are left out of the set.
func NewSet(cfg *Config, roles []*Role) (*Set, []diag.Diagnostic) {
	s := &Set{Config: cfg, byID: map[string]*Role{}}
	var ds []diag.Diagnostic
	sorted := slices.Clone(roles)
	slices.SortFunc(sorted, func(a, b *Role) int { return strings.Compare(a.File, b.File) })
	for _, r := range sorted {
		if r.ID == "" {
			continue
		}
		if prev, dup := s.byID[r.ID]; dup {
			ds = append(ds, diag.Errorf(r.Pos("id"), "duplicate-role",
				"role id %q is already used by %s; give each role its own id", r.ID, prev.File))
			continue
		}
		s.byID[r.ID] = r
		s.Roles = append(s.Roles, r)
	}
	slices.SortFunc(s.Roles, func(a, b *Role) int { return strings.Compare(a.ID, b.ID) })

	known := slices.Sorted(func(yield func(string) bool) {
		for id := range s.byID {
			if !yield(id) {
				return
			}
		}
	})
	for _, p := range cfg.Positions {
		if r, dup := s.byID[p.ID]; dup {
			ds = append(ds, diag.Errorf(nodePos(cfg.File, cfg.root, "positions"), diag.DuplicateRole,
				"position %q is also a role (%s); remove it from positions", p.ID, r.File))
		}
		known = append(known, p.ID)
	}
	var depts []string
	for _, d := range cfg.Departments {
		depts = append(depts, d.ID)
	}

	for _, r := range s.Roles {
		for _, ref := range []struct{ key, val string }{
			{"reports_to", r.ReportsTo},
			{"appointed_by", r.AppointedBy},
			{"substitute", r.Substitute},
			{"approval.by", r.Approval.By},
		} {
			if ref.val == "" || slices.Contains(known, ref.val) {
				continue
			}
			ds = append(ds, diag.Errorf(r.Pos(ref.key), diag.UnknownRole,
				"%s %q is neither a role in roles/ nor a position in %s; %s", ref.key, ref.val, ConfigFile, suggestRef(ref.val, known)))
		}
		if r.Department != "" && !slices.Contains(depts, r.Department) {
			ds = append(ds, diag.Errorf(r.Pos("department"), "unknown-department",
				"department %q is not declared in %s; %s", r.Department, ConfigFile, suggestRef(r.Department, depts)))
		}
		if r.Substitute != "" && r.Substitute == r.ID {
			ds = append(ds, diag.Errorf(r.Pos("substitute"), "self-substitute",
				"a role cannot stand in for itself; name the role that covers during absence"))
		}
	}
	ds = append(ds, s.cycles()...)
	return s, ds
}

func suggestRef(got string, known []string) string {
	if best := closest(got, known, 3); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "add it or fix the id"
}

// cycles reports every role that sits on a reports_to cycle, once per cycle
// member, so each file in the loop gets its own annotation.
func (s *Set) cycles() []diag.Diagnostic {
	const (
		unvisited = iota
		active
		done
	)
	state := map[string]int{}
	var ds []diag.Diagnostic
	for _, start := range s.Roles {
		var stack []string
		id := start.ID
		for {
			if state[id] == done {
				break
			}
			if state[id] == active {
				i := slices.Index(stack, id)
				loop := append(slices.Clone(stack[i:]), id)
				for _, m := range stack[i:] {
					ds = append(ds, diag.Errorf(s.byID[m].Pos("reports_to"), "reporting-cycle",
						"reporting cycle %s; make one of these roles report outside the loop", strings.Join(loop, " → ")))
				}
				break
			}
			r, ok := s.byID[id]
			if !ok {
				break
			}
			state[id] = active
			stack = append(stack, id)
			id = r.ReportsTo
		}
		for _, m := range stack {
			state[m] = done
		}
	}
	return ds
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
		ext := path.Ext(p)
		if ext != ".yaml" && ext != ".yml" || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
				ds = append(ds, diag.Warnf(diag.Pos{File: shown}, diag.SymlinkDir, "not following the link to a directory; move the files in or list them"))
				return nil
			}
		}
		files = append(files, file{p, shown})
		return nil
	})
	if err != nil {
		ds = append(ds, diag.Errorf(diag.Pos{File: prefix}, diag.ReadError, "cannot read: %v", cmp.Or(errors.Unwrap(err), err)))
	}

	roles := make([]*Role, len(files))
	fileDs := make([][]diag.Diagnostic, len(files))
	parallel.For(len(files), func(i int) {
		data, err := ReadFile(fsys, files[i].path, MaxFileSize)
		if err != nil {
			fileDs[i] = []diag.Diagnostic{diag.Errorf(diag.Pos{File: files[i].shown}, diag.ReadError, "cannot read: %v", cmp.Or(errors.Unwrap(err), err))}
			return
		}
		roles[i], fileDs[i] = Load(files[i].shown, data)
	})
	for _, d := range fileDs {
		ds = append(ds, d...)
	}
	return slices.DeleteFunc(roles, func(r *Role) bool { return r == nil }), ds
}

// ReadFile reads at most one byte over limit, so the loader can report the
// size without a huge file ever being held in memory.
func ReadFile(fsys fs.FS, name string, limit int) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)+1))
}
