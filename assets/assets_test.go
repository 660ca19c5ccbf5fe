package assets_test

import (
	"bytes"
	"math"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

func defaultPlan(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	return p
}

// The shipped file is in the writer's own form, so a plan saved from it
// and exported again is byte for byte the same file.
func TestDefaultPlanIsCanonicalVersion3(t *testing.T) {
	p := defaultPlan(t)
	out, err := planfile.Write(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, assets.DefaultPlan) {
		t.Error("default.psyplan is not as planfile.Write writes it: read it and write it back")
	}
	if !bytes.Contains(assets.DefaultPlan, []byte(`"version": 3,`)) {
		t.Error("not a version 3 file")
	}
	if !p.CountSalariedTrainees || p.QualifierWaitMonths != 6 || p.PayUpliftPctPerYear != 3 || p.Uncertainty.Zero() {
		t.Errorf("settings: trainees counted %v, wait %d, pay award %v, uncertainty %+v",
			p.CountSalariedTrainees, p.QualifierWaitMonths, p.PayUpliftPctPerYear, p.Uncertainty)
	}
}

// The story the default tells is the published one (domain facts):
// about 17,500 WTE in March 2020, +65 % (28,875 WTE) by December 2023, so
// the 60 % milestone of April 2024 (28,000 WTE) is met.
//
// By hand, March 2020: 12,989 WTE in post plus 4,511 salaried trainees:
// doctorate 594 + 593 + 614 = 1,801, PWP 400 + 500 = 900, high intensity
// 300 + 350 = 650, EMHP 300 + 300 = 600, CWP 400, child psychotherapy
// 4 x 40 = 160, each 1 WTE.
func TestDefaultPlanTellsThePublishedStory(t *testing.T) {
	p := defaultPlan(t)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y, m int) plan.Row { return pr.Total[pr.Index(plan.MonthOf(y, m))] }
	base := at(2020, 3)
	if math.Abs(base.InPost-12989) > 1e-6 || math.Abs(base.TraineeWTE-4511) > 1e-6 || math.Abs(base.Workforce-17500) > 1e-6 {
		t.Errorf("March 2020: in post %v, trainees %v, workforce %v; want 12,989 + 4,511 = 17,500",
			base.InPost, base.TraineeWTE, base.Workforce)
	}
	want := map[plan.Month]float64{plan.MonthOf(2020, 3): 17500, plan.MonthOf(2023, 12): 17500 * 1.65}
	for _, a := range p.Actuals {
		if a.Profession != "" || want[a.Month] != a.InPostWTE {
			t.Errorf("actual %+v is not a published total", a)
		}
		delete(want, a.Month)
	}
	if len(want) != 0 {
		t.Errorf("published points missing from the actuals: %v", want)
	}
	// within 2 % of the published +65 % in December 2023
	if dec := at(2023, 12).Workforce; math.Abs(dec/28875-1) > 0.02 {
		t.Errorf("December 2023: %.0f WTE, published about 28,875", dec)
	}
	apr := pr.Index(plan.MonthOf(2024, 4))
	if math.Abs(pr.Target[apr]-28000) > 1e-6 || pr.Gap[apr] < 0 {
		t.Errorf("April 2024: target %v (want 17,500 x 1.6 = 28,000), gap %v (want on track)", pr.Target[apr], pr.Gap[apr])
	}
}

// Trainees really leave the posts they are drawn from: PWPs into high
// intensity training each January and September, assistant psychologists
// into the doctorate each September.
func TestDefaultPlanDrawsTraineesFromPosts(t *testing.T) {
	pr, err := plan.Project(defaultPlan(t), "")
	if err != nil {
		t.Fatal(err)
	}
	moved := map[string]float64{}
	for li := range pr.Lines {
		l := &pr.Lines[li]
		// September 2021: 400 high intensity trainees x 40 % x 0.9 WTE a PWP
		// = 144; 918 doctorate trainees x 40 % x 1 WTE = 367.2 assistants
		moved[l.Key.Profession] += l.Row(pr.Index(plan.MonthOf(2021, 9))).MovedOut
	}
	if math.Abs(moved["pwp"]-144) > 1e-6 || math.Abs(moved["assistant-psychologist"]-367.2) > 1e-6 {
		t.Errorf("moved into training in September 2021: %v", moved)
	}
}
