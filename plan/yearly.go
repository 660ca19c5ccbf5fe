package plan

// Year is one NHS financial year (April to March) of a projection.
type Year struct {
	Start int   // the calendar year it starts in: 2023 for 2023/24
	Last  Month // its last month inside the projection: stocks are as at then
	// Flows (leavers, qualified, recruited, unplaced) and pay cost are summed
	// over its projected months, leaving out the baseline month; stocks
	// (in post, headcount, funded, vacancies, in training) are at Last.
	Row
	Target, Gap float64 // at Last; on the total only
}

// Label is the year as "2023/24".
func (y Year) Label() string { return FinancialYearLabel(y.Start) }

// Years sums a line's (or the total's) months into financial years, as
// the model contract's financial-year rule says.
func (pr *Projection) Years(row func(i int) Row) []Year {
	var years []Year
	for i := 0; i < pr.Months(); i++ {
		m := pr.Month(i)
		if len(years) == 0 || years[len(years)-1].Start != m.FinancialYearStart() {
			years = append(years, Year{Start: m.FinancialYearStart()})
		}
		y := &years[len(years)-1]
		r := row(i)
		if i > 0 {
			y.Leavers += r.Leavers
			y.Qualified += r.Qualified
			y.Recruited += r.Recruited
			y.Unplaced += r.Unplaced
			y.PayCost += r.PayCost
		}
		y.Last = m
		y.InPost, y.Headcount, y.Funded, y.Vacancies, y.InTraining = r.InPost, r.Headcount, r.Funded, r.Vacancies, r.InTraining
	}
	return years
}

// TotalYears is the total of every line by financial year, with the
// trajectory's target and the gap at each year's last month.
func (pr *Projection) TotalYears() []Year {
	years := pr.Years(func(i int) Row { return pr.Total[i] })
	for k := range years {
		i := pr.Index(years[k].Last)
		years[k].Target, years[k].Gap = pr.Target[i], pr.Gap[i]
	}
	return years
}
