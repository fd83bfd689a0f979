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
		debug.SetMemoryLimit(900 << 20)
	}
	os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
