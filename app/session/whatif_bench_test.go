package session

import (
	"testing"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// Target: a what-if control change redraws the slide's chart in 33 ms or
// less for a plan the size of one ICS.
func BenchmarkWhatIfRedrawICS(b *testing.B) {
	p := plantest.ICS()
	if errs := plan.Validate(p); errs != nil {
		b.Fatal(errs)
	}
	today := plan.MonthOf(2024, 1)
	base, _ := plan.Project(p, "") // made once when the slides open
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := plan.WhatIf{ExtraIntakePct: float64(i % 100), RecruitFactor: 1, From: today}
		in, err := whatIfInput(p, base, w, today)
		if err != nil {
			b.Fatal(err)
		}
		c, _ := charts.Make("growth", in)
		if _, _, err := charts.SlideImage(c, 1880, 760); err != nil { // the slide's chart at 1920 x 1080
			b.Fatal(err)
		}
	}
}
