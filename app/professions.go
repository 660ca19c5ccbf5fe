package app

import (
	"fmt"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// newProfessionsView is the catalogue of roles and their assumptions.
func newProfessionsView(ui *UI) *view {
	rt := newRecordTable(ui, &records{
		noun: "profession", list: "professions",
		count: func(p *plan.Plan) int { return len(p.Professions) },
		columns: []column{
			{title: "Id", field: "id", width: 170, hint: "short key: lower case, digits, - or _",
				value: func(p *plan.Plan, i int) string { return p.Professions[i].ID },
				set:   renameProfession},
			{title: "Name", field: "name", width: 300,
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
		},
		add:    addProfession,
		remove: removeProfession,
	})
	return &view{name: "Professions", object: rt.object, refresh: rt.refresh, first: rt.selectFirst}
}

func addProfession(p *plan.Plan) error {
	for n := 1; ; n++ {
		id := fmt.Sprintf("new-role-%d", n)
		if p.Profession(id) == nil {
			p.Professions = append(p.Professions, plan.Profession{ID: id, Name: fmt.Sprintf("New role %d", n), WTEPerHead: 1})
			return nil
		}
	}
}

// renameProfession changes an id everywhere the plan uses it, so posts,
// cohorts, the staff cohorts draw from, actuals and scenarios follow the
// profession.
func renameProfession(p *plan.Plan, i int, id string) error {
	return p.RenameProfession(p.Professions[i].ID, strings.TrimSpace(id))
}

// removeProfession removes a role that nothing uses; one still in use is
// left, and validation says where it is used.
func removeProfession(p *plan.Plan, i int) {
	p.Professions = append(p.Professions[:i], p.Professions[i+1:]...)
}
