package atomicfile

import (
	"os"
	"path/filepath"
)

// PrivatePerm is the mode of a file only its owner may read, such as a
// private key.
const PrivatePerm = 0o600

// CreatePrivate writes b to a new file path that only its owner can read
// (PrivatePerm, whatever the umask), whole or not at all. It never
// replaces a file: an existing path is fs.ErrExist.
func CreatePrivate(path string, b []byte) error {
	tmp, err := writeTemp(filepath.Dir(path), b, PrivatePerm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return placeNew(tmp, path, b, PrivatePerm)
}
