package serve

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"github.com/macun-tui/macun-tui/internal/atomicfile"
	"github.com/macun-tui/macun-tui/internal/regularfile"
)

// LoadHostKey reads the server's private key from path or, when there is
// no file there, makes a new ed25519 key and writes it there first: mode
// 0600, whole or not at all, never over another file (two servers
// starting at once both use the one written first). A missing directory
// is made, readable by its owner only. created says whether the key is
// new.
func LoadHostKey(path string) (key gossh.Signer, created bool, err error) {
	b, err := regularfile.Read(path, maxKeyFile)
	if errors.Is(err, fs.ErrNotExist) {
		if err := writeHostKey(path); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, false, fmt.Errorf("cannot create the host key %s: %w", path, err)
		} else if err == nil {
			created = true
		}
		b, err = regularfile.Read(path, maxKeyFile)
	}
	if err != nil {
		return nil, false, fmt.Errorf("cannot read the host key %s: %w", path, err)
	}
	key, err = gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return key, created, nil
}

// maxKeyFile is the largest host key or authorized_keys file read.
const maxKeyFile = 1 << 20

func writeHostKey(path string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(priv, "macun-tui serve host key")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.CreatePrivate(path, pem.EncodeToMemory(block))
}

// LoadAuthorizedKeys reads an authorized_keys file (one public key a
// line, as OpenSSH writes them; blank lines and # comments skipped). A
// line that is not a key is an error that names it, FILE:LINE: a typo
// must not lock every reader out, or let anyone in.
func LoadAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	b, err := regularfile.Read(path, maxKeyFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var keys []gossh.PublicKey
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (%v)", path, n, err)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no keys: nobody could connect", path)
	}
	return keys, nil
}

// Fingerprint is the SHA256 fingerprint of a key, as ssh shows it.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
