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

// BenchmarkSaveNational checks and stores the national synthetic plan over
// itself, as the window's every save of it does.
func BenchmarkSaveNational(b *testing.B) {
	lib := openTemp(b)
	p := plantest.National()
	id, err := lib.CreatePlan(ctx, p)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := lib.SavePlan(ctx, id, p); err != nil {
			b.Fatal(err)
		}
	}
}
