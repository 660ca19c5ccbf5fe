package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// oldLibrary makes a library as PsyPlan made it before model version 2
// (migrations 1 and 2, no application id), holding one plan written with
// raw SQL as that version wrote it, and returns the plan's id.
func oldLibrary(t *testing.T, path string) int64 {
	t.Helper()
	old, err := openWith(path, migrationFiles[:2])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	rawSQL(t, old, "PRAGMA application_id = 0",
		`INSERT INTO plans (id, name, area, notes, baseline_month, horizon_month, cap_hires, interpolation, baseline_wte,
			created_at, updated_at) VALUES (7, 'Old plan', 'Area', '', '2020-03', '2026-03', 1, 'linear', NULL,
			'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
		`INSERT INTO professions VALUES (7, 0, 'pwp', 'PWP', 20, 0.9, 42000)`,
		`INSERT INTO post_lines VALUES (1, 7, 0, 'pwp', 'Perinatal', 40, NULL, 45, 2, NULL)`,
		`INSERT INTO scenarios VALUES (3, 7, 0, 'Capped', 1)`,
		`INSERT INTO cohorts VALUES (7, NULL, 0, 'pwp', 'Perinatal', '2020-09', 12, 10, 90, 80)`,
		`INSERT INTO cohorts VALUES (7, 3, 0, 'pwp', 'Perinatal', '2021-09', 12, 5, 90, 80)`,
		`INSERT INTO settings VALUES ('last_plan', '7')`)
	return 7
}

func rawSQL(t testing.TB, lib *Library, statements ...string) {
	t.Helper()
	for _, s := range statements {
		if _, err := lib.db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// A library made by an older PsyPlan is copied beside itself, then
// brought up to date with its plans intact and every new field at the
// plan file's default.
func TestOlderLibraryIsCopiedThenMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	id := oldLibrary(t, path)

	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if v, _ := lib.SchemaVersion(ctx); v != len(migrationFiles) || v < 3 {
		t.Errorf("version %d, want %d", v, len(migrationFiles))
	}
	var appID int64
	lib.db.QueryRow("PRAGMA application_id").Scan(&appID)
	if appID != applicationID {
		t.Errorf("application id %d after migrating, want ours", appID)
	}
	p, err := lib.LoadPlan(ctx, id)
	if err != nil {
		t.Fatalf("plan lost in migration: %v", err)
	}
	pr, c, s := p.Professions[0], p.Cohorts[0], p.Scenarios[0]
	if p.Name != "Old plan" || pr.LeaverRatePct != 20 || p.Posts[0].FundedWTE != 45 || c.Intake != 10 ||
		len(s.ExtraCohorts) != 1 || s.ExtraCohorts[0].Intake != 5 || *s.CapHires != true {
		t.Errorf("the old fields changed: %+v", p)
	}
	if p.QualifierWaitMonths != 0 || p.CountSalariedTrainees || p.PayUpliftPctPerYear != 0 || p.Uncertainty != nil ||
		pr.TraineesSalaried || pr.TraineeWTEPerHead != 1 || pr.TraineeCostPerWTE != 0 ||
		c.DrawnFrom != nil || s.QualifierWaitMonths != nil {
		t.Errorf("new fields are not at the plan file's defaults: %+v", p)
	}
	if last, _ := lib.LastPlan(ctx); last != id {
		t.Errorf("last plan %d, want %d", last, id)
	}
	copies, _ := filepath.Glob(path + ".v2-*.bak")
	if len(copies) != 1 {
		t.Fatalf("copies beside the library: %v", copies)
	}
	backup, err := openWith(copies[0], migrationFiles[:2])
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	if v, _ := backup.SchemaVersion(ctx); v != 2 {
		t.Errorf("the copy is at version %d, want 2", v)
	}
	var name string
	if err := backup.db.QueryRow("SELECT name FROM plans WHERE id = ?", id).Scan(&name); err != nil || name != "Old plan" {
		t.Errorf("the copy lacks the plan: %q %v", name, err)
	}
}

func TestNewLibraryIsNotCopied(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if copies, _ := filepath.Glob(path + ".*.bak"); len(copies) != 0 {
		t.Errorf("copies of a new library: %v", copies)
	}
}

func TestNewerLibraryIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	_, err = openWith(path, migrationFiles[:1])
	if err == nil || !strings.Contains(err.Error(), "newer PsyPlan") {
		t.Fatalf("err = %v", err)
	}
}
