package plan

import "testing"

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
