package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
)

// tinyDemandPlan: 10 PWPs (1,000 clinical hours a WTE a year) and 4 CBT
// therapists (800) in Perinatal, nobody leaving or joining; judged in
// Apr 2024 (ltpPlan's milestone).
func tinyDemandPlan() *plan.Plan {
	p := ltpPlan("Tiny demand")
	h1000, h800 := 1000.0, 800.0
	p.Professions = []plan.Profession{
		{ID: "pwp", Name: "PWP", WTEPerHead: 1, CostPerWTE: 12000, TraineeWTEPerHead: 1, ClinicalHoursPerWTE: &h1000},
		{ID: "cbt", Name: "CBT therapist", WTEPerHead: 1, CostPerWTE: 24000, TraineeWTEPerHead: 1, ClinicalHoursPerWTE: &h800},
		{ID: "cp", Name: "Clinical psychologist", WTEPerHead: 1, TraineeWTEPerHead: 1},
	}
	p.Posts = []plan.PostLine{
		{Profession: "pwp", ServiceArea: "Perinatal", InPostWTE: 10, FundedWTE: 10},
		{Profession: "cbt", ServiceArea: "Perinatal", InPostWTE: 4, FundedWTE: 4},
	}
	return p
}

func openTinyDemandPlan(t *testing.T) *UI {
	t.Helper()
	ui, _, _ := newTestUI(t)
	if err := ui.library.create(tinyDemandPlan()); err != nil {
		t.Fatal(err)
	}
	if h := ui.session.Plan().Professions[0].ClinicalHoursPerWTE; h == nil || *h != 1000 {
		t.Fatalf("the library lost the clinical hours: %v", h)
	}
	return ui
}

// rowOf selects row i of a record table, as a click does.
func rowOf(rt *recordTable, i int) { rt.table.Select(widget.TableCellID{Row: i, Col: 0}) }

