//go:build !unix

package termbg

import (
	"os"
	"time"
)

// ask does not ask: without select(2) a read of the console cannot be
// given a timeout here, and a blocked read would keep the first key press
// from the program.
func ask(*os.File, time.Duration) ([]byte, bool) { return nil, false }
