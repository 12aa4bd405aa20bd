//go:build linux

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// endWithParent makes the helper, and every `go` command it starts, end when lisbind ends, even
// when lisbind is killed with SIGKILL and cannot stop them: the helper leads a process group of
// its own (its `go list` children join it), asks the kernel for SIGTERM when its parent dies, and
// answers SIGTERM or SIGINT by killing the whole group. A Ctrl-C that reaches lisbind ends
// lisbind, and with it, this way, the helper.
func endWithParent() {
	parent := os.Getppid()
	if syscall.Setpgid(0, 0) != nil {
		return // already a group leader, or not allowed: nothing safe to kill as a group
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	go func() {
		<-signals
		killGroup()
	}()
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGTERM), 0); errno != 0 {
		return
	}
	if os.Getppid() != parent {
		killGroup() // the parent died before the request took effect
	}
}

func killGroup() {
	_ = syscall.Kill(-os.Getpid(), syscall.SIGKILL)
	os.Exit(143)
}

// hangForTest stands in for a long `go list` (LISBIND_EXTRACT_TEST_HANG): a child that sleeps,
// waited for, so that a test can kill lisbind and see both end.
func hangForTest() {
	child, err := os.StartProcess("/bin/sleep", []string{"sleep", "120"}, &os.ProcAttr{
		Files: []*os.File{nil, os.Stdout, os.Stderr},
	})
	if err != nil {
		os.Exit(2)
	}
	_, _ = child.Wait()
	os.Exit(0)
}
