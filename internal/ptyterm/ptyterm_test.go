package ptyterm

import "testing"

// TestGotAnswersInOrder: queries are answered in the order asked, also
// when one is split over two reads.
func TestGotAnswersInOrder(t *testing.T) {
	var term Term
	if r := string(term.got([]byte("a" + QueryCursor + "b\x1b]1"))); r != ReplyCursor {
		t.Errorf("first read: reply %q, want %q", r, ReplyCursor)
	}
	want := ReplyBackground + ReplyCursor
	if r := string(term.got([]byte("1;?\x07" + QueryCursor))); r != want {
		t.Errorf("second read: reply %q, want %q", r, want)
	}
	if term.Count(QueryBackground) != 1 || term.FirstOutput().IsZero() {
		t.Errorf("count %d, first output %v", term.Count(QueryBackground), term.FirstOutput())
	}
}

func TestSqueeze(t *testing.T) {
	if got := Squeeze("\x1b[1m[1 Over\n  view]\x1b[0m"); got != "[1Overview]" {
		t.Errorf("Squeeze: %q", got)
	}
}
