package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// outDir is an output directory whose lock this process holds. The lock
// is a file beside it (.out.lock for out/), so that it survives the swap
// of out/ itself; the operating system releases it when the process ends,
// however it ends.
type outDir struct {
	path string
	lock *flock.Flock
}

// openDir takes the lock on out, waiting for another build that holds it
// (after calling waiting, once) until ctx is done. Holding it, no other
// build's staging directory can exist, so every one found is left by a
// killed build and is removed, whether or not this run renders anything.
func openDir(ctx context.Context, out string, waiting func(lock string)) (*outDir, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lk := flock.New(filepath.Join(parent, "."+filepath.Base(out)+".lock"))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	if !ok {
		if waiting != nil {
			waiting(lk.Path())
		}
		if _, err := lk.TryLockContext(ctx, 100*time.Millisecond); err != nil {
			return nil, err
		}
	}
	d := &outDir{path: out, lock: lk}
	stale, _ := filepath.Glob(filepath.Join(parent, "."+filepath.Base(out)+".staging-*"))
	for _, dir := range stale {
		os.RemoveAll(dir) // best effort: a leftover costs disk, not correctness
	}
	return d, nil
}

func (d *outDir) unlock() { d.lock.Unlock() }

// previous reports whether out holds a previous output, judging it again
// now that this build holds the lock.
func (d *outDir) previous() (bool, error) {
	info, err := os.Lstat(d.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return replaceable(d.path, info)
}

func (d *outDir) readManifest() *manifest { return readManifest(d.path) }

// stage makes a staging directory beside out, on the same file system so
// that it can be renamed in place of out.
func (d *outDir) stage() (*staging, error) {
	dir, err := os.MkdirTemp(filepath.Dir(d.path), "."+filepath.Base(d.path)+".staging-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil { // MkdirTemp makes it private
		os.Remove(dir)
		return nil, err
	}
	return &staging{dir: dir}, nil
}

// staging is a directory being filled with the next output.
type staging struct {
	dir       string
	committed bool
}

// discard removes the staging directory unless it was committed.
func (s *staging) discard() {
	if !s.committed {
		os.RemoveAll(s.dir)
	}
}

// removeAll removes the previous output after a swap; tests replace it.
var removeAll = os.RemoveAll

// commit puts the staging directory in place of out. Once out holds the
// new output, failing to remove the previous one is not an error of the
// build: it is returned as cleanup, and the next build removes the
// leftover as stale staging.
func (s *staging) commit(out string) (cleanup, err error) {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, out); err != nil {
			return nil, err
		}
		s.committed = true
		return nil, nil
	}
	if err := exchange(s.dir, out); err == nil {
		s.committed = true
		return removeAll(s.dir), nil // now holds the previous output
	}
	// Without an atomic exchange, keep the old output until the new one
	// is in place.
	prev := s.dir + ".old"
	if err := os.Rename(out, prev); err != nil {
		return nil, err
	}
	if err := os.Rename(s.dir, out); err != nil {
		os.Rename(prev, out)
		return nil, err
	}
	s.committed = true
	return removeAll(prev), nil
}

// replaceable refuses to replace anything but a previous roledoc output
// or an empty directory: the whole of out is swapped away at the end, and
// "--out ." must not take the project with it. prev reports a previous
// output.
func replaceable(out string, info fs.FileInfo) (prev bool, err error) {
	if !info.IsDir() {
		return false, usage("output %s is a file, not a directory; choose another --out", out)
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err == nil {
		return true, nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, usage("output %s already holds files that roledoc did not write (no %s); choose an empty or new --out directory", out, manifestName)
	}
	return false, nil
}
