package screens

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Parametres is the « Paramètres » screen: the office's identity printed on
// documents, the rule tables, the CSV imports and the backup.
type Parametres struct {
	shell coque
	app   parametresApp
	// enAttente is a confirmation waiting for the search index, read again
	// after records were written (the status line's counts stay current).
	enAttente string
	body      fyne.CanvasObject
	tabs      *container.AppTabs
	// communesEntry edits the office's communes (parametres_communes.go).
	communesEntry *entree

	// Identity of the office.
	office     *Form
	nom        *Champ
	adresse    *Champ
	telephone  *Champ
	courriel   *Champ
	signataire *Champ
	titre      *Champ
	sigPrenom  *Champ
	sigNom     *Champ
	delai      *Champ
	destin     *Champ
	ville      *Champ
	dpo        *Champ
	logo       []byte
	logoView   *fyne.Container
	logoInfo   *widget.Label
	officeInfo *widget.Label
	// officeFields is the identity's scrolled fields (tests: its height).
	officeFields *container.Scroll

	regles *reglesEditor
	poids  *poidsEditor // parametres_fragilite.go

	// Imports and backup.
	importBtns   []*bouton
	importProg   *widget.ProgressBar
	importStatus *widget.Label
	backupStatus *widget.Label
	lastDialog   dialog.Dialog // the last report shown (tests)

	bg sync.WaitGroup // background work, waited for by tests and captures
}

// parametresApp is what the Paramètres screen asks of the app (*app.App).
type parametresApp interface {
	Office() (*model.Office, error)
	SaveOffice(o *model.Office) error
	Regles() (*model.Regles, error)
	SaveRegles(r *model.Regles) error
	ExportRegles(dir string) ([]string, error)
	SaveCommunes(list []model.CommuneOffice) error
	PoidsFragilite() (model.PoidsFragilite, error)
	SavePoidsFragilite(w model.PoidsFragilite) error
	Import(kind, name string, r io.Reader, progress app.Progress) (app.ImportReport, error)
	CatalogueStale() bool
	DefaultBackupName() string
	Sauvegarder(dest string, remplacer bool) error
	Verifier() (app.Verification, error)
	CheminBase() string
	NomAvantRestauration() string
	RestaurerEnPlace(sauvegarde string, id app.Identifiants) (app.Restauration, error)
	Today() model.Date
	Peut(action model.Action) error
	Compte() model.Compte
	Comptes() ([]model.Compte, error)
	AjouterCompte(nom string, role model.Role, motDePasse string) error
	DesactiverCompte(nom string) error
	DelaiVerrouillage() time.Duration
	SetDelaiVerrouillage(minutes int) error
	Journal(f app.FiltreJournal) ([]app.LigneJournal, error)
	DureeJournal() (int, error)
	SetDureeJournal(ans int) error
	PreparerPurge(at model.Date) (*app.Purge, error)
	Purger(at model.Date) (*app.Purge, error)
	ResumerJournal(at model.Date) (int, error)
}

var _ parametresApp = (*app.App)(nil)

func newParametres(shell coque, a parametresApp) *Parametres {
	s := &Parametres{shell: shell, app: a}
	s.regles = newReglesEditor(shell, a)
	s.regles.confirmer = s.confirmer
	s.poids = newPoidsEditor(shell, a)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Identité de l'Office", s.identite()),
		container.NewTabItem("Règles et plafonds", s.regles.content()),
		container.NewTabItem("Communes", s.communes()),
		container.NewTabItem("Imports et sauvegarde", s.imports()),
		container.NewTabItem("Indice de fragilité", s.poids.content()),
	)
	s.poids.load()
	if t := s.comptesTabItem(); t != nil { // responsable only (parametres_comptes.go)
		s.tabs.Append(t)
	}
	if t := s.conservationTabItem(); t != nil { // responsable only (parametres_conservation.go)
		s.tabs.Append(t)
	}
	// The tabs down the left: the seven titles stay visible at 1366 px
	// (along the top, the last ones went behind « ⋯ »).
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.body = s.tabs
	s.load()
	return s
}

