// Package crashlog keeps a trace of a crash: the Go runtime writes what a
// fatal panic says to a file in PsyPlan's configuration folder, and the
// next start finds it there, keeps it under a dated name and says where.
package crashlog

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
)

// Start sends any crash of this run to dir/crash.txt. It returns the place
// of the previous run's crash report when that run ended badly ("" when
// it did not), kept as crash-YYYYMMDD-HHMMSS.txt so this run's crash
// cannot overwrite it.
func Start(dir string) (previous string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "crash.txt")
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		kept := filepath.Join(dir, "crash-"+fi.ModTime().UTC().Format("20060102-150405")+".txt")
		if err := os.Rename(path, kept); err == nil {
			previous = kept
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return previous, err
	}
	// The runtime writes a fatal error or an unrecovered panic's stack
	// here as well as to standard error (which a double-clicked window
	// does not have); f stays open for the life of the program.
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		f.Close()
		return previous, err
	}
	f.Close() // SetCrashOutput keeps its own duplicate
	return previous, nil
}

// Sentence says, for the window's status line, that the last run ended
// badly and where its report is.
func Sentence(previous string) string {
	if previous == "" {
		return ""
	}
	return fmt.Sprintf("PsyPlan closed unexpectedly last time; what it said is in %s.", previous)
}
