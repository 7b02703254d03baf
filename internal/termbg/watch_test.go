package termbg

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// chunks reads each string in one Read, as a terminal's answer comes in
// one piece.
type chunks []string

func (c *chunks) Read(p []byte) (int, error) {
	if len(*c) == 0 {
		return 0, io.EOF
	}
	n := copy(p, (*c)[0])
	*c = (*c)[1:]
	return n, nil
}

func TestWatch(t *testing.T) {
	cases := []struct {
		name   string
		in     chunks
		window time.Duration
		want   string
		told   []bool
	}{
		{"dark answer before keys", chunks{"\x1b]11;rgb:0000/0000/0000\x07\x1b[24;1R", "jk"}, time.Minute, "jk", []bool{true}},
		{"light answer among keys", chunks{"j", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\", "k\x1b[3;7R", "q"}, time.Minute, "jkq", []bool{false}},
		{"no OSC 11: only the position", chunks{"\x1b[1;1R", "j"}, time.Minute, "j", nil},
		{"keys only", chunks{"abc", "\x1b[A"}, time.Minute, "abc\x1b[A", nil},
		{"a second position report is a key", chunks{"\x1b[1;1R", "\x1b[2;2R"}, time.Minute, "\x1b[2;2R", nil},
		{"after the window nothing is dropped", chunks{"\x1b]11;rgb:0/0/0\x07"}, -time.Second, "\x1b]11;rgb:0/0/0\x07", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var told []bool
			in := c.in
			r := Watch(&in, c.window, func(dark bool) { told = append(told, dark) })
			var got strings.Builder
			buf := make([]byte, 64)
			for range 10 {
				n, err := r.Read(buf)
				got.Write(buf[:n])
				if err != nil {
					break
				}
			}
			if got.String() != c.want {
				t.Errorf("program read %q, want %q", got.String(), c.want)
			}
			if len(told) != len(c.told) || (len(told) == 1 && told[0] != c.told[0]) {
				t.Errorf("answered with %v, want %v", told, c.told)
			}
		})
	}
}

func TestWatchPassesErrors(t *testing.T) {
	r := Watch(iotest.ErrReader(io.ErrClosedPipe), time.Minute, nil)
	if _, err := r.Read(make([]byte, 8)); err != io.ErrClosedPipe {
		t.Errorf("err = %v, want the stream's", err)
	}
}
