package app

import (
	"os"
	"os/exec"
	"runtime"
	"strings"

	"logis/model"
)

// commandeOuvrir is the command that opens path with the system's default
// program (the PDF viewer for a PDF, the file manager for a folder).
func commandeOuvrir(goos, path string) []string {
	switch goos {
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path}
	case "darwin":
		return []string{"open", path}
	}
	return []string{"xdg-open", path}
}

// commandeImprimer is the command that sends path to the default printer
// through the system: the shell's « print » verb on Windows (the default
// PDF viewer prints it), CUPS elsewhere.
func commandeImprimer(goos, path string) []string {
	switch goos {
	case "windows":
		quoted := "'" + strings.ReplaceAll(path, "'", "''") + "'"
		return []string{"powershell", "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-Command",
			"Start-Process -FilePath " + quoted + " -Verb Print"}
	}
	return []string{"lp", "--", path}
}

// OuvrirFichier opens a file or a folder with the system's default program,
// without waiting for it to close.
func OuvrirFichier(path string) error {
	if _, err := os.Stat(path); err != nil {
		return model.Errorf(model.ENOTFOUND, "Le fichier « %s » n'existe plus.", path)
	}
	if err := lancer(commandeOuvrir(runtime.GOOS, path)); err != nil {
		return model.Errorf(model.EINVALID, "Le fichier « %s » ne peut pas être ouvert : aucun programme n'est associé à ce type de fichier.", path)
	}
	return nil
}

// ImprimerFichier sends a file to the default printer.
func ImprimerFichier(path string) error {
	if _, err := os.Stat(path); err != nil {
		return model.Errorf(model.ENOTFOUND, "Le fichier « %s » n'existe plus.", path)
	}
	if err := lancer(commandeImprimer(runtime.GOOS, path)); err != nil {
		return model.Errorf(model.EINVALID, "L'impression directe n'est pas disponible sur ce poste : ouvrez le fichier et imprimez-le depuis le lecteur PDF.")
	}
	return nil
}

// lancer starts a command and reaps it in the background.
func lancer(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cacherFenetre(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // the viewer's exit status does not matter
	return nil
}
