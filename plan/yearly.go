package plan

// Year is one NHS financial year (April to March) of a projection.
type Year struct {
	Start int   // the calendar year it starts in: 2023 for 2023/24
	Last  Month // its last month inside the projection: stocks are as at then
	// Flows (leavers, moved out, qualified, hired qualified, placed
	// elsewhere, recruited, unplaced) and pay cost are summed over its projected months after the
	// baseline; stocks (in post, headcount, funded, vacancies, waiting, in
	// training, trainee WTE, workforce) are at Last.
	Row
	Target, Gap float64 // at Last; on the total only
}

// Label is the year as "2023/24".
func (y Year) Label() string { return FinancialYearLabel(y.Start) }

// Years sums a line's (or the total's) months into financial years, as
// the model contract's financial-year rule says: a year for each financial
// year holding a month after the baseline, so a year holding only the
// baseline month has none (nothing happens in it).
func (pj *Projection) Years(row func(i int) Row) []Year {
	var years []Year
	for i := 0; i < pj.Months(); i++ {
		m := pj.Month(i)
		if i == 0 && m.FinancialYearStart() != pj.Month(1).FinancialYearStart() {
			continue
		}
		if len(years) == 0 || years[len(years)-1].Start != m.FinancialYearStart() {
			years = append(years, Year{Start: m.FinancialYearStart()})
		}
		y := &years[len(years)-1]
		r := row(i)
		if i > 0 {
			y.Leavers += r.Leavers
			y.MovedOut += r.MovedOut
			y.Qualified += r.Qualified
			y.HiredQualified += r.HiredQualified
			y.PlacedElsewhere += r.PlacedElsewhere
			y.PooledIn += r.PooledIn
			y.Recruited += r.Recruited
			y.Unplaced += r.Unplaced
			y.PayCost += r.PayCost
		}
		y.Last = m
		y.InPost, y.Headcount, y.Funded, y.Vacancies = r.InPost, r.Headcount, r.Funded, r.Vacancies
		y.Waiting, y.InTraining, y.TraineeWTE, y.Workforce = r.Waiting, r.InTraining, r.TraineeWTE, r.Workforce
	}
	return years
}

// TotalYears is the total of every line by financial year, with the
// trajectory's target and the gap at each year's last month.
func (pj *Projection) TotalYears() []Year {
	years := pj.Years(func(i int) Row { return pj.Total[i] })
	for k := range years {
		i := pj.Index(years[k].Last)
		years[k].Target, years[k].Gap = pj.Target[i], pj.Gap[i]
	}
	return years
}
