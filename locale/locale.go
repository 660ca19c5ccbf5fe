// Package locale gives a machine with no locale (LANG=C, as on servers
// and CI) British English, before Fyne reads the locale as it starts.
//
// It must run before Fyne's packages are initialised: Go initialises
// packages that are ready in order of import path, and this module's path
// (example.org/...) sorts before fyne.io, so importing this package from
// main is enough. It imports nothing but os for the same reason.
package locale

import (
	"os"
	"strings"
)

func init() { UseBritishIfUnset() }

// UseBritishIfUnset sets LANG to en_GB.UTF-8 when no real locale is set.
func UseBritishIfUnset() {
	unset := func(v string) bool { return v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") }
	if unset(os.Getenv("LC_ALL")) && unset(os.Getenv("LC_MESSAGES")) && unset(os.Getenv("LANG")) {
		os.Unsetenv("LC_ALL")
		os.Unsetenv("LC_MESSAGES")
		os.Setenv("LANG", "en_GB.UTF-8")
	}
}
