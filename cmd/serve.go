package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/internal/serve"
)

// Serve's defaults and limits.
const (
	defaultListen = "127.0.0.1:23234"
	// stopBudget is how long SIGTERM may take: sessions are told, and
	// what is left is closed before it is over.
	stopBudget = 8 * time.Second
	maxLimit   = 1_000_000
)

// served is what a command run over SSH gets from the server instead of
// its own flags and environment: the server's dataset and the session's
// language.
type served struct {
	ds   *data.Dataset
	lang data.Lang
}

// dataset is the dataset of a command: the served one in a session, else
// the one f names.
func (a *app) dataset(f *commonFlags) (*data.Dataset, error) {
	if a.served != nil {
		return a.served.ds, nil
	}
	return f.dataset()
}

// language is the language of a command: --lang, else the session's in a
// session, else the locale's.
func (a *app) language(f *commonFlags) data.Lang {
	if a.served != nil && f.lang.value == "" {
		return a.served.lang
	}
	return f.language()
}

// newServeCmd is `serve`: the dashboard over SSH.
func (a *app) newServeCmd() *cobra.Command {
	var f commonFlags
	var listen, hostKey, authKeys string
	maxSessions := &boundedInt{value: serve.DefaultMaxSessions, min: 1, max: maxLimit}
	maxPerIP := &boundedInt{value: 0, min: 0, max: maxLimit}
	idle := &boundedDuration{value: serve.DefaultIdleTimeout, min: time.Second}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the dashboard over SSH, to readers who install nothing",
		Long: `serve runs an SSH server that opens the dashboard for everyone who connects
with ssh: each reader gets their own dashboard, in the language their
terminal sends (LANG, LC_ALL) or --lang, sized and coloured for their
terminal. Nothing is installed on their side.

  ssh -p 23234 HOST                       the dashboard
  ssh -p 23234 HOST export --tab industry the export command's output

In a session, e and Y copy the view's text and y a figure's citation to the
reader's clipboard (OSC 52); nothing is written on the server. A command
other than export, a shell without a terminal, sftp, and port or agent
forwarding are refused. Without --authorized-keys anyone may connect: it is
a public, read-only dashboard.

The host key is made on the first start (ed25519, mode 0600) and kept. Each
session start and end is logged to standard error. SIGTERM or SIGINT stops
accepting, tells open sessions, and exits 0 within 10 s.`,
		Example: `  macun-tui serve                            on 127.0.0.1:23234
  macun-tui serve --listen :23234            for everyone who can reach port 23234
  macun-tui serve --authorized-keys ~/.ssh/authorized_keys --max-per-ip 4`,
		RunE: func(*cobra.Command, []string) error {
			return a.runServe(&f, listen, hostKey, authKeys, maxSessions.value, maxPerIP.value, idle.value)
		},
	}
	fl := c.Flags()
	fl.StringVar(&listen, "listen", defaultListen, "listen on `HOST:PORT` (:23234 for every address)")
	fl.StringVar(&hostKey, "host-key", "", "the server's private key `FILE`, made on the first start "+
		"(default ~/.config/macun-tui/ssh_host_ed25519_key on Linux, the user's config directory elsewhere)")
	fl.StringVar(&authKeys, "authorized-keys", "", "let in only the public keys in `FILE` (authorized_keys format); "+
		"without it anyone may connect")
	fl.Var(maxSessions, "max-sessions", "sessions at once; past it a reader is told the server is busy")
	fl.Var(maxPerIP, "max-per-ip", "sessions at once from one address (0: no limit)")
	fl.Var(idle, "idle-timeout", "close a dashboard after this long without a key: 90s, 15m, 1h")
	for _, n := range []string{"host-key", "authorized-keys"} {
		if err := c.MarkFlagFilename(n); err != nil {
			panic(err)
		}
	}
	addCommonFlags(c, &f, "7-bit borders, bars and quotes in every session")
	fl.Lookup("lang").Usage = "language of a session whose terminal sends no LC_ALL, LC_MESSAGES or LANG " +
		"(default: the server's own, from the same variables)"
	fl.SortFlags = false
	return c
}

