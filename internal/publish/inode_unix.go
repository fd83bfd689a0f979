//go:build unix

package publish

import (
	"io/fs"
	"syscall"
)

// inode returns a file's inode number: a file replaced by another of the
// same size and time (a rename over it) is still noticed.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
