package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// leeds is a plan small enough to work by hand: March 2024 to March 2026,
// judged in March 2025 (its milestone); nobody leaves or joins, so the
// staff in post stay as they are: 20 PWPs (1,000 clinical hours a WTE a
// year) and 10 CBT therapists (900 hours) in Adult, 4 CBT therapists in
// Perinatal.
//
// Adult must treat 4,000 people a year to March 2025, then up to 5,000 in
// March 2026, 6 hours each, half from PWPs and half from CBT therapists.
// In March 2025 PWPs need 4,000 x 3 / 1,000 = 12 WTE and could treat
// 20 x 1,000 / 3 = 6,667 people; CBT therapists need 4,000 x 3 / 900 =
// 13.3 WTE and could treat 10 x 900 / 3 = 3,000: CBT limits the service to
// 3,000, 1,000 short. In March 2026: 16.7 WTE needed, 2,000 short.
// Perinatal must treat 300 a year, 10 hours each, all from CBT: 3.3 WTE
// needed, 4 in post who could treat 4 x 900 / 10 = 360: none short.
//
// The pay bill is (20 x £36,000 + 14 x £48,000) = £1,392,000 a year: in
// 2024/25 £108,000 under its £1.5m budget, in 2025/26 £92,000 over £1.3m.
// The budget for 2026/27 is outside the projection.
func leeds() *plan.Plan {
	pwpHours, cbtHours := 1000.0, 900.0
	return &plan.Plan{Name: "Leeds", Baseline: plan.MonthOf(2024, 3), Horizon: plan.MonthOf(2026, 3), CapHires: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear,
			Milestones: []plan.Milestone{{Month: plan.MonthOf(2025, 3), GrowthPct: 10}}},
		Professions: []plan.Profession{
			{ID: "pwp", Name: "Psychological wellbeing practitioner", WTEPerHead: 1, CostPerWTE: 36000, ClinicalHoursPerWTE: &pwpHours},
			{ID: "cbt", Name: "CBT therapist", WTEPerHead: 1, CostPerWTE: 48000, ClinicalHoursPerWTE: &cbtHours},
		},
		Posts: []plan.PostLine{
			{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 20, FundedWTE: 20},
			{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10},
			{Profession: "cbt", ServiceArea: "Perinatal", InPostWTE: 4, FundedWTE: 4},
		},
		Demand: []plan.Demand{
			{ServiceArea: "Perinatal", HoursPerPerson: 10,
				PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2024, 4), People: 300}},
				Mix:           []plan.MixShare{{Profession: "cbt", SharePct: 100}}},
			{ServiceArea: "Adult", HoursPerPerson: 6,
				PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2025, 3), People: 4000}, {Month: plan.MonthOf(2026, 3), People: 5000}},
				Mix:           []plan.MixShare{{Profession: "pwp", SharePct: 50}, {Profession: "cbt", SharePct: 50}}},
		},
		Budget: []plan.BudgetYear{{Year: 2024, GBP: 1_500_000}, {Year: 2025, GBP: 1_300_000}, {Year: 2026, GBP: 2_000_000}},
	}
}

