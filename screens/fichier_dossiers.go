package screens

// Folders of the file chooser (issue 12, item 13): the last folder of each
// purpose, the user's usual folders and, on Windows, the drives; a folder's
// listing sorted the French way, with French dates and sizes.

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"logis/model"
)

// Purposes of the chooser: the last folder is remembered for each.
const (
	usageImports     = "imports"     // CSV files, logo
	usageExports     = "exports"     // CSV and PDF written for others
	usageSauvegardes = "sauvegardes" // copies of the base
	usageCourriers   = "courriers"   // the session's letters and minutes
)

// dossierRetenu is the last folder used for usage, kept in the user's Fyne
// preferences (per user and computer, like the folders themselves); "" when
// none, or when it no longer exists.
func dossierRetenu(usage string) string {
	a := fyne.CurrentApp()
	if a == nil || usage == "" {
		return ""
	}
	d := a.Preferences().String("dossier." + usage)
	if d == "" || !estDossier(d) {
		return ""
	}
	return d
}

// retenirDossier remembers dir as the last folder used for usage.
func retenirDossier(usage, dir string) {
	if a := fyne.CurrentApp(); a != nil && usage != "" && dir != "" {
		a.Preferences().SetString("dossier."+usage, dir)
	}
}

func estDossier(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// raccourci is a folder offered on the left of the browser.
type raccourci struct {
	nom, chemin string
	icone       fyne.Resource
}

// dossiersUsuels returns the user's home, desktop, documents and downloads
// folders ("" for those that do not exist). The desktop, documents and
// downloads folders are read from the XDG settings (~/.config/user-dirs.dirs,
// « Bureau », « Téléchargements » on a French Linux), else looked for under
// their usual names, OneDrive's included on Windows.
func dossiersUsuels() (perso, bureau, documents, telechargements string) {
	perso, err := os.UserHomeDir()
	if err != nil || !estDossier(perso) {
		return "", "", "", ""
	}
	xdg := xdgDossiers(perso)
	sous := func(cle string, noms ...string) string {
		c := []string{xdg[cle]}
		for _, n := range noms {
			c = append(c, filepath.Join(perso, n), filepath.Join(perso, "OneDrive", n))
		}
		for _, d := range c {
			if d != "" && d != perso && estDossier(d) {
				return d
			}
		}
		return ""
	}
	return perso, sous("XDG_DESKTOP_DIR", "Desktop", "Bureau"),
		sous("XDG_DOCUMENTS_DIR", "Documents", "Mes documents"),
		sous("XDG_DOWNLOAD_DIR", "Downloads", "Téléchargements")
}

// xdgDossiers reads ~/.config/user-dirs.dirs (absent on Windows).
func xdgDossiers(perso string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(filepath.Join(perso, ".config", "user-dirs.dirs"))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cle, val, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || strings.HasPrefix(cle, "#") {
			continue
		}
		val = strings.Trim(val, `"`)
		val = strings.Replace(val, "$HOME", perso, 1)
		if filepath.IsAbs(val) {
			out[cle] = filepath.Clean(val)
		}
	}
	return out
}

// dossierParDefaut is the chooser's first folder: the user's Documents,
// else the home folder, else the working folder.
func dossierParDefaut() string {
	perso, _, docs, _ := dossiersUsuels()
	switch {
	case docs != "":
		return docs
	case perso != "":
		return perso
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return string(filepath.Separator)
}

// raccourcis lists the usual folders that exist, then the drives.
func raccourcis() []raccourci {
	perso, bureau, docs, tele := dossiersUsuels()
	var out []raccourci
	for _, r := range []raccourci{
		{"Dossier personnel", perso, theme.HomeIcon()},
		{"Bureau", bureau, theme.ComputerIcon()},
		{"Documents", docs, theme.DocumentIcon()},
		{"Téléchargements", tele, theme.DownloadIcon()},
	} {
		if r.chemin != "" {
			out = append(out, r)
		}
	}
	if runtime.GOOS == "windows" {
		for _, l := range lecteurs(estDossier) {
			out = append(out, raccourci{"Lecteur " + l, l, theme.StorageIcon()})
		}
	}
	return out
}

// lecteurs lists the Windows drives C:\ to Z:\ that existe says are there
// (os.Stat: no cgo, no Windows API). A: and B: (floppies) are skipped.
func lecteurs(existe func(string) bool) []string {
	var out []string
	for c := 'C'; c <= 'Z'; c++ {
		if l := string(c) + `:\`; existe(l) {
			out = append(out, l)
		}
	}
	return out
}

// elementDossier is one row of the browser.
type elementDossier struct {
	nom     string
	dossier bool
	taille  int64 // bytes
	modif   time.Time
}

// lireDossier lists dir: its folders, then the files whose extension is in
// exts (all when exts is empty; none when dossiersSeuls), each group sorted
// the French way (case and accents ignored, numbers by value). Hidden
// entries (a name starting with a dot) are left out.
func lireDossier(dir string, exts []string, dossiersSeuls bool) ([]elementDossier, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []elementDossier
	for _, de := range des {
		nom := de.Name()
		if strings.HasPrefix(nom, ".") {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, nom)) // follows links
		if err != nil {
			continue
		}
		e := elementDossier{nom: nom, dossier: info.IsDir(), modif: info.ModTime()}
		if !e.dossier {
			if dossiersSeuls || !extensionAdmise(nom, exts) {
				continue
			}
			e.taille = info.Size()
		}
		out = append(out, e)
	}
	trierFR(out)
	return out, nil
}

// trierFR sorts folders first, then by name in French order.
func trierFR(es []elementDossier) {
	col := collate.New(language.French, collate.Loose, collate.Numeric)
	slices.SortStableFunc(es, func(a, b elementDossier) int {
		if a.dossier != b.dossier {
			if a.dossier {
				return -1
			}
			return 1
		}
		if c := col.CompareString(a.nom, b.nom); c != 0 {
			return c
		}
		return strings.Compare(a.nom, b.nom)
	})
}

// extensionAdmise tells whether name ends with one of exts (case ignored).
func extensionAdmise(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	return slices.Contains(exts, strings.ToLower(filepath.Ext(name)))
}

// listeExtensions writes exts for a sentence: « .csv ou .txt ».
func listeExtensions(exts []string) string {
	switch len(exts) {
	case 0:
		return ""
	case 1:
		return exts[0]
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " ou " + exts[len(exts)-1]
}

// tailleFR writes a file size the French way: « 532 octets », « 12 Ko »,
// « 1,2 Mo » (1 Ko = 1 024 octets).
func tailleFR(n int64) string {
	if n < 1024 {
		if n <= 1 {
			return model.FormatNumber(float64(n), 0) + " octet"
		}
		return model.FormatNumber(float64(n), 0) + " octets"
	}
	x, unite := float64(n)/1024, "Ko"
	for _, u := range []string{"Mo", "Go", "To"} {
		if x < 1024 {
			break
		}
		x, unite = x/1024, u
	}
	dec := 0
	if x < 10 {
		dec = 1
	}
	return model.FormatNumber(x, dec) + " " + unite
}

// dateFR writes a modification time as JJ/MM/AAAA.
func dateFR(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return model.DateOf(t).String()
}
