// Command gendata writes a large, valid macun-tui dataset to standard
// output, for benchmarks and scale tests:
//
//	go run ./cmd/gendata -projects 10000 -figures 2000 > big.json
//	go run . --data big.json
//
// The dataset names no article, so its source sentences are not checked;
// everything else passes the loader's validation (docs/schema.md).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/macun-tui/macun-tui/cmd/gendata/gen"
)

func main() {
	var o gen.Options
	flag.IntVar(&o.Projects, "projects", 10000, "number of projects")
	flag.IntVar(&o.Figures, "figures", 2000, "number of figures")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed; the same seed writes the same file")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gendata: no arguments expected; see -help")
		os.Exit(2)
	}
	if o.Figures < 1 || o.Projects < 0 {
		fmt.Fprintf(os.Stderr, "gendata: -figures must be 1 or more and -projects 0 or more (got %d and %d)\n", o.Figures, o.Projects)
		os.Exit(2)
	}
	if err := gen.Write(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}
