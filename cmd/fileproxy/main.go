// Command fileproxy serves the module in the current checkout from a
// directory that the go command reads as a module proxy
// (GOPROXY=file://DIR), so that `go install module@VERSION` can be tried
// on the checkout before anything is published:
//
//	go run ./cmd/fileproxy DIR VERSION
//
// It writes DIR/MODULE/@v/{list,VERSION.info,VERSION.mod,VERSION.zip}.
// The zip holds the files git tracks (or, outside git, every file the
// module zip format allows), as a published version would.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/fileproxy DIR VERSION")
		os.Exit(2)
	}
	if !semver.IsValid(os.Args[2]) {
		fmt.Fprintf(os.Stderr, "fileproxy: %q is not a version (v1.2.3)\n", os.Args[2])
		os.Exit(2)
	}
	if err := write(os.Args[1], os.Args[2], "."); err != nil {
		fmt.Fprintln(os.Stderr, "fileproxy:", err)
		os.Exit(1)
	}
}

// write puts the module in src into the proxy directory dir at version.
func write(dir, version, src string) error {
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	path := modfile.ModulePath(gomod)
	if path == "" {
		return fmt.Errorf("%s/go.mod has no module path", src)
	}
	mv := module.Version{Path: path, Version: version}
	if err := module.Check(path, version); err != nil {
		return err
	}
	esc, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	at := filepath.Join(dir, filepath.FromSlash(esc), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		return err
	}
	var zip bytes.Buffer
	if files := tracked(src); files != nil {
		err = modzip.Create(&zip, mv, files)
	} else {
		err = modzip.CreateFromDir(&zip, mv, src)
	}
	if err != nil {
		return err
	}
	info, _ := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, time.Now().UTC().Truncate(time.Second)})
	for name, b := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": info,
		version + ".mod":  gomod,
		version + ".zip":  zip.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(at, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// tracked lists the files git tracks under src as module zip files, or
// nil when src is not a git checkout.
func tracked(src string) []modzip.File {
	c := exec.Command("git", "ls-files", "-z")
	c.Dir = src
	out, err := c.Output()
	if err != nil {
		return nil
	}
	var files []modzip.File
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		if _, err := os.Lstat(filepath.Join(src, name)); err != nil {
			continue // deleted in the work tree
		}
		files = append(files, file{root: src, name: name})
	}
	return files
}

// file is a file of the checkout, for the module zip.
type file struct{ root, name string }

func (f file) Path() string                 { return f.name }
func (f file) Lstat() (os.FileInfo, error)  { return os.Lstat(filepath.Join(f.root, f.name)) }
func (f file) Open() (io.ReadCloser, error) { return os.Open(filepath.Join(f.root, f.name)) }
