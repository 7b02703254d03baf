// Package terminfo is macun-tui's pure-Go stand-in for github.com/xo/terminfo,
// wired in by a replace directive in the main module's go.mod.
//
// Why: the original's only use of os/user was user.Current() to find the home
// directory, and os/user's cgo implementation makes the Go linker produce a
// dynamically linked cgo binary, which costs 2-4 ms at every start. This
// copy uses os.UserHomeDir ($HOME) instead, so a plain `go build` is static.
//
// It implements only what the build graph uses (colorprofile.Terminfo calls
// Load and (*Terminfo).ExtBoolCapsShort), adapted from the original (MIT,
// see LICENSE): the same search order, cache, decoding checks and errors.
// It does not decode numbers or string values, and where the original panics
// on a corrupt file (a negative count in a header; an odd-length acsc string,
// which it reorders) this returns an error or does not look.
package terminfo

import (
	"bytes"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
)

// Error is a terminfo error.
type Error string

// Error satisfies the error interface.
func (err Error) Error() string { return string(err) }

// The errors, with the original's values.
const (
	ErrInvalidFileSize           Error = "invalid file size"
	ErrUnexpectedFileEnd         Error = "unexpected file end"
	ErrInvalidStringTable        Error = "invalid string table"
	ErrInvalidMagic              Error = "invalid magic"
	ErrInvalidHeader             Error = "invalid header"
	ErrInvalidNames              Error = "invalid names"
	ErrInvalidExtendedHeader     Error = "invalid extended header"
	ErrEmptyTermName             Error = "empty term name"
	ErrDatabaseDirectoryNotFound Error = "database directory not found"
	ErrFileNotFound              Error = "file not found"
)

const (
	maxFileLength = 4096   // the original's limit: larger files are rejected
	magic         = 0o432  // legacy format, 16-bit numbers
	magicExtended = 0o1036 // ncurses 6.1 format, 32-bit numbers
	// The original's counts of predefined capabilities; a header asking for
	// more is invalid.
	capCountBool, capCountNum, capCountString = 44, 39, 414
)

// Terminfo is a decoded terminfo entry (the part of the original's struct
// that this package fills in).
type Terminfo struct {
	File         string         // the file it was read from
	Names        []string       // the entry's names, e.g. xterm-256color
	ExtBools     map[int]bool   // extended booleans by index: value == 1
	ExtBoolNames map[int][]byte // their names by index, e.g. "RGB"
}

// ExtBoolCapsShort returns every extended boolean in the entry, keyed by
// name. Like the original, a cancelled one (e.g. "Tc@") is present with the
// value false.
func (ti *Terminfo) ExtBoolCapsShort() map[string]bool {
	m := make(map[string]bool, len(ti.ExtBools))
	for k, v := range ti.ExtBools {
		m[string(ti.ExtBoolNames[k])] = v
	}
	return m
}

var termCache = struct {
	db map[string]*Terminfo
	sync.RWMutex
}{db: make(map[string]*Terminfo)}

// Load finds the entry name as terminfo(5) says and decodes it. Directories,
// in order: $TERMINFO, $HOME/.terminfo, each of $TERMINFO_DIRS, /etc/terminfo,
// /lib/terminfo, /usr/share/terminfo. Decoded entries are cached by name.
func Load(name string) (*Terminfo, error) {
	if name == "" {
		return nil, ErrEmptyTermName
	}
	termCache.RLock()
	ti, ok := termCache.db[name]
	termCache.RUnlock()
	if ok {
		return ti, nil
	}
	var dirs []string
	if dir := os.Getenv("TERMINFO"); dir != "" {
		dirs = append(dirs, dir)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, path.Join(home, ".terminfo"))
	}
	if list := os.Getenv("TERMINFO_DIRS"); list != "" {
		dirs = append(dirs, strings.Split(list, ":")...)
	}
	dirs = append(dirs, "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo")
	for _, dir := range dirs {
		ti, err := Open(dir, name)
		if err == nil {
			return ti, nil
		}
		if err != ErrFileNotFound && !os.IsNotExist(err) {
			return nil, err // a bad file stops the search, as in the original
		}
	}
	return nil, ErrDatabaseDirectoryNotFound
}

// Open reads and decodes dir/<first char>/name, else dir/<hex of first
// byte>/name, and caches the result under each of the entry's names.
func Open(dir, name string) (*Terminfo, error) {
	var buf []byte
	var file string
	for _, f := range []string{
		path.Join(dir, name[0:1], name),
		path.Join(dir, strconv.FormatUint(uint64(name[0]), 16), name),
	} {
		if b, err := os.ReadFile(f); err == nil {
			buf, file = b, f
			break
		}
	}
	if buf == nil {
		return nil, ErrFileNotFound
	}
	ti, err := Decode(buf)
	if err != nil {
		return nil, err
	}
	ti.File = file
	termCache.Lock()
	for _, n := range ti.Names {
		termCache.db[n] = ti
	}
	termCache.Unlock()
	return ti, nil
}

