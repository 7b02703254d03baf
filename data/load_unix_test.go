//go:build unix

package data

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLoadFileNotRegular: a named pipe, a device or anything else that is
// not a regular file is refused at once, before anything is read, as the
// dataset and as its article.
func TestLoadFileNotRegular(t *testing.T) {
	dir, path := exampleDir(t, "article.txt")
	if _, err := loadWithin(t, path); err != nil {
		t.Fatalf("the example: %v", err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	_, err := loadWithin(t, fifo)
	wantProblems(t, err, fifo+": is a named pipe, not a regular file")
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Stat(dev); err == nil {
			_, err := loadWithin(t, dev)
			wantProblems(t, err, dev+": is a device, not a regular file")
		}
	}

	// The article is a named pipe.
	_, path = exampleDir(t, "fifo.txt")
	if err := syscall.Mkfifo(filepath.Join(filepath.Dir(path), "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = loadWithin(t, path)
	wantProblems(t, err, path+`:7:16: meta.article: cannot read article "fifo.txt": is a named pipe, not a regular file`)
}
