package store

import (
	"testing"

	"example.org/psyplan/plan/plantest"
)

// BenchmarkLoadNational reads and checks the national synthetic plan, as
// opening it and listing a library that holds it do.
func BenchmarkLoadNational(b *testing.B) {
	lib := openTemp(b)
	id, err := lib.CreatePlan(ctx, plantest.National())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lib.LoadPlan(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}
