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
	Path     string // the directory (or file) on disk; "" when embedded
	Embedded bool
}

// Project is a resolved set of input locations.
type Project struct {
	Roles, Locales, Templates Source
	Config                    Source // Root is the file name inside FS
	dir                       string
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
			if info, err := os.Stat(p); err == nil && info.IsDir() == isDir {
				return Source{Shown: shown(pl.shown, name), Path: p}, true
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
			return Source{FS: os.DirFS(at(flag)), Root: ".", Shown: filepath.ToSlash(flag), Path: at(flag)}, nil
		}
		if s, ok := find(name, true); ok {
			s.FS, s.Root = os.DirFS(s.Path), "."
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
		p.Locales.Path = filepath.Join(filepath.Dir(p.Roles.Path), "locales")
		p.Locales.Shown = shown(path.Dir(p.Roles.Shown), "locales")
	}
	if opt.Config != "" {
		if _, err := os.Stat(at(opt.Config)); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		p.Config = Source{FS: os.DirFS(filepath.Dir(at(opt.Config))), Root: filepath.Base(opt.Config), Shown: filepath.ToSlash(opt.Config), Path: at(opt.Config)}
	} else if s, ok := find(role.ConfigFile, false); ok {
		s.FS, s.Root = os.DirFS(filepath.Dir(s.Path)), role.ConfigFile
		p.Config = s
	} else {
		p.Config = Source{FS: roledoc.Defaults, Root: role.ConfigFile, Shown: role.ConfigFile, Embedded: true}
	}
	return &p, nil
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
// the offending line; it returns nil when the file cannot be found.
func (p *Project) Source(file string) []byte {
	if !filepath.IsAbs(file) && p.dir != "" {
		if data, err := os.ReadFile(filepath.Join(p.dir, file)); err == nil {
			return data
		}
	}
	if data, err := os.ReadFile(file); err == nil {
		return data
	}
	if data, err := fs.ReadFile(roledoc.Defaults, file); err == nil {
		return data
	}
	return nil
}

// LoadRender reads the roles and the catalogs' texts, for rendering: lean
// on memory, with the same errors as LoadCatalogs but no staleness
// information. Roles and catalogs are read at the same time: the serial
// work between the parallel parses (building the set) then overlaps with
// them.
func (p *Project) LoadRender() (*role.Set, map[string]*catalog.Texts, []diag.Diagnostic, error) {
	type loaded struct {
		texts map[string]*catalog.Texts
		ds    []diag.Diagnostic
	}
	catalogs := make(chan loaded, 1)
	go func() {
		texts, ds := catalog.LoadTexts(p.Locales.FS, p.Locales.Root, p.Locales.Shown)
		catalogs <- loaded{texts, ds}
	}()
	set, ds, err := p.Load()
	c := <-catalogs
	if err != nil {
		return nil, nil, nil, err
	}
	ds = append(ds, c.ds...)
	diag.Sort(ds)
	return set, c.texts, ds, nil
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
	if p.Locales.Path == "" {
		return "", errors.New("no locales/ directory here; run in a project directory or pass --locales DIR")
	}
	return p.Locales.Path, nil
}

// RolesDir returns the on-disk roles directory that `roledoc new` writes
// to, or an error when the roles are the built-in sample.
func (p *Project) RolesDir() (string, error) {
	if p.Roles.Embedded {
		return "", errors.New("no roles/ directory here; run `roledoc init` first, or pass --roles DIR")
	}
	return p.Roles.Path, nil
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