// A planner enters a service area's demand from nothing: while the mix
// adds up to 95 the screen says so and nothing is saved; at 100 all of it
// is saved as one step, and the overview says what the workforce can
// treat, worked by hand:
//
//	target in Apr 2024 (the second point): 1,000 people a year, 8 hours each
//	PWP 40 %: needs 1,000 x 8 x 0.40 / 1,000 = 3.2 WTE; 10 in post treat 10 x 1,000 / 3.2 = 3,125
//	CBT 60 %: needs 1,000 x 8 x 0.60 / 800 = 6.0 WTE; 4 in post treat 4 x 800 / 4.8 = 667 (666.7)
func TestDemandScreenFromNothing(t *testing.T) {
	ui := openTinyDemandPlan(t)
	ds := screen(t, ui, "Demand")
	saved := func() int { return len(ui.session.Plan().Demand) }

	test.Tap(button(t, ds, "Add service area"))
	if saved() != 0 {
		t.Fatal("an empty service area was saved")
	}
	area := labelled(t, ds, "Service area").(*widget.SelectEntry)
	if area.Text != "Perinatal" {
		t.Fatalf("service area %q", area.Text)
	}
	if got := ui.demand.problems["entries"].Text; !strings.Contains(got, "Hours of care per person: ") {
		t.Errorf("an empty service area's problems: %q", got)
	}

	// the mix first: PWP, then CBT with what is left, then 55 % of it
	test.Tap(button(t, ds, "Add profession"))
	retype(labelledEntry(t, ds, "Share of the hours %"), "40")
	test.Tap(button(t, ds, "Add profession"))
	if mix := ui.demand.plan().Demand[0].Mix; len(mix) != 2 || mix[1].Profession != "cbt" || mix[1].SharePct != 60 {
		t.Fatalf("mix %+v", mix)
	}
	retype(labelledEntry(t, ds, "Share of the hours %"), "55")
	if ui.demand.sum.Text != "The shares add up to 95, not 100" {
		t.Errorf("running sum %q", ui.demand.sum.Text)
	}

	retype(labelledEntry(t, ds, "Hours of care per person"), "8")
	got := pasteRows(t, ui, ui.demand.targets.object, "From (month)\tPeople a year\nApr 2020\t800\nApr 2024\t1,000\n")
	if got != "" {
		t.Fatalf("paste: %q", got)
	}
	if saved() != 0 {
		t.Fatal("a mix adding up to 95 was saved")
	}
	if got := ui.demand.problems["mix"].Text; got != "" || ui.demand.sum.Importance != widget.DangerImportance {
		t.Errorf("the mix's message %q beside the running sum", got)
	}
	if !ui.demand.banner.Visible() || ui.overview.demand != "" {
		t.Error("no banner, or the overview speaks of a demand not saved")
	}

	rowOf(ui.demand.mix, 1)
	retype(labelledEntry(t, ds, "Share of the hours %"), "60")
	if saved() != 1 {
		t.Fatalf("the right mix was not saved: %q", dangerText(ds))
	}
	d := ui.session.Plan().Demand[0]
	want := plan.Demand{ServiceArea: "Perinatal", HoursPerPerson: 8,
		PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2020, 4), People: 800}, {Month: plan.MonthOf(2024, 4), People: 1000}},
		Mix:           []plan.MixShare{{Profession: "pwp", SharePct: 40}, {Profession: "cbt", SharePct: 60}}}
	if d.ServiceArea != want.ServiceArea || d.HoursPerPerson != 8 || len(d.PeoplePerYear) != 2 || d.PeoplePerYear[1] != want.PeoplePerYear[1] ||
		d.PeoplePerYear[0] != want.PeoplePerYear[0] || len(d.Mix) != 2 || d.Mix[0] != want.Mix[0] || d.Mix[1] != want.Mix[1] {
		t.Errorf("saved %+v", d)
	}
	if ui.demand.banner.Visible() || dangerText(ds) != "" || ui.demand.sum.Text != "The shares add up to 100 ✓" {
		t.Errorf("after saving: banner %v, message %q, sum %q", ui.demand.banner.Visible(), dangerText(ds), ui.demand.sum.Text)
	}
	sentence := "In Apr 2024 the workforce can treat 667 people a year against a target of 1,000: " +
		"CBT therapists in perinatal are the constraint, 6.0 WTE needed and 4.0 in post."
	if ov := overviewOf(t, ui); ov.demand != sentence || !ov.demandLine.Visible() || ov.demandLine.Text != sentence {
		got := ov.demand
		t.Errorf("overview says\n%q, want\n%q", got, sentence)
	}

	// one step back: no demand at all
	undoTo(t, ui, "demand", func(p *plan.Plan) any { return len(p.Demand) }, 0)
	if ui.overview.demand != "" || ui.overview.demandLine.Visible() || ui.demand.entries.def.count(ui.demand.plan()) != 0 {
		t.Error("undo left the demand on screen")
	}
}

// Service areas pasted from a spreadsheet are a draft until each has its
// target and mix; a bad cell refuses the paste, naming it.
func TestPasteServiceAreas(t *testing.T) {
	ui := openTinyDemandPlan(t)
	ds := screen(t, ui, "Demand")
	paste := func(text string) string { return pasteRows(t, ui, ui.demand.entries.object, text) }
	if got := paste("Service area\tHours of care per person\nPerinatal\tsix\n"); !strings.Contains(got, "row 1, column Hours of care per person") {
		t.Errorf("bad hours: %q", got)
	}
	if got := paste("Service area\tHours of care per person\nPerinatal\t2000\n"); !strings.Contains(got, "row 1, column Hours of care per person: 2,000 is above 1,000") {
		t.Errorf("too many hours: %q", got)
	}
	if got := paste("Perinatal\t8\nOlder adults\t6\n"); got != "" {
		t.Fatalf("paste: %q", got)
	}
	if n := len(ui.demand.plan().Demand); n != 2 || len(ui.session.Plan().Demand) != 0 {
		t.Fatalf("%d service areas on screen, %d saved", n, len(ui.session.Plan().Demand))
	}
	if got := ui.demand.problems["entries"].Text; !strings.Contains(got, "Older adults: the access target: needs at least one month") {
		t.Errorf("problems of the service area not chosen: %q", got)
	}
	_ = ds
}

