package plan_test

import (
	"reflect"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

func TestCloneIsDeep(t *testing.T) {
	p := plantest.National()
	hc, rate, on := 3.0, 5.0, true
	p.Posts[0].InPostHeadcount = &hc
	p.Scenarios[0].CapHires = &on
	p.Scenarios[0].Posts = []plan.PostOverride{{Profession: "prof-00", ServiceArea: p.Posts[0].ServiceArea, LeaverRatePct: &rate}}
	wait := 6
	p.Scenarios[0].QualifierWaitMonths = &wait
	p.Uncertainty = &plan.Uncertainty{LeaverRatePctPoints: 3}
	p.Cohorts[0].DrawnFrom = &plan.DrawnFrom{Profession: "prof-01", Pct: 50}
	p.Scenarios[0].ExtraCohorts = []plan.Cohort{p.Cohorts[0]}
	p.Scenarios[0].ExtraCohorts[0].DrawnFrom = &plan.DrawnFrom{Profession: "prof-02", Pct: 20}
	c := p.Clone()
	if !reflect.DeepEqual(c, p) {
		t.Fatal("clone differs")
	}
	*c.Posts[0].InPostHeadcount = 9
	c.Posts[0].Changes[0].FundedWTEDelta = 99
	c.Cohorts[0].Intake = 99
	*c.Scenarios[0].Professions[0].LeaverRatePct = 99
	*c.Scenarios[0].Posts[0].LeaverRatePct = 99
	*c.Scenarios[0].CapHires = false
	c.Professions[0].Name = "changed"
	*c.Scenarios[0].QualifierWaitMonths = 9
	c.Uncertainty.LeaverRatePctPoints = 9
	c.Cohorts[0].DrawnFrom.Pct = 99
	c.Scenarios[0].ExtraCohorts[0].DrawnFrom.Pct = 99
	if *p.Posts[0].InPostHeadcount != 3 || p.Posts[0].Changes[0].FundedWTEDelta == 99 || p.Cohorts[0].Intake == 99 ||
		*p.Scenarios[0].Professions[0].LeaverRatePct == 99 || *p.Scenarios[0].Posts[0].LeaverRatePct != 5 ||
		!*p.Scenarios[0].CapHires || p.Professions[0].Name == "changed" {
		t.Error("editing the clone changed the plan")
	}
	if *p.Scenarios[0].QualifierWaitMonths != 6 || p.Uncertainty.LeaverRatePctPoints != 3 ||
		p.Cohorts[0].DrawnFrom.Pct != 50 || p.Scenarios[0].ExtraCohorts[0].DrawnFrom.Pct != 20 {
		t.Error("editing the clone's version 2 fields changed the plan")
	}
}

func BenchmarkValidateNational(b *testing.B) {
	p := plantest.National()
	for i := 0; i < b.N; i++ {
		plan.Validate(p)
	}
}
