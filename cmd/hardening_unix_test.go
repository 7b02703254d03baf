//go:build unix

package cmd

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestExportOutputSpecial: -o names a named pipe nobody reads: exit 1 at
// once, the pipe kept; a socket or a directory is refused the same way.
func TestExportOutputSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	for _, force := range []string{"--force", "--force=false"} {
		code, out, errs := runExportArgs(t, "-o", fifo, force)
		if want := "macun-tui: cannot write " + fifo + ": no process is reading it\n"; code != ExitFailure || out != "" || errs != want {
			t.Errorf("-o %s %s: exit %d, stderr %q; want 1 and %q", fifo, force, code, errs, want)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("the named pipe was replaced: %v %v", fi.Mode(), err)
		}
	}
}
