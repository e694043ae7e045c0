//go:build !linux

package redisstore_test

import "os/exec"

// setParentDeathSignal is a no-op where Pdeathsig does not exist; t.Cleanup
// and TestMain still kill the server.
func setParentDeathSignal(*exec.Cmd) {}
