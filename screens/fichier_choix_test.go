package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// arbre writes a small tree of files under a temporary folder.
func arbre(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x;y\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func fenetreChoix(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1366, 768))
	t.Cleanup(w.Close)
	return w
}

func nomsDe(p *parcoureur) []string {
	var out []string
	for _, e := range p.elements {
		out = append(out, e.nom)
	}
	return out
}

// textesOverlay lists every label, button and entry text of the top dialog.
func textesOverlay(w fyne.Window) []string {
	var out []string
	visit(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *bouton:
			out = append(out, v.Text)
		case *widget.Entry:
			out = append(out, v.Text, v.PlaceHolder)
		case *entree:
			out = append(out, v.Text, v.PlaceHolder)
		}
	})
	return out
}

var importCSV = choixFichier{Titre: "Importer le fichier des logements", Action: "Importer", Usage: usageImports, Extensions: []string{".csv", ".txt"}}

func TestChoix_NavigateChooseAndRemember(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "b.csv", "a.txt", "Élodie.csv", "ecole.csv", "image.png", "Archives/plafonds 2026.csv", "zèbre/", ".cache/", "fichier10.csv", "fichier9.csv")
	retenirDossier(usageImports, dir)
	var got string
	ch := choisirFichier(w, importCSV, func(p string) { got = p })
	if want := dir + string(filepath.Separator); ch.chemin.Text != want {
		t.Fatalf("first path %q, want the remembered folder %q", ch.chemin.Text, want)
	}
	test.Tap(ch.parcourirBtn)
	p := ch.parcours
	if p == nil || p.dossier != dir {
		t.Fatalf("browser not opened on %q", dir)
	}
	// Folders first, then the expected files only, in French order.
	want := []string{"Archives", "zèbre", "a.txt", "b.csv", "ecole.csv", "Élodie.csv", "fichier9.csv", "fichier10.csv"}
	if g := nomsDe(p); strings.Join(g, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q, want %q", g, want)
	}
	if !strings.Contains(p.info.Text, "Fichiers affichés : .csv ou .txt.") {
		t.Errorf("filter line %q", p.info.Text)
	}
	// Keyboard: the list has the focus, the first row is selected; Entrée
	// opens the folder, Retour arrière comes back.
	if w.Canvas().Focused() != p.liste || p.sel != 0 {
		t.Fatalf("focus %T, selected %d", w.Canvas().Focused(), p.sel)
	}
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.dossier != filepath.Join(dir, "Archives") || strings.Join(nomsDe(p), "|") != "plafonds 2026.csv" {
		t.Fatalf("after Entrée: %q %q", p.dossier, nomsDe(p))
	}
	if p.cheminLbl.Text != p.dossier {
		t.Errorf("path shown %q", p.cheminLbl.Text)
	}
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if p.dossier != dir || p.sel != 0 {
		t.Fatalf("after Retour arrière: %q, row %d (the folder left is selected)", p.dossier, p.sel)
	}
	p.selectionner(1)
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if p.dossier != dir || p.sel != 1 || p.info.Text != "Fichiers affichés : .csv ou .txt." {
		t.Fatalf("back from zèbre: %q, row %d, %q", p.dossier, p.sel, p.info.Text)
	}
	// A letter goes to the next name starting with it, accents ignored.
	for _, c := range []struct {
		r    rune
		want string
	}{{'e', "ecole.csv"}, {'E', "Élodie.csv"}, {'é', "ecole.csv"}, {'z', "zèbre"}, {'q', "zèbre"}} {
		p.liste.TypedRune(c.r)
		if p.sel < 0 || p.elements[p.sel].nom != c.want {
			t.Errorf("letter %q: row %d, want %s", c.r, p.sel, c.want)
		}
	}
	p.selectionner(0)
	// Arrows move the selection; Entrée on a file chooses it.
	for range 3 {
		p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if p.sel != 2 {
		t.Fatalf("selected %d after ↓↓↓↑", p.sel)
	}
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if ch.chemin.Text != filepath.Join(dir, "a.txt") || got != "" {
		t.Fatalf("path %q, acted %q", ch.chemin.Text, got)
	}
	if w.Canvas().Overlays().Top() == nil || !strings.Contains(strings.Join(textesOverlay(w), "|"), "Parcourir…") {
		t.Fatal("the chooser is not back on top")
	}
	test.Tap(ch.actionBtn)
	if got != filepath.Join(dir, "a.txt") {
		t.Fatalf("acted on %q", got)
	}

	// A second opening starts in the folder used: Archives this time.
	ch = choisirFichier(w, importCSV, func(p string) { got = p })
	test.Tap(ch.parcourirBtn)
	p = ch.parcours
	p.ouvrir(filepath.Join(dir, "Archives"))
	p.selectionner(0)
	test.Tap(p.actionBtn)
	test.Tap(ch.actionBtn)
	ch = choisirFichier(w, importCSV, func(string) {})
	if want := filepath.Join(dir, "Archives") + string(filepath.Separator); ch.chemin.Text != want {
		t.Errorf("second opening at %q, want %q", ch.chemin.Text, want)
	}
	// Other purposes keep their own folder.
	if d := dossierRetenu(usageExports); d != "" {
		t.Errorf("exports remembered %q", d)
	}
}

