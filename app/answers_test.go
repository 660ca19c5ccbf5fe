package app

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// openICS opens the ICS-size synthetic plan in a test window.
func openICS(t *testing.T) *UI {
	t.Helper()
	ui, _, _ := newTestUI(t)
	p := plantest.ICS()
	p.CapHires = false // capped at its funded posts, the ICS cannot reach the trajectory by any rise
	if err := ui.library.create(p); err != nil {
		t.Fatal(err)
	}
	if ui.session.Plan().Name != "ICS synthetic plan" {
		t.Fatalf("open plan %q", ui.session.Plan().Name)
	}
	return ui
}

// The panel answers the room's question in the solver's sentence, and
// keeps the answer as a scenario: a taken name refused, Undo taking it back.
func TestWhatDoesItTake(t *testing.T) {
	ui := openICS(t)
	p := ui.session.Plan()
	ui.showAnswers()
	ap := ui.answers
	first := milestoneLabels(p)[0]
	if ap.milestone.Selected != first {
		t.Errorf("milestone %q, want the first, %q", ap.milestone.Selected, first)
	}
	defaults := plan.LeverProfessions(p, "", plan.LeverIntake)
	if len(ap.professions.Selected) != len(defaults) || len(defaults) == 0 {
		t.Errorf("ticked %v, want every profession that trains (%d)", ap.professions.Selected, len(defaults))
	}
	retype(ap.from, "Apr 2021")
	test.Tap(ap.ask)
	by, _ := parseMonth(first)
	want, err := plan.Solve(p, plan.Question{By: by, Lever: plan.LeverIntake, Professions: defaults, From: plan.MonthOf(2021, 4)})
	if err != nil {
		t.Fatal(err)
	}
	if ap.sentence.Text != want.Sentence(p) || !strings.HasPrefix(ap.sentence.Text, "Train ") {
		t.Fatalf("panel says %q, the solver %q", ap.sentence.Text, want.Sentence(p))
	}
	if ap.name.Text != want.ScenarioName() || ap.keep.Disabled() {
		t.Fatalf("name %q (keep disabled %v), want %q", ap.name.Text, ap.keep.Disabled(), want.ScenarioName())
	}
	test.Tap(ap.keep)
	kept := ui.session.Plan().Scenario(want.ScenarioName())
	if kept == nil {
		t.Fatalf("not kept: %s", ap.message.Text)
	}
	// By hand: each extra cohort is ceil(intake x pct / 100) on a cohort
	// starting from Apr 2021 and qualifying by the milestone (answers.md
	// version 2; every profession of the ICS trains).
	var extra []plan.Cohort
	for _, c := range p.Cohorts {
		if c.Start >= plan.MonthOf(2021, 4) && c.QualifyMonth() <= by && math.Ceil(float64(c.Intake*want.Pct)/100) > 0 {
			c.Intake = int(math.Ceil(float64(c.Intake*want.Pct) / 100))
			extra = append(extra, c)
		}
	}
	if len(kept.ExtraCohorts) != len(extra) || kept.ExtraCohorts[0].Intake != extra[0].Intake {
		t.Errorf("kept %d extra cohorts (first %d), want %d (first %d)", len(kept.ExtraCohorts), kept.ExtraCohorts[0].Intake, len(extra), extra[0].Intake)
	}

	test.Tap(ap.ask) // the same answer again: its name is taken now
	if ap.name.Text != want.ScenarioName()+" 2" {
		t.Errorf("offered name %q, want one not taken", ap.name.Text)
	}
	retype(ap.name, want.ScenarioName())
	n := len(ui.session.Plan().Scenarios)
	test.Tap(ap.keep)
	if !strings.Contains(ap.message.Text, "is taken") || len(ui.session.Plan().Scenarios) != n {
		t.Errorf("a taken name: %q, %d scenarios (was %d)", ap.message.Text, len(ui.session.Plan().Scenarios), n)
	}
	ui.session.Undo()
	if ui.session.Plan().Scenario(want.ScenarioName()) != nil {
		t.Error("Undo did not take the kept scenario back")
	}
}

// Bad input in the panel is named, and nothing is asked.
func TestWhatDoesItTakeRefusesBadInput(t *testing.T) {
	ui := openICS(t)
	ui.showAnswers()
	ap := ui.answers
	retype(ap.from, "Smarch 2021")
	test.Tap(ap.ask)
	if !strings.HasPrefix(ap.message.Text, "From: ") || ap.sentence.Text != "" {
		t.Errorf("bad from: message %q, sentence %q", ap.message.Text, ap.sentence.Text)
	}
	retype(ap.from, "Apr 2021")
	ap.professions.SetSelected(nil)
	test.Tap(ap.ask)
	if !strings.HasPrefix(ap.message.Text, "For: ") {
		t.Errorf("no profession: message %q", ap.message.Text)
	}
	ap.lever.SetSelected(recruitmentWords)
	if !ap.from.Hidden || len(ap.professions.Selected) != len(plan.LeverProfessions(ui.session.Plan(), "", plan.LeverRecruitment)) {
		t.Errorf("recruitment: from hidden %v, ticked %v", ap.from.Hidden, ap.professions.Selected)
	}
	test.Tap(ap.ask)
	if ap.message.Text != "" || !strings.HasPrefix(ap.sentence.Text, "Recruit ") {
		t.Errorf("recruitment: message %q, sentence %q", ap.message.Text, ap.sentence.Text)
	}
}

