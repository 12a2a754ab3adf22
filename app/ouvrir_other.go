//go:build !windows

package app

import "os/exec"

// cacherFenetre has nothing to hide outside Windows.
func cacherFenetre(*exec.Cmd) {}
