package data

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unsafe"
)

//go:embed macun.json source/*.txt
var embedded embed.FS

// embeddedJSON is macun.json as a string: decoded where the binary holds
// it, without a copy.
//
//go:embed macun.json
var embeddedJSON string

// DefaultFile is the name of the embedded dataset in messages.
const DefaultFile = "macun.json"

// MaxFileSize is the largest dataset (and article) file read: 16 MiB.
const MaxFileSize = 16 << 20

var (
	defaultOnce sync.Once
	defaultDS   *Dataset
)

// Default returns the embedded dataset. It panics if the embedded file is
// invalid, which the tests rule out.
func Default() *Dataset {
	defaultOnce.Do(func() {
		// The dataset's strings share the embedded text rather than a copy
		// of it (a cold start pays for every fresh page). The decoder only
		// reads its input, which is read-only memory here.
		b := unsafe.Slice(unsafe.StringData(embeddedJSON), len(embeddedJSON))
		var err error
		defaultDS, err = parse(DefaultFile, b, embeddedJSON, func(p string) ([]byte, error) { return embedded.ReadFile(p) })
		if err != nil {
			panic("embedded dataset: " + err.Error())
		}
	})
	return defaultDS
}

// Load decodes a dataset from r without an article; problems name the
// file "<input>".
func Load(r io.Reader) (*Dataset, error) {
	const name = "<input>"
	b, err := readLimited(r, -1)
	if err != nil {
		return nil, fileProblem(name, "%v", err)
	}
	return parseOwned(name, b, nil)
}

// LoadFile reads, decodes and checks the dataset file at path, and the
// article its meta.article names (relative to the file's directory).
// Every error is a *ProblemsError whose problems name path as given.
func LoadFile(path string) (*Dataset, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, fileProblem(path, "%v", err)
	}
	dir := filepath.Dir(path)
	return parseOwned(path, b, func(article string) ([]byte, error) {
		return readFile(filepath.Join(dir, filepath.FromSlash(article)))
	})
}

// readFile reads a file of at most MaxFileSize bytes. Its errors do not
// repeat the path.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, osErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, osErr(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
	if st.Mode().IsRegular() && st.Size() > MaxFileSize {
		return nil, tooLarge(st.Size())
	}
	return readLimited(f, st.Size())
}

// readLimited reads r to the end, failing when it holds more than
// MaxFileSize bytes (sizeHint, when >= 0, is the expected size).
func readLimited(r io.Reader, sizeHint int64) ([]byte, error) {
	b, err := readAll(io.LimitReader(r, MaxFileSize+1), sizeHint)
	if err != nil {
		return nil, osErr(err)
	}
	if len(b) > MaxFileSize {
		if sizeHint > MaxFileSize {
			return nil, tooLarge(sizeHint)
		}
		return nil, fmt.Errorf("file is too large (more than %d bytes; the limit is 16 MiB)", MaxFileSize)
	}
	return b, nil
}

// readAll reads r to the end like io.ReadAll, starting with room for
// sizeHint+1 bytes (so that a file of the expected size is read without
// growing the buffer).
func readAll(r io.Reader, sizeHint int64) ([]byte, error) {
	n := 512
	if sizeHint >= 0 && sizeHint <= MaxFileSize {
		n = max(n, int(sizeHint)+1)
	}
	b := make([]byte, 0, n)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		m, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+m]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

func tooLarge(size int64) error {
	return fmt.Errorf("file is too large (%d bytes; the limit is 16 MiB)", size)
}

// osErr describes an error of opening or reading a file without its path.
func osErr(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("file does not exist")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %v", pe.Err)
	}
	return fmt.Errorf("cannot read: %v", err)
}

// Parse decodes and checks a dataset; name is the file name used in
// problems. readArticle, when not nil, reads the article the dataset names
// (a slash-separated path relative to the dataset file), and every source
// sentence is then looked up in it; the dataset keeps the buffer it
// returns as its Article, so it must not be changed afterwards. The error, if any, is a *ProblemsError
// holding every problem found.
func Parse(name string, b []byte, readArticle func(string) ([]byte, error)) (*Dataset, error) {
	switch {
	case len(b) == 0:
		return nil, fileProblem(name, "file is empty")
	case len(b) > MaxFileSize:
		return nil, fileProblem(name, "%v", tooLarge(int64(len(b))))
	}
	return parse(name, b, string(b), readArticle)
}

// parseOwned is Parse of a buffer that nothing else holds or changes: the
// dataset's strings may share its memory.
func parseOwned(name string, b []byte, readArticle func(string) ([]byte, error)) (*Dataset, error) {
	var s string
	if len(b) > 0 && len(b) <= MaxFileSize {
		s = unsafe.String(&b[0], len(b))
	}
	return parse(name, b, s, readArticle)
}

// parse is Parse; s holds the same bytes as b.
func parse(name string, b []byte, s string, readArticle func(string) ([]byte, error)) (*Dataset, error) {
	switch {
	case len(b) == 0:
		return nil, fileProblem(name, "file is empty")
	case len(b) > MaxFileSize:
		return nil, fileProblem(name, "%v", tooLarge(int64(len(b))))
	}
	d := &decoder{
		name:       name,
		b:          b,
		lex:        &lexer{b: b, s: s},
		stack:      make([]step, 0, 8),
		hintN:      -1,
		categories: keysOf(categories),
		stages:     keysOf(stages),
		noteKinds:  keysOf(noteKinds),
		tabs:       TabIDs(),
	}
	ds := new(Dataset)
	stopped := d.run(ds, readArticle)
	if err := d.err(stopped); err != nil {
		return nil, err
	}
	return ds, nil
}

// run decodes and checks; it reports whether it stopped at MaxProblems.
func (d *decoder) run(ds *Dataset, readArticle func(string) ([]byte, error)) (stopped bool) {
	if off := firstInvalidUTF8(d.b); off >= 0 {
		d.add(off, nil, "invalid UTF-8 (byte 0x%02X); the file must be UTF-8 encoded", d.b[off])
		return false
	}
	if len(d.b) >= 3 && d.b[0] == 0xEF && d.b[1] == 0xBB && d.b[2] == 0xBF {
		d.add(0, nil, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
		return false
	}
	defer func() {
		switch r := recover().(type) {
		case nil:
		case tooMany:
			stopped = true
		case *syntaxError:
			// the problem cap does not apply: a syntax error is always shown
			d.probs = append(d.probs, offProblem{r.off, r.msg})
		default:
			panic(r)
		}
	}()
	d.dataset(ds)
	d.lex.ws()
	if d.lex.i < len(d.b) {
		d.lex.fail(d.lex.i, "syntax error: unexpected %s after the dataset object", d.lex.describe(d.lex.i))
	}
	d.check(ds, readArticle)
	return false
}
