package plan

import "testing"

// From Mar 2020 to Jun 2021 with 12 WTE recruited a year (1 a month) into
// plenty of funded posts: 2019/20 holds only the baseline month, so it has
// no row; 2020/21 has 12 months of recruits (12), 2021/22 three (3); stocks
// are at each year's last month in the projection (Mar 2021, Jun 2021).
func TestFinancialYears(t *testing.T) {
	p := onePWPLine()
	p.Horizon = MonthOf(2021, 6)
	p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 1000, 12
	p.Professions[0].CostPerWTE = 12000 // £1,000 a WTE a month
	p.Trajectory.Milestones = []Milestone{{MonthOf(2021, 3), 50}}
	pr := project(t, p, "")
	years := pr.TotalYears()
	if len(years) != 2 || years[0].Label() != "2020/21" || years[1].Label() != "2021/22" {
		t.Fatalf("years %+v", years)
	}
	years = append([]Year{{}}, years...) // keep the indices below readable
	near(t, "2020/21 recruited", years[1].Recruited, 12)
	near(t, "2020/21 in post (Mar 2021)", years[1].InPost, 20)
	// pay: in post 9, 10, ... 20 in Apr 2020 ... Mar 2021, at £1,000 each a month
	near(t, "2020/21 pay cost", years[1].PayCost, (9+20)*12/2*1000)
	near(t, "2020/21 target", years[1].Target, 12)
	near(t, "2020/21 gap", years[1].Gap, 8)
	near(t, "2021/22 recruited", years[2].Recruited, 3)
	if years[2].Last != MonthOf(2021, 6) {
		t.Errorf("2021/22 ends %v", years[2].Last)
	}
	near(t, "2021/22 in post (Jun 2021)", years[2].InPost, 23)
}

// A baseline inside a financial year (Jun 2020) keeps that year: its stocks
// are at its last month, its flows and pay cost leave the baseline month
// out. With a 10 % pay award, April 2021's pay is 1.1 times March's.
func TestFinancialYearsMidYearBaselineAndPayAward(t *testing.T) {
	p := onePWPLine()
	p.Baseline, p.Horizon = MonthOf(2020, 6), MonthOf(2021, 4)
	p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 1000, 12
	p.Professions[0].CostPerWTE = 12000
	p.PayUpliftPctPerYear = 10
	pr := project(t, p, "")
	years := pr.TotalYears()
	if len(years) != 2 || years[0].Label() != "2020/21" || years[1].Label() != "2021/22" {
		t.Fatalf("years %+v", years)
	}
	// Jul 2020 to Mar 2021: 9 months of recruits; in post 9 ... 17; no award yet.
	near(t, "2020/21 recruited", years[0].Recruited, 9)
	near(t, "2020/21 in post (Mar 2021)", years[0].InPost, 17)
	near(t, "2020/21 pay cost", years[0].PayCost, (9+17)*9/2*1000)
	// Apr 2021: 18 in post at £1,000 x 1.1.
	near(t, "2021/22 pay cost", years[1].PayCost, 18*1100)
}
