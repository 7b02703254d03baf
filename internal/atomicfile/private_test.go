//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestCreatePrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key")
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	if err := CreatePrivate(path, []byte("secret")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != PrivatePerm {
		t.Errorf("mode %v, want %v", fi.Mode().Perm(), fs.FileMode(PrivatePerm))
	}
	err = CreatePrivate(path, []byte("other"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("second create: err = %v, want fs.ErrExist", err)
	}
	// The error names the file asked for, never the temporary one.
	if want := "write " + path + ": file exists"; err == nil || err.Error() != want {
		t.Errorf("second create: %v, want %q", err, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "secret" {
		t.Errorf("file holds %q after a refused create", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files left in the directory, want 1", len(ents))
	}
}