func TestChoix_MouseDoubleClickOpensFolder(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "Courriers/lettre.pdf", "note.pdf")
	ch := choisirFichier(w, choixFichier{Titre: "T", Action: "Ouvrir", Usage: usageImports, Extensions: []string{".pdf"}, Depart: dir}, func(string) {})
	test.Tap(ch.parcourirBtn)
	p := ch.parcours
	var lignes []*ligneFichier
	visit(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*ligneFichier); ok && l.nom.Text != "" {
			lignes = append(lignes, l)
		}
	})
	if len(lignes) < 2 {
		t.Fatalf("%d rows drawn", len(lignes))
	}
	var note, courriers *ligneFichier
	for _, l := range lignes {
		switch l.nom.Text {
		case "note.pdf":
			note = l
		case "Courriers":
			courriers = l
		}
	}
	if note == nil || courriers == nil {
		t.Fatal("rows not drawn")
	}
	if note.taille.Text != "4 octets" || note.date.Text != time.Now().Format("02/01/2006") {
		t.Errorf("row: %q %q", note.taille.Text, note.date.Text)
	}
	test.Tap(note)
	if p.sel != 1 || p.dossier != dir {
		t.Errorf("a click selects: sel %d in %q", p.sel, p.dossier)
	}
	test.DoubleTap(courriers)
	if p.dossier != filepath.Join(dir, "Courriers") {
		t.Errorf("double click did not open the folder: %q", p.dossier)
	}
	test.Tap(p.parentBtn)
	if p.dossier != dir {
		t.Errorf("« Dossier parent » went to %q", p.dossier)
	}
}

func TestChoix_RefusedInFrench(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "logo.png", "Archives/")
	acted := false
	ch := choisirFichier(w, importCSV, func(string) { acted = true })
	for _, c := range []struct{ typed, want string }{
		{filepath.Join(dir, "absent.csv"), "Le fichier « " + filepath.Join(dir, "absent.csv") + " » n'existe pas."},
		{filepath.Join(dir, "logo.png"), "Le fichier doit être de type .csv ou .txt."},
		{filepath.Join(dir, "Archives"), "« " + filepath.Join(dir, "Archives") + " » est un dossier : choisissez un fichier (bouton « Parcourir… »)."},
		{"  ", "Indiquez le chemin du fichier."},
	} {
		ch.chemin.SetText(c.typed)
		test.Tap(ch.actionBtn)
		if ch.erreur.Text != c.want || acted {
			t.Errorf("%q: message %q (want %q), acted %v", c.typed, ch.erreur.Text, c.want, acted)
		}
	}
	// Typing again clears the message.
	test.Type(ch.chemin, "x")
	if ch.erreur.Text != "" {
		t.Errorf("message kept while typing: %q", ch.erreur.Text)
	}
}

