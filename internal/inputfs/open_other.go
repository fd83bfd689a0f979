//go:build !unix

package inputfs

import "os"

const openFlags = os.O_RDONLY
