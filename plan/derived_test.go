package plan

import (
	"reflect"
	"strings"
	"testing"
)

// 10 people, 90 % complete, 80 % take up a post, 0.8 WTE each: 5.76 WTE.
// The engine qualifies exactly that (the same float64, not near it) in
// the month the course ends.
func TestCohortQualifiedWTE(t *testing.T) {
	c := Cohort{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 3, Intake: 10, CompletionPct: 90, TakeupPct: 80}
	near(t, "qualified", c.QualifiedWTE(0.8), 5.76)
	p := onePWPLine()
	p.Professions[0].WTEPerHead = 0.8
	p.Posts[0].FundedWTE = 1000
	p.Cohorts = []Cohort{c}
	near(t, "qualified with the plan's WTE per head", p.CohortQualifiedWTE(c), 5.76)
	rows := project(t, p, "").Lines[0].Rows()
	if got, want := rows[4].Qualified, c.QualifiedWTE(0.8); got != want {
		t.Errorf("engine qualified %v in Jul 2020, the cohort %v", got, want)
	}
	c.Profession = "nobody"
	near(t, "an unknown profession's WTE per head is 1", p.CohortQualifiedWTE(c), 7.2)
}

// Judged at the last milestone inside the projection, else the horizon.
func TestJudgedAt(t *testing.T) {
	p := onePWPLine() // horizon Mar 2022
	if got := p.JudgedAt(p.Horizon); got != p.Horizon {
		t.Errorf("no milestones: %s, want the horizon", got)
	}
	p.Trajectory.Milestones = []Milestone{{mar2020 + 6, 5}, {mar2020 + 18, 20}, {mar2020 + 30, 40}}
	if got := p.JudgedAt(p.Horizon); got != mar2020+18 {
		t.Errorf("judged at %s, want 2021-09 (the last milestone before the horizon)", got)
	}
	p.Trajectory.Milestones[1].Month = p.Horizon
	if got := p.JudgedAt(p.Horizon); got != p.Horizon {
		t.Errorf("milestone at the horizon: %s", got)
	}
}

// renamePlan uses "pwp" everywhere a plan can: a post line, a cohort, the
// staff another cohort draws from, an actual, and a scenario's profession
// and post overrides and extra cohort (itself drawing from PWPs).
func renamePlan() *Plan {
	p := onePWPLine()
	p.Professions = append(p.Professions, Profession{ID: "hi", Name: "High intensity", WTEPerHead: 1})
	p.Cohorts = []Cohort{
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 12, Intake: 5, CompletionPct: 90, TakeupPct: 90},
		{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 12, Intake: 5, CompletionPct: 90, TakeupPct: 90,
			DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 40}},
	}
	p.Actuals = []Actual{{Month: mar2020 + 6, Profession: "pwp", InPostWTE: 9}, {Month: mar2020 + 6, InPostWTE: 12}}
	p.Scenarios = []Scenario{{Name: "More",
		Professions:  []ProfessionOverride{{Profession: "pwp", LeaverRatePct: ptr(5.0)}},
		Posts:        []PostOverride{{Profession: "pwp", ServiceArea: "Adult", FundedWTE: ptr(20.0)}},
		ExtraCohorts: []Cohort{{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 2, DurationMonths: 12, Intake: 2, CompletionPct: 90, TakeupPct: 90, DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 100}}},
	}}
	return p
}

func TestRenameProfessionEverywhere(t *testing.T) {
	p := renamePlan()
	if err := p.RenameProfession("pwp", "pwp-2"); err != nil {
		t.Fatal(err)
	}
	s := &p.Scenarios[0]
	for what, got := range map[string]string{
		"profession": p.Professions[0].ID, "post": p.Posts[0].Profession, "cohort": p.Cohorts[0].Profession,
		"drawn from": p.Cohorts[1].DrawnFrom.Profession, "actual": p.Actuals[0].Profession,
		"scenario profession": s.Professions[0].Profession, "scenario post": s.Posts[0].Profession,
		"scenario cohort drawn from": s.ExtraCohorts[0].DrawnFrom.Profession,
	} {
		if got != "pwp-2" {
			t.Errorf("%s is %q, want pwp-2", what, got)
		}
	}
	if p.Cohorts[1].Profession != "hi" || p.Actuals[1].Profession != "" || s.ExtraCohorts[0].Profession != "hi" {
		t.Error("renamed what used another profession")
	}
	if errs := Validate(p); errs != nil {
		t.Errorf("renamed plan is invalid: %v", errs)
	}
}

// A bad new id, one already taken or an unknown profession is refused
// with a message naming it, and nothing changes.
func TestRenameProfessionRefused(t *testing.T) {
	for _, c := range []struct{ old, id, says string }{
		{"pwp", "PWP", `"PWP" must be`},
		{"pwp", "", `"" must be`},
		{"pwp", "hi", `"hi" is used by another profession`},
		{"cbt", "cbt-2", `no profession "cbt"`},
	} {
		p := renamePlan()
		before := p.Clone()
		err := p.RenameProfession(c.old, c.id)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s to %q: %v, want it to say %s", c.old, c.id, err, c.says)
		}
		if !reflect.DeepEqual(p, before) {
			t.Errorf("%s to %q changed the plan", c.old, c.id)
		}
	}
}

func TestPriceBase(t *testing.T) {
	p := onePWPLine()
	for _, c := range []struct {
		pct  float64
		want string
	}{{0, "baseline prices"}, {3, "with 3 % pay awards a year"}, {2.5, "with 2.5 % pay awards a year"}} {
		p.PayUpliftPctPerYear = c.pct
		if got := p.PriceBase(); got != c.want {
			t.Errorf("%v %%: %q, want %q", c.pct, got, c.want)
		}
	}
}
