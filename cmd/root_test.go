package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
)

// runArgs runs macun-tui with args and returns the exit code, standard
// output and standard error.
func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// setVersion sets the release build's version variables for one test.
func setVersion(t *testing.T, v, c, d string) {
	old := [3]string{version, commit, date}
	version, commit, date = v, c, d
	t.Cleanup(func() { version, commit, date = old[0], old[1], old[2] })
}

func TestVersion(t *testing.T) {
	goVer := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	check := func(name, want string) {
		t.Helper()
		for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
			code, out, errs := runArgs(t, args...)
			if code != ExitOK || out != want+"\n" || errs != "" {
				t.Errorf("%s: %q: exit %d, stdout %q, stderr %q; want %q", name, args, code, out, errs, want)
			}
		}
	}
	// A release build: what -ldflags -X set.
	setVersion(t, "v1.2.3", "0123456789abcdef0123456789abcdef01234567", "2024-10-01T08:00:00Z")
	check("release", "macun-tui v1.2.3 (commit 0123456789abcdef0123456789abcdef01234567, built 2024-10-01T08:00:00Z, "+goVer+")")

	// go install …@v0.4.0, and a build with version control information.
	setVersion(t, "", "", "")
	old := buildInfo
	t.Cleanup(func() { buildInfo = old })
	buildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/macun-tui/macun-tui", Version: "v0.4.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "fedcba"}, {Key: "vcs.time", Value: "2025-01-02T03:04:05Z"}}}, true
	}
	check("go install", "macun-tui v0.4.0 (commit fedcba, built 2025-01-02T03:04:05Z, "+goVer+")")

	// go build in a checkout, without version control information.
	buildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/macun-tui/macun-tui", Version: "(devel)"}}, true
	}
	check("go build", "macun-tui devel (commit unknown, built unknown, "+goVer+")")
}

// TestMistakes: a mistyped command or flag, or a bad value, is one line on
// standard error, with the nearest command, flag or value when there is
// one, and the help to see; exit 2, nothing on standard output.
func TestMistakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"exprot"}, `macun-tui: unknown command "exprot"; did you mean "export"? (see macun-tui --help)`},
		{[]string{"exprot", "--tab", "industry"}, `macun-tui: unknown command "exprot"; did you mean "export"? (see macun-tui --help)`},
		{[]string{"vaildate", "x.json"}, `macun-tui: unknown command "vaildate"; did you mean "validate"? (see macun-tui --help)`},
		{[]string{"frobnicate"}, `macun-tui: unknown command "frobnicate" (see macun-tui --help)`},
		{[]string{"help", "exprot"}, `macun-tui help: unknown command "exprot"; did you mean "export"? (see macun-tui help --help)`},
		{[]string{"--lnag", "en"}, `macun-tui: unknown flag --lnag; did you mean --lang? (see macun-tui --help)`},
		{[]string{"--bogus"}, `macun-tui: unknown flag --bogus (see macun-tui --help)`},
		{[]string{"--theme", "blue"}, `macun-tui: --theme must be auto, dark or light, not "blue" (see macun-tui --help)`},
		{[]string{"--lang", "xx"}, `macun-tui: --lang must be zh or en, not "xx" (see macun-tui --help)`},
		{[]string{"--lang"}, `macun-tui: --lang needs a value (see macun-tui --help)`},
		{[]string{"validate"}, `macun-tui validate: expects one FILE, got 0 arguments (see macun-tui validate --help)`},
		{[]string{"validate", "a", "b"}, `macun-tui validate: expects one FILE, got 2 arguments (see macun-tui validate --help)`},
		{[]string{"version", "now"}, `macun-tui version: unexpected argument "now" (see macun-tui version --help)`},
		{[]string{"man"}, `macun-tui man: expects one DIR, got 0 arguments (see macun-tui man --help)`},
		{[]string{"completion", "tcsh"}, `macun-tui completion: unknown command "tcsh" (see macun-tui completion --help)`},
	} {
		code, out, errs := runArgs(t, tc.args...)
		if code != ExitUsage || out != "" || errs != tc.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr\n%q\nwant\n%q", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, errs := runArgs(t, args...)
		if code != ExitOK || errs != "" || strings.Count(out, "Exit codes:") != 1 || !strings.Contains(out, "Usage:\n  macun-tui [flags]\n") {
			t.Errorf("%q: exit %d, stderr %q, stdout\n%s", args, code, errs, out)
		}
		for _, cmd := range []string{"export", "validate", "version", "man", "completion"} {
			if !regexp.MustCompile(`(?m)^  ` + cmd + ` +\S`).MatchString(out) {
				t.Errorf("%q: the help does not list %s", args, cmd)
			}
		}
	}
	for _, args := range [][]string{{"export", "--help"}, {"help", "export"}} {
		code, out, _ := runArgs(t, args...)
		if code != ExitOK || !strings.Contains(out, "--format txt|md|csv|json") || !strings.Contains(out, "-o, --output FILE") {
			t.Errorf("%q: exit %d, stdout\n%s", args, code, out)
		}
	}
	// No line of a help is wider than 80 columns.
	for _, args := range [][]string{{"--help"}, {"export", "--help"}, {"validate", "--help"}, {"man", "--help"}} {
		_, out, _ := runArgs(t, args...)
		for _, l := range strings.Split(out, "\n") {
			if n := len([]rune(l)); n > 80 {
				t.Errorf("%q: line of %d characters: %q", args, n, l)
			}
		}
	}
}