// A share that is not a number is refused in the form's words, and a
// profession without clinical hours is not offered.
func TestDemandMixRefusesBadShares(t *testing.T) {
	ui := openTinyDemandPlan(t)
	ds := screen(t, ui, "Demand")
	test.Tap(button(t, ds, "Add service area"))
	test.Tap(button(t, ds, "Add profession"))
	prof := labelled(t, ds, "Profession").(*widget.Select)
	if len(prof.Options) != 2 || contains(prof.Options, "Clinical psychologist") {
		t.Errorf("offered %v", prof.Options)
	}
	share := labelledEntry(t, ds, "Share of the hours %")
	share.SetText("6O")
	if got := ui.demand.mix.message.Text; !strings.HasPrefix(got, `Share of the hours %: "6O" is not a number`) {
		t.Errorf("message %q", got)
	}
	share.SetText("120")
	if got := ui.demand.problems["mix"].Text; !strings.Contains(got, "Row 1, Share of the hours %: 120 is above 100") {
		t.Errorf("message %q", got)
	}
	test.Tap(button(t, ds, "Discard what is not saved"))
	if n := ui.demand.entries.def.count(ui.demand.plan()); n != 0 || len(ui.session.Plan().Demand) != 0 {
		t.Errorf("after discarding: %d service areas", n)
	}
}

