package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/macun-tui/macun-tui/internal/atomicfile"
)

// writeExportFile writes the file of `export -o`: whole or not at all, and
// over an existing file only with --force, which the message says.
func writeExportFile(path string, b []byte, force bool) error {
	err := atomicfile.Write(path, b, force)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists (use --force to replace it)", path)
	}
	return err
}
