package plan

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
)

// A band beside the window leaves a core free: with four cores, three
// workers (one with two); everywhere else every core works.
func TestSpareACoreLeavesOneCore(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	count := func(ctx context.Context) int64 {
		var n atomic.Int64
		if err := inParallel(ctx, func() error { n.Add(1); return nil }); err != nil {
			t.Fatal(err)
		}
		return n.Load()
	}
	if all, spared := count(context.Background()), count(SpareACore(context.Background())); all != 4 || spared != 3 {
		t.Errorf("%d workers, %d sparing a core; want 4 and 3", all, spared)
	}
	runtime.GOMAXPROCS(2)
	if spared := count(SpareACore(context.Background())); spared != 1 {
		t.Errorf("%d workers on two cores sparing one, want 1", spared)
	}
	runtime.GOMAXPROCS(1)
	if spared := count(SpareACore(context.Background())); spared != 1 {
		t.Errorf("%d workers on one core, want 1", spared)
	}
}
