package exchange

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestImportedNameTellsACopyFromItsOriginal(t *testing.T) {
	today := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	taken := map[string]bool{"North ICS": true}
	if got := ImportedName("South ICS", taken, today); got != "South ICS" {
		t.Errorf("a new name became %q", got)
	}
	if got := ImportedName("North ICS", taken, today); got != "North ICS (imported 4 Dec 2026)" {
		t.Errorf("second copy %q", got)
	}
	taken["North ICS (imported 4 Dec 2026)"] = true
	if got := ImportedName("North ICS", taken, today); got != "North ICS (imported 4 Dec 2026, 2)" {
		t.Errorf("third copy %q", got)
	}
	long := strings.Repeat("é", 200)
	got := ImportedName(long, map[string]bool{long: true}, today)
	if n := utf8.RuneCountInString(got); n != 200 || !strings.HasSuffix(got, " (imported 4 Dec 2026)") {
		t.Errorf("a 200-character name became %d characters: %q", n, got)
	}
}

func TestNameImportReadsTheLibrarysNames(t *testing.T) {
	ctx := context.Background()
	lib, err := OpenLibrary(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	p, err := DefaultPlan() // the library holds it already: the first run adds it
	if err != nil {
		t.Fatal(err)
	}
	name := p.Name
	if err := NameImport(ctx, lib, p, time.Date(2027, 1, 9, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if p.Name != name+" (imported 9 Jan 2027)" {
		t.Errorf("imported copy named %q", p.Name)
	}
}
