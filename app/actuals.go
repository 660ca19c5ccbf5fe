package app

import (
	"example.org/psyplan/plan"
)

const allProfessions = "All professions (total)"

// newActualsView is the census points: staff in post observed at a month.
func newActualsView(ui *UI) *view {
	rt := newRecordTable(ui, &records{
		noun: "census point", list: "actuals",
		count: func(p *plan.Plan) int { return len(p.Actuals) },
		columns: []column{
			{title: "Month", field: "month", width: 120, hint: "for example Mar 2022",
				value: func(p *plan.Plan, i int) string { return p.Actuals[i].Month.Label() },
				set: func(p *plan.Plan, i int, t string) error {
					m, err := parseMonth(t)
					p.Actuals[i].Month = m
					return err
				}},
			{title: "Profession", field: "profession", width: 220,
				choices: func(p *plan.Plan) []string { return append([]string{allProfessions}, professionNames(p)...) },
				value: func(p *plan.Plan, i int) string {
					if p.Actuals[i].Profession == "" {
						return allProfessions
					}
					return professionName(p, p.Actuals[i].Profession)
				},
				set: func(p *plan.Plan, i int, t string) error {
					if t == allProfessions {
						t = ""
					}
					p.Actuals[i].Profession = professionID(p, t)
					return nil
				}},
			{title: "In post (WTE)", field: "in_post_wte", width: 130,
				value: func(p *plan.Plan, i int) string { return num(p.Actuals[i].InPostWTE) },
				show:  func(p *plan.Plan, i int) string { return wteCell(p.Actuals[i].InPostWTE) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &p.Actuals[i].InPostWTE })},
		},
		add: func(p *plan.Plan) error {
			a := plan.Actual{Month: p.Baseline.Add(12), InPostWTE: p.TrajectoryBase()}
			if n := len(p.Actuals); n > 0 {
				a = p.Actuals[n-1]
				a.Month = a.Month.Add(12)
			}
			p.Actuals = append(p.Actuals, a)
			return nil
		},
		remove: func(p *plan.Plan, i int) { p.Actuals = append(p.Actuals[:i], p.Actuals[i+1:]...) },
	})
	return &view{name: "Actuals", object: rt.object, refresh: rt.refresh, first: rt.selectFirst, planOnly: true}
}