func (s *Parametres) title() string              { return "Paramètres" }
func (s *Parametres) content() fyne.CanvasObject { return s.body }
func (s *Parametres) focusSearch()               {}
func (s *Parametres) create()                    {}

// shown reloads the stored values unless something is being edited.
func (s *Parametres) shown() {
	if !s.office.Dirty() && !s.regles.form.Dirty() {
		s.load()
	}
	s.poids.load()
}

// waitIdle waits for the background work (tests, captures).
func (s *Parametres) waitIdle() { s.bg.Wait() }

// confirmer says a finished save in the status line (issue 12, item 12).
// When records were written (an import, a purge), it waits for the search
// index to be read again, so that the counts it shows are current.
func (s *Parametres) confirmer(msg string) {
	if !s.app.CatalogueStale() {
		s.enAttente = ""
		s.shell.confirmer(msg)
		return
	}
	s.enAttente = msg
	s.shell.rafraichirIndex()
}

// catalogueReady shows the confirmation waiting for the search index.
func (s *Parametres) catalogueReady() {
	if msg := s.enAttente; msg != "" {
		s.enAttente = ""
		s.shell.confirmer(msg)
	}
}

func (s *Parametres) load() {
	if o, err := s.app.Office(); err == nil {
		s.setOffice(o)
	} else {
		s.shell.journal().Error("paramètres : identité", "err", err)
	}
	if r, err := s.app.Regles(); err == nil {
		s.regles.set(r)
	} else {
		s.shell.journal().Error("paramètres : règles", "err", err)
	}
}

// --- Identity --------------------------------------------------------------

func (s *Parametres) identite() fyne.CanvasObject {
	s.office = NewForm(s.onSaveOffice)
	s.office.Objet = "de l'identité de l'Office"
	s.nom = NewChamp("Nom de l'Office", true)
	s.adresse = NewChamp("Adresse", true)
	s.adresse.Entry.MultiLine = true
	s.adresse.Entry.SetMinRowsVisible(4)
	s.adresse.Entry.SetPlaceHolder("une ligne par ligne d'adresse, la dernière : « 94110 ARCUEIL »")
	s.adresse.check = checkAdresse
	s.telephone = NewChamp("Téléphone", false)
	s.courriel = NewChamp("Courriel", false)
	s.courriel.check = func(v string) error {
		if !strings.Contains(v, "@") || strings.ContainsAny(v, " ;,") {
			return model.Errorf(model.EINVALID, "Courriel : « %s » n'est pas une adresse électronique.", v)
		}
		return nil
	}
	s.signataire = NewChamp("Qualité du signataire", true)
	s.titre = NewChamp("Délégation", false)
	s.sigPrenom = NewChamp("Prénom du signataire", false)
	s.sigNom = NewChamp("Nom du signataire", false)
	s.ville = NewChamp("Ville d'où partent les courriers", true)
	s.dpo = NewChamp("Contact du délégué à la protection des données", false)
	s.dpo.Entry.SetPlaceHolder("adresse électronique ou postale du délégué")
	s.destin = NewChamp("Destinataires des données", false)
	s.destin.Entry.MultiLine = true
	s.destin.Entry.Wrapping = fyne.TextWrapWord
	s.destin.Entry.SetPlaceHolder(model.DestinatairesDefaut)
	s.delai = NewChampEntier("Délai d'acheminement du courrier (jours)", true, 1, 15)
	s.office.Add(s.nom, s.adresse, s.telephone, s.courriel, s.signataire, s.titre, s.sigPrenom, s.sigNom, s.ville, s.dpo, s.destin, s.delai)

	s.logoView = container.NewStack()
	s.logoInfo = widget.NewLabel("")
	choose := newBoutonIcone("Choisir un logo…", theme.FolderOpenIcon(), s.onChooseLogo)
	remove := newBoutonIcone("Retirer le logo", theme.DeleteIcon(), func() {
		s.setLogo(nil)
		s.office.SetDirty()
	})
	s.officeInfo = widget.NewLabel("")
	s.officeInfo.Wrapping = fyne.TextWrapWord

	intro := widget.NewLabel("Ces informations sont imprimées sur les courriers et les procès-verbaux. Adresse : 6 lignes au plus, de 38 caractères au plus chacune (norme postale).")
	intro.Wrapping = fyne.TextWrapWord
	fields := container.NewVBox(
		Ligne("Nom de l'Office", s.nom.Object()),
		Ligne("Adresse", s.adresse.Object()),
		Ligne("Téléphone", s.telephone.Object()),
		Ligne("Courriel", s.courriel.Object()),
		Ligne("Prénom du signataire", s.sigPrenom.Object()),
		Ligne("Nom du signataire", s.sigNom.Object()),
		Ligne("Qualité du signataire", s.signataire.Object()),
		Ligne("Délégation", s.titre.Object()),
		Ligne("Ville des courriers", s.ville.Object()),
		Ligne("Délai postal (jours)", s.delai.Object()),
		Ligne("Protection des données", s.dpo.Object()),
		Ligne("Destinataires", s.destin.Object()),
		Ligne("Logo", container.NewVBox(
			container.NewHBox(container.NewGridWrap(fyne.NewSize(200, 80), s.logoView), container.NewVBox(choose, remove),
				widget.NewLabel("PNG ou JPEG, 2 Mo au plus")),
			s.logoInfo)),
	)
	// The reminder wraps in the width left by the button, in a room of three
	// lines kept for it: appearing, it does not shrink the form (essai-12b N7).
	bottom := container.NewVBox(s.office.Summary, container.NewBorder(nil, nil, container.NewVBox(s.office.Save), nil, fixedLines(s.officeInfo, 3)))
	s.officeFields = container.NewVScroll(fields)
	return container.NewBorder(intro, bottom, nil, nil, s.officeFields)
}