// The four ranges are typed, checked where typed, undone, and all four
// blank is no band.
func TestUncertaintyFields(t *testing.T) {
	ui, _, _ := newTestUI(t) // the default plan: ±3, 5, 10, 25
	up := ui.uncertainty
	leaver := up.fields[0].entry
	if leaver.Text != "3" || up.fields[3].entry.Text != "25" {
		t.Fatalf("shown %q ... %q", leaver.Text, up.fields[3].entry.Text)
	}
	if up.item.Title != "Uncertainty: leaver rates ± 3 points, completion ± 5, take-up ± 10, recruitment ± 25 %" {
		t.Errorf("folded title %q", up.item.Title)
	}
	retype(leaver, "4.5")
	if u := ui.session.Plan().Uncertainty; u.LeaverRatePctPoints != 4.5 || u.RecruitmentPct != 25 {
		t.Fatalf("after typing 4.5: %+v", u)
	}
	leaver.SetText("60")
	if up.message.Text != "Leaver rates ± (points): 60 is above 50" ||
		ui.session.Plan().Uncertainty.LeaverRatePctPoints != 4.5 {
		t.Errorf("60 points: message %q, kept %v", up.message.Text, ui.session.Plan().Uncertainty.LeaverRatePctPoints)
	}
	leaver.SetText("lots")
	if !strings.HasPrefix(up.message.Text, "Leaver rates ±") || ui.session.Plan().Uncertainty.LeaverRatePctPoints != 4.5 {
		t.Errorf("lots: message %q", up.message.Text)
	}
	retype(leaver, "4.5")
	if up.message.Text != "" {
		t.Errorf("a good value left the message %q", up.message.Text)
	}
	for _, f := range up.fields {
		retype(f.entry, "")
	}
	if ui.session.Plan().Uncertainty != nil || ui.session.HasUncertainty() {
		t.Fatalf("all four blank: %+v", ui.session.Plan().Uncertainty)
	}
	if up.item.Title != "Uncertainty: none set, so no likely range is drawn" {
		t.Errorf("folded title %q", up.item.Title)
	}
	if ui.overview.band.words.Text == "" || ui.session.Band() != nil {
		t.Errorf("no band yet the overview says %q", ui.overview.band.words.Text)
	}
	ui.session.Undo() // the recruitment range back
	if u := ui.session.Plan().Uncertainty; u == nil || u.RecruitmentPct != 25 || u.LeaverRatePctPoints != 0 {
		t.Fatalf("undo: %+v", u)
	}
	if up.fields[3].entry.Text != "25" || up.fields[0].entry.Text != "" {
		t.Errorf("undo shows %q and %q", up.fields[3].entry.Text, up.fields[0].entry.Text)
	}
}

// Aimed at the access targets, with the funded lever: the panel offers
// the targets' months (the latest chosen, as the solver's default) and
// asks the solver exactly that question.
func TestWhatDoesItTakeForTheAccessTargets(t *testing.T) {
	ui, _, _ := newTestUI(t) // the default plan has access targets
	p := ui.session.Plan()
	if len(p.Demand) == 0 {
		t.Fatal("the default plan has no access targets")
	}
	ui.showAnswers()
	ap := ui.answers
	ap.aim.SetSelected(aimDemand)
	by := demandDefaultBy(p)
	if ap.byItem.Text != byDemand || ap.milestone.Selected != by.Label() || !contains(ap.milestone.Options, p.Horizon.Label()) {
		t.Errorf("by %q %q of %v", ap.byItem.Text, ap.milestone.Selected, ap.milestone.Options)
	}
	ap.lever.SetSelected(fundedWords)
	funded := plan.LeverProfessions(p, "", plan.LeverFunded)
	if !ap.from.Hidden || len(ap.professions.Selected) != len(funded) {
		t.Errorf("funded: from hidden %v, ticked %d of %d", ap.from.Hidden, len(ap.professions.Selected), len(funded))
	}
	test.Tap(ap.ask)
	want, err := plan.Solve(p, plan.Question{Target: plan.TargetDemand, Lever: plan.LeverFunded, By: by, Professions: funded})
	if err != nil {
		t.Fatal(err)
	}
	if ap.sentence.Text != want.Sentence(p) || ap.message.Text != "" {
		t.Errorf("panel says %q (%q), the solver %q", ap.sentence.Text, ap.message.Text, want.Sentence(p))
	}
	ap.aim.SetSelected(aimTrajectory)
	if ap.byItem.Text != byTrajectory || ap.milestone.Selected != defaultMilestone(p, thisMonth()) || ap.sentence.Text != "" {
		t.Errorf("back to the trajectory: %q %q, sentence %q", ap.byItem.Text, ap.milestone.Selected, ap.sentence.Text)
	}
}

// The panel's defaults are not in the past: courses from this month (not
// the month after a 2020 baseline) and the first milestone after today.
func TestWhatDoesItTakeDefaultsAreNotInThePast(t *testing.T) {
	p := plantest.ICS()
	p.Trajectory.Milestones = []plan.Milestone{{Month: plan.MonthOf(2024, 4), GrowthPct: 60}, {Month: plan.MonthOf(2027, 3), GrowthPct: 80}}
	today := plan.MonthOf(2026, 12)
	if got := defaultFrom(p, today); got != today {
		t.Errorf("from %s, want %s", got, today)
	}
	if got := defaultMilestone(p, today); got != "Mar 2027" {
		t.Errorf("milestone %q, want Mar 2027", got)
	}
	if got := defaultMilestone(p, plan.MonthOf(2030, 1)); got != "Apr 2024" {
		t.Errorf("after every milestone: %q, want the first", got)
	}
	if got := defaultFrom(p, plan.MonthOf(2019, 1)); got != p.Baseline+1 {
		t.Errorf("before the baseline: %s", got)
	}
}
