package app

import (
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// ltpPlan is the blank plan the tests were written against: the LTP's
// baseline (Mar 2020) and horizon (Mar 2026), the 60 % milestone in
// Apr 2024, no posts yet.
func ltpPlan(name string) *plan.Plan {
	p := blankPlanFrom(name, plan.MonthOf(2020, 3))
	p.Trajectory.Milestones = []plan.Milestone{{Month: plan.MonthOf(2024, 4), GrowthPct: 60}}
	return p
}

// A new blank plan starts this month, with no milestone, and the overview
// says what to add first rather than "On track".
func TestANewBlankPlanSaysWhatToAddFirst(t *testing.T) {
	ui, _, _ := newTestUI(t)
	if err := ui.library.create(BlankPlan("Empty ICS")); err != nil {
		t.Fatal(err)
	}
	p := ui.session.Plan()
	if p.Name != "Empty ICS" || p.Baseline != thisMonth() || len(p.Trajectory.Milestones) != 0 || p.Horizon <= p.Baseline {
		t.Fatalf("new plan %q from %v to %v, milestones %v", p.Name, p.Baseline.Label(), p.Horizon.Label(), p.Trajectory.Milestones)
	}
	status := ui.overview.status.Text
	if status != plan.EmptySentence || strings.Contains(status, "On track") {
		t.Errorf("status %q, want %q", status, plan.EmptySentence)
	}
}
