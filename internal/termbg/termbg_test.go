package termbg

import (
	"io"
	"os"
	"testing"
	"time"
)

func TestAnswer(t *testing.T) {
	until := time.Now().Add(time.Minute)
	for _, tc := range []struct {
		name, in          string
		dark, known, late bool
	}{
		{"black, BEL", "\x1b]11;rgb:0000/0000/0000\x07\x1b[12;1R", true, true, false},
		{"white, ST", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, true, false},
		{"two-digit light", "\x1b]11;rgb:ee/ee/dd\x07\x1b[3;40R", false, true, false},
		{"dark blue", "\x1b]11;rgb:1e1e/1e1e/2e2e\x07\x1b[1;1R", true, true, false},
		{"no OSC 11: cursor only", "\x1b[5;1R", false, false, false},
		{"colour only, cursor late", "\x1b]11;rgb:ffff/ffff/ffff\x07", false, true, true},
		{"nothing", "", false, false, true},
		{"not rgb", "\x1b]11;cmy:1/1/1\x07\x1b[1;1R", false, false, false},
		{"garbage around", "x\x1b[A\x1b]11;rgb:0/0/0\x07y\x1b[9;9R", true, true, false},
		{"cut short", "\x1b]11;rgb:ffff/ff", false, false, true},
	} {
		r := answer([]byte(tc.in), until)
		if r.Dark != tc.dark || r.Known != tc.known || r.Late() != tc.late {
			t.Errorf("%s: dark %v known %v late %v, want %v %v %v", tc.name, r.Dark, r.Known, r.Late(), tc.dark, tc.known, tc.late)
		}
	}
}

func TestCPRReply(t *testing.T) {
	for in, want := range map[string]int{
		"\x1b[1;1R":    6,
		"\x1b[24;80Rx": 8,
		"\x1b[;1R":     0,
		"\x1b[1;R":     0,
		"\x1b[1R":      0,
		"\x1b[1;2;3R":  0,
		"\x1b[1;2":     0,
		"\x1b[A":       0,
	} {
		if got := cprReply([]byte(in)); got != want {
			t.Errorf("cprReply(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestLateInputDrops: answers that come after Ask gave up are dropped from
// the input, once each; the keys around them pass.
func TestLateInputDrops(t *testing.T) {
	late := Result{oscDue: true, cprDue: true, until: time.Now().Add(time.Minute)}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	in := late.Input(r)
	if _, ok := in.(*lateInput); !ok {
		t.Fatalf("Input of a late result is %T, want the filter", in)
	}
	reads := []string{
		"\x1b]11;rgb:ffff/ffff/ffff\x07",  // the answer alone
		"2\x1b[7;1Rj",                     // keys around the cursor report
		"\x1b[7;1R\x1b]11;rgb:0/0/0\x07q", // again: not due any more
	}
	var got []string
	for _, s := range reads {
		if _, err := io.WriteString(w, s); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 256)
		n, err := in.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(buf[:n]))
	}
	want := []string{"", "2j", "\x1b[7;1R\x1b]11;rgb:0/0/0\x07q"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("read %d: %q, want %q", i, got[i], want[i])
		}
	}
	if l := in.(*lateInput); l.r.Late() || l.r.Dark || !l.r.Known {
		t.Errorf("after the late answers: %+v", l.r)
	}
	// Past the window nothing is dropped.
	past := Result{oscDue: true, cprDue: true, until: time.Now().Add(-time.Second)}
	in = past.Input(r)
	io.WriteString(w, "\x1b[1;1R")
	buf := make([]byte, 16)
	if n, _ := in.Read(buf); string(buf[:n]) != "\x1b[1;1R" {
		t.Errorf("after the window: %q", buf[:n])
	}
	// Nothing due: the input itself.
	if in := (Result{Known: true}).Input(r); in != File(r) {
		t.Errorf("Input of a complete answer is %T, want the file itself", in)
	}
	w.Close()
	if n, err := in.Read(buf); n != 0 || err != io.EOF {
		t.Errorf("at the end: %d, %v", n, err)
	}
}
