package model_test

import (
	"strings"
	"testing"
	"time"

	"logis/model"
)

func TestFinancementRPLS(t *testing.T) {
	tests := []struct {
		finan, cus string
		want       model.Financement
		err        string
	}{
		{"10", "", model.PLAI, ""},
		{"11", "", model.PLAI, ""},
		{"12", "", model.PLUS, ""},
		{"13", "", model.PLUS, ""},
		{"52", "", model.PLUS, ""},
		{"50", "", model.PLUS, ""},
		{"14", "", model.PLS, ""},
		{"16", "", model.PLI, ""},
		{"54", "14", model.PLS, ""},
		{"51", "11", model.PLAI, ""},
		{"", "13", model.PLUS, ""},
		{"13", "16", model.PLI, ""}, // the CUS ceiling wins
		{"51", "", "", "PLR / PSR"},
		{"53", "", "", "colonne CUS"},
		{"99", "", "", "ne dit pas seul"},
		{"77", "", "", "n'est pas un code de financement"},
		{"13", "12", "", "n'est pas un plafond CUS"},
		{"", "", "", "financement absent"},
	}
	for _, tt := range tests {
		f, why, err := model.FinancementRPLS(tt.finan, tt.cus)
		if tt.err != "" {
			if err == nil || !strings.Contains(model.ErrorMessage(err), tt.err) {
				t.Errorf("FINAN %q CUS %q: err = %v, want %q", tt.finan, tt.cus, err, tt.err)
			}
			continue
		}
		if err != nil || f != tt.want || !strings.Contains(why, string(tt.want)) {
			t.Errorf("FINAN %q CUS %q = %s (%s), %v; want %s", tt.finan, tt.cus, f, why, err, tt.want)
		}
	}
}

func TestQPVRPLS(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "2": false, "1": true, "QP094021": true, "qn09402m": true} {
		if got, err := model.QPVRPLS(v); err != nil || got != want {
			t.Errorf("QPVRPLS(%q) = %v, %v; want %v", v, got, err, want)
		}
	}
	for _, v := range []string{"ZZ094021", "oui peut-être", "3", "QP"} {
		if _, err := model.QPVRPLS(v); err == nil {
			t.Errorf("QPVRPLS(%q) accepted", v)
		}
	}
}

func TestDateDPERPLS(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		bad  bool
	}{
		{"03/2021", model.NewDate(2021, time.March, 1), false},
		{"01/1900", 0, false},
		{"", 0, false},
		{"15/06/2022", model.NewDate(2022, time.June, 15), false},
		{"13/2021", 0, true},
		{"demain", 0, true},
	}
	for _, tt := range tests {
		d, err := model.DateDPERPLS(tt.in)
		if (err != nil) != tt.bad || d != tt.want {
			t.Errorf("DateDPERPLS(%q) = %v, %v", tt.in, d, err)
		}
	}
}

func TestDecenceEnergetique(t *testing.T) {
	at := model.NewDate(2026, time.March, 1)
	for _, tt := range []struct {
		classe string
		at     model.Date
		want   model.Resultat
	}{
		{"G", at, model.Alerte},
		{"G", model.NewDate(2024, time.December, 31), model.Conforme},
		{"F", at, model.Conforme},
		{"", at, model.Incomplet},
	} {
		v := model.DecenceEnergetique(&model.Logement{ClasseDPE: tt.classe}, tt.at)
		if v.Resultat != tt.want || v.Explication == "" || v.Source == "" {
			t.Errorf("classe %q au %s: %+v", tt.classe, tt.at, v)
		}
	}
	if model.TypologieRPLS(9) != 6 || model.TypologieRPLS(3) != 3 {
		t.Error("TypologieRPLS")
	}
}

func TestContingentRPLS(t *testing.T) {
	for in, want := range map[string]string{"": "", "2": "préfecture", "03": "Action Logement", "7": "bailleur", "4": "collectivité territoriale"} {
		if got, err := model.ContingentRPLS(in); err != nil || got != want {
			t.Errorf("ContingentRPLS(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := model.ContingentRPLS("8"); err == nil {
		t.Error("code 8 accepted")
	}
}