func TestChoix_SaveAsksBeforeReplacing(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "rapport-annuel-2026.pdf")
	retenirDossier(usageExports, dir)
	c := choixFichier{Titre: "Enregistrer le rapport annuel 2026 (PDF)", Action: "Enregistrer", Mode: choixEnregistrer,
		Usage: usageExports, Extensions: []string{".pdf"}, Nom: "rapport-annuel-2026.pdf"}
	var got string
	ch := choisirFichier(w, c, func(p string) { got = p })
	existing := filepath.Join(dir, "rapport-annuel-2026.pdf")
	if ch.chemin.Text != existing {
		t.Fatalf("proposed %q", ch.chemin.Text)
	}
	test.Tap(ch.actionBtn)
	if got != "" || ch.question == nil {
		t.Fatalf("replaced without asking (%q)", got)
	}
	if txt := strings.Join(overlayTexts(w), "|"); !strings.Contains(txt, "Le fichier existe déjà : le remplacer ?") || !strings.Contains(txt, "Remplacer") {
		t.Errorf("question: %s", txt)
	}
	tapButton(t, w.Canvas().Overlays().Top(), "Annuler")
	if got != "" {
		t.Fatal("Annuler replaced the file")
	}
	test.Tap(ch.actionBtn)
	tapButton(t, w.Canvas().Overlays().Top(), "Remplacer")
	if got != existing {
		t.Fatalf("Remplacer: %q", got)
	}

	// A new name needs no question; the extension is added; a missing
	// folder is offered to be made (Annuler: nothing made, nothing done;
	// « Créer le dossier »: made, then the file is chosen).
	got = ""
	ch = choisirFichier(w, c, func(p string) { got = p })
	ch.chemin.SetText(filepath.Join(dir, "rapport-2026"))
	test.Tap(ch.actionBtn)
	if got != filepath.Join(dir, "rapport-2026.pdf") {
		t.Errorf("new name: %q", got)
	}
	ch = choisirFichier(w, c, func(p string) { got = "x" })
	got = ""
	ch.chemin.SetText(filepath.Join(dir, "absent", "r.pdf"))
	test.Tap(ch.actionBtn)
	if got != "" || ch.erreur.Text != "Le dossier « "+filepath.Join(dir, "absent")+" » n'existe pas." {
		t.Errorf("missing folder: acted %q, message %q", got, ch.erreur.Text)
	}
	tapButton(t, w.Canvas().Overlays().Top(), "Annuler")
	if got != "" || estDossier(filepath.Join(dir, "absent")) {
		t.Errorf("Annuler: acted %q, folder made %v", got, estDossier(filepath.Join(dir, "absent")))
	}
	test.Tap(ch.actionBtn)
	tapButton(t, w.Canvas().Overlays().Top(), "Créer le dossier")
	if got != "x" || !estDossier(filepath.Join(dir, "absent")) {
		t.Errorf("Créer le dossier: acted %q, folder made %v", got, estDossier(filepath.Join(dir, "absent")))
	}
	ch = choisirFichier(w, c, func(p string) { got = "x" })
	got = ""
	ch.chemin.SetText(filepath.Join(dir, "r.csv"))
	test.Tap(ch.actionBtn)
	if got != "" || ch.erreur.Text != "Le nom du fichier doit finir par .pdf." {
		t.Errorf("wrong extension: acted %q, message %q", got, ch.erreur.Text)
	}

	// In the browser, the « Nom du fichier » field holds the proposed name
	// and takes a clicked file's name.
	ch.chemin.SetText(existing)
	test.Tap(ch.parcourirBtn)
	p := ch.parcours
	if p.nom == nil || p.nom.Text != "rapport-annuel-2026.pdf" || w.Canvas().Focused() != p.nom {
		t.Fatalf("name field: %+v", p.nom)
	}
	p.nom.SetText("autre.pdf")
	test.Tap(p.actionBtn)
	if ch.chemin.Text != filepath.Join(dir, "autre.pdf") {
		t.Errorf("browser gave %q", ch.chemin.Text)
	}
}

func TestChoix_FolderAndNoEnglish(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "Courriers/", "x.pdf")
	var got string
	ch := choisirFichier(w, choixFichier{Titre: "Dossier des documents PDF", Action: "Choisir ce dossier", Mode: choixDossier, Usage: usageCourriers, Depart: dir},
		func(p string) { got = p })
	textes := textesOverlay(w)
	test.Tap(ch.parcourirBtn)
	p := ch.parcours
	if strings.Join(nomsDe(p), "|") != "Courriers" || p.info.Text != "Seuls les dossiers sont affichés." {
		t.Errorf("folders only: %q, %q", nomsDe(p), p.info.Text)
	}
	textes = append(textes, textesOverlay(w)...)
	joined := strings.Join(textes, "|")
	for _, want := range []string{"Dossier parent", "Raccourcis", "Nom", "Modifié le", "Taille", "Choisir ce dossier", "Annuler", dir} {
		if !strings.Contains(joined, want) {
			t.Errorf("browser lacks %q: %s", want, joined)
		}
	}
	for _, txt := range textes {
		for _, en := range []string{"Home", "Computer", "Open", "Save", "Cancel", "Folder", "Name", "Size", "Modified", "Parent", "Desktop", "Downloads", "Choose", "Select"} {
			if strings.Contains(txt, en) && !strings.HasPrefix(txt, string(filepath.Separator)) {
				t.Errorf("English %q in %q", en, txt)
			}
		}
	}
	p.activer(0)
	test.Tap(p.actionBtn)
	test.Tap(ch.actionBtn)
	if got != filepath.Join(dir, "Courriers") || dossierRetenu(usageCourriers) != got {
		t.Errorf("chosen %q, remembered %q", got, dossierRetenu(usageCourriers))
	}
	// A file is not a folder.
	ch = choisirFichier(w, choixFichier{Titre: "T", Action: "Choisir", Mode: choixDossier}, func(string) { t.Error("acted on a file") })
	ch.chemin.SetText(filepath.Join(dir, "x.pdf"))
	test.Tap(ch.actionBtn)
	if !strings.HasSuffix(ch.erreur.Text, "est un fichier : choisissez un dossier.") {
		t.Errorf("file as folder: %q", ch.erreur.Text)
	}
}

