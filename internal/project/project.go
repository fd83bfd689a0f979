// Package project owns where roledoc's inputs come from: a flag's path, the
// working directory, or the defaults embedded in the binary.
package project

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/inputfs"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/yamlsrc"
)

// Options names the inputs; an empty field means "locales/" (and so on)
// beside the Roles directory when given and it exists there, else in Dir,
// else the embedded default.
type Options struct {
	Dir       string // the working directory; "" means the process's
	Roles     string
	Locales   string
	Templates string
	Config    string
}

// Source is a directory of inputs.
type Source struct {
	FS       fs.FS
	Root     string // directory inside FS
	Shown    string // how paths below Root are shown in diagnostics
	Embedded bool
	// rel is the path relative to the project directory, where another
	// version of the project (At) has the same input.
	rel string
	// disk is the directory on disk, "" when there is none.
	disk string
}

// File returns where on disk a file is that diagnostics show as shown, a
// path below s; ok is false for a file that is not on disk below s.
func (s Source) File(shown string) (string, bool) {
	rest, ok := strings.CutPrefix(shown, s.Shown+"/")
	if s.disk == "" || !ok {
		return "", false
	}
	return filepath.Join(s.disk, filepath.FromSlash(rest)), true
}

// Project is a resolved set of input locations.
type Project struct {
	Roles, Locales, Templates Source
	Config                    Source // Root is the file name inside FS
	dir                       string
	given                     []Source // files and directories named on the command line
}

// Resolve decides where each input comes from. A path given by flag must
// exist; a default is looked for beside the --roles directory first
// (roledoc --roles ../hr/roles means the project ../hr, not ../hr's roles
// with the catalogs and configuration of the working directory or of the
// built-in sample), then in the working directory, and falls back to the
// embedded one.
func Resolve(opt Options) (*Project, error) {
	base := opt.Dir
	if base == "" {
		base = "."
	}
	// Flag paths are relative to the working directory, like a shell's.
	at := func(flag string) string {
		if filepath.IsAbs(flag) {
			return flag
		}
		return filepath.Join(base, flag)
	}
	rel := func(flag string) string {
		if r, err := filepath.Rel(base, at(flag)); err == nil {
			return filepath.ToSlash(r)
		}
		return flag
	}
	// Files are read only inside the project root, base; a directory
	// given by flag outside it is its own root.
	open := func(dir string) (fs.FS, error) {
		if inputfs.Inside(dir, base) {
			return inputfs.New(dir, base)
		}
		return inputfs.New(dir, dir)
	}
	// Where a default is looked for, with how its paths are shown: the
	// directory holding --roles first (the working directory's locales/
	// belong to its own roles, and extract would remove from them every
	// role the other project lacks), then the working directory.
	type place struct{ path, shown string }
	var places []place
	if opt.Roles != "" {
		places = append(places, place{filepath.Dir(at(opt.Roles)), filepath.Dir(opt.Roles)})
	}
	places = append(places, place{base, opt.Dir})
	find := func(name string, isDir bool) (Source, bool) {
		for _, pl := range places {
			p := filepath.Join(pl.path, name)
			// Lstat for a file: a linked roledoc.yaml is found, and
			// refused when read if it leads outside the project.
			info, err := os.Lstat(p)
			if isDir {
				info, err = os.Stat(p)
			}
			if err == nil && info.IsDir() == isDir {
				r, err := filepath.Rel(base, p)
				if err != nil {
					r = p
				}
				return Source{Shown: shown(pl.shown, name), rel: filepath.ToSlash(r), disk: p}, true
			}
		}
		return Source{}, false
	}
	dir := func(flag, name string) (Source, error) {
		if flag != "" {
			info, err := os.Stat(at(flag))
			if err != nil {
				return Source{}, fmt.Errorf("%s directory: %w", name, err)
			}
			if !info.IsDir() {
				return Source{}, fmt.Errorf("%s: not a directory", flag)
			}
			fsys, err := open(at(flag))
			if err != nil {
				return Source{}, fmt.Errorf("%s directory: %w", name, err)
			}
			return Source{FS: fsys, Root: ".", Shown: filepath.ToSlash(flag), rel: rel(flag), disk: at(flag)}, nil
		}
		if s, ok := find(name, true); ok {
			fsys, err := open(s.disk)
			if err != nil {
				return Source{}, fmt.Errorf("%s directory: %w", name, err)
			}
			s.FS, s.Root = fsys, "."
			return s, nil
		}
		return Source{FS: roledoc.Defaults, Root: name, Shown: name, Embedded: true}, nil
	}
	p := Project{dir: opt.Dir}
	var err error
	if p.Roles, err = dir(opt.Roles, "roles"); err != nil {
		return nil, err
	}
	if p.Locales, err = dir(opt.Locales, "locales"); err != nil {
		return nil, err
	}
	if p.Templates, err = dir(opt.Templates, "templates"); err != nil {
		return nil, err
	}
	if p.Locales.Embedded && !p.Roles.Embedded {
		// The user's own roles and no locales/ yet: the built-in
		// interface translations apply, the sample company's role
		// catalogs do not (they would be orphans, or translate a role of
		// the same id from other English). extract and merge start
		// locales/ beside roles/, keeping the interface translations.
		p.Locales.FS = interfaceOnly{roledoc.Defaults}
		p.Locales.Shown = shown(path.Dir(p.Roles.Shown), "locales")
	}
	if opt.Config != "" {
		if _, err := os.Stat(at(opt.Config)); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		fsys, err := open(filepath.Dir(at(opt.Config)))
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		p.Config = Source{FS: fsys, Root: filepath.Base(opt.Config), Shown: filepath.ToSlash(opt.Config), rel: rel(opt.Config)}
	} else if s, ok := find(role.ConfigFile, false); ok {
		fsys, err := open(filepath.Dir(s.disk))
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		// disk names directories of inputs; the file's is its own.
		s.FS, s.Root, s.disk = fsys, role.ConfigFile, ""
		p.Config = s
	} else {
		p.Config = Source{FS: roledoc.Defaults, Root: role.ConfigFile, Shown: role.ConfigFile, Embedded: true}
	}
	return &p, nil
}