// checkAdresse: 1 to 6 lines of at most 38 characters.
func checkAdresse(v string) error {
	lines := adresseLines(v)
	if len(lines) > 6 {
		return model.Errorf(model.EINVALID, "Adresse : %d lignes ; 6 au plus (norme postale).", len(lines))
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > 38 {
			return model.Errorf(model.EINVALID, "Adresse, ligne %d : %d caractères ; 38 au plus (norme postale).", i+1, n)
		}
	}
	return nil
}

// adresseLines splits the address entry into its non-empty lines.
func adresseLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *Parametres) setOffice(o *model.Office) {
	s.nom.SetText(o.Nom)
	s.adresse.SetText(strings.Join(o.Adresse, "\n"))
	s.telephone.SetText(o.Telephone)
	s.courriel.SetText(o.Courriel)
	s.signataire.SetText(o.Signataire)
	s.titre.SetText(o.Titre)
	s.ville.SetText(o.Ville)
	s.dpo.SetText(o.DPO)
	s.sigPrenom.SetText(o.SignatairePrenom)
	s.sigNom.SetText(o.SignataireNom)
	s.destin.SetText(o.Destinataires)
	s.delai.SetInt(o.DelaiPostalJours())
	s.setLogo(o.Logo)
	s.office.Clean()
}

// officeFromFields is the identity as typed.
func (s *Parametres) officeFromFields() *model.Office {
	return &model.Office{
		Nom:        s.nom.Text(),
		Adresse:    adresseLines(s.adresse.Entry.Text),
		Telephone:  s.telephone.Text(),
		Courriel:   s.courriel.Text(),
		Signataire: s.signataire.Text(),
		Titre:      s.titre.Text(),
		Ville:      s.ville.Text(),
		DPO:        s.dpo.Text(),
		Logo:       s.logo,

		SignatairePrenom: s.sigPrenom.Text(),
		SignataireNom:    s.sigNom.Text(),
		Destinataires:    s.destin.Text(),
		DelaiPostal:      s.delai.Int(),
	}
}

