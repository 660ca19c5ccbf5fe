package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// mediumPlan is big enough that an import takes a while to kill in the
// middle of: one ICS-sized slice of the national plan.
func mediumPlan() *plan.Plan {
	p := plantest.National()
	p.Posts = p.Posts[:400]
	p.Cohorts = p.Cohorts[:3200]
	return p
}

// TestHelperImporter is not a test: the crash and concurrency tests run
// the test binary again as a separate process that imports plans into the
// library named by PSYPLAN_HELPER_DB until it is killed or has made
// PSYPLAN_HELPER_COUNT plans.
func TestHelperImporter(t *testing.T) {
	path := os.Getenv("PSYPLAN_HELPER_DB")
	if path == "" {
		t.Skip("run by other tests")
	}
	var count int
	fmt.Sscan(os.Getenv("PSYPLAN_HELPER_COUNT"), &count)
	lib, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p := mediumPlan()
	for i := 0; count == 0 || i < count; i++ {
		if _, err := lib.CreatePlan(ctx, p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
	}
	os.Exit(0)
}

func helper(path string, count int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImporter$")
	cmd.Env = append(os.Environ(), "PSYPLAN_HELPER_DB="+path, fmt.Sprintf("PSYPLAN_HELPER_COUNT=%d", count))
	return cmd
}

// checkWholePlans opens the library and checks that it is sound and that
// every plan in it is whole.
func checkWholePlans(t *testing.T, path string) int {
	t.Helper()
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if res, err := lib.IntegrityCheck(ctx); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	list, err := lib.ListPlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := mediumPlan()
	for _, s := range list {
		p, err := lib.LoadPlan(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Posts) != len(want.Posts) || len(p.Cohorts) != len(want.Cohorts) || len(p.Scenarios) != 1 {
			t.Fatalf("plan %d is partial: %d posts, %d cohorts", s.ID, len(p.Posts), len(p.Cohorts))
		}
	}
	return len(list)
}

// An import killed with SIGKILL at any moment leaves the library sound,
// with each plan whole or absent.
func TestImportKilledAtAnyMomentLeavesWholePlans(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "library.db")
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 8; round++ {
		cmd := helper(path, 0)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkWholePlans(t, path)
	}
	if n := checkWholePlans(t, path); n == 0 {
		t.Error("no import finished in 8 rounds: the kills all came too early to test much")
	}
}

// Two processes importing into the same library at once both succeed.
func TestTwoProcessesImportAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "library.db")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	out := make([][]byte, 2)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i], errs[i] = helper(path, 3).CombinedOutput()
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v\n%s", i, err, out[i])
		}
	}
	if n := checkWholePlans(t, path); n != 6 {
		t.Errorf("%d plans, want 6", n)
	}
}