func (a *app) runServe(f *commonFlags, listen, hostKeyPath, authPath string, maxSessions, maxPerIP int, idle time.Duration) error {
	if err := checkListen(listen); err != nil {
		return err
	}
	ds, err := f.dataset()
	if err != nil {
		return err
	}
	var authorized []gossh.PublicKey
	if authPath != "" {
		if authorized, err = serve.LoadAuthorizedKeys(authPath); err != nil {
			return inputError{err}
		}
	}
	if hostKeyPath == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return usagef("no config directory for the host key (%v): give --host-key FILE", err)
		}
		hostKeyPath = filepath.Join(dir, "macun-tui", "ssh_host_ed25519_key")
	}
	key, created, err := serve.LoadHostKey(hostKeyPath)
	if err != nil {
		return err
	}
	logger := log.NewWithOptions(a.stderr, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	// wish's middleware logs through the default logger.
	log.SetDefault(logger)
	if created {
		logger.Info("host key created", "file", hostKeyPath)
	}
	def := f.language()
	srv, err := serve.New(serve.Options{
		HostKey: key, AuthorizedKeys: authorized,
		MaxSessions: maxSessions, MaxPerIP: maxPerIP, IdleTimeout: idle,
		DS: ds, ASCII: f.ascii,
		Language: func(getenv func(string) string) data.Lang { return sessionLang(getenv, def) },
		Exec: func(args []string, l data.Lang, out, errw io.Writer) (int, string) {
			return a.remote(ds, args, l, out, errw)
		},
		Log: logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", listen, err)
	}
	// Signals are caught from here on: the line below tells that the
	// server is up, and a signal after it must stop it cleanly.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sig)
	access := "anyone"
	if authorized != nil {
		access = fmt.Sprintf("%d authorized keys", len(authorized))
	}
	logger.Info("serving the dashboard over SSH", "addr", ln.Addr().String(), "host-key", serve.Fingerprint(key.PublicKey()),
		"access", access, "max-sessions", maxSessions, "lang", def)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("server stopped: %w", err)
	case s := <-sig:
		logger.Info("stopping", "signal", s.String(), "sessions", srv.Sessions())
	}
	ctx, cancel := context.WithTimeout(context.Background(), stopBudget)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		logger.Warn("sessions still open were closed", "error", err)
	}
	if err := <-served; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// sessionLang is a session's language: its LC_ALL, LC_MESSAGES or LANG
// when it sent one, else def.
func sessionLang(getenv func(string) string, def data.Lang) data.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if getenv(k) != "" {
			return envLang(getenv)
		}
	}
	return def
}

// remoteOnly are the export flags refused over SSH, and why.
var remoteOnly = []struct{ name, why string }{
	{"output", "redirect the output on your side instead: ssh HOST export ... > FILE"},
	{"force", "nothing is written on the server"},
	{"data", "the server shows its own dataset"},
}

// remote runs a command sent over SSH: export, exactly as on the command
// line (the same code prints the same bytes), on the server's dataset and
// in the session's language; -o, --force and --data are refused, and
// every other command. It returns the exit status and what to log.
func (a *app) remote(ds *data.Dataset, args []string, l data.Lang, stdout, stderr io.Writer) (int, string) {
	if len(args) == 0 || args[0] != "export" {
		fmt.Fprintln(stderr, `macun-tui: only "export" runs over SSH (ssh HOST export --help); connect without a command for the dashboard`)
		return ExitUsage, "refused: command"
	}
	sub := &app{stdin: strings.NewReader(""), stdout: &checkedWriter{w: stdout}, term: stdout, stderr: stderr, served: &served{ds: ds, lang: l}}
	root := &cobra.Command{Use: "macun-tui"}
	export := sub.newExportCmd()
	for _, r := range remoteOnly {
		export.Flags().Lookup(r.name).Hidden = true
		export.PreRunE = chainPreRun(export.PreRunE, func(c *cobra.Command) error {
			if c.Flags().Changed(r.name) {
				return usagef("%s is not available over SSH; %s", flagName(c, r.name), r.why)
			}
			return nil
		})
	}
	root.AddCommand(export)
	root.SetIn(sub.stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	setup(root)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError(c, err) })
	c, err := root.ExecuteC()
	return sub.report(root, c, err), "export"
}

// chainPreRun runs prev, then check.
func chainPreRun(prev func(*cobra.Command, []string) error, check func(*cobra.Command) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(c, args); err != nil {
				return err
			}
		}
		return check(c)
	}
}

// flagName is a flag as it is typed: -o for output, --data for data.
func flagName(c *cobra.Command, name string) string {
	if f := c.Flags().Lookup(name); f != nil && f.Shorthand != "" {
		return "-" + f.Shorthand
	}
	return "--" + name
}

// boundedDuration is a duration flag of at least min.
type boundedDuration struct {
	value, min time.Duration
}

// String is the duration as it is typed: 15m, not 15m0s.
func (b *boundedDuration) String() string {
	s := b.value.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
func (b *boundedDuration) Type() string { return "DURATION" }

func (b *boundedDuration) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d < b.min {
		return fmt.Errorf("must be a duration of %s or more, such as 15m or 1h", b.min)
	}
	b.value = d
	return nil
}

// checkListen tells a --listen that is not HOST:PORT with a port from 0
// to 65535 as a usage error; one that is, but cannot be listened on (in
// use, not this machine's), fails when the server starts.
func checkListen(listen string) error {
	_, port, err := net.SplitHostPort(listen)
	if _, perr := strconv.ParseUint(port, 10, 16); err == nil && perr != nil {
		err = fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	if err != nil {
		return usagef("--listen must be HOST:PORT (:23234 for every address), got %q: %v", listen, err)
	}
	return nil
}
