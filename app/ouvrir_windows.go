//go:build windows

package app

import (
	"os/exec"
	"syscall"
	"unsafe"
)

var procShellExecuteW = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// cacherFenetre keeps the helper's console window hidden.
func cacherFenetre(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
}

// imprimerSysteme asks the shell to run the « print » verb of path's default
// program; it fails (SE_ERR_NOASSOC) when that program has none, as Edge,
// the default PDF reader of Windows 11.
func imprimerSysteme(path string) error {
	verbe, err := syscall.UTF16PtrFromString("print")
	if err != nil {
		return err
	}
	fichier, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const swHide = 0
	r, _, _ := procShellExecuteW.Call(0, uintptr(unsafe.Pointer(verbe)), uintptr(unsafe.Pointer(fichier)), 0, 0, swHide)
	return erreurShell(r)
}
