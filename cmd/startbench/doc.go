// Package startbench holds the whole-process benchmarks of macun-tui
// (docs/performance.md): start to first full frame in a pseudo-terminal,
// `macun-tui export --tab all`, and the dashboard's peak memory, each
// against a Go hello-world built and started the same way, in the same
// run. They are benchmarks only:
//
//	go test -run '^$' -bench . -benchmem -count 5 ./cmd/startbench
//
// The test binary builds macun-tui and the hello-world once, into a
// temporary directory it removes at the end. MACUN_BENCH_BIN=FILE times
// that build of macun-tui instead, e.g. to compare two builds or to run
// one under perf.
package startbench
