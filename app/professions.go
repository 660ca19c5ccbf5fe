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
// cohorts, actuals and scenarios follow the profession.
func renameProfession(p *plan.Plan, i int, id string) error {
	id = strings.TrimSpace(id)
	old := p.Professions[i].ID
	if old == id {
		return nil
	}
	p.Professions[i].ID = id
	for j := range p.Posts {
		if p.Posts[j].Profession == old {
			p.Posts[j].Profession = id
		}
	}
	renameIn := func(cs []plan.Cohort) {
		for j := range cs {
			if cs[j].Profession == old {
				cs[j].Profession = id
			}
		}
	}
	renameIn(p.Cohorts)
	for j := range p.Actuals {
		if p.Actuals[j].Profession == old {
			p.Actuals[j].Profession = id
		}
	}
	for j := range p.Scenarios {
		s := &p.Scenarios[j]
		renameIn(s.ExtraCohorts)
		for k := range s.Professions {
			if s.Professions[k].Profession == old {
				s.Professions[k].Profession = id
			}
		}
		for k := range s.Posts {
			if s.Posts[k].Profession == old {
				s.Posts[k].Profession = id
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
