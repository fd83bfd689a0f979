// Package snapshot owns reading another version of a project: the files
// of a git revision, or another directory holding a copy of it.
package snapshot

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
)

// Open returns the files of base as seen from dir, the project directory
// of the working tree. base is a directory (another copy of the project)
// when one of that name exists, else a git revision of the repository
// that holds dir, such as HEAD, origin/main or a tag. Of a revision, only
// the files below the given paths (relative to dir) are read; git itself
// reads them, so packed objects, worktrees and alternates all work.
func Open(dir, base string, paths ...string) (fs.FS, error) {
	if dir == "" {
		dir = "."
	}
	at := base
	if !filepath.IsAbs(at) {
		at = filepath.Join(dir, base)
	}
	if info, err := os.Stat(at); err == nil && info.IsDir() {
		return os.DirFS(at), nil
	}
	return Revision(dir, base, paths...)
}

// Revision reads the files below paths (relative to dir) as they are in a
// git revision.
func Revision(dir, rev string, paths ...string) (fs.FS, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a revision", rev)
	}
	if _, err := git(dir, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%q is neither a directory nor a git revision here", rev)
	}
	prefix, err := git(dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	pre := strings.TrimSpace(string(prefix))
	args := []string{"ls-tree", "-r", "-z", "--full-tree", rev, "--"}
	for _, p := range paths {
		args = append(args, path.Join(pre, p))
	}
	list, err := git(dir, nil, args...)
	if err != nil {
		return nil, err
	}
	type blob struct{ name, id string }
	var blobs []blob
	for _, rec := range bytes.Split(list, []byte{0}) {
		// "<mode> <type> <object>\t<path>"
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		f := strings.Fields(string(meta))
		if !ok || len(f) != 3 || f[1] != "blob" || f[0] == "120000" {
			continue // submodules, links and the trailing empty record
		}
		blobs = append(blobs, blob{strings.TrimPrefix(string(name), pre), f[2]})
	}
	var ids bytes.Buffer
	for _, b := range blobs {
		ids.WriteString(b.id + "\n")
	}
	out, err := git(dir, &ids, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	r := bufio.NewReader(bytes.NewReader(out))
	for _, b := range blobs {
		data, err := readObject(r)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", b.name, rev, err)
		}
		files[b.name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return files, nil
}

// readObject reads one "<id> <type> <size>\n<content>\n" record of git
// cat-file --batch.
func readObject(r *bufio.Reader) ([]byte, error) {
	head, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return nil, fmt.Errorf("unexpected git output %q", strings.TrimSpace(head))
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, err
	}
	data := make([]byte, n+1)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, err
	}
	return data[:n], nil
}

// git runs git in dir and returns its standard output.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return nil, fmt.Errorf("running git: %w", err)
	}
	return out, nil
}
