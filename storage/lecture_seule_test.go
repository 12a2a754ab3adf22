package storage_test

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"logis/model"
	"logis/storage"
)

// A base on a read-only medium (a write-protected USB key, a read-only
// share) opened for work: the system says EROFS, which is not a permission
// error; the user is told what the medium is and what to do, in French.
func TestOpenError_SupportEnLectureSeule(t *testing.T) {
	err := storage.OpenError("base.db", &fs.PathError{Op: "open", Path: "/media/cle/base.db", Err: syscall.EROFS})
	msg := model.ErrorMessage(err)
	for _, want := range []string{"« base.db »", "support en lecture seule", "logis verify", "Copiez-la sur le disque du poste"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if model.ErrorCode(err) == model.EINTERNAL {
		t.Errorf("code EINTERNAL: a read-only medium is the user's situation, not a fault")
	}
}
