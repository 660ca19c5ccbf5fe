package plan_test

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// The engine alone on the national-scale plan: the target is 20 ms or less.
func BenchmarkProjectNational(b *testing.B) {
	p := plantest.National()
	if errs := plan.Validate(p); errs != nil {
		b.Fatal(errs)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Project(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNationalPlanIsValidAndNationalSized(t *testing.T) {
	p := plantest.National()
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	if len(p.Posts) != 3360 || len(p.Cohorts) != 26880 {
		t.Fatalf("posts %d, cohorts %d", len(p.Posts), len(p.Cohorts))
	}
}

// The total row is the sum, in line order, of the line rows as they are
// read, to the last bit, however the engine splits its work.
func TestNationalTotalsAreSumsOfLineRows(t *testing.T) {
	p := plantest.National()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []int{0, 1, 50, pr.Months() - 1} {
		var sum plan.Row
		for i := range pr.Lines {
			r := pr.Lines[i].Row(m)
			sum.InPost += r.InPost
			sum.Vacancies += r.Vacancies
			sum.Leavers += r.Leavers
			sum.Unplaced += r.Unplaced
			sum.PayCost += r.PayCost
			sum.InTraining += r.InTraining
		}
		got := pr.Total[m]
		if sum.InPost != got.InPost || sum.Vacancies != got.Vacancies || sum.Leavers != got.Leavers ||
			sum.Unplaced != got.Unplaced || sum.PayCost != got.PayCost || sum.InTraining != got.InTraining {
			t.Errorf("month %d: total %+v, sum of lines %+v", m, got, sum)
		}
	}
}

// The flows add up on every line and month of the national plan with
// every version 2 field in use: in post = last month's - leavers - moved
// out + hired qualifiers + recruits; and every qualifier is hired, lost or
// still waiting.
func TestFlowsAddUpOnTheNationalPlan(t *testing.T) {
	p := plantest.NationalV2()
	for _, sc := range []string{"", p.Scenarios[0].Name} {
		pr, err := plan.Project(p, sc)
		if err != nil {
			t.Fatal(err)
		}
		for li := range pr.Lines {
			l := &pr.Lines[li]
			waiting := 0.0
			for i := 1; i < pr.Months(); i++ {
				prev, r := l.Row(i-1), l.Row(i)
				flow := prev.InPost - r.Leavers - r.MovedOut + r.HiredQualified + r.Recruited
				closeTo(t, l.Key.ServiceArea+" "+pr.Month(i).String()+" in post", r.InPost, flow)
				waiting += r.Qualified - r.HiredQualified - r.Unplaced
				closeTo(t, l.Key.ServiceArea+" "+pr.Month(i).String()+" waiting", r.Waiting, waiting)
				if t.Failed() {
					t.FailNow()
				}
			}
		}
	}
}

func closeTo(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// The engine on the national plan with waiting, draws and salaried
// trainees: the target is 25 ms or less on two cores.
func BenchmarkProjectNationalV2(b *testing.B) {
	p := plantest.NationalV2()
	if errs := plan.Validate(p); errs != nil {
		b.Fatal(errs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Project(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// The solver on the national plan (target 0.3 s) and on an ICS (30 ms).
func BenchmarkSolveNational(b *testing.B) { benchSolve(b, plantest.NationalV2()) }
func BenchmarkSolveICS(b *testing.B)      { benchSolve(b, plantest.ICS()) }

func benchSolve(b *testing.B, p *plan.Plan) {
	for i := 0; i < b.N; i++ {
		if _, err := plan.Solve(p, plan.Question{}); err != nil {
			b.Fatal(err)
		}
	}
}

// 1,000 runs of the band: an ICS in 0.5 s, the national plan in 15 s.
func BenchmarkBandICS(b *testing.B)      { benchBand(b, plantest.ICS()) }
func BenchmarkBandNational(b *testing.B) { benchBand(b, plantest.NationalV2()) }

// 1,000 runs of the band on the national plan with qualifiers moving
// (rule 8b): at most 4 times one projection (BenchmarkProjectNationalV3).
func BenchmarkBandNationalV3(b *testing.B) { benchBand(b, plantest.NationalV3()) }

// 200 runs of the band on the national plan, as the workshop's slider
// draws them while it moves: 0.6 s.
func BenchmarkBandNationalSlider(b *testing.B) { benchBandRuns(b, plantest.NationalV2(), 200) }

func benchBand(b *testing.B, p *plan.Plan) { benchBandRuns(b, p, 1000) }

func benchBandRuns(b *testing.B, p *plan.Plan, runs int) {
	p.Uncertainty = &plan.Uncertainty{LeaverRatePctPoints: 3, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 25}
	for i := 0; i < b.N; i++ {
		if _, err := plan.MakeBand(context.Background(), p, "", runs, 1, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The waiting list balances on every line and month of the national plan
// with qualifiers moving between service areas, and what a profession's
// lines place elsewhere equals what they receive from other areas.
func TestMovesBalanceOnTheNationalPlan(t *testing.T) {
	p := plantest.NationalV3()
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	placed, received := map[string][]float64{}, map[string][]float64{}
	moved := 0.0
	for li := range pr.Lines {
		l := &pr.Lines[li]
		prof := l.Key.Profession
		if placed[prof] == nil {
			placed[prof], received[prof] = make([]float64, pr.Months()), make([]float64, pr.Months())
		}
		for i := 1; i < pr.Months(); i++ {
			prev, r := l.Row(i-1), l.Row(i)
			what := l.Key.Profession + " " + l.Key.ServiceArea + " " + pr.Month(i).String()
			closeTo(t, what+" in post", r.InPost, prev.InPost-r.Leavers-r.MovedOut+r.HiredQualified+r.Recruited)
			closeTo(t, what+" waiting", r.Waiting, prev.Waiting+r.Qualified-(r.HiredQualified-r.PooledIn)-r.PlacedElsewhere-r.Unplaced)
			if r.PlacedElsewhere > 0 && r.PooledIn > 0 {
				t.Errorf("%s both gives and receives", what)
			}
			placed[prof][i] += r.PlacedElsewhere
			received[prof][i] += r.PooledIn
			moved += r.PlacedElsewhere
			if t.Failed() {
				t.FailNow()
			}
		}
	}
	for prof := range placed {
		for i := range placed[prof] {
			closeTo(t, prof+" "+pr.Month(i).String()+" placed = received", placed[prof][i], received[prof][i])
		}
	}
	if moved < 1 {
		t.Fatalf("the national plan moved %g WTE between service areas: the test shows nothing", moved)
	}
}

// The national plan with qualifiers moving: the target is 25 ms.
func BenchmarkProjectNationalV3(b *testing.B) {
	p := plantest.NationalV3()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Project(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// The band's kernel gives the engine's workforce to the last bit, for the
// central run and drawn runs, on the national plan with waiting, draws and
// salaried trainees counted: the band's output is the same bytes.
func TestBandKernelIsTheEngine(t *testing.T) {
	p := plantest.NationalV2()
	p.Horizon = p.Baseline + 60 // five years keep the test quick
	if err := plan.KernelAgrees(p, 7, 5); err != nil {
		t.Fatal(err)
	}
}

// The same with qualifiers moving between service areas (rule 8b): on the
// national plan of version 3 and with its first scenario, which switches
// moving off again.
func TestBandKernelIsTheEngineWhenQualifiersMove(t *testing.T) {
	p := plantest.NationalV3()
	for _, sc := range []string{"", p.Scenarios[0].Name} {
		if err := plan.KernelAgreesIn(p, sc, 7, 5); err != nil {
			t.Errorf("scenario %q: %v", sc, err)
		}
	}
}

// The same on the default plan, whose qualifiers move, and its scenarios.
func TestBandKernelIsTheEngineOnTheDefaultPlan(t *testing.T) {
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	if !p.QualifiersMove {
		t.Fatal("the default plan no longer moves its qualifiers: the test shows nothing")
	}
	scenarios := []string{""}
	for _, sc := range p.Scenarios {
		scenarios = append(scenarios, sc.Name)
	}
	for _, sc := range scenarios {
		if err := plan.KernelAgreesIn(p, sc, 11, 20); err != nil {
			t.Errorf("scenario %q: %v", sc, err)
		}
	}
}

// The demand table of the national plan with qualifiers moving: within
// 10 % of one projection (BenchmarkProjectNationalV3).
func BenchmarkDemandNationalV3(b *testing.B) {
	p := plantest.NationalV3()
	pj, err := plan.Project(p, "")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := plan.MakeDemand(p, pj); err != nil {
			b.Fatal(err)
		}
		plan.MakeBudget(p, pj)
	}
}

// The solver aimed at the access targets on the national plan: 0.4 s.
func BenchmarkSolveDemandNationalV3(b *testing.B) {
	p := plantest.NationalV3()
	for b.Loop() {
		if _, err := plan.Solve(p, plan.Question{Target: plan.TargetDemand}); err != nil {
			b.Fatal(err)
		}
	}
}

// The solver's extra pay cost sums the pay cost without keeping any line's
// months; it is the projection's Total pay cost to the last bit, on plans
// split over two cores (national, with salaried trainees and pay awards;
// version 3, whose professions' lines are stepped together) and on one
// too small to split.
func TestPayCostWithoutTheLinesIsTheProjections(t *testing.T) {
	v3 := plantest.NationalV3()
	v3.Horizon = v3.Baseline + 48 // four years keep the test quick
	for name, c := range map[string]struct {
		p        *plan.Plan
		scenario string
	}{
		"national v2": {plantest.NationalV2(), ""}, "national v3": {v3, ""},
		"national v3, scenario": {v3, v3.Scenarios[0].Name}, "York": {plantest.York(), ""},
	} {
		if err := plan.PayCostAgrees(c.p, c.scenario); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The solver reads its largest rise at one month, projected alone: that
// month is the whole projection's to the last bit, on the national plans
// (split over two cores; version 3's lines stepped together) and York.
func TestProjectionOfOneMonthIsTheProjections(t *testing.T) {
	v3 := plantest.NationalV3()
	v3.Horizon = v3.Baseline + 48
	for name, c := range map[string]struct {
		p        *plan.Plan
		scenario string
		month    int
	}{
		"national v2, month 1": {plantest.NationalV2(), "", 1}, "national v2, month 121": {plantest.NationalV2(), "", 121},
		"national v3, last month": {v3, "", 48}, "national v3, scenario": {v3, v3.Scenarios[0].Name, 30},
		"York, month 2": {plantest.York(), "", 2},
	} {
		if err := plan.ProjectionAtAgrees(c.p, c.scenario, c.month); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The board paper's projection keeps only each profession's sum of its
// lines: its totals, target and gap are Project's to the last bit, and
// each profession's rows are Project's lines of that profession added in
// line order (as the paper's tables and charts add them), on plans split
// over two cores, version 3's pooled lines, a scenario, and York.
func TestProjectionByProfessionIsTheProjections(t *testing.T) {
	v3 := plantest.NationalV3()
	v3.Horizon = v3.Baseline + 48
	for name, c := range map[string]struct {
		p        *plan.Plan
		scenario string
	}{
		"national": {plantest.National(), ""}, "national v3": {v3, ""},
		"national v3, scenario": {v3, v3.Scenarios[0].Name}, "York": {plantest.York(), ""},
	} {
		whole, err := plan.Project(c.p, c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		sums, err := plan.ProjectByProfession(c.p, c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]plan.Row{}
		var order []string
		for li := range whole.Lines {
			l := &whole.Lines[li]
			id := l.Key.Profession
			if want[id] == nil {
				want[id] = make([]plan.Row, whole.Months())
				order = append(order, id)
			}
			for i := range want[id] {
				want[id][i].Add(l.Row(i))
			}
		}
		var got []string
		for li := range sums.Lines {
			l := &sums.Lines[li]
			got = append(got, l.Key.Profession)
			if l.Key.ServiceArea != "" || !sameRows(l.Rows(), want[l.Key.Profession]) {
				t.Errorf("%s: %s's rows are not the sum of its lines", name, l.Key.Profession)
			}
		}
		if !sums.ByProfession || !reflect.DeepEqual(got, order) || !sameRows(sums.Total, whole.Total) ||
			!sameFloats(sums.Target, whole.Target) || !sameFloats(sums.Gap, whole.Gap) {
			t.Errorf("%s: professions %v against %v, or the totals, target or gap differ", name, got, order)
		}
	}
}

// sameRows tells whether a and b are the same to the last bit, every column.
func sameRows(a, b []plan.Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := reflect.ValueOf(a[i]), reflect.ValueOf(b[i])
		for f := range x.NumField() {
			if math.Float64bits(x.Field(f).Float()) != math.Float64bits(y.Field(f).Float()) {
				return false
			}
		}
	}
	return true
}

func sameFloats(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

// The trajectory's base worked out without the lines is the model's to
// the last bit: national plans of each version (salaried trainees counted
// in version 2), the default plan, York, and a plan whose trainees are
// counted with a line that only its cohorts name and a post line given
// twice.
func TestTrajectoryBaseWithoutTheLinesIsTheModels(t *testing.T) {
	def, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	odd := plantest.NationalV2()
	odd.Cohorts = append(odd.Cohorts, plan.Cohort{Profession: odd.Professions[0].ID, ServiceArea: "Only cohorts here",
		Start: odd.Baseline - 3, DurationMonths: 12, Intake: 7, CompletionPct: 90, TakeupPct: 80})
	odd.Posts = append(odd.Posts, odd.Posts[5])
	odd.Posts[len(odd.Posts)-1].InPostWTE += 3.3
	if !odd.CountSalariedTrainees {
		t.Fatal("national v2 does not count its salaried trainees")
	}
	for name, p := range map[string]*plan.Plan{"national": plantest.National(), "national v2": plantest.NationalV2(),
		"national v3": plantest.NationalV3(), "default": def, "York": plantest.York(), "odd": odd, "tiny": tinyTrainees()} {
		p.Trajectory.BaselineWTE = nil
		if err := plan.TrajectoryBaseAgrees(p); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// a scenario is measured against the plan's own target, to the bit:
	// 1.1 WTE in post and 3 trainees at 0.7 WTE is 3.2 or 3.1999999999999997
	// as the product is, or is not, fused into the sum (GOAMD64=v3)
	tiny := tinyTrainees()
	own, err := plan.Project(tiny, "")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := plan.Project(tiny, "s")
	if err != nil {
		t.Fatal(err)
	}
	if !sameFloats(own.Target, sc.Target) {
		t.Errorf("the plan's target %v, its scenario's %v", own.Target[0], sc.Target[0])
	}
}

// tinyTrainees is a plan whose baseline workforce counts salaried
// trainees: one post line of 1.1 WTE and a cohort of 3 in training at
// 0.7 WTE a head, and an empty scenario.
func tinyTrainees() *plan.Plan {
	base := plan.MonthOf(2024, 4)
	return &plan.Plan{Name: "Tiny", Baseline: base, Horizon: base + 24, CapHires: true, CountSalariedTrainees: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: base + 12, GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "cp", Name: "Clinical psychologist", WTEPerHead: 1, CostPerWTE: 50000,
			TraineesSalaried: true, TraineeWTEPerHead: 0.7}},
		Posts:     []plan.PostLine{{Profession: "cp", ServiceArea: "x", InPostWTE: 1.1, FundedWTE: 20}},
		Cohorts:   []plan.Cohort{{Profession: "cp", ServiceArea: "x", Start: base - 3, DurationMonths: 12, Intake: 3, CompletionPct: 90, TakeupPct: 80}},
		Scenarios: []plan.Scenario{{Name: "s"}},
	}
}

// The board paper's question on the plan (no uncertainty), which no intake
// can answer: the two ends of the search and the reason.
func BenchmarkSolveNationalV1(b *testing.B) { benchSolve(b, plantest.National()) }
