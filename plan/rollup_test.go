package plan_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// Two tiny plans with different baselines and horizons, worked by hand.
//
// North: March to June 2020; 10 CBT WTE in Adult, 1 recruit a month, no
// leavers, no cap: 10, 11, 12, 13. 60 % growth... no: 30 % by June on 10
// WTE, linear: target 10, 11, 12, 13. Pay £12,000 a WTE a year: £1,000 a
// WTE a month.
//
// South: May to August 2020; 20 CBT WTE in Adult (£24,000) and 5 PWP WTE
// in CYP (£12,000), nobody joins or leaves: 25 WTE, pay £45,000 a month.
// 10 % by August on 25 WTE, linear: 25, 25.8333, 26.6667, 27.5.
func northAndSouth() (north, south *plan.Plan) {
	north = &plan.Plan{Name: "North", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 6),
		Trajectory: plan.Trajectory{Interpolation: plan.Linear,
			Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 6), GrowthPct: 30}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12000}},
		Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10,
			RecruitsWTEPerYear: 12}},
	}
	south = &plan.Plan{Name: "South", Baseline: plan.MonthOf(2020, 5), Horizon: plan.MonthOf(2020, 8), CapHires: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear,
			Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 8), GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 24000},
			{ID: "pwp", Name: "PWP", WTEPerHead: 1, CostPerWTE: 12000}},
		Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 20, FundedWTE: 20},
			{Profession: "pwp", ServiceArea: "CYP", InPostWTE: 5, FundedWTE: 5}},
		Scenarios: []plan.Scenario{{Name: "More PWPs", Posts: []plan.PostOverride{
			{Profession: "pwp", ServiceArea: "CYP", FundedWTE: ptr(8), RecruitsWTEPerYear: ptr(12)}}}},
	}
	for _, p := range []*plan.Plan{north, south} {
		if errs := plan.Validate(p); errs != nil {
			panic(errs)
		}
	}
	return north, south
}

func ptr(v float64) *float64 { return &v }

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestRollupOfTwoPlansByHand(t *testing.T) {
	north, south := northAndSouth()
	rp, err := plan.ProjectRollup([]plan.RollupMember{{Name: "North", Plan: north}, {Name: "South", Plan: south}})
	if err != nil {
		t.Fatal(err)
	}
	if rp.Baseline != plan.MonthOf(2020, 3) || rp.Horizon != plan.MonthOf(2020, 8) ||
		rp.From != plan.MonthOf(2020, 5) || rp.To != plan.MonthOf(2020, 6) {
		t.Fatalf("months %s..%s, common %s..%s", rp.Baseline, rp.Horizon, rp.From, rp.To)
	}
	if len(rp.Lines) != 2 || rp.Lines[0].Key != (plan.LineKey{"cbt", "Adult"}) || rp.Lines[1].Key != (plan.LineKey{"pwp", "CYP"}) {
		t.Fatalf("lines %+v", rp.Lines)
	}
	cbt := []float64{10, 11, 12 + 20, 13 + 20, 20, 20}
	pwp := []float64{0, 0, 5, 5, 5, 5}
	recruited := []float64{0, 1, 1, 1, 0, 0}
	workforce := []float64{10, 11, 37, 38, 25, 25}
	pay := []float64{10000, 11000, 12000 + 45000, 13000 + 45000, 45000, 45000}
	target := []float64{10, 11, 12 + 25, 13 + 25 + 2.5/3, 25 + 5.0/3, 27.5}
	for i := 0; i < rp.Months(); i++ {
		c, w := rp.Lines[0].Row(i), rp.Lines[1].Row(i)
		if c.InPost != cbt[i] || w.InPost != pwp[i] || c.Recruited != recruited[i] {
			t.Errorf("%s: cbt %g pwp %g recruited %g; want %g %g %g", rp.Month(i), c.InPost, w.InPost, c.Recruited, cbt[i], pwp[i], recruited[i])
		}
		tot := rp.Total[i]
		if tot.Workforce != workforce[i] || tot.PayCost != pay[i] || !near(rp.Target[i], target[i]) ||
			!near(rp.Gap[i], workforce[i]-target[i]) {
			t.Errorf("%s: workforce %g pay %g target %g gap %g; want %g %g %g %g", rp.Month(i), tot.Workforce,
				tot.PayCost, rp.Target[i], rp.Gap[i], workforce[i], pay[i], target[i], workforce[i]-target[i])
		}
	}
	absent := [][]string{{"South"}, {"South"}, nil, nil, {"North"}, {"North"}}
	for i, want := range absent {
		if got := rp.Absent(i); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: absent %v, want %v", rp.Month(i), got, want)
		}
	}
	wantNotes := []string{
		"North counts nothing from 2020-07 to 2020-08 (its months are 2020-03 to 2020-06).",
		"South counts nothing from 2020-03 to 2020-04 (its months are 2020-05 to 2020-08).",
	}
	if got := rp.Notes(); !reflect.DeepEqual(got, wantNotes) {
		t.Errorf("notes %q", got)
	}
	// North is judged at its June milestone, South at August, which North
	// does not reach: the roll-up is judged in June.
	if at := rp.JudgedAt(); at != plan.MonthOf(2020, 6) {
		t.Errorf("judged at %s", at)
	}
	gaps := rp.GapsAt(plan.MonthOf(2020, 6))
	if len(gaps) != 2 || gaps[0].Name != "South" || !near(gaps[0].Gap, -2.5/3) || gaps[1].Name != "North" || gaps[1].Gap != 0 ||
		!near(gaps[0].GapPct, -2.5/3/(25+2.5/3)*100) {
		t.Errorf("gaps in June %+v", gaps)
	}
	if gaps := rp.GapsAt(plan.MonthOf(2020, 8)); len(gaps) != 1 || gaps[0].Name != "South" || !near(gaps[0].Gap, -2.5) {
		t.Errorf("gaps in August %+v", gaps)
	}
}

