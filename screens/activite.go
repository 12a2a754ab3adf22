package screens

import "logis/model"

// activiteOptions are the situations of an adult, as the sheet shows them;
// the last one clears the situation.
func activiteOptions() []string {
	out := make([]string, 0, len(model.Activites)+1)
	for _, a := range model.Activites {
		out = append(out, a.Label())
	}
	return append(out, model.Activite("").Label())
}

// activiteOf reads back a situation from its label ("" when not recorded).
func activiteOf(label string) model.Activite {
	for _, a := range model.Activites {
		if a.Label() == label {
			return a
		}
	}
	return ""
}

// newChoixActivite is the select of an adult's situation (activity rate of
// the residences, policy §1.4).
func newChoixActivite(a model.Activite, f *Form) *Choix {
	c := NewChoix("Activité", activiteOptions(), false)
	c.form = f
	c.Select.PlaceHolder = "(activité)"
	if a != "" {
		c.Set(a.Label())
	}
	return c
}