func TestChoix_EchapCancels(t *testing.T) {
	w := fenetreChoix(t)
	dir := arbre(t, "a.csv")
	acted := false
	ch := choisirFichier(w, choixFichier{Titre: "T", Action: "Importer", Usage: usageImports, Depart: dir}, func(string) { acted = true })
	test.Tap(ch.parcourirBtn)
	p := ch.parcours
	n := len(w.Canvas().Overlays().List())
	p.liste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) != n-1 || acted {
		t.Fatalf("Échap in the browser: %d overlays (was %d), acted %v", len(w.Canvas().Overlays().List()), n, acted)
	}
	ch.chemin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil || acted {
		t.Errorf("Échap in the chooser left %v, acted %v", w.Canvas().Overlays().Top(), acted)
	}
}

func TestVerifierChemin(t *testing.T) {
	dir := arbre(t, "a.csv", "D/")
	ouvrir := choixFichier{Extensions: []string{".csv"}}
	save := choixFichier{Mode: choixEnregistrer, Extensions: []string{".csv"}}
	for _, c := range []struct {
		c            choixFichier
		texte, p     string
		msg          bool
		remplacement bool
	}{
		{ouvrir, `"` + filepath.Join(dir, "a.csv") + `"`, filepath.Join(dir, "a.csv"), false, false}, // pasted with quotes
		{ouvrir, "a.csv", filepath.Join(dir, "a.csv"), false, false},                                 // relative to the folder shown
		{ouvrir, filepath.Join(dir, "absent.csv"), "", true, false},
		{save, "nouveau", filepath.Join(dir, "nouveau.csv"), false, false},
		{save, "a.csv", filepath.Join(dir, "a.csv"), false, true},
		{save, "D", "", true, false},
		{save, "D" + string(filepath.Separator), "", true, false},
		{choixFichier{Mode: choixDossier}, "D", filepath.Join(dir, "D"), false, false},
	} {
		p, msg, ex := verifierChemin(c.c, dir, c.texte)
		if p != c.p || (msg != "") != c.msg || ex != c.remplacement {
			t.Errorf("%q: %q %q %v", c.texte, p, msg, ex)
		}
	}
}

func TestTailleEtLecteurs(t *testing.T) {
	for n, want := range map[int64]string{0: "0 octet", 1: "1 octet", 532: "532 octets", 1023: "1 023 octets", 1024: "1 Ko", 12 * 1024: "12 Ko",
		1258291: "1,2 Mo", 5 << 30: "5 Go"} {
		if got := strings.ReplaceAll(tailleFR(n), "\u00a0", " "); got != want {
			t.Errorf("tailleFR(%d) = %q, want %q", n, got, want)
		}
	}
	present := map[string]bool{`C:\`: true, `E:\`: true, `A:\`: true}
	if got := strings.Join(lecteurs(func(p string) bool { return present[p] }), " "); got != `C:\ E:\` {
		t.Errorf("drives %q", got)
	}
}

func TestXDGDossiers(t *testing.T) {
	home := arbre(t, "Bureau/", "Téléchargements/")
	conf := "# généré\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\nXDG_DOCUMENTS_DIR=\"relatif\"\n"
	if err := os.MkdirAll(filepath.Join(home, ".config"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	perso, bureau, docs, tele := dossiersUsuels()
	if perso != home || bureau != filepath.Join(home, "Bureau") || docs != "" || tele != filepath.Join(home, "Téléchargements") {
		t.Errorf("%q %q %q %q", perso, bureau, docs, tele)
	}
	if d := dossierParDefaut(); d != home {
		t.Errorf("default without Documents: %q", d)
	}
	var noms []string
	for _, r := range raccourcis() {
		noms = append(noms, r.nom)
	}
	if strings.Join(noms, "|") != "Dossier personnel|Bureau|Téléchargements" {
		t.Errorf("shortcuts %q", noms)
	}
}
