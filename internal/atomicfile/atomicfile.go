// Package atomicfile writes files whole or not at all, and never over a
// file it was not asked to replace: the bytes go to a temporary file in
// the same directory, which takes its name only when complete.
//
// It serves the dashboard's export key (CreateNew), the export command's
// -o (Write) and anything else that writes a user's file.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Perm is the mode of a new file: readable by everyone, as a file written
// for a user to keep and share should be (os.CreateTemp makes private
// files), whatever the umask.
const Perm fs.FileMode = 0o644

// CreateNew writes b to a new file dir/base+ext, or base-2+ext, base-3+ext
// … if that exists, and returns its path. It never replaces a file.
func CreateNew(dir, base, ext string, b []byte) (string, error) {
	tmp, err := writeTemp(dir, b, Perm)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for i := 1; i < 1000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		if err := placeNew(tmp, path, b, Perm); !errors.Is(err, fs.ErrExist) {
			if err != nil {
				return "", err
			}
			return path, nil
		}
	}
	return "", fmt.Errorf("too many files named %s-N%s in %s", base, ext, dir)
}

// Write writes b to path. An existing file is replaced only when replace
// is set, and keeps its mode; otherwise the error is fs.ErrExist. What is
// not a file to replace (a directory) is never replaced: the error is a
// *NotFileError.
func Write(path string, b []byte, replace bool) error {
	perm := Perm
	if fi, err := os.Stat(path); err == nil {
		if err := replaceable(path, fi); err != nil {
			return err
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := writeTemp(filepath.Dir(path), b, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if replace {
		return os.Rename(tmp, path)
	}
	if err := placeNew(tmp, path, b, perm); errors.Is(err, fs.ErrExist) {
		return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
	} else if err != nil {
		return err
	}
	return nil
}

// NotFileError is the error of writing over something that is not a file
// Write replaces.
type NotFileError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotFileError) Error() string {
	if e.Mode.IsDir() {
		return e.Path + " is a directory"
	}
	return e.Path + " is not a regular file"
}

// replaceable says whether Write may put a file where fi is: not over a
// directory. (A named pipe, a socket or a device is still replaced by the
// rename; refusing them is one more condition here.)
func replaceable(path string, fi fs.FileInfo) error {
	if fi.IsDir() {
		return &NotFileError{Path: path, Mode: fi.Mode()}
	}
	return nil
}

// link is os.Link; tests replace it to stand for a file system without
// hard links.
var link = os.Link

// placeNew puts the complete temporary file tmp, holding b, at path if no
// file is there: a hard link, so path appears whole or not at all. On a
// file system without hard links (FAT and exFAT drives, some network and
// FUSE file systems: EPERM, EOPNOTSUPP, ENOSYS) path is created with
// O_EXCL instead and b written to it, and removed again if that fails; it
// still never replaces a file. An existing path is fs.ErrExist either way.
func placeNew(tmp, path string, b []byte, perm fs.FileMode) error {
	err := link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) ||
		!(errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS)) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if err := fill(f, b, perm); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// writeTemp writes b to a new temporary file in dir with mode perm and
// returns its name; on failure nothing is left.
func writeTemp(dir string, b []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".atomicfile-*")
	if err != nil {
		return "", err
	}
	if err := fill(f, b, perm); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// fill gives the new file f mode perm (whatever the umask), writes b,
// syncs and closes it; the caller removes it on failure.
func fill(f *os.File, b []byte, perm fs.FileMode) error {
	err := f.Chmod(perm)
	if err == nil {
		_, err = f.Write(b)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
