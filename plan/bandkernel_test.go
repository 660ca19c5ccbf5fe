package plan

import (
	"math"
	"testing"
)

// Lines that pool their qualifiers are stepped by the engine: no kernel.
func TestBandKernelLeavesPoolingToTheEngine(t *testing.T) {
	m, err := newModel(threeCBTLines(10), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if newBandKernel(m) != nil {
		t.Error("a kernel for pooling lines")
	}
}

// The kernel's clamp of a percentage is clamp's, sign of zero included.
func TestClampPctIsClamp(t *testing.T) {
	for _, x := range []float64{math.Inf(-1), -5, math.Copysign(0, -1), 0, 1e-300, 42.5, 99.999, 100, 100.5, math.Inf(1)} {
		want, got := clamp(x, 0, 100), clampPct(x)
		if math.Float64bits(want) != math.Float64bits(got) {
			t.Errorf("clampPct(%v) = %v, clamp gives %v", x, got, want)
		}
	}
	if !math.IsNaN(clampPct(math.NaN())) {
		t.Error("clampPct(NaN) is not NaN")
	}
}
