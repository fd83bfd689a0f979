//go:build linux

package publish

import "golang.org/x/sys/unix"

// exchange swaps two directories in one atomic step, so a reader (or a
// crash) sees the old output or the new, never none.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
