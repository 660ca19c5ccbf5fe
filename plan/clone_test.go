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
	if *p.Posts[0].InPostHeadcount != 3 || p.Posts[0].Changes[0].FundedWTEDelta == 99 || p.Cohorts[0].Intake == 99 ||
		*p.Scenarios[0].Professions[0].LeaverRatePct == 99 || *p.Scenarios[0].Posts[0].LeaverRatePct != 5 ||
		!*p.Scenarios[0].CapHires || p.Professions[0].Name == "changed" {
		t.Error("editing the clone changed the plan")
	}
}

func BenchmarkValidateNational(b *testing.B) {
	p := plantest.National()
	for i := 0; i < b.N; i++ {
		plan.Validate(p)
	}
}
