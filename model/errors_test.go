package model_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"logis/model"
)

func TestErrorf(t *testing.T) {
	e := model.Errorf(model.ENOTFOUND, "Le logement %s n'existe pas.", "GEN-001")
	if e.Code != model.ENOTFOUND || e.Message != "Le logement GEN-001 n'existe pas." {
		t.Errorf("Errorf = %+v", e)
	}
	if e.Error() != e.Message {
		t.Errorf("Error() = %q, want the message", e.Error())
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	domain := model.Errorf(model.ECONFLICT, "Le NUR %s existe déjà.", "1111023517879GDPUB")
	tests := []struct {
		name      string
		err       error
		code, msg string
	}{
		{"nil", nil, "", ""},
		{"*Error", domain, model.ECONFLICT, "Le NUR 1111023517879GDPUB existe déjà."},
		{"wrapped *Error keeps its code and message", fmt.Errorf("storage: put demande: %w", domain), model.ECONFLICT, "Le NUR 1111023517879GDPUB existe déjà."},
		{"doubly wrapped *Error", fmt.Errorf("app: %w", fmt.Errorf("storage: %w", domain)), model.ECONFLICT, "Le NUR 1111023517879GDPUB existe déjà."},
		{"joined errors", errors.Join(errors.New("x"), domain), model.ECONFLICT, "Le NUR 1111023517879GDPUB existe déjà."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.ErrorCode(tc.err); got != tc.code {
				t.Errorf("ErrorCode = %q, want %q", got, tc.code)
			}
			if got := model.ErrorMessage(tc.err); got != tc.msg {
				t.Errorf("ErrorMessage = %q, want %q", got, tc.msg)
			}
		})
	}
	t.Run("plain error is internal with a generic French message", func(t *testing.T) {
		err := fmt.Errorf("bolt: open /home/agent/logis.db: %w", errors.New("timeout"))
		if got := model.ErrorCode(err); got != model.EINTERNAL {
			t.Errorf("ErrorCode = %q, want %q", got, model.EINTERNAL)
		}
		msg := model.ErrorMessage(err)
		if !strings.Contains(msg, "Une erreur interne est survenue") {
			t.Errorf("ErrorMessage = %q, want the generic French message", msg)
		}
		for _, leak := range []string{"bolt", "timeout", "logis.db"} {
			if strings.Contains(msg, leak) {
				t.Errorf("ErrorMessage leaks %q: %q", leak, msg)
			}
		}
	})
}