// complete returns the candidates macun-tui offers a shell for args, the
// last being the word being completed, and the directive.
func complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	code, out, _ := runArgs(t, append([]string{"__complete"}, args...)...)
	if code != ExitOK {
		t.Fatalf("__complete %q: exit %d", args, code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var names []string
	for _, l := range lines[:len(lines)-1] {
		name, _, _ := strings.Cut(l, "\t")
		names = append(names, name)
	}
	return names, lines[len(lines)-1]
}

func TestCompletionValues(t *testing.T) {
	const noFiles, jsonFiles, dirs = ":4", ":8", ":16"
	for _, tc := range []struct {
		args      []string
		want      string
		directive string
	}{
		{[]string{""}, "completion export help man serve validate version", noFiles},
		{[]string{"ex"}, "export", noFiles},
		{[]string{"--lang", ""}, "zh en", noFiles},
		{[]string{"--theme", ""}, "auto dark light", noFiles},
		{[]string{"export", "--tab", ""}, "overview industry urban-rural governance projects all", noFiles},
		{[]string{"export", "--format", ""}, "txt md csv json", noFiles},
		{[]string{"export", "--mode", ""}, "charts table", noFiles},
		{[]string{"export", "--lang", ""}, "zh en", noFiles},
		{[]string{"export", "--data", ""}, "json", jsonFiles},
		{[]string{"validate", ""}, "json", jsonFiles},
		{[]string{"man", ""}, "", dirs},
		{[]string{"serve", "--lang", ""}, "zh en", noFiles},
		{[]string{"completion", ""}, "bash fish powershell zsh", noFiles},
	} {
		got, dir := complete(t, tc.args...)
		if strings.Join(got, " ") != tc.want || dir != tc.directive {
			t.Errorf("complete %q: %q %s, want %q %s", tc.args, got, dir, tc.want, tc.directive)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash":       "__start_macun-tui",
		"zsh":        "#compdef macun-tui",
		"fish":       "complete -c macun-tui",
		"powershell": "Register-ArgumentCompleter",
	} {
		code, out, errs := runArgs(t, "completion", shell)
		if code != ExitOK || errs != "" || !strings.Contains(out, marker) || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, stderr %q, %d bytes without %q", shell, code, errs, len(out), marker)
		}
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary builds macun-tui into a temporary directory once and returns its
// path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "macun-cmd-test-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "macun-tui")
		if out, err := exec.Command("go", "build", "-o", builtBin, "..").CombinedOutput(); err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	if h := os.Getenv(helperEnv); h != "" {
		os.Exit(helper(h))
	}
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

// TestCompletionInBash sources the bash script in bash and completes as
// bash would on a tab press.
func TestCompletionInBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	// The script needs bash-completion, as in any interactive bash.
	const lib = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(lib); err != nil {
		t.Skip("bash-completion is not installed:", err)
	}
	bin := binary(t)
	for line, want := range map[string]string{
		"macun-tui ex":                      "export",
		"macun-tui export --format ":        "txt md csv json",
		"macun-tui export --tab u":          "urban-rural",
		"macun-tui --th":                    "--theme",
		"macun-tui --theme l":               "light",
		"macun-tui export --mode charts -o": "-o",
	} {
		script := `source ` + lib + `
source <(macun-tui completion bash)
COMP_LINE="$LINE"; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<<"$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
__start_macun-tui
echo "${COMPREPLY[*]}"`
		c := exec.Command(bash, "--norc", "--noprofile", "-c", script)
		c.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"), "LINE="+line)
		out, err := c.Output() // bash's complaints outside a real tab press go to stderr
		if got := strings.TrimSpace(string(out)); err != nil || got != want {
			t.Errorf("bash completes %q to %q (%v), want %q", line, got, err, want)
		}
	}
}

func TestMan(t *testing.T) {
	setVersion(t, "v1.2.3", "abc", "2024-10-01T08:00:00Z")
	dir := filepath.Join(t.TempDir(), "man", "man1")
	if code, out, errs := runArgs(t, "man", dir); code != ExitOK || out != "" || errs != "" {
		t.Fatalf("man: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	root, err := os.ReadFile(filepath.Join(dir, "macun-tui.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`.TH "MACUN-TUI" "1" "Oct 2024" "macun-tui v1.2.3"`, ".SH EXIT STATUS", ".SH ENVIRONMENT", "COLORFGBG",
		`\fB--theme\fP=auto`, "macun-tui-export(1)"} {
		if !bytes.Contains(root, []byte(want)) {
			t.Errorf("macun-tui.1 lacks %q", want)
		}
	}
	export, err := os.ReadFile(filepath.Join(dir, "macun-tui-export.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`\fB--format\fP=txt`, `\fB--tab\fP=all`, "atomically", ".SH EXAMPLE"} {
		if !bytes.Contains(export, []byte(want)) {
			t.Errorf("macun-tui-export.1 lacks %q", want)
		}
	}
	// The same build writes the same pages.
	again := filepath.Join(t.TempDir(), "again")
	runArgs(t, "man", again)
	if b, _ := os.ReadFile(filepath.Join(again, "macun-tui.1")); !bytes.Equal(b, root) {
		t.Error("a second man wrote another macun-tui.1")
	}
	// A directory that cannot be made: exit 1, the reason.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if code, _, errs := runArgs(t, "man", filepath.Join(file, "man1")); code != ExitFailure || !strings.Contains(errs, "not a directory") {
		t.Errorf("man under a file: exit %d, stderr %q", code, errs)
	}
}
