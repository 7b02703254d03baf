//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteNamedPipe: a named pipe is written into, with or without
// replace, and stays a named pipe; with no process reading it, Write says
// so at once instead of waiting.
func TestWriteNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	for _, replace := range []bool{false, true} {
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo) // waits for the writer
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		// Write finds a reader once the goroutine opened the pipe.
		var err error
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if err = Write(fifo, []byte("through the pipe"), replace); !errors.Is(err, syscall.ENXIO) {
				break
			}
		}
		if err != nil {
			t.Fatalf("replace %v: %v", replace, err)
		}
		select {
		case s := <-got:
			if s != "through the pipe" {
				t.Errorf("replace %v: the reader got %q", replace, s)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the reader got nothing within 10 s")
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Fatalf("replace %v: %s is no longer a named pipe: %v %v", replace, fifo, fi.Mode(), err)
		}
	}
	done := make(chan error, 1)
	go func() { done <- Write(fifo, []byte("x"), true) }()
	select {
	case err := <-done:
		if want := "write " + fifo + ": no process is reading it"; err == nil || err.Error() != want {
			t.Errorf("no reader: %v, want %s", err, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Write to a named pipe without a reader waits")
	}
	if got := names(t, dir); got != "pipe" {
		t.Errorf("files: %s", got)
	}
}

// TestWriteDevice: a character device is written into and never replaced
// by a file: `export -o /dev/null --force` as root replaced /dev/null.
// The device is made here, as /dev/null's twin, so only root runs it.
func TestWriteDevice(t *testing.T) {
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
		t.Skip("cannot make a device node (not root?):", err)
	}
	for _, replace := range []bool{false, true} {
		if err := Write(null, []byte("into the device"), replace); err != nil {
			t.Errorf("replace %v: %v", replace, err)
		}
		if fi, err := os.Lstat(null); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("replace %v: %s is no longer a device: %v %v", replace, null, fi.Mode(), err)
		}
	}
	if got := names(t, dir); got != "null" {
		t.Errorf("files: %s", got)
	}
}

// mkdev is a Linux device number.
func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor&0xff) | uint64(minor&^0xff)<<12
}

// TestWriteNotFile: a socket is never replaced; a symbolic link to a file
// stays a link, and the file it names is replaced; a link to nothing is
// not replaced.
func TestWriteNotFile(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no unix sockets:", err)
	}
	defer l.Close()
	var nf *NotFileError
	if err := Write(sock, []byte("x"), true); !errors.As(err, &nf) || err.Error() != sock+" is not a regular file" {
		t.Errorf("a socket: %v", err)
	}

	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("target.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new"), false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a link to a file, without replace: %v", err)
	}
	if err := Write(link, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("%s is no longer a link: %v", link, err)
	}
	holds(t, target, "new", 0o600)

	dangling := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink("missing.txt", dangling); err != nil {
		t.Fatal(err)
	}
	for _, replace := range []bool{false, true} {
		if err := Write(dangling, []byte("x"), replace); err == nil {
			t.Errorf("a link to nothing (replace %v): written", replace)
		}
		if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", dangling, err)
		}
	}
	if got := names(t, dir); got != "dangling.txt link.txt sock target.txt" {
		t.Errorf("files: %s", got)
	}
}

// TestErrorsNameTarget: an error names the file asked for, never the
// temporary file: the dashboard's e key said ".macun-export-911134136".
func TestErrorsNameTarget(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")
	for what, err := range map[string]error{
		"CreateNew, missing directory": func() error { _, err := CreateNew(missing, "a", ".txt", []byte("x")); return err }(),
		"Write, missing directory":     Write(filepath.Join(missing, "a.txt"), []byte("x"), true),
	} {
		if err == nil || !strings.Contains(err.Error(), filepath.Join(missing, "a.txt")) || strings.Contains(err.Error(), ".atomicfile") {
			t.Errorf("%s: %v; want it to name %s", what, err, filepath.Join(missing, "a.txt"))
		}
	}
	if os.Getuid() != 0 { // root writes anywhere
		_, err := CreateNew(ro, "a", ".txt", []byte("x"))
		if err == nil || err.Error() != "write "+filepath.Join(ro, "a.txt")+": permission denied" {
			t.Errorf("CreateNew in a read-only directory: %v", err)
		}
	}
}