// Paths lists where the given inputs are, relative to the project
// directory, leaving out those built into the binary: what another
// version of the project must provide for them.
func Paths(inputs ...Source) []string {
	var out []string
	for _, s := range inputs {
		if !s.Embedded {
			out = append(out, s.rel)
		}
	}
	return out
}

// At returns another version of the project, held in fsys (a git revision
// or a copy of the project directory): each input at the same place
// relative to the project directory, shown as that path. Inputs that p
// takes from the binary come from the binary in the other version too,
// and an input the other version lacks loads with a read-error.
func (p *Project) At(fsys fs.FS) *Project {
	other := func(s Source) Source {
		if s.Embedded {
			return s
		}
		return Source{FS: fsys, Root: s.rel, Shown: s.rel, rel: s.rel}
	}
	return &Project{Roles: other(p.Roles), Locales: other(p.Locales), Templates: other(p.Templates), Config: other(p.Config)}
}

// Sample reports whether the roles are the built-in sample company's: there
// is no roles/ in the working directory and no --roles. Commands must say
// so, or a user in the wrong folder is told that all is clean.
func (p *Project) Sample() bool { return p.Roles.Embedded }

func shown(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	return filepath.ToSlash(filepath.Join(dir, name))
}

// LoadConfig reads and validates the configuration.
func (p *Project) LoadConfig() (*role.Config, []diag.Diagnostic, error) {
	data, err := yamlsrc.ReadFile(p.Config.FS, p.Config.Root, yamlsrc.MaxFileSize)
	if errors.Is(err, inputfs.ErrNotRegular) || errors.Is(err, inputfs.ErrOutsideRoot) {
		// Refused, not failed: a problem in the project like any other.
		return nil, []diag.Diagnostic{yamlsrc.ReadError(p.Config.Shown, err)}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", p.Config.Shown, cmp.Or(errors.Unwrap(err), err))
	}
	c, ds := role.LoadConfig(p.Config.Shown, data)
	return c, ds, nil
}

// Load reads the configuration and every role and checks them as a set. The
// set is nil when the configuration itself could not be decoded.
func (p *Project) Load(extra ...*role.Role) (*role.Set, []diag.Diagnostic, error) {
	cfg, ds, err := p.LoadConfig()
	if err != nil {
		return nil, nil, err
	}
	roles, rds := role.LoadFS(p.Roles.FS, p.Roles.Root, p.Roles.Shown)
	ds = append(ds, rds...)
	roles = append(roles, extra...)
	if cfg == nil {
		diag.Sort(ds)
		return nil, ds, nil
	}
	set, sds := role.NewSet(cfg, roles, role.Unreadable(roles, rds)...)
	ds = append(ds, sds...)
	diag.Sort(ds)
	return set, ds, nil
}

