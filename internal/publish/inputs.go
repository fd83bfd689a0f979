package publish

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/atomicfile"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/project"
)

// inputsName is the file in out/ that records every input file a build
// read, so that the next build can tell it has nothing to do from
// the files' metadata alone, without loading or parsing anything. It is a
// cache: missing or out of date, the build loads everything and compares
// each output's fingerprint instead.
const inputsName = ".roledoc-inputs.json"

const inputsVersion = 1

// racyWindow is how close to the snapshot a file's modification time may
// be before its metadata is not trusted. A file written in the same clock
// tick as the snapshot can change again without its size or time
// changing (git's racy-clean problem); such a file sends the next build
// through the full check, which compares content.
const racyWindow = 2 * time.Second

// inputs is a snapshot of every input file, taken before a build loads
// them, with what the build reported.
type inputs struct {
	Version int `json:"version"`
	// Key covers everything but the files: roledoc's version and binary,
	// the renderers' fingerprints (templates, fonts), the options that
	// change the output, and where each input directory is.
	Key   digest `json:"key"`
	Taken int64  `json:"taken"` // Unix nanoseconds, when the snapshot started
	Files []file `json:"files"` // in walk order: sorted by directory
	// Diagnostics are the build's warnings, shown again by a build that
	// has nothing to do.
	Diagnostics []warning `json:"diagnostics,omitempty"`
}

// file is one input file's metadata and content hash.
type file struct {
	Name   string `json:"name"` // source label, then the path inside it
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // Unix nanoseconds
	Inode  uint64 `json:"inode,omitempty"`
	SHA256 digest `json:"sha256"`
}

// warning is a diagnostic as recorded; diag.Severity writes itself as a
// word and does not read one back.
type warning struct {
	File      string `json:"file"`
	Line, Col int    `json:",omitempty"`
	Severity  int    `json:"severity"`
	Code      string `json:"code"`
	Message   string `json:"message"`
}

// same reports whether f and g describe the same file by metadata.
func (f *file) same(g *file) bool {
	return f.Name == g.Name && f.Size == g.Size && f.MTime == g.MTime && f.Inode == g.Inode
}

// source is one input location on disk; embedded defaults are part of the
// binary, which the key covers.
type source struct {
	label string
	fsys  fs.FS
	root  string
}

// sources lists the on-disk inputs of a run.
func (opt *Options) sources() []source {
	p := opt.Project
	var out []source
	for _, s := range []struct {
		label string
		src   *project.Source
	}{{"roles", &p.Roles}, {"locales", &p.Locales}, {"templates", &p.Templates}, {"config", &p.Config}} {
		if !s.src.Embedded {
			out = append(out, source{s.label, s.src.FS, s.src.Root})
		}
	}
	return out
}

