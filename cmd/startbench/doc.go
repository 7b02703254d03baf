// Package startbench holds the whole-process benchmarks of macun-tui
// (docs/performance.md): start to first full frame in a pseudo-terminal,
// `macun-tui export --tab all`, and the dashboard's peak memory. The
// process benchmarks time a Go hello-world and libfloor (the libraries
// macun-tui links, alone) built and started the same way in the same run,
// and report the ratio to each: the start budget is against libfloor, the
// export budget against the hello-world. They are benchmarks only:
//
//	go test -run '^$' -bench . -benchmem -count 5 ./cmd/startbench
//
// The test binary builds the three once, with CGO_ENABLED=0, into a
// temporary directory it removes at the end. MACUN_BENCH_BIN=FILE times
// that build of macun-tui instead, e.g. to compare two builds or to run
// one under perf.
package startbench
