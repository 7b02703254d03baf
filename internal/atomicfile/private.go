package atomicfile

// PrivatePerm is the mode of a file only its owner may read, such as a
// private key.
const PrivatePerm = 0o600

// CreatePrivate writes b to a new file path that only its owner can read
// (PrivatePerm, whatever the umask), whole or not at all. It never
// replaces a file: an existing path is fs.ErrExist.
func CreatePrivate(path string, b []byte) error { return writeNew(path, b, PrivatePerm) }