// The settings' tick box lets qualifiers with no funded post where they
// trained take a vacant post of their profession elsewhere: 3 CBT
// qualifiers in Perinatal (no vacancy) in Apr 2021; 2 vacant CBT posts
// in Older adults.
func TestQualifiersMoveTickBox(t *testing.T) {
	ui := openTinyDemandPlan(t)
	if err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Posts = append(p.Posts, plan.PostLine{Profession: "cbt", ServiceArea: "Older adults", FundedWTE: 2})
		p.Cohorts = []plan.Cohort{{Profession: "cbt", ServiceArea: "Perinatal", Start: plan.MonthOf(2020, 4),
			DurationMonths: 12, Intake: 3, CompletionPct: 100, TakeupPct: 100}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	older := func() float64 {
		pr := ui.session.Projection()
		for _, l := range pr.Lines {
			if l.Key.ServiceArea == "Older adults" {
				return l.Row(pr.Index(plan.MonthOf(2021, 5))).InPost
			}
		}
		return -1
	}
	if got := older(); got != 0 {
		t.Fatalf("before: %v in post in Older adults", got)
	}
	move := findCheck(t, screen(t, ui, "Trajectory"), "Qualifiers take vacant posts in other service areas")
	test.Tap(move)
	if !ui.session.Plan().QualifiersMove || older() != 2 {
		t.Errorf("ticked: moves %v, %v in post in Older adults", ui.session.Plan().QualifiersMove, older())
	}
	undoTo(t, ui, "qualifiers move", func(p *plan.Plan) any { return p.QualifiersMove }, false)
	if move.Checked || older() != 0 {
		t.Errorf("after undo: ticked %v, %v in post", move.Checked, older())
	}

	// a scenario overrides it either way
	if err := ui.session.Edit("", func(p *plan.Plan) error { p.Scenarios = []plan.Scenario{{Name: "Moving"}}; return nil }); err != nil {
		t.Fatal(err)
	}
	scenarios := showTab(t, ui, "Scenarios")
	scenarios.first()
	sel := labelled(t, scenarios.object, "Service areas").(*widget.Select)
	if sel.Selected != moveAsPlan {
		t.Errorf("scenario's choice %q", sel.Selected)
	}
	sel.SetSelected(moveOn)
	if s := ui.session.Plan().Scenarios[0].QualifiersMove; s == nil || !*s {
		t.Errorf("scenario override %v", s)
	}
	ui.session.SetScenario("Moving")
	if older() != 2 {
		t.Errorf("the scenario moves: %v in post in Older adults", older())
	}
	ui.session.Undo()
	if ui.session.Plan().Scenarios[0].QualifiersMove != nil || sel.Selected != moveAsPlan {
		t.Errorf("undo left %v, shown %q", ui.session.Plan().Scenarios[0].QualifiersMove, sel.Selected)
	}
}

// The budget: a year added, typed and pasted; the overview says where
// the pay bill goes over it. 10 PWPs at £12,000 and 4 CBT at £24,000 cost
// £216,000 a year.
func TestBudgetTable(t *testing.T) {
	ui := openTinyDemandPlan(t)
	settings := screen(t, ui, "Trajectory")
	got := pasteRows(t, ui, settings, "Financial year\tBudget for pay (£)\n2020/21\t250,000\n2021/22\t200000\n")
	if got != "" {
		t.Fatalf("paste: %q", got)
	}
	b := ui.session.Plan().Budget
	if len(b) != 2 || b[0] != (plan.BudgetYear{Year: 2020, GBP: 250000}) || b[1] != (plan.BudgetYear{Year: 2021, GBP: 200000}) {
		t.Fatalf("budget %+v", b)
	}
	if ov := overviewOf(t, ui); ov.budget != "Pay bill over budget in 2021/22 by £16k." || ov.budgetLine.Text != ov.budget || ov.budgetLine.Importance != widget.DangerImportance {
		got := ov.budget
		t.Errorf("overview says %q", got)
	}
	if got := pasteRows(t, ui, settings, "2021/23\t1\n"); !strings.Contains(got, "row 1, column Financial year") {
		t.Errorf("bad year: %q", got)
	}
	undoTo(t, ui, "budget", func(p *plan.Plan) any { return len(p.Budget) }, 0)
	if ui.overview.budget != "" || ui.overview.budgetLine.Visible() {
		t.Error("the overview speaks of a budget undone")
	}
}

// saveTinyDemand gives the tiny plan the demand of
// TestDemandScreenFromNothing, as one edit.
func saveTinyDemand(t *testing.T, ui *UI) {
	t.Helper()
	err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Demand = []plan.Demand{{ServiceArea: "Perinatal", HoursPerPerson: 8,
			PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2020, 4), People: 800}, {Month: plan.MonthOf(2024, 4), People: 1000}},
			Mix:           []plan.MixShare{{Profession: "pwp", SharePct: 40}, {Profession: "cbt", SharePct: 60}}}}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Workshop mode has a demand slide for a plan with access targets (none
// for a plan without), and the what-if controls move it: more leavers
// from this month, fewer people treated when the plan is judged, ten
// years on.
func TestWorkshopDemandSlide(t *testing.T) {
	ui := openTinyDemandPlan(t)
	ui.present()
	for _, k := range ui.presenting.kinds {
		if k.Name == "demand" || k.Name == "demand-wte" {
			t.Errorf("a plan with no demand has the slide %q", k.Name)
		}
	}
	ui.leavePresentation()
	saveTinyDemand(t, ui)
	if err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Horizon = thisMonth().Add(12 * 10)
		p.Trajectory.Milestones[0].Month = thisMonth().Add(12 * 9)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ui.present()
	ps := ui.presenting
	for ps.kinds[ps.slide].Name != "demand" {
		ps.key(fyne.KeyRight)
		if ps.slide == 0 || ps.slide >= len(ps.kinds) {
			t.Fatal("no demand slide")
		}
	}
	if ps.title.Text != "People a year: capacity against the access target" {
		t.Errorf("title %q", ps.title.Text)
	}
	before := ps.sentence.Text
	if !strings.Contains(before, "can treat 667 people a year against a target of 1,000") {
		t.Fatalf("demand slide says %q", before)
	}
	ps.leavers.SetValue(5)
	if after := ps.sentence.Text; after == before || !strings.Contains(after, "the workforce can treat ") {
		t.Errorf("the what-if did not move the demand slide: %q", after)
	}
	if len(ui.session.Plan().Scenarios) != 0 {
		t.Error("a what-if changed the saved plan")
	}
	ps.key(fyne.KeyRight)
	if ps.kinds[ps.slide].Name != "demand-wte" || !strings.Contains(ps.sentence.Text, "The constraint: CBT therapists in perinatal") {
		t.Errorf("next slide %q says %q", ps.title.Text, ps.sentence.Text)
	}
	ui.leavePresentation()
}
