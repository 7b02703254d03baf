// Package regularfile reads the files a user names without trusting
// them: only regular files, opened without waiting for a writer (a named
// pipe fails at once), their size checked before they are read, and never
// more than a limit however they grow meanwhile. Its errors do not repeat
// the path, which the caller's message names; they still unwrap to the
// os error (errors.Is(err, fs.ErrNotExist)).
package regularfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Error is an error of opening or reading a file, told without its path.
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

// Read reads the regular file path, of at most limit bytes.
func Read(path string, limit int64) ([]byte, error) {
	f, err := Open(os.OpenFile, path)
	if err != nil {
		return nil, err
	}
	return ReadOpen(f, limit)
}

// Open opens name with open (os.OpenFile, or a root's) for reading:
// without waiting for a writer, and refusing anything that is not a
// regular file before it is read.
func Open(open func(string, int, fs.FileMode) (*os.File, error), name string) (*os.File, error) {
	f, err := open(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, Describe(err)
	}
	if err := regular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// regular returns an error unless f is a regular file.
func regular(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return Describe(err)
	}
	switch m := st.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe, not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a regular file")
	}
	return errors.New("is not a regular file")
}

// ReadOpen reads the regular file f, of at most limit bytes, and closes
// it. Its size is checked before it is read.
func ReadOpen(f *os.File, limit int64) ([]byte, error) {
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, Describe(err)
	}
	return ReadAll(f, st.Size(), limit)
}

// ReadAll reads r to the end, failing when it holds more than limit
// bytes; size is its size when known, or -1.
func ReadAll(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, TooLarge(size, limit)
	}
	var buf bytes.Buffer
	buf.Grow(int(max(size, 0)) + bytes.MinRead) // a file of the size read reads without growing
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, Describe(err)
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file is too large (more than %d bytes; the limit is %s)", limit, mib(limit))
	}
	return b, nil
}

// TooLarge is the error of a file of size bytes, past limit.
func TooLarge(size, limit int64) error {
	return fmt.Errorf("file is too large (%d bytes; the limit is %s)", size, mib(limit))
}

// mib writes a limit in MiB where it is a whole number of them.
func mib(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Describe tells an error of opening or reading a file without its path.
func Describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{"file does not exist", err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{"permission denied", err}
	}
	inner := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		inner = pe.Err
	}
	return &Error{fmt.Sprintf("cannot read: %v", inner), err}
}
