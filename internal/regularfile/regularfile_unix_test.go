//go:build unix

package regularfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Read refuses what is not a regular file at once (a named pipe with no
// writer does not block it), a file past the limit before reading it,
// and tells a missing file as one, unwrapping to fs.ErrNotExist.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 11), 0o600); err != nil {
		t.Fatal(err)
	}
	ok := filepath.Join(dir, "ok")
	if err := os.WriteFile(ok, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, says string
	}{
		{fifo, "is a named pipe, not a regular file"},
		{dir, "is a directory, not a file"},
		{os.DevNull, "is a device, not a regular file"},
		{big, "file is too large (11 bytes; the limit is 10 bytes)"},
		{filepath.Join(dir, "missing"), "file does not exist"},
	} {
		if _, err := Read(c.path, 10); err == nil || err.Error() != c.says {
			t.Errorf("Read(%s): %v, want %q", c.path, err, c.says)
		} else if strings.Contains(err.Error(), dir) {
			t.Errorf("Read(%s): the error repeats the path: %v", c.path, err)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v does not unwrap to fs.ErrNotExist", err)
	}
	if b, err := Read(ok, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("Read of a file at the limit: %q, %v", b, err)
	}
}
