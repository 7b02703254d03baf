package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by release builds (scripts/release) with
// -ldflags "-X github.com/macun-tui/macun-tui/cmd.version=… -X …commit=… -X …date=…".
// Empty, they come from the build information Go records: the module
// version for `go install …@version`, and the commit and its date when
// the build had version control information (-buildvcs).
var (
	version string
	commit  string
	date    string
)

// buildInfo is debug.ReadBuildInfo, replaced in tests.
var buildInfo = debug.ReadBuildInfo

// versionInfo is the version, commit and build date of this binary;
// "unknown" for what neither the release build nor Go recorded.
func versionInfo() (ver, rev, when string) {
	ver, rev, when = version, commit, date
	if info, ok := buildInfo(); ok {
		if ver == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			ver = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && rev == "":
				rev = s.Value
			case s.Key == "vcs.time" && when == "":
				when = s.Value
			}
		}
	}
	if ver == "" {
		ver = "devel"
	}
	if rev == "" {
		rev = "unknown"
	}
	if when == "" {
		when = "unknown"
	}
	return ver, rev, when
}

// versionString is what --version and version print after the name.
func versionString() string {
	ver, rev, when := versionInfo()
	return fmt.Sprintf("%s (commit %s, built %s, %s %s/%s)", ver, rev, when, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func (a *app) newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build date",
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(a.stdout, "%s %s\n", c.Root().Name(), versionString())
			return err
		},
	}
}
