package cli

import (
	"context"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
)

// A library that already holds a default plan (here one standing for the
// old version 1 default: horizon March 2026, trainees not counted, no
// wait) keeps it as it is when a newer PsyPlan opens it; restore-default
// adds the default this version ships, beside it.
func TestOldDefaultIsKeptAndRestoreGivesTheNewOne(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "lib.db")
	lib, err := exchange.OpenLibrary(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	list, err := lib.ListPlans(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("new library: %+v %v", list, err)
	}
	old, err := lib.LoadPlan(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	old.Horizon, old.CountSalariedTrainees, old.QualifierWaitMonths = plan.MonthOf(2026, 3), false, 0
	if err := lib.SavePlan(ctx, list[0].ID, old); err != nil {
		t.Fatal(err)
	}
	lib.Close()

	if r := run("list", "--db", db); r.code != 0 {
		t.Fatalf("list: %+v", r)
	}
	r := run("restore-default", "--db", db)
	if r.code != 0 {
		t.Fatalf("restore-default: %+v", r)
	}
	newID, err := strconv.ParseInt(lastLine(r.stdout), 10, 64)
	if err != nil {
		t.Fatalf("restore-default printed %q", r.stdout)
	}

	lib, err = exchange.OpenLibrary(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if list, err = lib.ListPlans(ctx); err != nil || len(list) != 2 {
		t.Fatalf("after restore: %+v %v", list, err)
	}
	kept, err := lib.LoadPlan(ctx, list[0].ID)
	if err != nil || !reflect.DeepEqual(kept, old) {
		t.Errorf("the library's own default changed (%v)", err)
	}
	restored, err := lib.LoadPlan(ctx, newID)
	want, _ := exchange.DefaultPlan()
	if err != nil || !reflect.DeepEqual(restored, want) {
		t.Errorf("restore-default did not give the shipped default (%v)", err)
	}
}