func (s *Parametres) setLogo(data []byte) {
	s.logo = data
	if len(data) == 0 {
		s.logoView.Objects = []fyne.CanvasObject{widget.NewLabel("(aucun logo)")}
		s.logoInfo.SetText("")
	} else {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("logo", data))
		img.FillMode = canvas.ImageFillContain
		s.logoView.Objects = []fyne.CanvasObject{img}
		s.logoInfo.SetText(fmt.Sprintf("Logo de %s Ko", model.FormatNumber(float64(len(data))/1024, 0)))
	}
	s.logoView.Refresh()
}

// onChooseLogo opens a French file dialog for a PNG or JPEG image.
func (s *Parametres) onChooseLogo() {
	choisirFichier(s.shell.fenetre(), choixFichier{Titre: "Choisir le logo de l'Office", Action: "Ouvrir", Usage: usageImports,
		Extensions: []string{".png", ".jpg", ".jpeg"}}, func(path string) {
		if r := ouvrirChoisi(s.shell.fenetre(), path); r != nil {
			defer r.Close()
			s.useLogo(r)
		}
	})
}

// useLogo reads an image (at most 2 Mo) and puts it in the form.
func (s *Parametres) useLogo(r io.Reader) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxLogo+1))
	if err == nil {
		err = app.CheckLogo(data)
	}
	if err != nil {
		s.logoInfo.SetText(model.ErrorMessage(err))
		s.logoInfo.Importance = widget.DangerImportance
		s.logoInfo.Refresh()
		return
	}
	s.logoInfo.Importance = widget.MediumImportance
	s.setLogo(data)
	s.office.SetDirty()
}

// onSaveOffice stores the identity in one transaction.
func (s *Parametres) onSaveOffice() { s.saveOffice() }

func (s *Parametres) saveOffice() bool {
	if !s.office.Valid() {
		s.office.Check()
		return false
	}
	if err := s.app.SaveOffice(s.officeFromFields()); err != nil {
		s.officeInfo.SetText("")
		Erreur(s.shell.fenetre(), err)
		return false
	}
	s.office.Clean()
	msg := "Identité de l'Office enregistrée."
	if p := s.officeFromFields().IdentiteProvisoire(); len(p) > 0 {
		msg += " À compléter avant d'imprimer les courriers : " + strings.Join(p, " ; ") + "."
	}
	s.officeInfo.SetText(msg)
	s.confirmer("Identité de l'Office enregistrée")
	return true
}

// confirmLeave asks about unsaved changes of the identity, then of the
// rule tables; changes dropped are replaced by the stored values.
func (s *Parametres) confirmLeave(then, cancel func()) {
	s.office.ConfirmLeaveOr(s.shell.fenetre(), s.saveOffice, func() {
		s.regles.form.ConfirmLeaveOr(s.shell.fenetre(), s.regles.save, func() {
			s.load()
			then()
		}, cancel)
	}, cancel)
}

// --- Imports and backup ----------------------------------------------------

var importLabels = map[string]string{
	"logements": "Logements…", "menages": "Ménages…", "personnes": "Personnes…", "demandes": "Demandes…",
	"rpls":      "Fichier RPLS…",
	"decisions": "Décisions passées…",
}