// Source returns the bytes of a file named as in a diagnostic, for showing
// the offending line; it returns nil when the file is not one of the
// project's inputs or cannot be read. It reads through the inputs' file
// systems, so a file refused as input is never shown either.
func (p *Project) Source(file string) []byte {
	if file == p.Config.Shown {
		return readShown(p.Config.FS, p.Config.Root)
	}
	for _, s := range append([]Source{p.Roles, p.Locales, p.Templates}, p.given...) {
		if file == s.Shown && s.Root != "." {
			return readShown(s.FS, s.Root)
		}
		if rel, ok := strings.CutPrefix(file, s.Shown+"/"); ok {
			return readShown(s.FS, path.Join(s.Root, rel))
		}
	}
	return nil
}

// Given returns a role file or directory named on the command line, read
// under the same rules as the project's inputs: inside the project root
// when it is there, else inside its own directory. For a file, Root is
// its name in FS; for a directory, ".".
func (p *Project) Given(arg string, isDir bool) (Source, error) {
	base := cmp.Or(p.dir, ".")
	full := arg
	if !filepath.IsAbs(arg) {
		full = filepath.Join(base, arg)
	}
	dir, name := filepath.Dir(full), filepath.Base(full)
	if isDir {
		dir, name = full, "."
	}
	root := dir
	if inputfs.Inside(dir, base) {
		root = base
	}
	fsys, err := inputfs.New(dir, root)
	if err != nil {
		return Source{}, err
	}
	s := Source{FS: fsys, Root: name, Shown: filepath.ToSlash(arg)}
	p.given = append(p.given, s)
	return s, nil
}

func readShown(fsys fs.FS, name string) []byte {
	data, err := yamlsrc.ReadFile(fsys, name, yamlsrc.MaxCatalogSize)
	if err != nil {
		return nil
	}
	return data
}

// LoadCatalogs reads the translation catalogs.
func (p *Project) LoadCatalogs() (map[string]*catalog.Catalog, []diag.Diagnostic) {
	return catalog.LoadCatalogs(p.Locales.FS, p.Locales.Root, p.Locales.Shown)
}

// English returns an extracted English catalog file, if the project has it.
func (p *Project) English(name string) ([]byte, bool) {
	data, err := fs.ReadFile(p.Locales.FS, path.Join(p.Locales.Root, locale.Source, name))
	return data, err == nil
}

// LocalesDir returns the on-disk locales directory that i18n commands
// write to (beside roles/ when there is none yet), or an error when the
// project is the built-in sample.
func (p *Project) LocalesDir() (string, error) {
	switch {
	case !p.Locales.Embedded:
		return p.Locales.disk, nil
	case !p.Roles.Embedded:
		return filepath.Join(filepath.Dir(p.Roles.disk), "locales"), nil
	}
	return "", errors.New("no locales/ directory here; run in a project directory or pass --locales DIR")
}

// RolesDir returns the on-disk roles directory that `roledoc new` writes
// to, or an error when the roles are the built-in sample.
func (p *Project) RolesDir() (string, error) {
	if p.Roles.Embedded {
		return "", errors.New("no roles/ directory here; run `roledoc init` first, or pass --roles DIR")
	}
	return p.Roles.disk, nil
}

// interfaceOnly is the built-in locales without the sample company's role
// catalogs: each language's ui.yaml and glossary.
type interfaceOnly struct{ fsys fs.FS }

// sampleRoles reports whether name is, or is inside, a language's role
// catalogs: locales/<lang>/roles, roles.yaml or obsolete.
func sampleRoles(name string) bool {
	parts := strings.SplitN(name, "/", 4)
	return len(parts) >= 3 && parts[0] == "locales" && (parts[2] == "roles" || parts[2] == "roles.yaml" || parts[2] == "obsolete")
}

func (f interfaceOnly) Open(name string) (fs.File, error) {
	if sampleRoles(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.fsys.Open(name)
}

func (f interfaceOnly) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(f.fsys, name)
	return slices.DeleteFunc(es, func(e fs.DirEntry) bool { return sampleRoles(path.Join(name, e.Name())) }), err
}