// A member counts by its scenario: South's "More PWPs" funds 3 more PWP
// posts and recruits 1 a month into them from June: 5, 6, 7, 8.
func TestRollupMemberScenario(t *testing.T) {
	north, south := northAndSouth()
	rp, err := plan.ProjectRollup([]plan.RollupMember{{Name: "North", Plan: north}, {Name: "South", Plan: south, Scenario: "More PWPs"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0, 0, 5, 6, 7, 8} {
		if got := rp.Lines[1].Row(i).InPost; got != want {
			t.Errorf("%s: PWP in post %g, want %g", rp.Month(i), got, want)
		}
	}
	// the target is the plan's own, whatever the scenario
	if !near(rp.Target[5], 27.5) {
		t.Errorf("August target %g", rp.Target[5])
	}
	_, err = plan.ProjectRollup([]plan.RollupMember{{Name: "South", Plan: south, Scenario: "Fewer"}})
	if err == nil || !strings.Contains(err.Error(), `South: the plan has no scenario "Fewer"`) {
		t.Errorf("missing scenario: %v", err)
	}
}

func TestRollupWithNoCommonMonthIsRefused(t *testing.T) {
	north, south := northAndSouth()
	south.Baseline, south.Horizon = plan.MonthOf(2020, 7), plan.MonthOf(2020, 9)
	_, err := plan.ProjectRollup([]plan.RollupMember{{Name: "North", Plan: north}, {Name: "South", Plan: south}})
	want := "the plans share no month, so they cannot be rolled up: North 2020-03 to 2020-06; South 2020-07 to 2020-09"
	if err == nil || err.Error() != want {
		t.Errorf("got %v", err)
	}
	if _, err := plan.ProjectRollup(nil); err == nil {
		t.Error("an empty roll-up was projected")
	}
}

// A roll-up of one plan is that plan's projection, to the last bit.
func TestRollupOfOnePlanIsItsProjection(t *testing.T) {
	p := plantest.ICS()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	rp, err := plan.ProjectRollup([]plan.RollupMember{{Name: "ICS", Plan: p}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rp.Lines) != len(pr.Lines) || rp.Baseline != pr.Baseline || rp.Horizon != pr.Horizon {
		t.Fatalf("%d lines, %s..%s", len(rp.Lines), rp.Baseline, rp.Horizon)
	}
	for li := range pr.Lines {
		if !reflect.DeepEqual(rp.Lines[li].Rows(), pr.Lines[li].Rows()) || rp.Lines[li].Key != pr.Lines[li].Key {
			t.Fatalf("line %v differs", pr.Lines[li].Key)
		}
	}
	if !reflect.DeepEqual(rp.Total, pr.Total) || !reflect.DeepEqual(rp.Target, pr.Target) || !reflect.DeepEqual(rp.Gap, pr.Gap) {
		t.Error("totals, target or gap differ")
	}
	if !reflect.DeepEqual(rp.Members[0].Workforce, workforceOf(pr)) || rp.Absent(0) != nil || rp.Notes() != nil {
		t.Error("member figures differ")
	}
}

func workforceOf(pr *plan.Projection) []float64 {
	out := make([]float64, len(pr.Total))
	for i := range out {
		out[i] = pr.Total[i].Workforce
	}
	return out
}

// nationalAreas is the national plan and its 42 areas as roll-up members.
func nationalAreas() (*plan.Plan, []plan.RollupMember) {
	areas := plantest.AreaPlans()
	members := make([]plan.RollupMember, len(areas))
	for a, p := range areas {
		members[a] = plan.RollupMember{Name: p.Name, Plan: p}
	}
	return plantest.National(), members
}

// The 42 areas rolled up are the national plan: every line's rows are the
// same to the last bit (each line is in one area), and the totals agree.
// Each area's figures are its own projection's, to the last bit.
func TestRollupOfAreasIsTheNation(t *testing.T) {
	n, members := nationalAreas()
	pr, _ := plan.Project(n, "")
	rp, err := plan.ProjectRollup(members)
	if err != nil {
		t.Fatal(err)
	}
	if len(rp.Lines) != len(pr.Lines) {
		t.Fatalf("%d lines, want %d", len(rp.Lines), len(pr.Lines))
	}
	for _, li := range []int{0, 1, 1679, 1680, 3359} {
		if !reflect.DeepEqual(rp.Lines[li].Rows(), pr.Lines[li].Rows()) {
			t.Errorf("line %v differs", pr.Lines[li].Key)
		}
	}
	for i := range pr.Total {
		if !near(rp.Total[i].Workforce, pr.Total[i].Workforce) || !near(rp.Target[i], pr.Target[i]) ||
			!near(rp.Total[i].PayCost, pr.Total[i].PayCost) {
			t.Fatalf("%s: %g %g, national %g %g", rp.Month(i), rp.Total[i].Workforce, rp.Target[i], pr.Total[i].Workforce, pr.Target[i])
		}
	}
	for _, k := range []int{0, 20, 41} {
		own, _ := plan.Project(members[k].Plan, "")
		if !reflect.DeepEqual(rp.Members[k].Workforce, workforceOf(own)) || !reflect.DeepEqual(rp.Members[k].Target, own.Target) {
			t.Errorf("%s: its figures are not its own projection's", members[k].Name)
		}
	}
	gaps := rp.GapsAt(rp.JudgedAt())
	if len(gaps) != 42 || gaps[0].Gap > gaps[41].Gap {
		t.Errorf("%d gaps, first %g last %g", len(gaps), gaps[0].Gap, gaps[41].Gap)
	}
}

// The target: the 42 areas as 42 plans roll up in no more than
// 1.2 times BenchmarkProjectNational's time.
func BenchmarkRollupNational42(b *testing.B) {
	_, members := nationalAreas()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.ProjectRollup(members); err != nil {
			b.Fatal(err)
		}
	}
}

// Plans with the same months: a line only one of them has is kept as
// that plan's own, a line both have is summed, within the same plan.
func TestRollupKeptAndSummedLines(t *testing.T) {
	north, _ := northAndSouth()
	east := *north
	east.Name = "East"
	east.Professions = append(east.Professions, plan.Profession{ID: "pwp", Name: "PWP", WTEPerHead: 0.5, CostPerWTE: 12000})
	east.Posts = append(east.Posts, plan.PostLine{Profession: "pwp", ServiceArea: "CYP", InPostWTE: 5, FundedWTE: 5})
	rp, err := plan.ProjectRollup([]plan.RollupMember{{Name: "East", Plan: &east}, {Name: "North", Plan: north}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{20, 22, 24, 26} {
		c, w := rp.Lines[0].Row(i), rp.Lines[1].Row(i)
		if c.InPost != want || w.InPost != 5 || w.Headcount != 10 || rp.Total[i].Workforce != want+5 {
			t.Errorf("%s: cbt %g, pwp %g WTE %g people, total %g", rp.Month(i), c.InPost, w.InPost, w.Headcount, rp.Total[i].Workforce)
		}
	}
	// East's trajectory base is its own 15 WTE, North's 10: 30 % growth
	// by June on 25 WTE.
	if !near(rp.Target[3], 32.5) || !near(rp.Members[0].Workforce[3], 18) {
		t.Errorf("June target %g, East's workforce %g", rp.Target[3], rp.Members[0].Workforce[3])
	}
}

// North and South judged in June, by hand: North 13 + South 25
// = 38 WTE against 13 + 25.8333 = 38.8333, growth measured from 10 + 25
// = 35 WTE. June is North's milestone, not South's.
func TestRollupSummary(t *testing.T) {
	north, south := northAndSouth()
	rp, _ := plan.ProjectRollup([]plan.RollupMember{{Name: "North", Plan: north}, {Name: "South", Plan: south}})
	s := rp.Summarise(plan.MonthOf(2030, 1))
	if s.At != plan.MonthOf(2020, 6) || s.AtMilestone || s.BaselineWTE != 35 || s.Projected != 38 ||
		!near(s.Target, 38+2.5/3) || !near(s.GrowthPct, (38+2.5/3-35)/35*100) || !near(s.Gap, -2.5/3) {
		t.Errorf("%+v", s)
	}
	// today is kept inside the months both cover: June
	if s.Today != plan.MonthOf(2020, 6) || !near(s.GrowthSoFarPct, 3/35.0*100) || s.HorizonProjected != 25 || !near(s.HorizonGap, -2.5) {
		t.Errorf("%+v", s)
	}
	if !strings.HasPrefix(s.Sentence(), "Behind: projected 38.0 WTE in Jun 2020") {
		t.Errorf("%q", s.Sentence())
	}
}

// The 42 areas with their service areas named alike (so every line is
// summed across all of them) and every other area ending a year early:
// each roll-up line is, to the last bit, its members' own rows added in
// the roll-up's order, however the work is split.
func TestRollupSummedLinesOfBigRollups(t *testing.T) {
	areas := plantest.AreaPlans()
	members := make([]plan.RollupMember, len(areas))
	for a, p := range areas {
		for i := range p.Posts {
			p.Posts[i].ServiceArea = p.Posts[i].ServiceArea[len("ICS 01 "):]
		}
		p.Cohorts = append([]plan.Cohort(nil), p.Cohorts...)
		for i := range p.Cohorts {
			p.Cohorts[i].ServiceArea = p.Cohorts[i].ServiceArea[len("ICS 01 "):]
		}
		if a%2 == 1 {
			p.Horizon -= 12
		}
		members[a] = plan.RollupMember{Name: p.Name, Plan: p}
	}
	rp, err := plan.ProjectRollup(members)
	if err != nil {
		t.Fatal(err)
	}
	if len(rp.Lines) != plantest.Professions*plantest.ServiceAreas {
		t.Fatalf("%d lines", len(rp.Lines))
	}
	own := make([]*plan.Projection, len(members))
	for a := range members {
		own[a], _ = plan.Project(members[a].Plan, "")
	}
	last := rp.Months() - 1
	for _, li := range []int{0, 39, 40, 79} {
		for _, i := range []int{0, 100, last} {
			var want plan.Row
			for a := range own {
				if i < own[a].Months() {
					want.Add(own[a].Lines[li].Row(i))
				}
			}
			if got := rp.Lines[li].Row(i); got != want {
				t.Errorf("line %v, %s: %+v, want %+v", rp.Lines[li].Key, rp.Month(i), got, want)
			}
		}
	}
	if a := rp.Absent(last); len(a) != 21 || a[0] != "ICS 02" {
		t.Errorf("absent at the horizon: %v", a)
	}
}
