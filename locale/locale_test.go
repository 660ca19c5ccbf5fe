package locale

import (
	"os"
	"testing"
)

func TestUseBritishIfUnset(t *testing.T) {
	cases := []struct {
		name                            string
		lcAll, lcMessages, lang         string
		wantAll, wantMessages, wantLang string
	}{
		{"nothing set", "", "", "", "", "", British},
		{"LANG=C", "", "", "C", "", "", British},
		{"LANG=C.UTF-8", "", "", "C.UTF-8", "", "", British},
		{"LANG=POSIX", "", "", "POSIX", "", "", British},
		{"a real LANG is kept", "", "", "fr_FR.UTF-8", "", "", "fr_FR.UTF-8"},
		{"a real LC_MESSAGES is kept", "", "de_DE.UTF-8", "C", "", "de_DE.UTF-8", "C"},
		// LC_ALL=C.UTF-8 hides LANG from Fyne, which would log an error for "C".
		{"LC_ALL=C.UTF-8 over a real LANG", "C.UTF-8", "", "cy_GB.UTF-8", "", "", British},
		{"LC_ALL real, LANG=C", "en_US.UTF-8", "", "C", "en_US.UTF-8", "", "C"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("LC_ALL", c.lcAll)
			t.Setenv("LC_MESSAGES", c.lcMessages)
			t.Setenv("LANG", c.lang)
			UseBritishIfUnset()
			for _, v := range []struct{ name, want string }{
				{"LC_ALL", c.wantAll}, {"LC_MESSAGES", c.wantMessages}, {"LANG", c.wantLang},
			} {
				if got := os.Getenv(v.name); got != v.want {
					t.Errorf("%s = %q, want %q", v.name, got, v.want)
				}
			}
		})
	}
}
