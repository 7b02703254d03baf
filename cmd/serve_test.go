package cmd

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/macun-tui/macun-tui/data"
)

// Mistakes in serve's command line and files stop it before it listens,
// with one line and the documented exit code.
func TestServeMistakes(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	bad := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(bad, []byte("# readers\n\nssh-ed25519 not-base64 someone\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("# nobody yet\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage")
	if err := os.WriteFile(garbage, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	busy := taken.Addr().String()
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--idle-timeout", "0s"}, ExitUsage, "--idle-timeout must be a duration of 1s or more"},
		{[]string{"--idle-timeout", "soon"}, ExitUsage, "--idle-timeout must be a duration"},
		{[]string{"--max-sessions", "0"}, ExitUsage, "--max-sessions must be a whole number from 1"},
		{[]string{"--max-per-ip", "-1"}, ExitUsage, "--max-per-ip must be a whole number from 0"},
		{[]string{"--lang", "fr"}, ExitUsage, "--lang must be zh or en"},
		{[]string{"--authorized-keys", bad, "--host-key", key}, ExitUsage, bad + ":3: not a public key"},
		{[]string{"--authorized-keys", empty, "--host-key", key}, ExitUsage, "no keys: nobody could connect"},
		{[]string{"--authorized-keys", filepath.Join(dir, "missing"), "--host-key", key}, ExitUsage, "missing"},
		{[]string{"--host-key", filepath.Join(notDir, "key")}, ExitFailure, "cannot read the host key " + notDir + "/key: cannot read: not a directory"},
		{[]string{"--host-key", os.DevNull}, ExitFailure, "cannot read the host key " + os.DevNull + ": is a device, not a regular file"},
		{[]string{"--authorized-keys", os.DevNull, "--host-key", key}, ExitUsage, os.DevNull + ": is a device, not a regular file"},
		{[]string{"--host-key", garbage}, ExitFailure, "host key " + garbage + ": ssh: no key found"},
		{[]string{"--host-key", key, "--listen", "127.0.0.1:99999"}, ExitUsage, `--listen must be HOST:PORT (:23234 for every address), got "127.0.0.1:99999": port "99999" is not a number from 0 to 65535`},
		{[]string{"--listen", "nonsense"}, ExitUsage, `--listen must be HOST:PORT (:23234 for every address), got "nonsense": address nonsense: missing port in address`},
		{[]string{"--host-key", key, "--listen", busy}, ExitFailure, "cannot listen on " + busy},
		{[]string{"extra"}, ExitUsage, `unexpected argument "extra"`},
	} {
		code, out, errs := runArgs(t, append([]string{"serve"}, c.args...)...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		last := lines[len(lines)-1] // the log may have said the key was made
		if code != c.code || out != "" || !strings.Contains(last, c.says) {
			t.Errorf("serve %q: exit %d, stdout %q, stderr %q; want %d and %q", c.args, code, out, errs, c.code, c.says)
		}
	}
}

func TestSessionLang(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		def  data.Lang
		want data.Lang
	}{
		{nil, data.ZH, data.ZH},
		{nil, data.EN, data.EN},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, data.EN, data.ZH},
		{map[string]string{"LANG": "en_GB.UTF-8"}, data.ZH, data.EN},
		{map[string]string{"LANG": "zh_TW.UTF-8", "LC_ALL": "C"}, data.ZH, data.EN},
		{map[string]string{"LC_MESSAGES": "zh_CN"}, data.EN, data.ZH},
	} {
		if got := sessionLang(func(k string) string { return c.env[k] }, c.def); got != c.want {
			t.Errorf("%v, default %s: %s, want %s", c.env, c.def, got, c.want)
		}
	}
}
