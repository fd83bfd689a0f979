//go:build !unix

package publish

import "io/fs"

// inode is unknown here; size and time stand alone.
func inode(fs.FileInfo) uint64 { return 0 }
