// Command gen writes a synthetic roledoc project for benchmarks:
//
//	go run ./bench/gen -n 1000 -o /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/roledoc/roledoc/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of roles")
	out := flag.String("o", "corpus", "output directory")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := corpus.Generate(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