func (s *Parametres) imports() fyne.CanvasObject {
	intro := widget.NewLabel("Quatre modèles CSV, à importer dans cet ordre : logements, ménages, personnes, demandes, puis, pour un début d'année en cours, les décisions passées de la commission " +
		"(le guide d'utilisation décrit chaque colonne). Tout ou rien : une seule ligne fausse et rien n'est enregistré ; " +
		"chaque ligne fausse est alors signalée avec son numéro, sa colonne et la raison. " +
		"« Fichier RPLS » charge ou met à jour les logements et résidences depuis le fichier national RPLS de l'Office, à la place du modèle logements.")
	intro.Wrapping = fyne.TextWrapWord
	row := container.NewHBox()
	for _, kind := range app.ImportKinds {
		kind := kind
		b := newBoutonIcone(importLabels[kind], theme.UploadIcon(), func() { s.onImport(kind) })
		s.importBtns = append(s.importBtns, b)
		row.Add(b)
	}
	s.importProg = widget.NewProgressBar()
	s.importProg.TextFormatter = pourcentFR(s.importProg)
	s.importProg.Hide()
	s.importStatus = widget.NewLabel("")
	s.importStatus.Wrapping = fyne.TextWrapWord
	importCard := widget.NewCard("Importer des fichiers CSV", "", container.NewVBox(intro, row, s.importProg, s.importStatus))

	backupIntro := widget.NewLabel("Copie complète de la base, faite pendant que Logis reste ouvert. Gardez-la hors de ce poste (clé chiffrée, serveur de l'Office). " +
		"Logis fait aussi, en se fermant, une sauvegarde automatique par jour dans le dossier « Sauvegardes » à côté de la base (les 7 dernières sont gardées).")
	backupIntro.Wrapping = fyne.TextWrapWord
	backup := newBoutonIcone("Enregistrer une sauvegarde…", theme.DocumentSaveIcon(), s.onBackup)
	s.backupStatus = widget.NewLabel("")
	s.backupStatus.Wrapping = fyne.TextWrapWord
	check := newBoutonIcone("Vérifier la base", theme.ConfirmIcon(), s.onVerify)
	restore := newBoutonIcone("Restaurer une sauvegarde…", theme.HistoryIcon(), s.onRestore)
	backupCard := widget.NewCard("Sauvegarde et vérification", "", container.NewVBox(backupIntro, container.NewHBox(backup, check, restore), s.backupStatus))

	return container.NewVScroll(container.NewVBox(importCard, backupCard))
}

// onImport asks for the CSV file of a kind.
func (s *Parametres) onImport(kind string) {
	titre := "Importer le fichier des " + strings.TrimSuffix(strings.ToLower(importLabels[kind]), "…")
	if kind == "rpls" {
		titre = "Importer le fichier RPLS du patrimoine"
	}
	choisirFichier(s.shell.fenetre(), choixFichier{Titre: titre, Action: "Importer", Usage: usageImports,
		Extensions: []string{".csv", ".txt"}}, func(path string) {
		if r := ouvrirChoisi(s.shell.fenetre(), path); r != nil {
			s.importFrom(kind, filepath.Base(path), r)
		}
	})
}

// importFrom imports r in the background with a progress bar; a refused
// file is reported line by line in a dialog.
func (s *Parametres) importFrom(kind, name string, r io.ReadCloser) {
	for _, b := range s.importBtns {
		b.Disable()
	}
	s.importProg.SetValue(0)
	s.importProg.Show()
	s.importStatus.SetText(fmt.Sprintf("Import de « %s » en cours…", name))
	// A refused file is a result, not a failure: its lines may quote the
	// file's values, so they are shown, never logged.
	type importe struct {
		rep     app.ImportReport
		refused *app.ImportErrors
	}
	enFond(&s.bg, s.shell.journal(), "import "+kind,
		func() (importe, error) {
			rep, err := s.app.Import(kind, name, r, func(done, total int) {
				if total > 0 {
					fyne.Do(func() { s.importProg.SetValue(float64(done) / float64(total)) })
				}
			})
			r.Close()
			var refused *app.ImportErrors
			if errors.As(err, &refused) {
				return importe{refused: refused}, nil
			}
			return importe{rep: rep}, err
		},
		func(res importe, err error) {
			s.importProg.Hide()
			for _, b := range s.importBtns {
				b.Enable()
			}
			switch {
			case res.refused != nil:
				s.importStatus.SetText(fmt.Sprintf("Import de « %s » refusé : %s, rien n'a été enregistré.", name, res.refused.Resume()))
				s.shell.confirmer(fmt.Sprintf("Import de « %s » refusé, rien n'a été enregistré", name)) // the status line no longer says the last import that passed
				s.showImportErrors(name, res.refused)
			case err != nil:
				s.importStatus.SetText(fmt.Sprintf("Import de « %s » refusé : %s", name, model.ErrorMessage(err)))
				s.shell.confirmer(fmt.Sprintf("Import de « %s » refusé, rien n'a été enregistré", name))
				Erreur(s.shell.fenetre(), err)
			default:
				s.importStatus.SetText(res.rep.String())
				s.confirmer(fmt.Sprintf("Import de « %s » enregistré", name))
			}
		})
}

