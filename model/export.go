package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/macun-tui/macun-tui/views"
)

// exportedMsg reports the end of an export.
type exportedMsg struct {
	path string
	err  error
}

// exportCmd writes the current view (tab, language, mode, width) as plain
// text to a new file in the export directory, off the UI goroutine.
func (m *Model) exportCmd() tea.Cmd {
	o := m.opts()
	ds, tab, dir := m.c.DS, m.Tab(), m.c.ExportDir
	name := fmt.Sprintf("macun-%s-%s-%s", tab, o.Lang, m.c.Now().Format("20060102-150405"))
	return func() tea.Msg {
		text := views.ExportText(ds, []string{tab}, o)
		path, err := CreateNew(dir, name, ".txt", []byte(text))
		return exportedMsg{path: path, err: err}
	}
}

func (m *Model) exported(msg exportedMsg) {
	if msg.err != nil {
		m.setStatus(fmt.Sprintf(views.MsgExportError.In(m.lang), msg.err), true)
		return
	}
	m.setStatus(fmt.Sprintf(views.MsgExported.In(m.lang), msg.path), false)
}

// CreateNew writes b to a new file dir/base+ext, or base-2+ext, base-3+ext …
// if that exists; it never replaces a file. The bytes go to a temporary
// file first, which is linked into place only when complete, so a failure
// (read-only directory, full disk) leaves no partial file.
func CreateNew(dir, base, ext string, b []byte) (string, error) {
	tmp, err := writeTemp(dir, b, filePerm)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for i := 1; i < 1000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		err := placeNew(tmp, path, b, filePerm)
		if err == nil {
			return path, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("too many files named %s-N%s in %s", base, ext, dir)
}

// link is os.Link; tests replace it to stand for a file system without
// hard links.
var link = os.Link

// placeNew puts the complete temporary file tmp, holding b, at path if no
// file is there: a hard link, so path appears whole or not at all. On a
// file system without hard links (FAT and exFAT drives, some network and
// FUSE file systems: EPERM, EOPNOTSUPP, ENOSYS) path is created with
// O_EXCL instead and b written to it, and removed again if that fails; it
// still never replaces a file. An existing path is fs.ErrExist either way.
func placeNew(tmp, path string, b []byte, perm fs.FileMode) error {
	err := link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) ||
		!(errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS)) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if err := fill(f, b, perm); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// WriteFile writes b to path atomically (temporary file and rename). It
// refuses to replace an existing file unless force is set.
func WriteFile(path string, b []byte, force bool) error {
	perm := filePerm
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a directory", path)
		}
		// A replaced file keeps its permissions.
		perm = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, b, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if force {
		return os.Rename(tmp, path)
	}
	if err := placeNew(tmp, path, b, perm); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists (use --force to replace it)", path)
		}
		return err
	}
	return nil
}

// filePerm is the mode of a new export: os.CreateTemp makes its files
// private (0600), which an export, meant to be shared, should not be.
const filePerm fs.FileMode = 0o644

// writeTemp writes b to a new temporary file in dir with mode perm and
// returns its name; on failure nothing is left.
func writeTemp(dir string, b []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".macun-export-*")
	if err != nil {
		return "", err
	}
	if err := fill(f, b, perm); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// fill gives the new file f mode perm (whatever the umask), writes b,
// syncs and closes it; the caller removes it on failure.
func fill(f *os.File, b []byte, perm fs.FileMode) error {
	err := f.Chmod(perm)
	if err == nil {
		_, err = f.Write(b)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
