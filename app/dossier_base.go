package app

import "path/filepath"

// DossierDeLaBase is the folder holding the base file: the default folders
// of exports (« Données personnelles », « Courriers ») are beside it.
func (a *App) DossierDeLaBase() string { return filepath.Dir(a.DB.Path()) }
