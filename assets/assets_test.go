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

func project(t *testing.T, p *plan.Plan, scenario string) *plan.Projection {
	t.Helper()
	pr, err := plan.Project(p, scenario)
	if err != nil {
		t.Fatal(err)
	}
	return pr
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
	if !p.CountSalariedTrainees || p.QualifierWaitMonths != 6 || p.PayUpliftPctPerYear != 3 || p.Uncertainty.Zero() || !p.QualifiersMove {
		t.Errorf("settings: trainees counted %v, wait %d, pay award %v, uncertainty %+v, qualifiers move %v",
			p.CountSalariedTrainees, p.QualifierWaitMonths, p.PayUpliftPctPerYear, p.Uncertainty, p.QualifiersMove)
	}
	if n := len([]rune(p.Notes)); n > 20000 {
		t.Errorf("notes are %d characters, at most 20,000", n)
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
	pr := project(t, p, "")
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

// The Long Term Workforce Plan as reported (about +157 % by 2036/37) is
// the plan's last milestone, at its horizon, March 2037, and the Overview
// judges the plan there.
func TestDefaultPlanRunsToTheLongTermWorkforcePlan(t *testing.T) {
	p := defaultPlan(t)
	pr := project(t, p, "")
	mar37 := plan.MonthOf(2037, 3)
	if p.Horizon != mar37 || pr.Horizon != mar37 {
		t.Fatalf("horizon %s, want 2037-03", pr.Horizon)
	}
	ms := p.Trajectory.Milestones
	if len(ms) != 2 || ms[0].Month != plan.MonthOf(2024, 4) || ms[0].GrowthPct != 60 {
		t.Fatalf("milestones %+v: want +60 %% in April 2024 first", ms)
	}
	s := plan.Summarise(p, pr, plan.MonthOf(2026, 12))
	if s.At != mar37 || !s.AtMilestone || math.Abs(s.GrowthPct-157) > 2 {
		t.Errorf("judged at %s (milestone %v) with growth %v %%, want the LTWP's about 157 %% in March 2037", s.At, s.AtMilestone, s.GrowthPct)
	}
	// the target there is the growth on the plan's own March 2020 workforce
	if want := pr.Total[0].Workforce * (1 + s.GrowthPct/100); math.Abs(s.Target-want) > 1e-6 {
		t.Errorf("March 2037 target %v, want %v", s.Target, want)
	}
	apr := plan.Summarise(p, pr, plan.MonthOf(2024, 4))
	i := pr.Index(plan.MonthOf(2024, 4))
	if apr.Today != plan.MonthOf(2024, 4) || pr.Gap[i] < 0 {
		t.Errorf("April 2024: gap %v, want on track", pr.Gap[i])
	}
}

// Qualifiers find posts: over the projection the WTE lost unplaced is a
// small share of the WTE qualified, and clinical psychology's places,
// funded posts and stock agree (its 2024-29 qualifiers are placed).
func TestDefaultPlanPlacesItsQualifiers(t *testing.T) {
	p := defaultPlan(t)
	if !p.QualifiersMove {
		t.Fatal("qualifiers_move_between_service_areas is off")
	}
	pr := project(t, p, "")
	var qualified, unplaced, elsewhere float64
	for i := range pr.Total {
		qualified += pr.Total[i].Qualified
		unplaced += pr.Total[i].Unplaced
		elsewhere += pr.Total[i].PlacedElsewhere
	}
	if qualified <= 0 || unplaced/qualified > 0.10 {
		t.Errorf("unplaced %.0f of %.0f WTE qualified (%.1f %%), want under 10 %%", unplaced, qualified, 100*unplaced/qualified)
	}
	if elsewhere <= 0 {
		t.Error("no qualifier took a post in another service area")
	}
	t.Logf("qualified %.0f WTE, unplaced %.0f (%.1f %%), placed elsewhere %.0f", qualified, unplaced, 100*unplaced/qualified, elsewhere)

	var cpQualified, cpUnplaced float64
	for li := range pr.Lines {
		l := &pr.Lines[li]
		if l.Key.Profession != "clinical-psychologist" {
			continue
		}
		for i := pr.Index(plan.MonthOf(2024, 4)); i <= pr.Index(plan.MonthOf(2029, 3)); i++ {
			cpQualified += l.Row(i).Qualified
			cpUnplaced += l.Row(i).Unplaced
		}
	}
	if cpQualified <= 0 || cpUnplaced/cpQualified > 0.05 {
		t.Errorf("clinical psychology 2024/25 to 2028/29: %.0f of %.0f WTE qualified unplaced", cpUnplaced, cpQualified)
	}
}

// Every post line whose funded posts grow has a way in: its own cohorts,
// recruits, or cohorts of its profession elsewhere whose qualifiers may
// move to it; and the way in fills the posts: from 2029 no line is more
// than 15 % vacant (the old default left CBT posts for older adults 61 %
// vacant in March 2029).
func TestDefaultPlanFundsNoPostsWithoutAWayIn(t *testing.T) {
	p := defaultPlan(t)
	pr := project(t, p, "")
	for _, m := range []plan.Month{plan.MonthOf(2029, 3), plan.MonthOf(2033, 3), plan.MonthOf(2037, 3)} {
		for li := range pr.Lines {
			r := pr.Lines[li].Row(pr.Index(m))
			if r.Funded > 0 && r.Vacancies/r.Funded > 0.15 {
				t.Errorf("%s: %v is %.0f %% vacant (%.0f of %.0f WTE)", m, pr.Lines[li].Key, 100*r.Vacancies/r.Funded, r.Vacancies, r.Funded)
			}
		}
	}
	trained := map[string]bool{}
	for _, c := range p.Cohorts {
		trained[c.Profession] = true
	}
	for _, l := range p.Posts {
		growth := 0.0
		for _, c := range l.Changes {
			growth += c.FundedWTEDelta
		}
		if growth > 0 && l.RecruitsWTEPerYear == 0 && !(trained[l.Profession] && p.QualifiersMove) {
			t.Errorf("%s in %s: %.0f WTE more funded posts, no recruits and no training", l.Profession, l.ServiceArea, growth)
		}
	}
}

// Education mental health practitioners: the reported 2025 workforce
// (about 2,400 in about 600 teams) doubles by 2029/30, when every pupil
// is to be covered, in funded posts and in intakes.
func TestDefaultPlanDoublesTheSchoolTeams(t *testing.T) {
	p := defaultPlan(t)
	pr := project(t, p, "")
	emhp := func(m plan.Month) plan.Row {
		for li := range pr.Lines {
			if pr.Lines[li].Key.Profession == "emhp" {
				return pr.Lines[li].Row(pr.Index(m))
			}
		}
		t.Fatal("no EMHP line")
		return plan.Row{}
	}
	in25, in30 := emhp(plan.MonthOf(2025, 9)), emhp(plan.MonthOf(2030, 3))
	if in25.InPost < 2000 || in25.InPost > 2800 {
		t.Errorf("EMHPs in post September 2025: %.0f, reported about 2,400", in25.InPost)
	}
	if r := in30.InPost / in25.InPost; r < 1.8 || r > 2.3 {
		t.Errorf("EMHPs in post March 2030 %.0f, %.2f times 2025's: want about twice", in30.InPost, r)
	}
	if g := in30.Funded - in25.Funded; g < 2000 {
		t.Errorf("EMHP funded posts grow %.0f WTE from 2025 to 2030, want about 2,400", g)
	}
}

// The associate psychological practitioner is a role of the plan, trained
// and given posts.
func TestDefaultPlanHasAssociatePsychologicalPractitioners(t *testing.T) {
	p := defaultPlan(t)
	pr := project(t, p, "")
	var in float64
	for li := range pr.Lines {
		if pr.Lines[li].Key.Profession == "app" {
			in += pr.Lines[li].Row(pr.Months() - 1).InPost
		}
	}
	found := false
	for _, pf := range p.Professions {
		found = found || (pf.ID == "app" && pf.Name == "Associate psychological practitioner")
	}
	if !found || in <= 0 {
		t.Errorf("associate psychological practitioners: profession %v, %.0f WTE in post in March 2037", found, in)
	}
}

// Pay: Agenda for Change 2023/24 band 5 midpoint £31,494 with 14.38 %
// employer pension and employer National Insurance at 15 % above £5,000
// (the rules from April 2025) is £39,996.9 in 2023/24, £35,536.6 in
// 2019/20 prices at 3 % a year (/ 1.03^4), £35,550 to the nearest £50: a
// PWP's cost per WTE.
func TestDefaultPlanPaysEmployersNationalInsuranceFrom2025(t *testing.T) {
	p := defaultPlan(t)
	want := math.Round((31494*1.1438+0.15*(31494-5000))/math.Pow(1.03, 4)/50) * 50
	for _, pf := range p.Professions {
		if pf.ID == "pwp" && pf.CostPerWTE != want {
			t.Errorf("PWP cost per WTE £%v, want £%v", pf.CostPerWTE, want)
		}
	}
}

// Each shipped scenario shows what its name promises: its workforce at
// the month the plan is judged differs from the plan's in that direction,
// and it does not buy it with qualifiers who find no post.
func TestDefaultPlanScenariosKeepTheirPromise(t *testing.T) {
	promise := map[string]float64{ // +1: more workforce than the plan
		"Better retention": +1,
		"More PWP and high intensity training from 2027": +1,
	}
	p := defaultPlan(t)
	base := project(t, p, "")
	at := p.JudgedAt(base.Horizon)
	if len(p.Scenarios) == 0 {
		t.Fatal("no scenarios")
	}
	for _, s := range p.Scenarios {
		dir, ok := promise[s.Name]
		if !ok {
			t.Errorf("scenario %q: say in this test what its name promises", s.Name)
			continue
		}
		pr := project(t, p, s.Name)
		i := pr.Index(at)
		diff := pr.Total[i].Workforce - base.Total[base.Index(at)].Workforce
		if diff*dir <= 1 {
			t.Errorf("%q: workforce in %s %.0f WTE against the plan's, want a change of sign %+.0f", s.Name, at, diff, dir)
		}
		var q, u float64
		for k := range pr.Total {
			q += pr.Total[k].Qualified
			u += pr.Total[k].Unplaced
		}
		if u/q > 0.10 {
			t.Errorf("%q: %.0f of %.0f WTE qualified unplaced", s.Name, u, q)
		}
		t.Logf("%q: %+.0f WTE in %s, unplaced %.1f %%", s.Name, diff, at, 100*u/q)
	}
}

// Demand (plan file version 3): every service area has an access target,
// and the demand table is finite everywhere, with a binding profession in
// April 2024 and March 2029.
func TestDefaultPlanHasDemandForEveryServiceArea(t *testing.T) {
	p := defaultPlan(t)
	pr := project(t, p, "")
	has := map[string]bool{}
	for _, d := range p.Demand {
		has[d.ServiceArea] = true
	}
	for _, l := range pr.Lines {
		if !has[l.Key.ServiceArea] {
			t.Errorf("service area %q has no access target", l.Key.ServiceArea)
		}
	}
	dt, err := plan.MakeDemand(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	for i, rows := range dt.Months {
		for _, r := range rows {
			if !finite(r.PeoplePerYear) || !finite(r.NeededWTE) || !finite(r.AvailableWTE) || !finite(r.GapWTE) ||
				!finite(r.CapacityPeople) || !finite(r.ShortfallPeople) {
				t.Fatalf("%s %s/%s: %+v", dt.Month(i), r.ServiceArea, r.Profession, r)
			}
		}
	}
	for _, m := range []plan.Month{plan.MonthOf(2024, 4), plan.MonthOf(2029, 3)} {
		i := dt.Index(m)
		o := dt.Overall(i)
		c, ok := dt.Constraint(i)
		if !ok || o.PeoplePerYear <= 0 || o.CapacityPeople <= 0 {
			t.Errorf("%s: target %v, capacity %v, constraint %v", m, o.PeoplePerYear, o.CapacityPeople, ok)
		}
		t.Logf("%s: capacity %.0f people a year against %.0f; binding: %s in %s", m, o.CapacityPeople, o.PeoplePerYear, c.Profession, c.ServiceArea)
	}
}

// Trainees really leave the posts they are drawn from: PWPs into high
// intensity training each January and September, assistant psychologists
// into the doctorate each September.
func TestDefaultPlanDrawsTraineesFromPosts(t *testing.T) {
	pr := project(t, defaultPlan(t), "")
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
