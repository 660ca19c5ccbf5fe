package app

import (
	"fmt"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

const (
	clinicalHoursTitle = "Clinical hours per WTE a year"
	clinicalHoursHelp  = "Clinical hours: what one full-time person gives to patients in a year after leave, training, " +
		"supervision and admin; about 1,000 for most roles. Blank: the role gives none to the Demand screen's targets."
)

// newProfessionsView is the catalogue of roles and their assumptions.
func newProfessionsView(ui *UI) *view {
	rt := newRecordTable(ui, &records{
		noun: "profession", list: "professions",
		count: func(p *plan.Plan) int { return len(p.Professions) },
		columns: []column{
			{title: "Id", field: "id", width: 150, hint: "short key: lower case, digits, - or _",
				value: func(p *plan.Plan, i int) string { return p.Professions[i].ID },
				set:   renameProfession},
			{title: "Name", field: "name", width: 260,
				value: func(p *plan.Plan, i int) string { return p.Professions[i].Name },
				set:   func(p *plan.Plan, i int, t string) error { p.Professions[i].Name = t; return nil }},
			{title: "Leaver rate % a year", field: "leaver_rate_pct", width: 150, blank: "0",
				value: func(p *plan.Plan, i int) string { return num(p.Professions[i].LeaverRatePct) },
				show:  func(p *plan.Plan, i int) string { return pctCell(p.Professions[i].LeaverRatePct) },
				set:   setFloatOr(0, func(p *plan.Plan, i int) *float64 { return &p.Professions[i].LeaverRatePct })},
			{title: "WTE per head", field: "wte_per_head", width: 110, blank: "1",
				value: func(p *plan.Plan, i int) string { return num(p.Professions[i].WTEPerHead) },
				set:   setFloatOr(1, func(p *plan.Plan, i int) *float64 { return &p.Professions[i].WTEPerHead })},
			{title: "Cost per WTE a year", field: "cost_per_wte_gbp", width: 150, blank: "0",
				value: func(p *plan.Plan, i int) string { return num(p.Professions[i].CostPerWTE) },
				show:  func(p *plan.Plan, i int) string { return format.Pounds(p.Professions[i].CostPerWTE) },
				set:   setFloatOr(0, func(p *plan.Plan, i int) *float64 { return &p.Professions[i].CostPerWTE })},
			{title: "Trainees salaried", field: "trainees_salaried", width: 130, check: true,
				value: func(p *plan.Plan, i int) string { return yesNo(p.Professions[i].TraineesSalaried) },
				set:   setTraineesSalaried},
			{title: "Trainee WTE per head", field: "trainee_wte_per_head", width: 160, blank: "1",
				value: func(p *plan.Plan, i int) string { return num(p.Professions[i].TraineeWTEOrDefault()) },
				show:  unlessUnsalaried(func(prof plan.Profession) string { return num(prof.TraineeWTEOrDefault()) }),
				set:   setTraineeWTEPerHead},
			{title: "Trainee cost per WTE a year", field: "trainee_cost_per_wte_gbp", width: 200, blank: "0",
				value: func(p *plan.Plan, i int) string { return num(p.Professions[i].TraineeCostPerWTE) },
				show:  unlessUnsalaried(func(prof plan.Profession) string { return format.Pounds(prof.TraineeCostPerWTE) }),
				set:   setFloatOr(0, func(p *plan.Plan, i int) *float64 { return &p.Professions[i].TraineeCostPerWTE })},
			{title: clinicalHoursTitle, field: "clinical_hours_per_wte_per_year", width: 230, hint: "blank: none (1 to 2,000)",
				help:  clinicalHoursHelp,
				value: func(p *plan.Plan, i int) string { return optNum(p.Professions[i].ClinicalHoursPerWTE) },
				show: func(p *plan.Plan, i int) string {
					if h := p.Professions[i].ClinicalHoursPerWTE; h != nil {
						return format.Whole(*h)
					}
					return "none"
				},
				set: setOptFloat(func(p *plan.Plan, i int) **float64 { return &p.Professions[i].ClinicalHoursPerWTE })},
		},
		add:    addProfession,
		remove: removeProfession,
	})
	return &view{name: "Professions", object: rt.object, refresh: rt.refresh, first: rt.selectFirst, planOnly: true}
}

func addProfession(p *plan.Plan) error {
	for n := 1; ; n++ {
		id := fmt.Sprintf("new-role-%d", n)
		if p.Profession(id) == nil {
			p.Professions = append(p.Professions, plan.Profession{ID: id, Name: fmt.Sprintf("New role %d", n), WTEPerHead: 1, TraineeWTEPerHead: 1})
			return nil
		}
	}
}

// renameProfession changes an id everywhere the plan uses it, so posts,
// cohorts, the staff cohorts draw from, actuals and scenarios follow the
// profession.
func renameProfession(p *plan.Plan, i int, id string) error {
	old, id := p.Professions[i].ID, strings.TrimSpace(id)
	if err := p.RenameProfession(old, id); err != nil {
		return err
	}
	for k := range p.Demand { // plan.RenameProfession leaves the demand's mixes alone
		for j := range p.Demand[k].Mix {
			if p.Demand[k].Mix[j].Profession == old {
				p.Demand[k].Mix[j].Profession = id
			}
		}
	}
	return nil
}

// removeProfession removes a role that nothing uses; one still in use is
// left, and validation says where it is used.
func removeProfession(p *plan.Plan, i int) {
	p.Professions = append(p.Professions[:i], p.Professions[i+1:]...)
}

// setTraineesSalaried ticks or clears "trainees salaried". A profession
// built before it had trainee fields has a trainee WTE of 0, which a
// salaried profession may not: ticking gives it the default, 1.
func setTraineesSalaried(p *plan.Plan, i int, text string) error {
	on, err := parseYesNo(text, false)
	if err != nil {
		return err
	}
	prof := &p.Professions[i]
	prof.TraineesSalaried = on
	if on {
		prof.TraineeWTEPerHead = prof.TraineeWTEOrDefault()
	}
	return nil
}

// setTraineeWTEPerHead takes 0.01 to 1 (blank: 1). The plan's rules let a
// profession whose trainees are unpaid keep 0 (meaning "never set"), but
// a planner typing 0 means something else, so it is refused here too.
func setTraineeWTEPerHead(p *plan.Plan, i int, text string) error {
	if err := setFloatOr(1, func(p *plan.Plan, i int) *float64 { return &p.Professions[i].TraineeWTEPerHead })(p, i, text); err != nil {
		return err
	}
	if v := p.Professions[i].TraineeWTEPerHead; v < plan.MinWTEPerHead {
		return fmt.Errorf("%s is below %s", plan.Num(v), plan.Num(plan.MinWTEPerHead))
	}
	return nil
}

// unlessUnsalaried shows a trainee figure in the table only where it is
// used: a profession whose trainees are unpaid shows a dash (the form
// still shows the value kept, for when they are).
func unlessUnsalaried(show func(prof plan.Profession) string) func(p *plan.Plan, i int) string {
	return func(p *plan.Plan, i int) string {
		if !p.Professions[i].TraineesSalaried {
			return "–"
		}
		return show(p.Professions[i])
	}
}
