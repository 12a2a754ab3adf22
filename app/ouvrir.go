package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"

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
// outside Windows (CUPS); Windows uses the shell's « print » verb
// (imprimerSysteme in ouvrir_windows.go).
func commandeImprimer(path string) []string {
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

// ImprimerFichier sends a file to the default printer. Where the system
// cannot (on Windows, a default PDF reader without a « print » command, as
// Edge; elsewhere, no CUPS), the file is opened instead and the error says
// to print it with Ctrl+P.
func ImprimerFichier(path string) error {
	if _, err := os.Stat(path); err != nil {
		return model.Errorf(model.ENOTFOUND, "Le fichier « %s » n'existe plus.", path)
	}
	return imprimerOuOuvrir(path, imprimerSysteme, OuvrirFichier)
}

// imprimerOuOuvrir prints path with imprimer, or opens it with ouvrir when
// printing fails; errors (EINVALID) say what the user is left to do.
func imprimerOuOuvrir(path string, imprimer, ouvrir func(string) error) error {
	if imprimer(path) == nil {
		return nil
	}
	if ouvrir(path) != nil {
		return model.Errorf(model.EINVALID, "Le document « %s » ne peut être ni imprimé ni ouvert : aucun lecteur PDF n'est installé sur ce poste.", path)
	}
	return model.Errorf(model.EINVALID, "Impression directe impossible sur ce poste (le lecteur PDF par défaut n'a pas de commande « Imprimer ») : le document vient d'être ouvert, imprimez-le avec Ctrl+P.")
}

// erreurShell reads the value ShellExecute returns: above 32 it succeeded,
// otherwise it is an error code (SE_ERR_NOASSOC, 31: no program for this
// verb on this kind of file).
func erreurShell(code uintptr) error {
	if code > 32 {
		return nil
	}
	switch code {
	case 31:
		return errors.New("SE_ERR_NOASSOC: aucun programme associé à cette action")
	case 2, 3:
		return errors.New("fichier introuvable")
	case 5:
		return errors.New("accès refusé")
	}
	return fmt.Errorf("ShellExecute : code %d", code)
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
