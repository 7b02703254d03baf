package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/macun-tui/macun-tui/views"
)

// TestEmptyFileName: an empty file name is a mistake, not the embedded
// dataset: `validate ""` printed ok, and `--data ""` showed the embedded
// data.
func TestEmptyFileName(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", ""}, `macun-tui validate: FILE is empty (see macun-tui validate --help)`},
		{[]string{"--data", ""}, `macun-tui: --data needs a file name, not "" (see macun-tui --help)`},
		{[]string{"--data="}, `macun-tui: --data needs a file name, not "" (see macun-tui --help)`},
		{[]string{"export", "--data", "", "--format", "csv"}, `macun-tui export: --data needs a file name, not "" (see macun-tui export --help)`},
	} {
		code, out, errs := runArgs(t, tc.args...)
		if code != ExitUsage || out != "" || errs != tc.want+"\n" {
			t.Errorf("%q: exit %d, stdout %.40q, stderr\n%q\nwant\n%q", tc.args, code, out, errs, tc.want)
		}
	}
}

// failWriter fails every write, as standard output on a full disk
// (/dev/full) does.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, syscall.ENOSPC
}

// TestStdoutWriteErrors: every command that writes to standard output
// fails with exit 1 and says so when the write fails: -h on a full disk
// exited 0.
func TestStdoutWriteErrors(t *testing.T) {
	good, err := filepath.Abs("../data/macun.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"}, {"help", "export"}, {"export", "-h"}, {"validate", "--help"},
		{"--version"}, {"version"}, {"validate", good}, {"export"}, {"export", "--format", "json"},
		{"export", "--format", "csv", "--tab", "industry"}, {"export", "--format", "md"},
		{"completion", "bash"}, {"completion", "zsh"}, {"__complete", "export", "--tab", ""}, {},
	} {
		w := &failWriter{}
		var errb strings.Builder
		code := Run(args, strings.NewReader(""), w, &errb)
		want := "macun-tui: cannot write to standard output: no space left on device\n"
		if code != ExitFailure || w.n == 0 || !strings.HasSuffix(errb.String(), want) {
			t.Errorf("%q: exit %d after %d writes, stderr %q; want exit 1 and %q", args, code, w.n, errb.String(), want)
		}
	}
}

// TestColumnsBound: $COLUMNS sets the width of the text printed when
// standard output is not a terminal, within export's --width bounds:
// COLUMNS=1000000 wrote 87 MB.
func TestColumnsBound(t *testing.T) {
	for cols, want := range map[string]int{"1000000": maxExportWidth, "99999999999999999999": maxExportWidth, "5": minExportWidth, "0": defaultExportWidth, "x": defaultExportWidth, "120": 120} {
		t.Setenv("COLUMNS", cols)
		code, out, errs := runArgs(t, "--lang", "en")
		if code != ExitOK || errs != "" {
			t.Fatalf("COLUMNS=%s: exit %d, stderr %q", cols, code, errs)
		}
		widest := 0
		for _, l := range strings.Split(out, "\n") {
			widest = max(widest, views.Width(l))
		}
		if widest > want || widest < want*3/4 {
			t.Errorf("COLUMNS=%s: widest line %d cells, want at most %d (and near it)", cols, widest, want)
		}
	}
}

// TestErrorTextSafe: a message that repeats what the user gave (a file
// name, a flag) shows its control and format characters as escapes,
// never raw: a file name could retitle the terminal.
func TestErrorTextSafe(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil\x1b]0;pwned\x07\u202e.json")
	for _, args := range [][]string{
		{"validate", evil}, {"--data", evil}, {"export", "--data", evil}, {"--\x1b[2Jbogus"}, {"frob\x9bnicate"},
	} {
		code, _, errs := runArgs(t, args...)
		if code != ExitUsage {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		for _, r := range strings.TrimSuffix(errs, "\n") {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("%q: stderr holds %U: %q", args, r, errs)
				break
			}
		}
		if strings.Contains(args[len(args)-1], "evil") && !strings.Contains(errs, `evil\x1b]0;pwned\a\u202e.json`) {
			t.Errorf("%q: the file name is not shown with escapes: %q", args, errs)
		}
	}
}

// TestExportOutputDash: -o - is standard output, as for most tools; it
// wrote a file named "-". ./- is that file.
func TestExportOutputDash(t *testing.T) {
	t.Chdir(t.TempDir())
	want := exportOK(t, "--tab", "industry", "--format", "csv")
	for _, args := range [][]string{{"-o", "-"}, {"-o", "-", "--force"}, {"--output=-"}} {
		if out := exportOK(t, append([]string{"--tab", "industry", "--format", "csv"}, args...)...); out != want {
			t.Errorf("%q: standard output is not the export", args)
		}
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Fatal(`-o - wrote a file named "-"`)
	}
	if out := exportOK(t, "--tab", "industry", "--format", "csv", "-o", "./-"); out != "" {
		t.Errorf("-o ./- wrote to standard output")
	}
	if b, err := os.ReadFile("-"); err != nil || string(b) != want {
		t.Errorf(`-o ./- did not write the file "-": %v`, err)
	}
}
