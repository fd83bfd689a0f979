// Command roledoc validates, translates and renders job descriptions kept
// as YAML.
package main

import (
	"os"
	"runtime/debug"

	"github.com/roledoc/roledoc/internal/cli"
)

func main() {
	// A soft memory limit, unless GOMEMLIMIT sets one: the garbage
	// collector then works harder instead of letting the heap grow to
	// twice what is live, which at ten thousand roles is the difference
	// between under and over a gigabyte.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(os.Args[1:]))
	}
	os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}

// memoryLimit is the soft limit for a command line. A build holds one
// language's texts at a time (about 300 MB live at ten thousand roles),
// less than check, which holds one language's whole catalog with its
// positions and hashes; the lower limit keeps a ten-thousand-role build
// under 600 MB (docs/performance.md).
func memoryLimit(args []string) int64 {
	if len(args) > 0 && args[0] == "build" {
		return 520 << 20
	}
	return 900 << 20
}
