// Package plantest builds plans for tests and benchmarks.
package plantest

import (
	"fmt"
	"math/rand/v2"

	"example.org/psyplan/plan"
)

// National sizes: England's 42 integrated care systems, 16 professions,
// the 5 service areas of the Long Term Plan.
const (
	Areas        = 42
	Professions  = 16
	ServiceAreas = 5
	CohortsEach  = 8 // per post line: 26,880 cohorts in all
)

var serviceAreas = [ServiceAreas]string{"Perinatal", "Children and young people",
	"Adult common mental health problems", "Adult severe mental illness", "Older adults"}

// National returns the national-scale synthetic plan: 3,360 post lines and
// 26,880 cohorts from March 2020 to March 2035. It is the same on every
// call and every machine (a fixed random seed), so benchmarks compare.
func National() *plan.Plan {
	rng := rand.New(rand.NewPCG(2020, 2035))
	base := plan.MonthOf(2020, 3)
	p := &plan.Plan{
		Name: "National synthetic plan", Area: "England (synthetic)",
		Baseline: base, Horizon: plan.MonthOf(2035, 3), CapHires: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{
			{Month: plan.MonthOf(2024, 4), GrowthPct: 60}, {Month: plan.MonthOf(2030, 4), GrowthPct: 90}}},
	}
	for i := 0; i < Professions; i++ {
		p.Professions = append(p.Professions, plan.Profession{
			ID: fmt.Sprintf("prof-%02d", i), Name: fmt.Sprintf("Profession %d", i),
			LeaverRatePct: 5 + float64(rng.IntN(20)), WTEPerHead: 0.7 + float64(rng.IntN(31))/100,
			CostPerWTE: 30000 + float64(rng.IntN(40))*1000,
		})
	}
	for a := 0; a < Areas; a++ {
		for _, prof := range p.Professions {
			for _, sa := range serviceAreas {
				area := fmt.Sprintf("ICS %02d %s", a+1, sa)
				p.Posts = append(p.Posts, postLine(rng, prof.ID, area))
				for c := 0; c < CohortsEach; c++ {
					p.Cohorts = append(p.Cohorts, plan.Cohort{
						Profession: prof.ID, ServiceArea: area,
						Start:          base.Add(rng.IntN(15 * 12)),
						DurationMonths: []int{12, 12, 18, 24, 36}[rng.IntN(5)],
						Intake:         1 + rng.IntN(20), CompletionPct: 80 + float64(rng.IntN(21)),
						TakeupPct: 70 + float64(rng.IntN(31)),
					})
				}
			}
		}
	}
	p.Scenarios = []plan.Scenario{{Name: "Lower attrition",
		Professions: []plan.ProfessionOverride{{Profession: "prof-00", LeaverRatePct: ptr(3.0)}}}}
	return p
}

// NationalV2 is the national plan using every version 2 field: a six-month
// wait, draws from staff in post on a fifth of its cohorts, salaried
// trainees (every other profession), counted in the workforce, 3 % pay
// awards and a band.
func NationalV2() *plan.Plan {
	p := National()
	p.QualifierWaitMonths, p.CountSalariedTrainees, p.PayUpliftPctPerYear = 6, true, 3
	p.Uncertainty = &plan.Uncertainty{LeaverRatePctPoints: 2, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 20}
	for i := range p.Professions {
		prof := &p.Professions[i]
		prof.TraineesSalaried, prof.TraineeWTEPerHead, prof.TraineeCostPerWTE = i%2 == 0, 0.9, 30000+float64(i)*500
	}
	for i := 0; i < len(p.Cohorts); i += 5 {
		c := &p.Cohorts[i]
		c.DrawnFrom = &plan.DrawnFrom{Profession: "prof-00", Pct: 40}
	}
	wait := 12
	p.Scenarios[0].QualifierWaitMonths = &wait
	return p
}

func postLine(rng *rand.Rand, prof, area string) plan.PostLine {
	inPost := float64(rng.IntN(400)) / 4
	l := plan.PostLine{Profession: prof, ServiceArea: area, InPostWTE: inPost,
		FundedWTE: inPost + float64(rng.IntN(40))/4, RecruitsWTEPerYear: float64(rng.IntN(12))}
	for y := 2021; y < 2035; y += 3 {
		l.Changes = append(l.Changes, plan.FundedChange{Month: plan.MonthOf(y, 4), FundedWTEDelta: float64(rng.IntN(20)) - 4})
	}
	return l
}

func ptr(v float64) *float64 { return &v }

// ICS is one integrated care system's plan: 16 professions x 5 service
// areas, 8 years of cohorts (two a year per line), March 2020 to March 2028.
func ICS() *plan.Plan {
	n := National()
	p := &plan.Plan{Name: "ICS synthetic plan", Area: "ICS 01", Baseline: n.Baseline, Horizon: plan.MonthOf(2028, 3),
		CapHires: true, Trajectory: n.Trajectory, Professions: n.Professions}
	rng := rand.New(rand.NewPCG(1, 16))
	for _, l := range n.Posts[:Professions*ServiceAreas] {
		p.Posts = append(p.Posts, l)
		for y := 0; y < 8; y++ {
			for _, m := range []int{1, 9} {
				p.Cohorts = append(p.Cohorts, plan.Cohort{Profession: l.Profession, ServiceArea: l.ServiceArea,
					Start: plan.MonthOf(2020+y, m), DurationMonths: 12, Intake: 1 + rng.IntN(12), CompletionPct: 90, TakeupPct: 85})
			}
		}
	}
	return p
}

// NationalV3 is NationalV2 with every version 3 field in use: qualifiers
// move between service areas (its first scenario switches it off again),
// every profession has clinical hours, each service area an access target
// met by three professions, and a budget for each financial year.
func NationalV3() *plan.Plan {
	p := NationalV2()
	p.QualifiersMove = true
	off := false
	p.Scenarios[0].QualifiersMove = &off
	for i := range p.Professions {
		h := 800 + float64(i)*25
		p.Professions[i].ClinicalHoursPerWTE = &h
	}
	areas := map[string]bool{}
	for _, l := range p.Posts {
		if areas[l.ServiceArea] {
			continue
		}
		areas[l.ServiceArea] = true
		n := len(p.Demand)
		p.Demand = append(p.Demand, plan.Demand{ServiceArea: l.ServiceArea,
			PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2021, 4), People: 50000 + float64(n)*1000},
				{Month: plan.MonthOf(2030, 3), People: 90000 + float64(n)*1000}},
			HoursPerPerson: 8 + float64(n%3),
			Mix: []plan.MixShare{{Profession: p.Professions[n%16].ID, SharePct: 50},
				{Profession: p.Professions[(n+5)%16].ID, SharePct: 30}, {Profession: p.Professions[(n+9)%16].ID, SharePct: 20}}})
	}
	for y := p.Baseline.FinancialYearStart(); y <= p.Horizon.FinancialYearStart(); y++ {
		p.Budget = append(p.Budget, plan.BudgetYear{Year: y, GBP: 1.2e10 + float64(y-2020)*4e8})
	}
	return p
}
