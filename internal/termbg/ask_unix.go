//go:build unix

package termbg

import (
	"bytes"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// ask writes Query to tty in raw mode and returns what came back within
// timeout; it stops early once the cursor position report is in, which
// comes last. asked is false when tty is not a terminal.
func ask(tty *os.File, timeout time.Duration) (buf []byte, asked bool) {
	fd := tty.Fd()
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, false
	}
	defer term.Restore(fd, old) //nolint:errcheck
	if _, err := tty.WriteString(Query); err != nil {
		return nil, false
	}
	deadline := time.Now().Add(timeout)
	chunk := make([]byte, 256)
	for time.Now().Before(deadline) {
		var fds unix.FdSet
		fds.Set(int(fd))
		tv := unix.NsecToTimeval(int64(time.Until(deadline)))
		n, err := unix.Select(int(fd)+1, &fds, nil, nil, &tv)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		k, err := tty.Read(chunk)
		if err != nil {
			break
		}
		buf = append(buf, chunk[:k]...)
		if i := bytes.LastIndex(buf, []byte("\x1b[")); i >= 0 && cprReply(buf[i:]) > 0 {
			break
		}
	}
	return buf, true
}
