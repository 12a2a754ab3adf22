package screens

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"logis/model"
)

// TestEnFond holds the background-job pattern: work runs off the caller,
// done runs through the UI hop after work with its result, the WaitGroup
// counts the job until done has returned, and a failure is logged under
// its name while the user reads French.
func TestEnFond(t *testing.T) {
	ui := make(chan func(), 1)
	versUI := func(f func()) { ui <- f } // the test goroutine plays the UI goroutine

	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	var bg sync.WaitGroup
	var order []string
	var got int
	enFondVia(versUI, &bg, log, "calcul d'essai",
		func() (int, error) { order = append(order, "work"); return 42, nil },
		func(v int, err error) {
			if err != nil {
				t.Errorf("done got %v, want no error", err)
			}
			got = v
			order = append(order, "done")
		})
	var f func()
	select {
	case f = <-ui:
	case <-time.After(5 * time.Second):
		t.Fatal("enFond never handed done to the UI goroutine")
	}
	if len(order) != 1 || order[0] != "work" {
		t.Fatalf("before the UI ran anything: %v, want [work] (done must not run off the UI goroutine)", order)
	}
	waited := make(chan struct{})
	go func() { bg.Wait(); close(waited) }()
	select {
	case <-waited:
		t.Fatal("the WaitGroup was released before done ran")
	case <-time.After(50 * time.Millisecond):
	}
	f()
	select {
	case <-waited:
	case <-time.After(5 * time.Second):
		t.Fatal("the WaitGroup still counts the job after done returned")
	}
	if got != 42 || strings.Join(order, ",") != "work,done" {
		t.Errorf("done got %d after %v, want 42 after work,done", got, order)
	}
	if buf.Len() != 0 {
		t.Errorf("a job that succeeded logged %q", buf.String())
	}

	// A failure: logged under quoi with the technical error; done gets it
	// and the sentence shown is French, never the technical text.
	interne := errors.New("bbolt: bucket introuvable")
	var msg string
	enFondVia(versUI, &bg, log, "calcul d'essai", func() (int, error) { return 0, interne },
		func(_ int, err error) { msg = echec("Le calcul n'a pas pu être fait", err) })
	(<-ui)()
	bg.Wait()
	l := buf.String()
	if !strings.Contains(l, `msg="calcul d'essai"`) || !strings.Contains(l, "bucket introuvable") || !strings.Contains(l, "level=ERROR") {
		t.Errorf("log = %q, want an error under « calcul d'essai » with the technical cause", l)
	}
	if strings.Contains(msg, "bbolt") || !strings.HasPrefix(msg, "Le calcul n'a pas pu être fait : Une erreur interne") {
		t.Errorf("message = %q, want the French sentence without the technical error", msg)
	}
	// A model error says its own French message.
	enFondVia(versUI, &bg, nil, "calcul d'essai", func() (int, error) { return 0, model.Errorf(model.EINVALID, "La date manque.") },
		func(_ int, err error) { msg = echec("Le calcul n'a pas pu être fait", err) })
	(<-ui)()
	bg.Wait()
	if msg != "Le calcul n'a pas pu être fait : La date manque." {
		t.Errorf("message = %q", msg)
	}
}