// key fingerprints what a build's output depends on besides its input
// files. The binary's size and time stand for roledoc's own code, so a
// rebuilt roledoc never takes the shortcut on the strength of an old
// record.
func (opt *Options) key(renderers []Renderer, site Site) digest {
	h := sha256.New()
	w := func(s ...any) {
		for _, v := range s {
			b, _ := json.Marshal(v)
			h.Write(b)
			h.Write([]byte{0})
		}
	}
	// A partial build's record vouches for its own outputs only, as its
	// freshness check does.
	w(inputsVersion, roledoc.Version, opt.Date.UnixNano(), opt.Date.IsZero(), opt.Strict, site != nil, opt.Roles, opt.Langs, opt.Formats)
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			w(exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, r := range renderers {
		w(r.Ext(), r.Fingerprint())
	}
	p := opt.Project
	for _, s := range []project.Source{p.Roles, p.Locales, p.Templates, p.Config} {
		w(s.Embedded, s.Root, s.Shown)
	}
	return digest(h.Sum(nil))
}

// walk calls f with the metadata of every file under srcs, in order. It
// stops at the first error, and at anything but a regular file or a
// directory: links and special files are left to the full check.
func walk(srcs []source, f func(src source, name, p string, fi file) error) error {
	for _, src := range srcs {
		err := fs.WalkDir(src.fsys, src.root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			if !info.Mode().IsRegular() {
				return errIrregular
			}
			name := src.label + "/" + p
			return f(src, name, p, file{Name: name, Size: info.Size(), MTime: info.ModTime().UnixNano(), Inode: inode(info)})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

var (
	errIrregular = errors.New("not a regular file")
	errChanged   = errors.New("input changed")
)

// hashFile returns the SHA-256 of a file in fsys.
func hashFile(fsys fs.FS, p string) (digest, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return digest{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return digest{}, err
	}
	return digest(h.Sum(nil)), nil
}

// scan records every input file, hashing only those the previous
// record does not vouch for. It returns nil when the inputs cannot be
// recorded (a link, an unreadable file): the build then writes no record.
func scan(srcs []source, prev *inputs) *inputs {
	s := &inputs{Version: inputsVersion, Taken: time.Now().UnixNano()}
	known := map[string]*file{}
	if prev != nil {
		for i := range prev.Files {
			if f := &prev.Files[i]; !prev.racy(f) {
				known[f.Name] = f
			}
		}
	}
	err := walk(srcs, func(src source, name, p string, fi file) error {
		if k := known[name]; k != nil && k.same(&fi) {
			fi.SHA256 = k.SHA256
		} else {
			var err error
			if fi.SHA256, err = hashFile(src.fsys, p); err != nil {
				return err
			}
		}
		s.Files = append(s.Files, fi)
		return nil
	})
	if err != nil {
		return nil
	}
	return s
}

// racy reports whether f changed too close to the snapshot for its
// metadata to be trusted.
func (s *inputs) racy(f *file) bool { return f.MTime >= s.Taken-int64(racyWindow) }

// stable reports whether every input file is still as the snapshot
// recorded it, by metadata: an input edited while the build read it is
// not recorded, and the next build checks everything.
func (s *inputs) stable(srcs []source) bool {
	i := 0
	err := walk(srcs, func(_ source, _, _ string, fi file) error {
		if i >= len(s.Files) || !s.Files[i].same(&fi) {
			return errChanged
		}
		i++
		return nil
	})
	return err == nil && i == len(s.Files)
}

// unchanged reports whether the input files are the ones recorded: the
// same names, and each one either the same by metadata or, when its
// metadata changed (touched, copied), the same by content. A file that
// was racy when recorded counts as changed.
func (s *inputs) unchanged(srcs []source) bool {
	i := 0
	err := walk(srcs, func(src source, _, p string, fi file) error {
		if i >= len(s.Files) || s.Files[i].Name != fi.Name {
			return errChanged
		}
		rec := &s.Files[i]
		i++
		if s.racy(rec) {
			return errChanged
		}
		if rec.same(&fi) {
			return nil
		}
		if rec.Size != fi.Size {
			return errChanged
		}
		if h, err := hashFile(src.fsys, p); err != nil || h != rec.SHA256 {
			return errChanged
		}
		return nil
	})
	return err == nil && i == len(s.Files)
}

// keep reports whether s may be written as the record of a build that
// reported ds: it exists and every input is as it was before loading.
// It records ds to replay.
func (s *inputs) keep(srcs []source, ds []diag.Diagnostic) bool {
	if s == nil || !s.stable(srcs) {
		return false
	}
	s.Diagnostics = s.Diagnostics[:0]
	for _, d := range ds {
		s.Diagnostics = append(s.Diagnostics, warning{d.Pos.File, d.Pos.Line, d.Pos.Col, int(d.Severity), d.Code, d.Message})
	}
	return true
}

// diagnostics returns the recorded diagnostics.
func (s *inputs) diagnostics() []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, w := range s.Diagnostics {
		ds = append(ds, diag.Diagnostic{Pos: diag.Pos{File: w.File, Line: w.Line, Col: w.Col}, Severity: diag.Severity(w.Severity), Code: w.Code, Message: w.Message})
	}
	return ds
}

// readInputs reads out's record; nil when there is none or it is of
// another version. A record of another key still vouches for its files'
// hashes.
func readInputs(out string) *inputs {
	data, err := os.ReadFile(filepath.Join(out, inputsName))
	if err != nil {
		return nil
	}
	s := &inputs{}
	if json.Unmarshal(data, s) != nil || s.Version != inputsVersion {
		return nil
	}
	return s
}

// write replaces dir's record.
func (s *inputs) write(dir string) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, inputsName), append(data, '\n'), 0o644)
}
