// Package locale gives a machine with no locale (LANG=C, as on servers,
// CI and a bare Wine) British English, before Fyne reads the locale.
//
// main calls UseBritishIfUnset first thing, before it makes the Fyne app,
// so the window's dates and numbers are British. Fyne's lang package also
// reads the locale once while Go initialises it, before main runs, and
// logs an error for a "C.UTF-8" locale; the init below is there for that
// read. Go initialises packages that are ready in order of import path,
// and this module's path sorts before fyne.io; TestInitBeforeFyne (in
// main) fails if a new module path or import ever changes that, and
// TestNoLocaleError runs the built program under LANG=C and C.UTF-8.
// It imports nothing but os and strings so that it is ready early.
package locale

import (
	"os"
	"strings"
)

func init() { UseBritishIfUnset() }

// British is the language PsyPlan uses where the machine names none.
const British = "en_GB.UTF-8"

// UseBritishIfUnset sets LANG to British English when the locale that
// counts (the first of LC_ALL, LC_MESSAGES and LANG that is set, as Fyne
// reads them) is none at all: empty, C, C.UTF-8 or POSIX. A real locale,
// such as fr_FR.UTF-8, is left alone.
func UseBritishIfUnset() {
	if !isNone(inForce()) {
		return
	}
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Setenv("LANG", British)
}

// inForce is the locale for messages: LC_ALL overrides LC_MESSAGES,
// which overrides LANG.
func inForce() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

func isNone(v string) bool {
	return v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
}
