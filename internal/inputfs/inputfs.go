// Package inputfs owns the file system roledoc reads its inputs from: a
// directory in which only regular files inside the project root are read.
package inputfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotRegular is returned for a FIFO, device, socket or other special
// file: opening one can block forever (a FIFO waits for a writer) or read
// without end (a device), so it is refused before it is opened.
var ErrNotRegular = errors.New("not a regular file")

// ErrOutsideRoot is returned for a file that resolves, through symbolic
// links, outside the project root. The error names neither the target nor
// anything in it, so a link to a secret cannot leak into a CI log.
var ErrOutsideRoot = errors.New("a symbolic link that leads outside the project root")

// FS reads the tree below one directory. It follows symbolic links only
// to files that resolve inside its root, and opens only regular files and
// directories. It implements fs.FS and fs.StatFS; errors are
// *fs.PathError naming the path inside FS.
type FS struct {
	dir  string // the directory: absolute, symlinks resolved
	root string // where files may resolve: absolute, symlinks resolved
}

// New returns the tree below dir, whose files may resolve anywhere inside
// root. dir itself must resolve inside root, or New returns ErrOutsideRoot.
func New(dir, root string) (*FS, error) {
	realRoot, err := realPath(root)
	if err != nil {
		return nil, err
	}
	realDir, err := realPath(dir)
	if err != nil {
		return nil, err
	}
	f := &FS{dir: realDir, root: realRoot}
	if !f.inside(realDir) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: ErrOutsideRoot}
	}
	return f, nil
}

// Inside reports whether dir resolves inside root, as a source's directory
// must; a directory given by flag outside the project is its own root.
func Inside(dir, root string) bool {
	d, err1 := realPath(dir)
	r, err2 := realPath(root)
	return err1 == nil && err2 == nil && (&FS{root: r}).inside(d)
}

func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// resolve checks name and returns the real path it leads to and what is
// there.
func (f *FS) resolve(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	// Most paths hold no link: one lstat per element below dir, which is
	// real already, settles them. EvalSymlinks would lstat every element
	// from the file system's root.
	real := f.dir
	var info fs.FileInfo
	for elem := range strings.SplitSeq(name, "/") {
		if elem == "." {
			continue
		}
		real = filepath.Join(real, elem)
		var err error
		if info, err = os.Lstat(real); err != nil {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: cause(err)}
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return f.resolveLinks(op, name)
		}
	}
	if info == nil { // name is "."
		return f.resolveLinks(op, name)
	}
	return real, info, nil
}

// resolveLinks is resolve for a path through a symbolic link.
func (f *FS) resolveLinks(op, name string) (string, fs.FileInfo, error) {
	real, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if err != nil {
		// EvalSymlinks names the target in its error; say only what
		// went wrong.
		return "", nil, &fs.PathError{Op: op, Path: name, Err: cause(err)}
	}
	if !f.inside(real) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: ErrOutsideRoot}
	}
	info, err := os.Stat(real)
	if err != nil {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: cause(err)}
	}
	return real, info, nil
}

func (f *FS) inside(real string) bool {
	r := f.root
	return real == r || strings.HasPrefix(real, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator))
}

// cause is the bare reason of a path error, without the path.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open opens a regular file or a directory. A special file is refused
// after a stat, without opening it; the file is then opened without
// blocking and checked again, in case it was swapped in between.
func (f *FS) Open(name string) (fs.File, error) {
	real, info, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if err := readable(info); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	file, err := os.OpenFile(real, openFlags, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: cause(err)}
	}
	if info, err = file.Stat(); err == nil {
		err = readable(info)
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return file, nil
}

// Stat describes a file or directory without opening it.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	_, info, err := f.resolve("stat", name)
	return info, err
}

// readable refuses what is neither a regular file nor a directory, saying
// what it is.
func readable(info fs.FileInfo) error {
	m := info.Mode()
	if m.IsRegular() || m.IsDir() {
		return nil
	}
	return notRegular{m}
}

// notRegular says what a refused special file is.
type notRegular struct{ mode fs.FileMode }

func (e notRegular) Error() string        { return kind(e.mode) + ", not a regular file" }
func (e notRegular) Is(target error) bool { return target == ErrNotRegular }

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
