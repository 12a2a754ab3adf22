package storage

// LogementsOfResidence returns the references of the dwellings of residence
// code, from the index residence → dwellings (sorted by reference).
func (tx *Tx) LogementsOfResidence(code string) ([]string, error) {
	if err := checkKey("Le code de la résidence", code); err != nil {
		return nil, err
	}
	return tx.idxChildren(bucketIdxResidenceLogement, code, 0)
}
