// Command release builds macun-tui's release archives into a directory:
// a static binary (CGO_ENABLED=0) for linux, darwin and windows on amd64
// and arm64, each packed with the README, the LICENSE, the manual pages
// and the shell completions into a .tar.gz (.zip for windows), and
// SHA256SUMS. It needs only Go (and git, for the version, commit and date
// when they are not given).
//
//	go run ./cmd/release [-version v1.2.3] [-commit SHA] [-date RFC3339] DIR
//
// or scripts/release DIR. The builds are reproducible: -trimpath, no build
// ID, and every archive entry dated with the commit's date, in a fixed
// order, with fixed owners and modes; the same commit gives the same
// bytes (run it twice and compare SHA256SUMS).
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets are the platforms of a release.
var Targets = []struct{ OS, Arch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

const (
	name    = "macun-tui"
	module  = "github.com/macun-tui/macun-tui"
	varPkg  = module + "/cmd"
	usage   = "usage: go run ./cmd/release [-version V] [-commit SHA] [-date RFC3339] DIR"
	exitBad = 2
)

func main() {
	version := flag.String("version", "", "version to stamp (default: git describe --tags --always --dirty)")
	commit := flag.String("commit", "", "commit to stamp (default: git rev-parse HEAD)")
	date := flag.String("date", "", "build date, RFC 3339 (default: the commit's date, or $SOURCE_DATE_EPOCH)")
	flag.Usage = func() { fmt.Fprintln(os.Stderr, usage); flag.PrintDefaults() }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(exitBad)
	}
	s, err := stamp(*version, *commit, *date)
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(exitBad)
	}
	if err := release(flag.Arg(0), s); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// Stamp is what a release build records: version, commit and date.
type Stamp struct {
	Version, Commit string
	Date            time.Time
}

// stamp fills in what was not given from git, and the date from
// SOURCE_DATE_EPOCH when there is no git.
func stamp(version, commit, date string) (Stamp, error) {
	s := Stamp{Version: version, Commit: commit}
	if s.Version == "" {
		s.Version = git("describe", "--tags", "--always", "--dirty")
		if s.Version == "" {
			s.Version = "devel"
		}
	}
	if s.Commit == "" {
		s.Commit = git("rev-parse", "HEAD")
		if s.Commit == "" {
			s.Commit = "unknown"
		}
	}
	switch {
	case date != "":
		t, err := time.Parse(time.RFC3339, date)
		if err != nil {
			return s, fmt.Errorf("-date: %v", err)
		}
		s.Date = t
	case os.Getenv("SOURCE_DATE_EPOCH") != "":
		sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
		if err != nil {
			return s, fmt.Errorf("SOURCE_DATE_EPOCH: %v", err)
		}
		s.Date = time.Unix(sec, 0)
	default:
		sec, err := strconv.ParseInt(git("log", "-1", "--format=%ct"), 10, 64)
		if err != nil {
			return s, fmt.Errorf("no date: give -date, set SOURCE_DATE_EPOCH, or run in a git checkout")
		}
		s.Date = time.Unix(sec, 0)
	}
	s.Date = s.Date.UTC()
	return s, nil
}

// git runs git and returns its output without the final newline, or ""
// when it fails.
func git(args ...string) string {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// ldflags stamps s into the binary and leaves out the symbol table and
// build ID.
func (s Stamp) ldflags() string {
	return fmt.Sprintf("-s -w -buildid= -X %[1]s.version=%[2]s -X %[1]s.commit=%[3]s -X %[1]s.date=%[4]s",
		varPkg, s.Version, s.Commit, s.Date.Format(time.RFC3339))
}

// build builds macun-tui for goos/goarch into out.
func build(s Stamp, goos, goarch, out string) error {
	c := exec.Command("go", "build", "-trimpath", "-ldflags", s.ldflags(), "-o", out, ".")
	c.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=-buildvcs=false -mod=readonly")
	if b, err := c.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, b)
	}
	return nil
}

// File is one entry of an archive, under its top directory.
type File struct {
	Name string // slash-separated, relative to the top directory
	Mode int64
	Data []byte
}

func release(dir string, s Stamp) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "macun-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// The files every archive holds besides the binary: the README, the
	// LICENSE, and what a build for this machine writes: the manual pages
	// and the completions (the same on every platform).
	shared, err := sharedFiles(s, tmp)
	if err != nil {
		return err
	}
	var sums []string
	for _, t := range Targets {
		exe := name
		if t.OS == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(tmp, t.OS+"-"+t.Arch, exe)
		if err := build(s, t.OS, t.Arch, bin); err != nil {
			return err
		}
		b, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		files := append([]File{{Name: exe, Mode: 0o755, Data: b}}, shared...)
		top := fmt.Sprintf("%s_%s_%s_%s", name, strings.TrimPrefix(s.Version, "v"), t.OS, t.Arch)
		var archive []byte
		var file string
		if t.OS == "windows" {
			archive, err = Zip(top, files, s.Date)
			file = top + ".zip"
		} else {
			archive, err = TarGz(top, files, s.Date)
			file = top + ".tar.gz"
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, file), archive, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(archive)
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+file+"\n")
		fmt.Printf("%s  %d bytes\n", file, len(archive))
	}
	slices.SortFunc(sums, func(a, b string) int { return strings.Compare(a[66:], b[66:]) })
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(strings.Join(sums, "")), 0o644)
}

// sharedFiles reads the README and LICENSE and builds macun-tui for this
// machine to write the manual pages and the completions.
func sharedFiles(s Stamp, tmp string) ([]File, error) {
	var files []File
	for _, f := range []string{"README.md", "LICENSE"} {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: f, Mode: 0o644, Data: b})
	}
	host := filepath.Join(tmp, "host", name)
	c := exec.Command("go", "build", "-trimpath", "-ldflags", s.ldflags(), "-o", host, ".")
	c.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-buildvcs=false -mod=readonly")
	if b, err := c.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build for this machine: %v\n%s", err, b)
	}
	manDir := filepath.Join(tmp, "man1")
	if b, err := exec.Command(host, "man", manDir).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s man: %v\n%s", name, err, b)
	}
	pages, err := filepath.Glob(filepath.Join(manDir, "*.1"))
	if err != nil {
		return nil, err
	}
	slices.Sort(pages)
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: path.Join("man", "man1", filepath.Base(p)), Mode: 0o644, Data: b})
	}
	for _, sh := range []struct{ shell, file string }{
		{"bash", name + ".bash"}, {"zsh", "_" + name}, {"fish", name + ".fish"}, {"powershell", name + ".ps1"},
	} {
		b, err := exec.Command(host, "completion", sh.shell).Output()
		if err != nil {
			return nil, fmt.Errorf("%s completion %s: %v", name, sh.shell, err)
		}
		files = append(files, File{Name: path.Join("completions", sh.file), Mode: 0o644, Data: b})
	}
	return files, nil
}

// parents lists the directories of a slash-separated name, outermost
// first: "man/man1/x.1" has "man" and "man/man1".
func parents(name string) []string {
	var dirs []string
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		dirs = append([]string{d}, dirs...)
	}
	return dirs
}

// entries lists what an archive of files under top/ holds, in order: top/,
// then the files in the order given, each directory (a name ending in /,
// mode 0755) just before its first file.
func entries(top string, files []File) []File {
	list := []File{{Name: top + "/", Mode: 0o755}}
	done := map[string]bool{}
	for _, f := range files {
		for _, d := range parents(f.Name) {
			if !done[d] {
				done[d] = true
				list = append(list, File{Name: path.Join(top, d) + "/", Mode: 0o755})
			}
		}
		list = append(list, File{Name: path.Join(top, f.Name), Mode: f.Mode, Data: f.Data})
	}
	return list
}

func isDir(f File) bool { return strings.HasSuffix(f.Name, "/") }

// TarGz packs files under top/ into a gzip-compressed tar (entries),
// dated mtime, owned by root, with no user or group names.
func TarGz(top string, files []File, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	mtime = mtime.UTC().Truncate(time.Second)
	for _, f := range entries(top, files) {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: f.Name, Mode: f.Mode, Size: int64(len(f.Data)), ModTime: mtime, Format: tar.FormatUSTAR}
		if isDir(f) {
			h.Typeflag = tar.TypeDir
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Zip packs files under top/ into a zip archive (entries), the files
// deflated, dated mtime.
func Zip(top string, files []File, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	mtime = mtime.UTC().Truncate(time.Second)
	for _, f := range entries(top, files) {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mtime}
		mode := os.FileMode(f.Mode)
		if isDir(f) {
			h.Method, mode = zip.Store, mode|os.ModeDir
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
