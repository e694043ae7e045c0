package redisstore_test

import (
	"os/exec"
	"syscall"
)

// setParentDeathSignal kills redis-server when the test binary dies, so no
// server outlives a crashed or killed test run.
func setParentDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
