// Command roledoc validates, translates and renders job descriptions kept
// as YAML.
package main

import (
	"os"

	"github.com/roledoc/roledoc/internal/cli"
)

func main() {
	os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