// decoder reads a compiled entry front to back. After a failed read it
// keeps the first error and returns nil.
type decoder struct {
	buf []byte
	pos int
	err error
}

// bytes returns the next n bytes, then (if align) moves to an even offset.
func (d *decoder) bytes(n int, align bool) []byte {
	switch {
	case d.err != nil:
		return nil
	case n < 0: // a corrupt count; the original panics here
		d.err = ErrInvalidHeader
		return nil
	case len(d.buf)-d.pos < n:
		d.err = ErrUnexpectedFileEnd
		return nil
	}
	b := d.buf[d.pos : d.pos+n]
	d.pos += n
	if align {
		d.pos += d.pos % 2
	}
	return b
}

// ints reads n little-endian int16s, then moves to an even offset.
func (d *decoder) ints(n int) []int {
	b := d.bytes(2*n, true)
	if b == nil {
		return nil
	}
	z := make([]int, n)
	for i := range z {
		z[i] = int(int16(uint16(b[2*i]) | uint16(b[2*i+1])<<8))
	}
	return z
}

// Decode decodes a compiled terminfo entry (term(5)): header, names,
// booleans, numbers, string offsets and table, then ncurses' extended
// section, whose string table holds the extended string values followed by
// the names of the extended booleans, numbers and strings.
func Decode(buf []byte) (*Terminfo, error) {
	if len(buf) >= maxFileLength {
		return nil, ErrInvalidFileSize
	}
	d := &decoder{buf: buf}
	h := d.ints(6) // magic, names size, bools, nums, strings, table size
	if d.err != nil {
		return nil, d.err
	}
	numWidth := 2
	switch h[0] {
	case magic:
	case magicExtended:
		numWidth = 4
	default:
		return nil, ErrInvalidMagic
	}
	if h[2] > capCountBool || h[3] > capCountNum || h[4] > capCountString {
		return nil, ErrInvalidHeader
	}
	// The original's length check (it counts numbers as 2 bytes either way).
	if len(buf)-d.pos < h[1]+h[2]+(h[1]+h[2])%2+h[3]*2+h[4]*2+h[5] {
		return nil, ErrUnexpectedFileEnd
	}
	names := d.bytes(h[1], false)
	if d.err != nil {
		return nil, d.err
	}
	i := bytes.IndexByte(names, 0)
	if i < 0 {
		return nil, ErrInvalidNames
	}
	ti := &Terminfo{Names: strings.Split(string(names[:i]), "|")}
	d.bytes(h[2], true)          // booleans
	d.bytes(h[3]*numWidth, true) // numbers
	offsets := d.ints(h[4])
	table := d.bytes(h[5], true)
	if d.err != nil {
		return nil, d.err
	}
	if _, _, err := readStrings(offsets, table, h[4]); err != nil {
		return nil, err
	}
	if d.pos >= len(buf) {
		return ti, nil // no extended section
	}
	eh := d.ints(5) // ext bools, nums, strings, string offsets, table size
	if d.err != nil {
		return nil, d.err
	}
	nb, nn, ns := eh[0], eh[1], eh[2]
	if min(nb, nn, ns, eh[3], eh[4]) < 0 || nb+nn+2*ns != eh[3] ||
		len(buf)-d.pos != nb+nb%2+nn*numWidth+eh[3]*2+eh[4] {
		return nil, ErrInvalidExtendedHeader
	}
	// The lengths add up, so these reads cannot fail.
	bools := d.bytes(nb, true)
	d.bytes(nn*numWidth, true)
	offsets = d.ints(eh[3])
	table = d.bytes(eh[4], false)
	// Extended string values first; the names start after the last one.
	_, last, err := readStrings(offsets, table, ns)
	if err != nil {
		return nil, err
	}
	offsets, table = offsets[ns:], table[last:]
	if ti.ExtBoolNames, _, err = readStrings(offsets, table, nb); err != nil {
		return nil, err
	}
	if _, _, err = readStrings(offsets[nb:], table, nn); err != nil {
		return nil, err
	}
	if _, _, err = readStrings(offsets[nb+nn:], table, ns); err != nil {
		return nil, err
	}
	ti.ExtBools = make(map[int]bool, nb)
	for i, b := range bools {
		ti.ExtBools[i] = b == 1
	}
	return ti, nil
}

// readStrings returns the first n NUL-terminated strings of table at offsets
// (negative: absent), and the offset just past the last one read.
func readStrings(offsets []int, table []byte, n int) (map[int][]byte, int, error) {
	m := make(map[int][]byte)
	last := 0
	for i, start := range offsets[:n] {
		if start < 0 {
			continue
		}
		if start >= len(table) {
			return nil, 0, ErrInvalidStringTable
		}
		end := bytes.IndexByte(table[start:], 0)
		if end < 0 {
			return nil, 0, ErrInvalidStringTable
		}
		m[i], last = table[start:start+end], start+end+1
	}
	return m, last, nil
}
