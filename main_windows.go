//go:build windows

package main

import (
	"io"
	"os"
	"strings"
	"syscall"
	"unsafe"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	user32            = syscall.NewLazyDLL("user32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procMessageBoxW   = user32.NewProc("MessageBoxW")
)

const (
	attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	mbOK                = 0x0
	mbIconError         = 0x10
	mbIconWarning       = 0x30
	mbSetForeground     = 0x10000
	mbTopmost           = 0x40000
)

// consoleParente: the exe is built -H=windowsgui, so Windows gives it no
// console. Outputs already redirected (to a file, a pipe) are kept; otherwise
// the program attaches to the console of cmd or PowerShell that started it,
// so a command's output is seen there. console is false when started from
// Explorer or a shortcut: nobody would read stderr.
func consoleParente() (stdout, stderr io.Writer, console bool) {
	outOK, errOK := utilisable(syscall.Stdout), utilisable(syscall.Stderr)
	if outOK && errOK {
		return os.Stdout, os.Stderr, true
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return os.Stdout, os.Stderr, false
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return os.Stdout, os.Stderr, false
	}
	if !outOK {
		os.Stdout = con
	}
	if !errOK {
		os.Stderr = con
	}
	return os.Stdout, os.Stderr, true
}

// utilisable tells whether a standard handle leads somewhere (console, file,
// pipe).
func utilisable(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN
}

// boiteErreur shows texte in a native error box, in front of other windows,
// and waits for the user to close it.
func boiteErreur(texte string) { boiteMessage(texte, mbIconError) }

// boiteAvertissement shows texte in a native warning box and waits.
func boiteAvertissement(texte string) { boiteMessage(texte, mbIconWarning) }

func boiteMessage(texte string, icone uintptr) {
	texte = strings.ReplaceAll(texte, "\x00", "")
	t, err := syscall.UTF16PtrFromString(texte)
	if err != nil {
		return
	}
	titre, _ := syscall.UTF16PtrFromString("Logis")
	_, _, _ = procMessageBoxW.Call(0, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(titre)), mbOK|icone|mbSetForeground|mbTopmost)
}
