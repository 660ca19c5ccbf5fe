package plan

import (
	"math"
	"testing"
)

// twoAreaCBT is a small plan whose CBT qualifiers move (rule 8b): Adult
// trains more than its posts take, Older and Perinatal have room, the
// Adult course draws PWPs (a profession with one line, which pools with
// nobody), salaried trainees count and qualifiers wait 3 months. Its
// scenario "Stay put" switches moving off.
func twoAreaCBT() *Plan {
	off := false
	return &Plan{
		Name: "Test", Baseline: mar2020, Horizon: mar2020 + 36, CapHires: true, QualifiersMove: true,
		QualifierWaitMonths: 3, CountSalariedTrainees: true,
		Trajectory:  Trajectory{Interpolation: Linear},
		Uncertainty: &Uncertainty{LeaverRatePctPoints: 3, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 25},
		Professions: []Profession{
			{ID: "cbt", Name: "CBT", LeaverRatePct: 8, WTEPerHead: 0.9, TraineesSalaried: true, TraineeWTEPerHead: 1},
			{ID: "pwp", Name: "PWP", LeaverRatePct: 15, WTEPerHead: 1},
		},
		Posts: []PostLine{
			{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10},
			{Profession: "cbt", ServiceArea: "Older", InPostWTE: 5, FundedWTE: 12, RecruitsWTEPerYear: 6,
				Changes: []FundedChange{{Month: mar2020 + 13, FundedWTEDelta: 3}}},
			{Profession: "cbt", ServiceArea: "Perinatal", FundedWTE: 4},
			{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 20, FundedWTE: 22, RecruitsWTEPerYear: 6},
		},
		Cohorts: []Cohort{
			{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 - 6, DurationMonths: 12, Intake: 12, CompletionPct: 95, TakeupPct: 90},
			{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 + 6, DurationMonths: 12, Intake: 30, CompletionPct: 95, TakeupPct: 90,
				DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 40}},
		},
		Scenarios: []Scenario{{Name: "Stay put", QualifiersMove: &off}},
	}
}

// The kernel steps pooling lines as the engine does, to the last bit, with
// the plan's switch on, a scenario switching it off, and the other way
// round. The plan does pool: in one month everyone waiting finds a post
// elsewhere (nobody is left waiting), in another every free post is
// filled (some wait on).
func TestBandKernelPoolsAsTheEngineDoes(t *testing.T) {
	p := twoAreaCBT()
	allPlaced, postsFilled := false, false
	for _, r := range project(t, p, "").Total {
		if r.PlacedElsewhere > 0 {
			allPlaced = allPlaced || r.Waiting == 0
			postsFilled = postsFilled || r.Waiting > 0
		}
	}
	if !allPlaced || !postsFilled {
		t.Fatalf("the test plan pools too little: everyone placed %v, every post filled %v", allPlaced, postsFilled)
	}
	for _, sc := range []string{"", "Stay put"} {
		if err := KernelAgreesIn(p, sc, 3, 40); err != nil {
			t.Errorf("scenario %q: %v", sc, err)
		}
	}
	on := true
	p.QualifiersMove = false
	p.Scenarios = []Scenario{{Name: "Move", QualifiersMove: &on}}
	for _, sc := range []string{"", "Move"} {
		if err := KernelAgreesIn(p, sc, 5, 40); err != nil {
			t.Errorf("switch off in the plan, scenario %q: %v", sc, err)
		}
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
