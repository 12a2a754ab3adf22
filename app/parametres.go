package app

import (
	"bytes"
	"image"
	_ "image/jpeg" // logo formats accepted in Paramètres
	_ "image/png"

	"logis/model"
	"logis/storage"
)

// MaxLogo is the largest logo accepted (2 Mo).
const MaxLogo = 2 << 20

// Office returns the identity printed on documents.
func (a *App) Office() (*model.Office, error) {
	var o *model.Office
	err := a.DB.View(func(tx *storage.Tx) (err error) { o, err = tx.Office(); return err })
	return o, err
}

// SaveOffice validates and stores the office's identity in one transaction.
func (a *App) SaveOffice(o *model.Office) error {
	if err := a.Peut(model.ActionParametres); err != nil {
		return err
	}
	if o == nil {
		return model.Errorf(model.EINVALID, "Aucune identité de l'Office à enregistrer.")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	if len(o.Logo) > 0 {
		if err := CheckLogo(o.Logo); err != nil {
			return err
		}
	}
	return a.DB.Update("Paramètres : identité de l'Office", func(tx *storage.Tx) error { return tx.PutOffice(o) })
}

// CheckLogo accepts a PNG or JPEG image of at most 2 Mo.
func CheckLogo(data []byte) error {
	if len(data) > MaxLogo {
		return model.Errorf(model.EINVALID, "Le logo ne doit pas dépasser 2 Mo (ce fichier fait %s Mo).", model.FormatDecimal(float64(len(data))/(1<<20), 1, false))
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return model.Errorf(model.EINVALID, "Le logo doit être une image PNG ou JPEG.")
	}
	return nil
}

// SaveRegles validates and stores the rule tables in one transaction.
func (a *App) SaveRegles(r *model.Regles) error {
	if err := a.Peut(model.ActionParametres); err != nil {
		return err
	}
	if r == nil {
		return model.Errorf(model.EINVALID, "Aucun paramètre à enregistrer.")
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return a.DB.Update("Paramètres : tables de règles", func(tx *storage.Tx) error { return tx.PutRegles(r) })
}

// AjouterAnneeBaremes returns a copy of r where the ceilings of the latest
// year are copied to the next year, for the office to edit them; the copies
// are marked « dérivés, non officiels » (Bareme.Derive) until edited or
// imported. The first-quartile threshold is not copied: a year without its
// own threshold says « données manquantes ». Nothing is stored.
func AjouterAnneeBaremes(r *model.Regles) (*model.Regles, int) {
	c := CopyRegles(r)
	last := 0
	for _, b := range c.Baremes {
		last = max(last, b.Annee)
	}
	if last == 0 {
		return c, 0
	}
	next := last + 1
	for _, b := range r.Baremes {
		if b.Annee == last {
			b.Annee, b.Derive = next, true
			c.Baremes = append(c.Baremes, b)
		}
	}
	return c, next
}

// CopyRegles returns a deep copy of the rule tables (the screens edit a copy).
func CopyRegles(r *model.Regles) *model.Regles {
	c := *r
	c.SurfacesMin = append([]float64(nil), r.SurfacesMin...)
	c.Typologies = append([]model.LigneTypologie(nil), r.Typologies...)
	c.Baremes = append([]model.Bareme(nil), r.Baremes...)
	c.Zones = make(map[string]model.Zone, len(r.Zones))
	for k, v := range r.Zones {
		c.Zones[k] = v
	}
	c.PremierQuart = make(map[int]model.Cents, len(r.PremierQuart))
	for k, v := range r.PremierQuart {
		c.PremierQuart[k] = v
	}
	return &c
}
