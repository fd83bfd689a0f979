//go:build unix

package inputfs

import "syscall"

// openFlags never wait for a FIFO's writer and never follow a link swapped
// in after the path was resolved.
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOFOLLOW
