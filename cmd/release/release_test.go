package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"testing"
	"time"
)

var (
	testFiles = []File{
		{Name: "macun-tui", Mode: 0o755, Data: []byte("binary")},
		{Name: "README.md", Mode: 0o644, Data: []byte("# readme\n")},
		{Name: "man/man1/macun-tui.1", Mode: 0o644, Data: []byte(".TH X\n")},
		{Name: "man/man1/macun-tui-export.1", Mode: 0o644, Data: []byte(".TH Y\n")},
	}
	testDate = time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)
	wantList = []string{"top/", "top/macun-tui", "top/README.md", "top/man/", "top/man/man1/", "top/man/man1/macun-tui.1", "top/man/man1/macun-tui-export.1"}
)

// TestTarGz: the same files give the same bytes, at any time of day;
// entries in order, dated, owned by root, with their modes.
func TestTarGz(t *testing.T) {
	a, err := TarGz("top", testFiles, testDate)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a second later: nothing of now may show
	b, _ := TarGz("top", testFiles, testDate.In(time.FixedZone("CST", 8*3600)))
	if !bytes.Equal(a, b) {
		t.Error("two packs of the same files differ")
	}
	gz, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("gzip header: time %v, name %q", gz.ModTime, gz.Name)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if !h.ModTime.Equal(testDate) || h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: %v uid %d gid %d %q %q", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		if h.Name == "top/macun-tui" && h.Mode != 0o755 {
			t.Errorf("binary mode %o", h.Mode)
		}
		if h.Name == "top/README.md" {
			if b, _ := io.ReadAll(tr); string(b) != "# readme\n" || h.Mode != 0o644 {
				t.Errorf("README %q mode %o", b, h.Mode)
			}
		}
	}
	if got, want := names, wantList; !equal(got, want) {
		t.Errorf("entries %q, want %q", got, want)
	}
}

func TestZip(t *testing.T) {
	a, err := Zip("top", testFiles, testDate)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Zip("top", testFiles, testDate.In(time.FixedZone("CST", 8*3600)))
	if !bytes.Equal(a, b) {
		t.Error("two packs of the same files differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(testDate) {
			t.Errorf("%s: dated %v", f.Name, f.Modified)
		}
		if f.Name == "top/macun-tui" && f.Mode().Perm() != 0o755 {
			t.Errorf("binary mode %v", f.Mode())
		}
	}
	if !equal(names, wantList) {
		t.Errorf("entries %q, want %q", names, wantList)
	}
}

func equal(a, b []string) bool { return join(a) == join(b) }
func join(s []string) string {
	var b bytes.Buffer
	for _, x := range s {
		b.WriteString(x + "\n")
	}
	return b.String()
}

func TestStampDate(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1727769600")
	s, err := stamp("v1.0.0", "abc", "")
	if err != nil || !s.Date.Equal(time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)) || s.Date.Location() != time.UTC {
		t.Errorf("SOURCE_DATE_EPOCH: %v %v", s.Date, err)
	}
	if _, err := stamp("v1", "abc", "yesterday"); err == nil {
		t.Error("-date yesterday accepted")
	}
	if got := s.ldflags(); got != "-s -w -buildid= -X github.com/macun-tui/macun-tui/cmd.version=v1.0.0 -X github.com/macun-tui/macun-tui/cmd.commit=abc -X github.com/macun-tui/macun-tui/cmd.date=2024-10-01T08:00:00Z" {
		t.Errorf("ldflags %q", got)
	}
}
