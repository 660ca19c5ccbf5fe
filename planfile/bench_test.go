package planfile

import (
	"testing"

	"example.org/psyplan/plan/plantest"
)

// BenchmarkReadNational reads the national synthetic plan's file (7 MB,
// every version 3 field in use), as the plan library does to open it.
func BenchmarkReadNational(b *testing.B) {
	data, err := Write(plantest.NationalV3())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
