package plan

// RollupDemand is a roll-up's demand, month by month over its months: the
// sum of its members' ALL/ALL demand rows (demand.md), each member counting
// only in its own months. Members without access targets add nothing; nil
// when no member has any.
func RollupDemand(members []RollupMember, rp *RollupProjection) ([]DemandRow, error) {
	var out []DemandRow
	for _, mb := range members {
		if len(mb.Plan.Demand) == 0 {
			continue
		}
		pj, err := Project(mb.Plan, mb.Scenario)
		if err != nil {
			return nil, err
		}
		dt, err := MakeDemand(mb.Plan, pj)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make([]DemandRow, rp.Months())
			for i := range out {
				out[i] = DemandRow{ServiceArea: TotalWord, Profession: TotalWord}
			}
		}
		for i := range dt.Months {
			if j := rp.Index(dt.Month(i)); j >= 0 {
				out[j].add(dt.Overall(i))
			}
		}
	}
	return out, nil
}

// RollupBudget is a roll-up's budget table: for each financial year of its
// yearly view, the pay bill of every member summed, against the sum of the
// members' budgets for that year. A member whose months reach into the
// year without a budget for it leaves the year's budget and headroom blank.
func RollupBudget(members []RollupMember, rp *RollupProjection) []BudgetRow {
	var out []BudgetRow
	for _, y := range rp.TotalYears() {
		r := BudgetRow{Year: y.Start, PayCost: y.PayCost}
		first := max(MonthOf(y.Start, 4), rp.Baseline+1)
		r.Months = int(y.Last-first) + 1
		total, every := 0.0, true
		for k, mb := range members {
			mp := &rp.Members[k]
			if mp.Baseline+1 > MonthOf(y.Start+1, 3) || mp.Horizon < MonthOf(y.Start, 4) {
				continue // none of the member's months after its baseline is in the year
			}
			found := false
			for _, b := range mb.Plan.Budget {
				if b.Year == y.Start {
					total, found = total+b.GBP, true
				}
			}
			every = every && found
		}
		if every {
			h := total - y.PayCost
			r.Budget, r.Headroom = &total, &h
		}
		out = append(out, r)
	}
	return out
}