func TestDemandAndBudgetFiguresByHand(t *testing.T) {
	p := leeds()
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	dt, err := plan.MakeDemand(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	months := demandMonths(p, pr)
	if want := []plan.Month{plan.MonthOf(2025, 3), plan.MonthOf(2026, 3)}; !reflect.DeepEqual(months, want) {
		t.Fatalf("months %v", months)
	}
	want := []demandBlock{
		{"Adult", [][]string{
			{"Mar 2025", "4,000", "3,000", "1,000", "CBT therapist", "13.3", "10.0"},
			{"Mar 2026", "5,000", "3,000", "2,000", "CBT therapist", "16.7", "10.0"}}},
		{"Perinatal", [][]string{
			{"Mar 2025", "300", "360", "none", "CBT therapist", "3.3", "4.0"},
			{"Mar 2026", "300", "360", "none", "CBT therapist", "3.3", "4.0"}}},
	}
	if got := demandBlocks(p, dt, months); !reflect.DeepEqual(got, want) {
		t.Errorf("demand tables\n%q\nwant\n%q", got, want)
	}
	if got := demandSentence(dt, dt.Index(months[0])); !strings.HasPrefix(got,
		"In Mar 2025 the service areas must treat 4,300 people a year; 1,000 of them would go untreated") {
		t.Errorf("sentence %q", got)
	}
	budget := plan.MakeBudget(p, pr)
	rows, over := budgetRows(budget)
	wantRows := [][]string{
		{"2024/25", "12", "£1.4m", "£1.5m", "£108k", ""},
		{"2025/26", "12", "£1.4m", "£1.3m", "-£92k", "Over budget by £92k"},
	}
	if !reflect.DeepEqual(rows, wantRows) || !reflect.DeepEqual(over, []bool{false, true}) {
		t.Errorf("budget rows %q %v\nwant %q", rows, over, wantRows)
	}
	if got := budgetSentence(budget); got != "The pay bill is over budget in 1 of the 2 years with a budget: 2025/26." {
		t.Errorf("budget sentence %q", got)
	}
}

// The report of the Leeds plan has both pages, with the figures worked
// by hand above, and no text on any page overlaps another or runs past
// the margins.
func TestDemandAndBudgetPages(t *testing.T) {
	pages := writePages(t, leeds(), plan.MonthOf(2024, 6))
	checkLayout(t, "Leeds", pages)
	demand := pagesTitled(pages, demandTitle)
	budget := pagesTitled(pages, budgetTitle)
	if len(demand) != 1 || len(budget) != 1 {
		t.Fatalf("%d demand pages and %d budget pages, want one of each", len(demand), len(budget))
	}
	for _, l := range [][]string{
		demandHeader,
		{"Adult"},
		{"Mar 2025", "4,000", "3,000", "1,000", "CBT therapist", "13.3", "10.0"},
		{"Mar 2026", "5,000", "3,000", "2,000", "CBT therapist", "16.7", "10.0"},
		{"Perinatal"},
		{"Mar 2025", "300", "360", "none", "CBT therapist", "3.3", "4.0"},
	} {
		if !hasLine(demand[0], l) {
			t.Errorf("the demand page has no line %q:\n%s", l, pageText(demand[0]))
		}
	}
	for _, l := range [][]string{
		budgetHeader[:5],
		{"2024/25", "12", "£1.4m", "£1.5m", "£108k"},
		{"2025/26", "12", "£1.4m", "£1.3m", "-£92k", "Over budget by £92k"},
	} {
		if !hasLine(budget[0], l) {
			t.Errorf("the budget page has no line %q:\n%s", l, pageText(budget[0]))
		}
	}
	if text := pageText(budget[0]); strings.Contains(text, "2026/27") || !strings.Contains(text, "over budget in 1 of the 2 years") {
		t.Errorf("budget page:\n%s", text)
	}
}

// A plan with neither access targets nor a budget has neither page.
func TestNoDemandOrBudgetPages(t *testing.T) {
	pages := writePages(t, plantest.York(), plan.MonthOf(2020, 4))
	checkLayout(t, "York", pages)
	if n, m := len(pagesTitled(pages, demandTitle)), len(pagesTitled(pages, budgetTitle)); n+m != 0 {
		t.Errorf("%d demand and %d budget pages", n, m)
	}
	// a budget alone brings its page alone
	p := plantest.York()
	p.Budget = []plan.BudgetYear{{Year: 2020, GBP: 100000}}
	pages = writePages(t, p, plan.MonthOf(2020, 4))
	if n, m := len(pagesTitled(pages, demandTitle)), len(pagesTitled(pages, budgetTitle)); n != 0 || m != 1 {
		t.Errorf("%d demand and %d budget pages", n, m)
	}
}

// Long names and national-sized figures stay in their cells: a name too
// long for its column wraps onto more lines (never cut), and a plan with many
// service areas goes on over pages, each table kept whole with the
// heading repeated.
func TestDemandPagesWithLongNamesAndManyAreas(t *testing.T) {
	p := leeds()
	long := strings.Repeat("Psychological therapies for adults with long-term conditions ", 4)[:200]
	p.Professions[1].Name = long
	for i := range p.Posts {
		if p.Posts[i].ServiceArea == "Adult" {
			p.Posts[i].ServiceArea = long
		}
	}
	p.Demand[1].ServiceArea = long
	p.Demand[1].PeoplePerYear[1].People = 99_999_999
	p.Budget = append(p.Budget, plan.BudgetYear{Year: 2023, GBP: 0})
	p.Budget[1].GBP = 999_999_999_999
	for i := 0; i < 40; i++ {
		d := p.Demand[0]
		d.ServiceArea = "Area " + string(rune('A'+i%26)) + strings.Repeat("x", i)
		p.Demand = append(p.Demand, d)
	}
	pages := writePages(t, p, plan.MonthOf(2024, 6))
	checkLayout(t, "long names", pages)
	demand := pagesTitled(pages, demandTitle)
	if len(demand) < 2 || !strings.HasPrefix(pageText(demand[1]), demandTitle+" (continued)") {
		t.Fatalf("%d demand pages", len(demand))
	}
	var text string
	for _, page := range demand {
		text += pageText(page)
	}
	if !strings.Contains(text, "\nPsychological therapies for adults with long-term conditions Psychological") ||
		!strings.Contains(text, "Mar 2026 99,999,999 3,000 99,996,999 Psychological therapies for adults with 333,333.3 10.0\n"+
			"long-term conditions Psychological\n") {
		t.Errorf("demand pages:\n%s", text)
	}
	for _, page := range demand {
		if ls := lines(page); !reflect.DeepEqual(ls[1], demandHeader) && !strings.HasPrefix(strings.Join(ls[1], " "), "The people") {
			t.Errorf("a demand page's second line %q", ls[1])
		}
	}
	if text := pageText(pagesTitled(pages, budgetTitle)[0]); !strings.Contains(text, "£1,000.0bn") {
		t.Errorf("budget page:\n%s", text)
	}
}

// A character the font cannot print in a service area of the demand is
// refused naming the field, as in a name.
func TestUnprintableDemandAreaNamesTheField(t *testing.T) {
	p := leeds()
	p.Demand[0].ServiceArea = "Perinatal 😀"
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Write(&buf, p, pr, p.Baseline)
	if err == nil || !strings.HasPrefix(err.Error(), "demand[0].service_area: ") || buf.Len() != 0 {
		t.Errorf("error %v, %d bytes written", err, buf.Len())
	}
}

// The assumptions say each profession's clinical hours, and that
// qualifiers move, when the plan (or the scenario shown) has them move.
func TestAssumptionsSayClinicalHoursAndMoving(t *testing.T) {
	p := leeds()
	p.QualifiersMove = true
	pages := writePages(t, p, plan.MonthOf(2024, 6))
	assumptions := pagesTitled(pages, "Assumptions")
	if len(assumptions) != 1 {
		t.Fatalf("%d assumptions pages", len(assumptions))
	}
	text := pageText(assumptions[0])
	if !hasLine(assumptions[0], []string{"CBT therapist", "0 %", "1", "£48,000", "900"}) ||
		!strings.Contains(text, "take vacant posts of their profession in other service areas") {
		t.Errorf("assumptions:\n%s", text)
	}
	off := false
	p.Scenarios = []plan.Scenario{{Name: "Stay", QualifiersMove: &off}}
	if qualifiersMove(p, "Stay") || !qualifiersMove(p, "") {
		t.Error("the scenario's override is not followed")
	}
}

// The whole report keeps to its margins with no text overlapping, for the
// default plan and for the national plan with every version 3 field (27
// pages of demand tables; its headline figures are too wide for 12
// points and are set smaller).
func TestWholeReportLayout(t *testing.T) {
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, "default", writePages(t, p, plan.MonthOf(2023, 11)))
	if testing.Short() {
		t.Skip("the national plan's report takes seconds")
	}
	pages := writePages(t, plantest.NationalV3(), plan.MonthOf(2026, 11))
	checkLayout(t, "national v3", pages)
	if n, m := len(pagesTitled(pages, demandTitle)), len(pagesTitled(pages, budgetTitle)); n < 20 || m != 1 {
		t.Errorf("%d demand pages and %d budget pages", n, m)
	}
}
