// Package atomicfile writes files whole or not at all, and never over a
// file it was not asked to replace: the bytes go to a temporary file in
// the same directory, which takes its name only when complete.
//
// What is not a regular file is never replaced. A named pipe or a
// character device (/dev/stdout, /dev/null, a terminal) is written into,
// as a shell's > would, and a symbolic link to a file stays a link while
// the file it names is replaced; directories, block devices, sockets and
// links to nothing are refused. Every error names the file asked for,
// never the temporary one.
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
	first := filepath.Join(dir, base+ext)
	tmp, err := writeTemp(dir, b, Perm)
	if err != nil {
		return "", named(first, err)
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
				return "", named(path, err)
			}
			return path, nil
		}
	}
	return "", fmt.Errorf("too many files named %s-N%s in %s", base, ext, dir)
}

// Write writes b to path. An existing regular file is replaced only when
// replace is set, and keeps its mode; otherwise the error is fs.ErrExist.
// A named pipe or a character device is written into, replace or not;
// what is neither, nor a regular file (a directory, a socket), is never
// replaced: the error is a *NotFileError. Other errors are *fs.PathError
// with path.
func Write(path string, b []byte, replace bool) error {
	fi, err := os.Stat(path) // through symbolic links
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(path); lerr == nil {
			return &NotFileError{Path: path, Mode: li.Mode()} // a link to nothing
		}
		return writeNew(path, b, Perm)
	case err != nil:
		return named(path, err)
	case fi.Mode().IsRegular():
		if !replace {
			return named(path, fs.ErrExist)
		}
		// Through a link, the file it names is replaced, and the link stays.
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return named(path, err)
		}
		return named(path, replaceFile(real, b, fi.Mode().Perm()))
	case fi.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0:
		return named(path, writeInto(path, b))
	}
	return &NotFileError{Path: path, Mode: fi.Mode()}
}

// writeNew writes b to a new file path of mode perm, and never over one
// that appears meanwhile.
func writeNew(path string, b []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), b, perm)
	if err != nil {
		return named(path, err)
	}
	defer os.Remove(tmp)
	return named(path, placeNew(tmp, path, b, perm))
}

// replaceFile replaces the regular file path with one holding b, of mode
// perm.
func replaceFile(path string, b []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), b, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, path)
}

// writeInto writes b into the named pipe or device path. The pipe is
// opened without waiting: with no process reading it, that fails at once.
func writeInto(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ENXIO) {
		return errNoReader{}
	}
	if err != nil {
		return err
	}
	f.Fd() // back to blocking writes: a slow reader is waited for
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// errNoReader is ENXIO from opening a named pipe: no process reads it.
type errNoReader struct{}

func (errNoReader) Error() string { return "no process is reading it" }
func (errNoReader) Unwrap() error { return syscall.ENXIO }

// named is err, if any, as a *fs.PathError that names path, the file
// asked for, instead of the temporary file or the link's target the
// error of the file system names.
func named(path string, err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &fs.PathError{Op: "write", Path: path, Err: err}
}

// NotFileError is the error of writing over something that is not a file
// Write replaces or writes into.
type NotFileError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotFileError) Error() string {
	switch {
	case e.Mode.IsDir():
		return e.Path + " is a directory"
	case e.Mode&fs.ModeSymlink != 0:
		return e.Path + " is a symbolic link to nothing"
	}
	return e.Path + " is not a regular file"
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
