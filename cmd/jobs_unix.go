//go:build unix

package cmd

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// The signals the dashboard catches: those that end it, restoring the
// terminal (SIGHUP: the terminal went away; SIGQUIT, whose default is a
// dump in raw mode on the alternate screen), and job control's.
var (
	quitSignals           = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT}
	stopSignal  os.Signal = syscall.SIGTSTP
	contSignal  os.Signal = syscall.SIGCONT
)

// canSuspend reports whether stopping the process lets a shell take the
// terminal: whether its process group is not orphaned, that is, some
// ancestor in the group's line is in another group of its session (the
// shell that started it as a job). Started by setsid, as a container's
// first process, or after its shell went away, it would not be stopped
// by SIGTSTP, and no shell would continue it.
func canSuspend() bool {
	sid, err := unix.Getsid(0)
	if err != nil {
		return false
	}
	pgrp := unix.Getpgrp()
	for pid := os.Getppid(); pid > 1; {
		if psid, err := unix.Getsid(pid); err != nil || psid != sid {
			return false
		}
		if pg, err := unix.Getpgid(pid); err != nil || pg != pgrp {
			return err == nil
		}
		next, ok := parentOf(pid)
		if !ok {
			return true // cannot look further: a wrapper script run as a shell's job
		}
		pid = next
	}
	return false
}

// parentOf is the parent of process pid, where /proc says (Linux).
func parentOf(pid int) (int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// pid (comm) state ppid …; comm may hold spaces and parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(f[1])
	return ppid, err == nil
}

// stopGroup stops the process group, as the terminal's ctrl+z would: the
// shell that runs it as a job sees it stopped and takes the terminal.
func stopGroup() { syscall.Kill(0, syscall.SIGSTOP) }
