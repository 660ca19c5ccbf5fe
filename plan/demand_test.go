package plan

import "testing"

// demandPlan is onePWPLine (8 PWPs in post in Adult all along: nobody
// leaves or joins) with an Adult access target rising from 1,000 people a
// year in Mar 2020 to 2,000 in May 2020, 10 hours of care a person, given
// 40 % by PWPs (1,000 clinical hours a WTE) and 60 % by CBT therapists
// (800 hours), who have no post line in Adult.
func demandPlan() *Plan {
	p := onePWPLine()
	p.Professions[0].ClinicalHoursPerWTE = ptr(1000.0)
	p.Professions[0].CostPerWTE = 36000
	p.Professions = append(p.Professions, Profession{ID: "cbt", Name: "CBT", WTEPerHead: 1, ClinicalHoursPerWTE: ptr(800.0)})
	p.Demand = []Demand{{ServiceArea: "Adult", HoursPerPerson: 10,
		PeoplePerYear: []PeoplePoint{{mar2020, 1000}, {mar2020 + 2, 2000}},
		Mix:           []MixShare{{"pwp", 40}, {"cbt", 60}}}}
	return p
}

// Rules 1 to 7 of demand.md, by hand, in Mar 2020 (1,000 people):
//
//	cbt: needed 1,000 x 10 x 0.6 / 800 = 7.5, available 0, capacity 0
//	pwp: needed 1,000 x 10 x 0.4 / 1,000 = 4, available 8, gap 4,
//	     capacity 8 x 1,000 / (10 x 0.4) = 2,000
//	Adult: needed 11.5, available 8, gap -3.5, capacity min(0, 2,000) = 0,
//	     shortfall 1,000
//
// and in Apr 2020 the target is halfway: 1,500 people.
func TestDemandTableByHand(t *testing.T) {
	p := demandPlan()
	dt, err := MakeDemand(p, project(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	rows := dt.Months[0]
	if len(rows) != 4 || rows[0].Profession != "cbt" || rows[1].Profession != "pwp" || rows[2].Profession != TotalWord || rows[3].ServiceArea != TotalWord {
		t.Fatalf("rows %+v: want cbt, pwp, Adult's ALL, ALL/ALL", rows)
	}
	near(t, "cbt needed", rows[0].NeededWTE, 7.5)
	near(t, "cbt capacity", rows[0].CapacityPeople, 0)
	near(t, "pwp needed", rows[1].NeededWTE, 4)
	near(t, "pwp gap", rows[1].GapWTE, 4)
	near(t, "pwp capacity", rows[1].CapacityPeople, 2000)
	near(t, "Adult needed", rows[2].NeededWTE, 11.5)
	near(t, "Adult gap", rows[2].GapWTE, -3.5)
	near(t, "Adult capacity", rows[2].CapacityPeople, 0)
	near(t, "Adult shortfall", rows[2].ShortfallPeople, 1000)
	near(t, "overall shortfall", rows[3].ShortfallPeople, 1000)
	near(t, "Apr 2020 target", dt.Months[1][2].PeoplePerYear, 1500)
	near(t, "after the last point", dt.Months[10][2].PeoplePerYear, 2000)
	if c, ok := dt.Constraint(0); !ok || c.Profession != "cbt" {
		t.Errorf("constraint %+v, want cbt", c)
	}
}

// With 6 CBT WTE in post the PWPs limit instead: cbt can treat
// 6 x 800 / 6 = 800 people, pwp 2,000: capacity 800, shortfall 200; and
// a second service area's row adds into ALL/ALL.
func TestDemandScarcestProfessionLimits(t *testing.T) {
	p := demandPlan()
	p.Posts = append(p.Posts, PostLine{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 6, FundedWTE: 6})
	p.Demand = append(p.Demand, Demand{ServiceArea: "Older", HoursPerPerson: 5,
		PeoplePerYear: []PeoplePoint{{mar2020, 100}}, Mix: []MixShare{{"pwp", 100}}})
	dt, err := MakeDemand(p, project(t, p, ""))
	if err != nil {
		t.Fatal(err)
	}
	rows := dt.Months[0]
	near(t, "Adult capacity", rows[2].CapacityPeople, 800)
	near(t, "Adult shortfall", rows[2].ShortfallPeople, 200)
	// Older: pwp has no Older line: needed 100 x 5 / 1,000 = 0.5, capacity 0.
	near(t, "Older shortfall", rows[4].ShortfallPeople, 100)
	near(t, "ALL needed", rows[5].NeededWTE, 7.5+4+0.5)
	near(t, "ALL capacity", rows[5].CapacityPeople, 800)
	near(t, "ALL shortfall", rows[5].ShortfallPeople, 300)
}

// A plan with no demand has no demand table.
func TestNoDemandNoTable(t *testing.T) {
	p := onePWPLine()
	if _, err := MakeDemand(p, project(t, p, "")); err != ErrNoDemand {
		t.Errorf("err %v, want ErrNoDemand", err)
	}
}

// The budget table: 8 WTE at £36,000 a year cost £24,000 a month. Mar 2020
// to Mar 2022 has 2020/21 (12 months, £288,000, budget £300,000: £12,000
// headroom) and 2021/22 (no budget: both empty). The baseline month's
// 2019/20 holds no month after the baseline: no row.
func TestBudgetTableByHand(t *testing.T) {
	p := demandPlan()
	p.Budget = []BudgetYear{{2020, 300000}, {2030, 1}}
	rows := MakeBudget(p, project(t, p, ""))
	if len(rows) != 2 || rows[0].Label() != "2020/21" || rows[1].Label() != "2021/22" {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].Months != 12 || rows[1].Months != 12 {
		t.Errorf("months %d and %d, want 12", rows[0].Months, rows[1].Months)
	}
	near(t, "2020/21 pay", rows[0].PayCost, 288000)
	if rows[0].Headroom == nil || rows[1].Budget != nil || rows[1].Headroom != nil {
		t.Fatalf("budget cells %+v %+v", rows[0], rows[1])
	}
	near(t, "2020/21 headroom", *rows[0].Headroom, 12000)
	// A horizon in Jun 2021 makes a partial last year of 3 months.
	p.Horizon = MonthOf(2021, 6)
	rows = MakeBudget(p, project(t, p, ""))
	if rows[1].Months != 3 {
		t.Errorf("partial year: %d months, want 3", rows[1].Months)
	}
	near(t, "partial year pay", rows[1].PayCost, 72000)
}

// Version 3's rules, each refused with its field path.
func TestDemandValidation(t *testing.T) {
	cases := []struct {
		edit func(p *Plan)
		want string
	}{
		{func(p *Plan) { p.Demand[0].Mix[0].SharePct = 35 }, "demand[0].mix: the shares add up to 95, not 100"},
		{func(p *Plan) { p.Professions[1].ClinicalHoursPerWTE = nil }, "demand[0].mix[1].profession: CBT has no clinical hours per WTE a year: set them on the profession first"},
		{func(p *Plan) { p.Professions[0].ClinicalHoursPerWTE = ptr(2001.0) }, "professions[0].clinical_hours_per_wte_per_year: 2,001 is above 2,000"},
		{func(p *Plan) { p.Demand[0].HoursPerPerson = 0 }, "demand[0].hours_per_person: 0 must be above 0"},
		{func(p *Plan) { p.Demand[0].PeoplePerYear[1].Month = mar2020 }, "demand[0].people_per_year[1].month: 2020-03 must be after the previous point's month 2020-03"},
		{func(p *Plan) { p.Demand = append(p.Demand, p.Demand[0]) }, "demand[1].service_area: \"Adult\" has another demand entry already"},
		{func(p *Plan) { p.Demand[0].Mix[1].Profession = "pwp" }, "demand[0].mix[1].profession: \"pwp\" is in the mix twice"},
		{func(p *Plan) { p.Budget = []BudgetYear{{2024, 1}, {2024, 2}} }, "budget[1].financial_year: 2024/25 has another budget already"},
		{func(p *Plan) { p.Budget = []BudgetYear{{2024, -1}} }, "budget[0].gbp: -1 is below 0"},
	}
	for _, c := range cases {
		p := demandPlan()
		c.edit(p)
		errs := Validate(p)
		found := false
		for _, e := range errs {
			found = found || e.Error() == c.want
		}
		if !found {
			t.Errorf("want %q, got %v", c.want, errs)
		}
	}
	if errs := Validate(demandPlan()); errs != nil {
		t.Errorf("the demand plan is valid, got %v", errs)
	}
}

func TestParseFinancialYear(t *testing.T) {
	for s, want := range map[string]int{"2024/25": 2024, "1999/00": 1999, "1899/00": 1899, "2200/01": 2200} {
		if y, err := ParseFinancialYear(s); err != nil || y != want {
			t.Errorf("%s: %d %v", s, y, err)
		}
	}
	for _, s := range []string{"2024/26", "2024-25", "24/25", "2024/2025", "1898/99", "2201/02"} {
		if _, err := ParseFinancialYear(s); err == nil {
			t.Errorf("%s accepted", s)
		}
	}
}

// A roll-up's demand is the sum of its members' ALL/ALL rows in their own
// months, and its budget the sum of theirs, blank in a year one member
// has no budget for. Two copies of demandPlan, the second a month later
// (its target 1,000 in Apr 2020): in Apr 2020 both count (1,500 and 1,000
// people; capacity 0 each), in Mar 2020 only the first.
func TestRollupDemandAndBudget(t *testing.T) {
	a, b := demandPlan(), demandPlan()
	a.Budget = []BudgetYear{{2020, 300000}, {2021, 1000}}
	b.Baseline, b.Horizon = mar2020+1, mar2020+25
	b.Demand[0].PeoplePerYear[0].Month = mar2020 + 1
	b.Budget = []BudgetYear{{2020, 200000}}
	members := []RollupMember{{Name: "A", Plan: a}, {Name: "B", Plan: b}}
	rp, err := ProjectRollup(members)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := RollupDemand(members, rp)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Mar 2020 people", rows[0].PeoplePerYear, 1000)
	near(t, "Apr 2020 people", rows[1].PeoplePerYear, 1500+1000)
	near(t, "Apr 2020 shortfall", rows[1].ShortfallPeople, 2500)
	// A: 1,500 x 10 x 0.4 / 1,000 + 1,500 x 10 x 0.6 / 800 = 6 + 11.25; B: 4 + 7.5
	near(t, "Apr 2020 WTE needed", rows[1].NeededWTE, 17.25+11.5)
	budget := RollupBudget(members, rp)
	if budget[0].Label() != "2020/21" || budget[0].Budget == nil || budget[1].Budget != nil {
		t.Fatalf("budget %+v", budget)
	}
	near(t, "2020/21 budget", *budget[0].Budget, 500000)
	// 8 WTE at £36,000 in each plan: £288,000 a year each.
	near(t, "2020/21 headroom", *budget[0].Headroom, 500000-2*288000)
}

// Side by side gains the shortfall at each target point after the
// baseline (May 2020: 2,000 people, none treatable without CBT staff) and
// the headroom of each year with a budget (2020/21: £12,000), per column.
func TestCompareAddsShortfallAndHeadroom(t *testing.T) {
	p := demandPlan()
	p.Budget = []BudgetYear{{2020, 300000}}
	p.Scenarios = []Scenario{{Name: "More PWPs", Posts: []PostOverride{{Profession: "pwp", ServiceArea: "Adult", InPostWTE: ptr(10.0)}}}}
	c, err := Compare(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var short, head *ComparisonRow
	for i := range c.Rows {
		switch c.Rows[i].Measure {
		case MeasureShortfall:
			short = &c.Rows[i]
		case MeasureHeadroom:
			head = &c.Rows[i]
		}
	}
	if short == nil || short.When != "2020-05" || head == nil || head.When != "2020/21" {
		t.Fatalf("rows %+v", c.Rows)
	}
	near(t, "plan shortfall", short.Values[0], 2000)
	near(t, "scenario shortfall", short.Values[1], 2000)
	near(t, "plan headroom", head.Values[0], 12000)
	// 10 WTE instead of 8 cost £6,000 a month more: £72,000 a year.
	near(t, "scenario headroom", head.Values[1], 12000-72000)
	if got := Figure(UnitPeople, 2000, false, true); got != "2,000" {
		t.Errorf("figure %q", got)
	}
}
