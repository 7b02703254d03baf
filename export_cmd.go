package main

import "io"

// runExport is the `export` command.
func runExport(args []string, stdout io.Writer) error {
	return usageError{"export: not yet"}
}
