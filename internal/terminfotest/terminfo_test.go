// Package terminfotest tests internal/terminfo, the pure-Go stand-in for
// github.com/xo/terminfo that go.mod's replace directive wires in. The shim
// is a module of its own, so its tests live here, in the main module, where
// `go test ./...` runs them.
//
// The compiled fixtures in testdata/ were made with ncurses 6.4's tic:
//
//	infocmp -x NAME | tic -x -o testdata -   # xterm-256color xterm-direct xterm dumb
//	tic -x -o testdata testdata/custom.ti    # the rest; then h/hexonly -> 68/hexonly
//
// xterm-256color and xterm-direct use the 32-bit number format (magic 01036),
// the others the legacy 16-bit one (0432). The extended booleans expected
// below are what `infocmp -x` lists for each, less OTbs, which is one of the
// predefined (obsolete termcap) booleans, not an extended one.
package terminfotest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/xo/terminfo"
)

// useFixtures points the search at testdata only (and an empty home).
func useFixtures(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TERMINFO", dir)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("TERMINFO_DIRS", "")
	return dir
}

func TestLoadFixtures(t *testing.T) {
	dir := useFixtures(t)
	for _, tc := range []struct {
		name, file string
		ext        map[string]bool
	}{
		{"xterm-256color", "x/xterm-256color", map[string]bool{"AX": true, "XT": true}},
		{"xterm-direct", "x/xterm-direct", map[string]bool{"AX": true, "RGB": true, "XT": true}},
		{"xterm", "x/xterm", map[string]bool{"AX": true, "XT": true}},
		{"legacy-tc", "l/legacy-tc", map[string]bool{"AX": true, "Tc": true, "XT": true}},
		{"dumb", "d/dumb", map[string]bool{}}, // no extended section at all
		{"hexonly", "68/hexonly", map[string]bool{}},
	} {
		ti, err := terminfo.Load(tc.name)
		if err != nil {
			t.Errorf("Load(%q): %v", tc.name, err)
			continue
		}
		if want := filepath.Join(dir, tc.file); ti.File != want {
			t.Errorf("Load(%q).File = %q, want %q", tc.name, ti.File, want)
		}
		if len(ti.Names) == 0 || ti.Names[0] != tc.name {
			t.Errorf("Load(%q).Names = %q", tc.name, ti.Names)
		}
		if got := ti.ExtBoolCapsShort(); !reflect.DeepEqual(got, tc.ext) {
			t.Errorf("Load(%q).ExtBoolCapsShort() = %v, want %v", tc.name, got, tc.ext)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	useFixtures(t)
	if _, err := terminfo.Load(""); err != terminfo.ErrEmptyTermName {
		t.Errorf("Load(\"\") = %v, want ErrEmptyTermName", err)
	}
	// As in the original, a name found nowhere reports the last step.
	if _, err := terminfo.Load("no-such-terminal"); err != terminfo.ErrDatabaseDirectoryNotFound {
		t.Errorf("Load(missing) = %v, want ErrDatabaseDirectoryNotFound", err)
	}
	// ncurses counts an extended header's offsets in a way the original
	// rejects when an extended capability is cancelled (so do Debian's
	// screen.xterm-256color and a score of others); the shim keeps that.
	if _, err := terminfo.Load("ext-cancelled"); err != terminfo.ErrInvalidExtendedHeader {
		t.Errorf("Load(ext-cancelled) = %v, want ErrInvalidExtendedHeader", err)
	}
	if _, err := terminfo.Open(t.TempDir(), "xterm"); err != terminfo.ErrFileNotFound {
		t.Errorf("Open(empty dir) = %v, want ErrFileNotFound", err)
	}
}

var fileSeq atomic.Int64

// place writes data (default: testdata/s/scratch) to dir/sub/name; an empty
// name is a new one ("s" and a number), an empty sub its first letter. It
// returns the name. The cache is process-wide and keyed by the requested
// name, so a fresh name keeps these tests repeatable under -count.
func place(t *testing.T, dir, sub, name string, data []byte) string {
	t.Helper()
	if name == "" {
		name = fmt.Sprintf("s%d", fileSeq.Add(1))
	}
	if sub == "" {
		sub = name[:1]
	}
	if data == nil {
		var err error
		if data, err = os.ReadFile(filepath.Join("testdata", "s", "scratch")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, sub, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestSearchOrder(t *testing.T) {
	info, home, dirs1, dirs2 := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	dot := filepath.Join(home, ".terminfo")
	t.Setenv("TERMINFO", info)
	t.Setenv("HOME", home)
	t.Setenv("TERMINFO_DIRS", dirs1+":"+dirs2)
	want := func(name, dir, sub string) {
		t.Helper()
		ti, err := terminfo.Load(name)
		if err != nil {
			t.Fatalf("Load(%s): %v", name, err)
		}
		if want := filepath.Join(dir, sub, name); ti.File != want {
			t.Errorf("Load(%s) read %s, want %s", name, ti.File, want)
		}
	}
	// Each name is placed in the directories listed, and must come from the first.
	for _, order := range [][]string{
		{info, dot, dirs1, dirs2},
		{dot, dirs1, dirs2},
		{dirs1, dirs2},
		{dirs2},
	} {
		name := place(t, order[0], "", "", nil)
		for _, d := range order[1:] {
			place(t, d, "", name, nil)
		}
		want(name, order[0], "s")
	}
	// Without a home directory that step is skipped, not an error
	// (the original failed when user.Current did).
	t.Setenv("HOME", "")
	want(place(t, dirs2, "", "", nil), dirs2, "s")

	// Within a directory, <first char>/ comes before <hex of first byte>/,
	// and the latter is used alone.
	name := place(t, info, "", "", nil)
	place(t, info, "73", name, nil)
	want(name, info, "s")
	want(place(t, dirs1, "73", "", nil), dirs1, "73")

	// A bad file stops the search: the good copy further on is not used.
	name = place(t, info, "", "", []byte("not terminfo"))
	place(t, dirs2, "", name, nil)
	if _, err := terminfo.Load(name); err != terminfo.ErrInvalidMagic {
		t.Errorf("Load(bad file in $TERMINFO) = %v, want ErrInvalidMagic", err)
	}
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTruncated cuts every fixture at every length: each cut is an error,
// except a cut exactly where the standard section ends (with its padding
// byte), which is a valid entry without extended capabilities.
func TestTruncated(t *testing.T) {
	for _, f := range []string{"x/xterm-256color", "x/xterm-direct", "x/xterm", "l/legacy-tc", "d/dumb"} {
		b := fixture(t, f)
		var ok []int
		for n := 0; n < len(b); n++ {
			ti, err := terminfo.Decode(b[:n])
			if err == nil {
				ok = append(ok, n)
				if len(ti.ExtBools) != 0 {
					t.Errorf("%s[:%d] decoded with extended booleans %v", f, n, ti.ExtBoolCapsShort())
				}
				continue
			}
			var e terminfo.Error
			if !errors.As(err, &e) {
				t.Errorf("%s[:%d]: error %v is not a terminfo.Error", f, n, err)
			}
		}
		if len(ok) > 2 || len(ok) == 2 && ok[1] != ok[0]+1 {
			t.Errorf("%s: cuts at %v decode; want at most the end of the standard section", f, ok)
		}
	}
}

func TestCorrupt(t *testing.T) {
	xterm := fixture(t, "x/xterm")
	set16 := func(off int, v int16) []byte {
		b := bytes.Clone(xterm)
		binary.LittleEndian.PutUint16(b[off:], uint16(v))
		return b
	}
	for _, tc := range []struct {
		what string
		data []byte
		want error
	}{
		{"empty", nil, terminfo.ErrUnexpectedFileEnd},
		{"half a header", xterm[:7], terminfo.ErrUnexpectedFileEnd},
		{"bad magic", set16(0, 0o433), terminfo.ErrInvalidMagic},
		{"too many booleans", set16(4, 45), terminfo.ErrInvalidHeader},
		// The original panics on negative counts.
		{"negative names size", set16(2, -1), terminfo.ErrInvalidHeader},
		{"negative boolean count", set16(4, -2), terminfo.ErrInvalidHeader},
		{"negative table size", set16(10, -100), terminfo.ErrInvalidHeader},
		{"names without NUL", set16(2, 3), terminfo.ErrInvalidNames},
		{"half the file", xterm[:len(xterm)/2], terminfo.ErrUnexpectedFileEnd},
		{"4096 bytes (the original's limit)", make([]byte, 4096), terminfo.ErrInvalidFileSize},
		{"a byte too many", append(bytes.Clone(xterm), 0), terminfo.ErrInvalidExtendedHeader},
	} {
		if _, err := terminfo.Decode(tc.data); err != tc.want {
			t.Errorf("%s: Decode = %v, want %v", tc.what, err, tc.want)
		}
	}
}

// entry compiles a minimal legacy-format entry with only extended booleans.
func entry(names string, ext []string, values []byte) []byte {
	w := func(b []byte, v ...int) []byte {
		for _, x := range v {
			b = binary.LittleEndian.AppendUint16(b, uint16(int16(x)))
		}
		return b
	}
	pad := func(b []byte) []byte { return append(b, make([]byte, len(b)%2)...) }
	table := strings.Join(ext, "\x00") + "\x00"
	b := w(nil, 0o432, len(names)+1, 0, 0, 0, 0)
	b = pad(append(b, names+"\x00"...))
	b = w(b, len(ext), 0, 0, len(ext), len(table))
	b = pad(append(b, values...))
	for i, off := 0, 0; i < len(ext); off, i = off+len(ext[i])+1, i+1 {
		b = w(b, off)
	}
	return append(b, table...)
}

// TestColorprofile checks the one real caller, colorprofile.Terminfo, which
// reports TrueColor when the entry has a "Tc" or "RGB" key at all.
func TestColorprofile(t *testing.T) {
	useFixtures(t)
	// Like the original, ExtBoolCapsShort keeps an extended boolean whose
	// value is not 1 with the value false, and colorprofile, which only
	// looks at the keys, then still says TrueColor.
	tmp := t.TempDir()
	t.Setenv("TERMINFO_DIRS", tmp)
	tcOff := place(t, tmp, "", "", entry("tc-off", []string{"AX", "Tc"}, []byte{1, 0}))
	ti, err := terminfo.Load(tcOff)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ti.ExtBoolCapsShort(), map[string]bool{"AX": true, "Tc": false}; !reflect.DeepEqual(got, want) {
		t.Errorf("tc-off: ExtBoolCapsShort() = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		term string
		want colorprofile.Profile
	}{
		{"xterm-direct", colorprofile.TrueColor},
		{"legacy-tc", colorprofile.TrueColor},
		{"xterm-256color", colorprofile.ANSI},
		{"xterm", colorprofile.ANSI},
		{"dumb", colorprofile.NoTTY}, // by name, before any lookup
		{"hexonly", colorprofile.ANSI},
		{"ext-cancelled", colorprofile.ANSI}, // a load error
		{"no-such-terminal", colorprofile.ANSI},
		{tcOff, colorprofile.TrueColor},
	} {
		if got := colorprofile.Terminfo(tc.term); got != tc.want {
			t.Errorf("colorprofile.Terminfo(%q) = %v, want %v", tc.term, got, tc.want)
		}
	}
}

// TestStaticBinary guards the reason the shim exists: with cgo enabled, as
// on a machine with a C compiler, macun-tui must not link runtime/cgo (which
// makes the binary dynamic) nor os/user (which brings it in).
func TestStaticBinary(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH; cannot list macun-tui's dependencies")
	}
	cmd := exec.Command(gobin, "list", "-deps", "github.com/macun-tui/macun-tui")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps macun-tui: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "runtime/cgo" || p == "os/user" {
			t.Errorf("macun-tui depends on %s, so a plain go build links dynamically; see internal/terminfo", p)
		}
	}
}

// FuzzDecode: any input decodes or fails with a terminfo.Error; never a panic.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"x/xterm-direct", "x/xterm", "l/legacy-tc", "d/dumb", "e/ext-cancelled"} {
		f.Add(fixture(f, name))
	}
	f.Add(entry("tc-off", []string{"AX", "Tc"}, []byte{1, 0}))
	f.Fuzz(func(t *testing.T, b []byte) {
		ti, err := terminfo.Decode(b)
		if err != nil {
			var e terminfo.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a terminfo.Error", err)
			}
			return
		}
		_ = ti.ExtBoolCapsShort()
	})
}
