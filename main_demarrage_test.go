package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"logis/storage"
)

// TestMain doubles as logis itself when LOGIS_TEST_DEMARRER holds a command
// line (arguments separated by U+001F): the start-up tests run the test
// binary that way, on the main goroutine as the window needs.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("LOGIS_TEST_DEMARRER"); ok {
		var a []string
		if args != "" {
			a = strings.Split(args, "\x1f")
		}
		os.Exit(demarrer(a))
	}
	os.Exit(m.Run())
}

// demarrerProcessus runs logis ARGS in a new process with env added, and
// returns its exit code and outputs; it fails after 30 s.
func demarrerProcessus(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0])
	cmd.Env = append(os.Environ(), "LOGIS_TEST_DEMARRER="+strings.Join(args, "\x1f"))
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("logis %v still running after 30 s", args)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// Without any display (no X server, as on a machine without graphics), the
// window does not hang holding the base: French message, exit code 1 within
// seconds, no stack trace, and the base opens again at once.
func TestDemarrer_SansAffichage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("X11 seulement")
	}
	db := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := runCLI(t, "--db", db, "init"); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	start := time.Now()
	code, _, errOut := demarrerProcessus(t, []string{"DISPLAY=:1999", "WAYLAND_DISPLAY=", "LANG=fr_FR.UTF-8"}, "--db", db)
	if code != 1 || !strings.Contains(errOut, "La fenêtre de Logis ne peut pas s'ouvrir") || !strings.Contains(errOut, "Que faire") {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "Fyne error") {
		t.Errorf("technical text shown to the user: %q", errOut)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("left after %v", d)
	}
	s, err := storage.Open(db, storage.Options{User: testUser, Password: testPassword, CheapKeys: true, LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("the base is still locked: %v", err)
	}
	s.Close()
	journal, _ := os.ReadFile(filepath.Join(filepath.Dir(db), "b.log"))
	if !strings.Contains(string(journal), "fenêtre impossible") {
		t.Errorf("the technical log does not say why: %s", journal)
	}
}

// Under a locale Fyne cannot parse, a command prints nothing in English on
// stderr (Fyne used to print three « Fyne error » lines at its start-up).
func TestDemarrer_LocaleC(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := runCLI(t, "--db", db, "init"); code != 0 { // also sets the account's variables
		t.Fatalf("init: %s", errOut)
	}
	for _, env := range [][]string{
		{"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LANG=C", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LC_ALL=POSIX.UTF-8", "LANGUAGE="},
	} {
		code, out, errOut := demarrerProcessus(t, env, "--db", db, "verify")
		if code != 0 || errOut != "" || !strings.Contains(out, "intégrité : OK") {
			t.Errorf("%v: code %d, stderr %q, stdout %q", env, code, errOut, out)
		}
	}
}

// A start-up error in a command is said on stderr, in French, once.
func TestDemarrer_ErreurCommande(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "absent", "b.db")
	if err := os.WriteFile(filepath.Join(dir, "absent"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := demarrerProcessus(t, nil, "--db", db, "verify")
	if code != 1 || errOut == "" || strings.Contains(errOut, "panic") {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
}

func TestFenetreDemandee(t *testing.T) {
	for args, want := range map[string]bool{
		"":                       true,
		"--db\x1fa.db":           true,
		"-db=a.db":               true,
		"verify":                 false,
		"--db\x1fa.db\x1fverify": false,
		"--inconnue":             false,
	} {
		var a []string
		if args != "" {
			a = strings.Split(args, "\x1f")
		}
		if got := fenetreDemandee(a); got != want {
			t.Errorf("%q: %v, want %v", args, got, want)
		}
	}
}

// Fyne's reports of a graphics failure end the program once, after the
// report's last line (its cause is then in the technical log); other lines
// only go to the log.
func TestJournalFyne(t *testing.T) {
	var logged bytes.Buffer
	n := 0
	j := &journalFyne{log: slogTo(&logged), echec: func() { n++ }}
	for _, l := range []string{"Fyne error:  Failed to send message to bus", "  Cause: no dbus", "  At: driver_xdg.go:29"} {
		j.Write([]byte(l + "\n"))
	}
	if n != 0 {
		t.Fatal("a harmless report ended the program")
	}
	j.Write([]byte("Fyne error:  window creation error\n"))
	j.Write([]byte("  Cause: APIUnavailable: GLX: GLX extension not found\n"))
	if n != 0 {
		t.Fatal("ended before the cause was logged")
	}
	j.Write([]byte("  At: /x/driver.go:147\n"))
	j.Write([]byte("Fyne error:  failed to initialise OpenGL\n"))
	j.Write([]byte("  At: /x/gl_core.go:68\n"))
	if n != 1 {
		t.Fatalf("ended %d times", n)
	}
	if !strings.Contains(logged.String(), "GLX extension not found") {
		t.Errorf("cause not in the technical log: %s", logged.String())
	}
}

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// A base in a folder OneDrive synchronises works, with a warning saying
// what to do.
func TestCheminBase_OneDrive(t *testing.T) {
	db := filepath.Join(t.TempDir(), "OneDrive - Office", "logis.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "--db", db, "init")
	code, out, errOut := runCLI(t, "--db", db, "verify")
	if code != 0 || !strings.Contains(out, "intégrité : OK") || !strings.Contains(errOut, "synchronisé par OneDrive") || !strings.Contains(errOut, "Que faire") {
		t.Errorf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
	other := filepath.Join(t.TempDir(), "logis.db")
	runCLI(t, "--db", other, "init")
	code, _, errOut = runCLI(t, "--db", other, "verify")
	if code != 0 || errOut != "" {
		t.Errorf("outside OneDrive: code %d, stderr %q", code, errOut)
	}
}

func TestEchecGraphique(t *testing.T) {
	for line, want := range map[string]bool{
		"Fyne error:  window creation error":                                                       true,
		"Fyne error:  failed to initialise OpenGL":                                                 true,
		"PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.": true,
		"PlatformError: GLX: GLX extension not found":                                              true,
		"PlatformError: X11: Failed to open display :1999":                                         true,
		"PlatformError: X11: Failed to read clipboard":                                             false,
		"Fyne error:  Failed to send message to bus":                                               false,
		"Cause: APIUnavailable: WGL: The driver does not appear to support OpenGL":                 false,
	} {
		if got := echecGraphique(line, true); got != want {
			t.Errorf("%q: %v, want %v", line, got, want)
		}
		// once the window runs, a platform error is only logged
		if got := echecGraphique(line, false); got != (want && strings.Contains(line, "Fyne error")) {
			t.Errorf("after start-up, %q: %v", line, got)
		}
	}
}
