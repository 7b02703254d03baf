//go:build !unix

package cmd

import (
	"os"
	"syscall"
)

// The signals the dashboard catches: those that end it. There is no job
// control.
var (
	quitSignals = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT}
	stopSignal  os.Signal
	contSignal  os.Signal
)

func canSuspend() bool { return false }

func stopGroup() {}
