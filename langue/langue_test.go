package langue

import "testing"

func TestCorriger(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string // LANGUAGE afterwards
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "fr"},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "fr"},
		{map[string]string{"LC_ALL": "C.utf8", "LANG": "fr_FR.UTF-8"}, "fr"},
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{}, ""},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, ""},
		{map[string]string{"LANG": "de_DE@euro"}, ""},
		{map[string]string{"LANG": "ast_ES.UTF-8"}, ""},
		{map[string]string{"LC_MESSAGES": "1234", "LANG": "fr_FR.UTF-8"}, "fr"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, "de"},
	}
	for _, c := range cases {
		env := map[string]string{}
		for k, v := range c.env {
			env[k] = v
		}
		get := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		set := func(k, v string) error { env[k] = v; return nil }
		Corriger(get, set)
		if env["LANGUAGE"] != c.want {
			t.Errorf("%v: LANGUAGE=%q, want %q", c.env, env["LANGUAGE"], c.want)
		}
	}
}
