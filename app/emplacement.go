package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"logis/model"
)

// CheminBaseParDefaut is where the base lives when --db is not given, and
// ancien a former default to move from ("" when none). On Windows it is
// %LocalAppData%\Logis\logis.db: the roaming %AppData% is copied by
// enterprise roaming profiles at every logon and logoff, a base there is
// copied (and may be cut) each time. ancien is %AppData%\Logis\logis.db,
// the default of the first versions. Elsewhere: the user's configuration
// folder (~/.config/Logis/logis.db).
func CheminBaseParDefaut(goos string, getenv func(string) string) (chemin, ancien string) {
	if goos == "windows" {
		local, roaming := getenv("LOCALAPPDATA"), getenv("APPDATA")
		if local == "" && getenv("USERPROFILE") != "" {
			local = strings.TrimRight(getenv("USERPROFILE"), `\/`) + `\AppData\Local`
		}
		if roaming != "" {
			ancien = strings.TrimRight(roaming, `\/`) + `\Logis\logis.db`
		}
		if local == "" {
			return ancien, ""
		}
		return strings.TrimRight(local, `\/`) + `\Logis\logis.db`, ancien
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Logis", "logis.db"), ""
}

// DeplacerAncienneBase moves the base ancien to nouveau, with its technical
// log (same name, .log) and its Sauvegardes and Courriers folders, when nouveau does not
// exist yet and ancien does; moved tells whether it did. A move across
// volumes (a redirected AppData) copies then removes. Errors: EINVALID when
// the base cannot be moved (in use, read-only): nothing is then changed.
func DeplacerAncienneBase(ancien, nouveau string) (moved bool, err error) {
	if ancien == "" || ancien == nouveau {
		return false, nil
	}
	if _, err := os.Stat(nouveau); !errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if st, err := os.Stat(ancien); err != nil || !st.Mode().IsRegular() {
		return false, nil
	}
	refus := model.Errorf(model.EINVALID, "La base « %s » n'a pas pu être déplacée vers « %s » (fermez les autres fenêtres de Logis, puis relancez) : elle reste utilisée où elle est.", ancien, nouveau)
	if err := os.MkdirAll(filepath.Dir(nouveau), 0o700); err != nil {
		return false, refus
	}
	if err := deplacerFichier(ancien, nouveau); err != nil {
		return false, refus
	}
	// The log and the backups follow; a failure there leaves them where they were.
	_ = deplacerFichier(sansExtension(ancien)+".log", sansExtension(nouveau)+".log")
	for _, d := range []string{"Sauvegardes", "Courriers"} {
		vieux, neuf := filepath.Join(filepath.Dir(ancien), d), filepath.Join(filepath.Dir(nouveau), d)
		if _, err := os.Stat(neuf); errors.Is(err, fs.ErrNotExist) {
			_ = os.Rename(vieux, neuf)
		}
	}
	return true, nil
}

func sansExtension(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) }

// deplacerFichier renames, or copies through a temporary file then removes
// the source (another volume); the source is kept when it cannot be removed
// (in use), and the copy dropped.
func deplacerFichier(src, dst string) error {
	if err := os.Rename(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".logis-deplacement-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	in.Close()
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	if err := os.Remove(src); err != nil {
		_ = os.Remove(dst)
		return err
	}
	return nil
}

// DansOneDrive tells whether path (a Windows path) lies in a folder OneDrive
// synchronises: under %OneDrive%, %OneDriveCommercial% or
// %OneDriveConsumer%, or in a folder named « OneDrive » or « OneDrive - … »
// (Documents and Bureau moved there by OneDrive's folder backup). A base
// there is synchronised while it is open and memory-mapped, which corrupts
// it.
func DansOneDrive(path string, getenv func(string) string) bool {
	p := normaliserWindows(path)
	for _, v := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
		if racine := normaliserWindows(getenv(v)); racine != "" && (p == racine || strings.HasPrefix(p, racine+`\`)) {
			return true
		}
	}
	for _, part := range strings.Split(p, `\`) {
		if part == "onedrive" || strings.HasPrefix(part, "onedrive - ") {
			return true
		}
	}
	return false
}

// normaliserWindows lowercases a Windows path and writes it with backslashes,
// without a trailing one.
func normaliserWindows(p string) string {
	return strings.TrimRight(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(p), "/", `\`)), `\`)
}
