package store

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A deleted plan's id is never given to a new plan, so nothing that named
// it (an answer being worked out, a roll-up) can find another plan.
func TestPlanIDsAreNeverReused(t *testing.T) {
	lib, _ := tempLibrary(t)
	a, _ := lib.CreatePlan(ctx, v2Plan(t))
	b, _ := lib.CreatePlan(ctx, v2Plan(t))
	if err := lib.DeletePlan(ctx, b); err != nil {
		t.Fatal(err)
	}
	c, err := lib.CreatePlan(ctx, v2Plan(t))
	if err != nil || c == b || c <= a {
		t.Errorf("ids %d, %d, then %d after deleting %d (%v)", a, b, c, b, err)
	}
}

// SavePlanAt keeps a change only in the revision it was worked out on:
// not after another save, not in a deleted plan.
func TestSavePlanAtRefusesAChangedOrDeletedPlan(t *testing.T) {
	lib, _ := tempLibrary(t)
	id, _ := lib.CreatePlan(ctx, v2Plan(t))
	p, rev, err := lib.LoadPlanAt(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.SavePlan(ctx, id, p); err != nil { // another program saves first
		t.Fatal(err)
	}
	p.Name = "Answer kept"
	if err := lib.SavePlanAt(ctx, id, rev, p); !errors.Is(err, ErrChanged) {
		t.Errorf("saved over a newer revision: %v", err)
	}
	_, rev, _ = lib.LoadPlanAt(ctx, id)
	if err := lib.SavePlanAt(ctx, id, rev, p); err != nil {
		t.Errorf("the current revision: %v", err)
	}
	lib.DeletePlan(ctx, id)
	if err := lib.SavePlanAt(ctx, id, rev+1, p); !errors.Is(err, ErrChanged) {
		t.Errorf("saved into a deleted plan: %v", err)
	}
}

// Another process holds the library's write lock: a change waits a stated
// time, says it is waiting, then is refused naming why, and nothing is
// stored. The holder is a real process (this test binary, run again).
func TestAChangeWaitsForAnotherProgramThenIsRefused(t *testing.T) {
	lib, path := tempLibrary(t)
	id, _ := lib.CreatePlan(ctx, v2Plan(t))
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldTheLibrary$")
	cmd.Env = append(os.Environ(), "PSYPLAN_HOLD_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	buf := make([]byte, 64)
	if n, _ := out.Read(buf); !strings.Contains(string(buf[:n]), "holding") {
		t.Fatalf("the holder said %q", buf[:n])
	}
	old := BusyWait
	BusyWait = 2 * time.Second
	defer func() { BusyWait = old }()
	waited := 0
	lib.OnWait = func() { waited++ }
	start := time.Now()
	err = lib.SetLastPlan(ctx, id)
	took := time.Since(start)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "nothing was stored") {
		t.Errorf("err %v", err)
	}
	if waited != 1 || took < 2*time.Second || took > 10*time.Second {
		t.Errorf("told %d times, waited %v", waited, took)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if err := lib.SetLastPlan(ctx, id); err != nil {
		t.Errorf("once the holder is gone: %v", err)
	}
}

// TestHelperHoldTheLibrary is not a test: it holds a library's write
// lock for TestAChangeWaitsForAnotherProgramThenIsRefused until killed.
func TestHelperHoldTheLibrary(t *testing.T) {
	path := os.Getenv("PSYPLAN_HOLD_DB")
	if path == "" {
		t.Skip("run by TestAChangeWaitsForAnotherProgramThenIsRefused")
	}
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := lib.db.Begin() // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	os.Stdout.WriteString("holding\n")
	time.Sleep(time.Minute)
}

// A device or a pipe is never taken for a library.
func TestDeviceIsNotALibrary(t *testing.T) {
	_, err := Open("/dev/null")
	if err == nil || !strings.Contains(err.Error(), "not an ordinary file") {
		t.Errorf("err %v", err)
	}
}

func tempLibrary(t *testing.T) (*Library, string) {
	t.Helper()
	lib := openTemp(t)
	return lib, lib.Path()
}
