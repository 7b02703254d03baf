package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// names lists dir, to catch temporary files left behind.
func names(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range ents {
		ns = append(ns, e.Name())
	}
	slices.Sort(ns)
	return strings.Join(ns, " ")
}

// holds checks that path holds want with mode perm.
func holds(t *testing.T, path, want string, perm fs.FileMode) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || string(b) != want {
		t.Errorf("%s holds %q (%v), want %q", path, b, err, want)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != perm {
		t.Errorf("%s: mode %v (%v), want %v", path, fi.Mode().Perm(), err, perm)
	}
}

// TestCreateNew: each file gets the next free name, whole, with mode Perm
// whatever the umask, and nothing else is left.
func TestCreateNew(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o077))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a-3.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a.txt", "a-2.txt", "a-4.txt"} {
		p, err := CreateNew(dir, "a", ".txt", []byte{byte('0' + i)})
		if err != nil || p != filepath.Join(dir, want) {
			t.Fatalf("CreateNew = %s, %v; want %s", p, err, want)
		}
		holds(t, p, string(rune('0'+i)), Perm)
	}
	holds(t, filepath.Join(dir, "a-3.txt"), "mine", 0o600)
	if got := names(t, dir); got != "a-2.txt a-3.txt a-4.txt a.txt" {
		t.Errorf("files: %s", got)
	}
	if _, err := CreateNew(filepath.Join(dir, "missing"), "a", ".txt", nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("CreateNew in a missing directory: %v", err)
	}
}

// TestWrite: a new file has mode Perm; an existing one is refused with
// fs.ErrExist and kept, or replaced with replace and keeps its mode; a
// directory is never replaced; a failure leaves nothing.
func TestWrite(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o077))
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	holds(t, p, "one", Perm)
	if err := Write(p, []byte("two"), false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Write over a file without replace: %v, want fs.ErrExist", err)
	}
	holds(t, p, "one", Perm)
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	holds(t, p, "three", 0o600)

	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, replace := range []bool{false, true} {
		var nf *NotFileError
		if err := Write(sub, []byte("x"), replace); !errors.As(err, &nf) || err.Error() != sub+" is a directory" {
			t.Errorf("Write over a directory (replace %v): %v", replace, err)
		}
	}
	if err := Write(filepath.Join(p, "x.txt"), []byte("x"), true); err == nil {
		t.Error("writing under a file succeeded")
	}
	if got := names(t, dir); got != "out.txt sub" {
		t.Errorf("files: %s", got)
	}
}

// TestWithoutHardLinks: on a file system without hard links (link fails
// with EPERM, as on FAT) files are still written whole and never over an
// existing one; another link error is reported and leaves nothing.
func TestWithoutHardLinks(t *testing.T) {
	defer func(l func(string, string) error) { link = l }(link)
	linkErr := syscall.EPERM
	link = func(oldname, newname string) error {
		return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: linkErr}
	}
	dir := t.TempDir()
	for i, want := range []string{"a.txt", "a-2.txt"} {
		p, err := CreateNew(dir, "a", ".txt", []byte{byte('0' + i)})
		if err != nil || p != filepath.Join(dir, want) {
			t.Fatalf("CreateNew = %s, %v; want %s", p, err, want)
		}
		holds(t, p, string(rune('0'+i)), Perm)
	}
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Write over a file without replace: %v, want fs.ErrExist", err)
	}
	holds(t, p, "one", Perm)
	if got := names(t, dir); got != "a-2.txt a.txt out.txt" {
		t.Errorf("files: %s", got)
	}

	linkErr = syscall.EIO
	empty := t.TempDir()
	if _, err := CreateNew(empty, "b", ".txt", []byte("x")); !errors.Is(err, syscall.EIO) {
		t.Errorf("CreateNew with a failing link: %v, want EIO", err)
	}
	if err := Write(filepath.Join(empty, "c.txt"), []byte("x"), false); !errors.Is(err, syscall.EIO) {
		t.Errorf("Write with a failing link: %v, want EIO", err)
	}
	if got := names(t, empty); got != "" {
		t.Errorf("files left: %s", got)
	}
}
