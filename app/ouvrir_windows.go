//go:build windows

package app

import (
	"os/exec"
	"syscall"
)

// cacherFenetre keeps the helper's console window hidden.
func cacherFenetre(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
}