// showImportErrors lists every bad line of a refused file in a scrollable dialog.
func (s *Parametres) showImportErrors(name string, e *app.ImportErrors) {
	head := widget.NewLabel(fmt.Sprintf("Le fichier « %s » n'a pas été importé : %s ; rien n'a été enregistré. Corrigez puis importez de nouveau le fichier entier.", name, e.Resume()))
	head.Wrapping = fyne.TextWrapWord
	list := widget.NewList(
		func() int { return len(e.Erreurs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("ligne 00000, colonne revenu_fiscal_reference : raison")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.Erreurs[i].String()) },
	)
	content := container.NewBorder(head, nil, nil, nil, list)
	d := Informer(s.shell.fenetre(), "Import refusé", "Fermer", content)
	d.Resize(fyne.NewSize(900, 560))
	s.lastDialog = d
}

// onBackup asks where to write a backup of the database.
func (s *Parametres) onBackup() {
	choisirFichier(s.shell.fenetre(), choixFichier{Titre: "Enregistrer une sauvegarde de la base", Action: "Enregistrer",
		Mode: choixEnregistrer, Usage: usageSauvegardes, Extensions: []string{".db"}, Nom: s.app.DefaultBackupName()}, s.backupTo)
}

// backupTo writes the backup in the background.
func (s *Parametres) backupTo(path string) {
	s.backupStatus.SetText("Sauvegarde en cours…")
	enFond(&s.bg, s.shell.journal(), "sauvegarde",
		func() (struct{}, error) { return struct{}{}, s.app.Sauvegarder(path, true) }, // the file dialog asked before replacing
		func(_ struct{}, err error) {
			if err != nil {
				s.backupStatus.SetText(echec("La sauvegarde a échoué", err))
				return
			}
			size := ""
			if st, err := os.Stat(path); err == nil {
				size = fmt.Sprintf(" (%s Mo)", model.FormatNumber(float64(st.Size())/(1<<20), 1))
			}
			s.backupStatus.SetText(fmt.Sprintf("Sauvegarde écrite dans « %s »%s.", path, size))
			s.confirmer(fmt.Sprintf("Sauvegarde « %s » écrite", filepath.Base(path)))
		})
}

// onVerify runs the consistency check of the database in the background.
func (s *Parametres) onVerify() {
	s.backupStatus.SetText("Vérification de la base en cours…")
	enFond(&s.bg, s.shell.journal(), "vérification",
		func() (app.Verification, error) { return s.app.Verifier() },
		func(v app.Verification, err error) {
			if err != nil {
				s.backupStatus.SetText(echec("La vérification n'a pas pu être faite", err))
				return
			}
			c := v.Comptes
			msg := fmt.Sprintf("Base vérifiée : aucune incohérence. %s logements, %s ménages, %s personnes, %s demandes.",
				nombreFR(c.Logements), nombreFR(c.Menages), nombreFR(c.Personnes), nombreFR(c.Demandes))
			if len(v.Problemes) > 0 {
				msg = fmt.Sprintf("%d incohérence(s) :\n%s\nRestaurez une sauvegarde ou appelez le support.", len(v.Problemes), strings.Join(v.Problemes, "\n"))
			}
			s.backupStatus.SetText(msg)
		})
}

// prepareCapture shows the imports and backup tab (captures): the identity
// tab's entries would be drawn wrong, Fyne's software renderer not
// clipping an entry's text to the scroll around it.
func (s *Parametres) prepareCapture() { s.tabs.SelectIndex(3) }
