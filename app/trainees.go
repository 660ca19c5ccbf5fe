package app

import (
	"fmt"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// cohortColumns are the columns of a list of cohorts: the plan's own
// (Trainees screen) or a scenario's extra cohorts.
func cohortColumns(list func(p *plan.Plan) []plan.Cohort) []column {
	c := func(p *plan.Plan, i int) *plan.Cohort { return &list(p)[i] }
	return []column{
		{title: "Profession", field: "profession", width: 170, choices: professionNames,
			value: func(p *plan.Plan, i int) string { return professionName(p, c(p, i).Profession) },
			set:   func(p *plan.Plan, i int, t string) error { c(p, i).Profession = professionID(p, t); return nil }},
		{title: "Service area", field: "service_area", width: 240, hint: "choose one, or type a new one",
			choices: planServiceAreas, open: true,
			value: func(p *plan.Plan, i int) string { return c(p, i).ServiceArea },
			set:   func(p *plan.Plan, i int, t string) error { c(p, i).ServiceArea = t; return nil },
			note:  func(p *plan.Plan, i int) string { return nearArea(p, c(p, i).ServiceArea) }},
		{title: "Start", field: "start_month", width: 90, hint: "for example Sep 2021",
			value: func(p *plan.Plan, i int) string { return c(p, i).Start.Label() },
			set: func(p *plan.Plan, i int, t string) error {
				m, err := parseMonth(t)
				c(p, i).Start = m
				return err
			}},
		{title: "Months", field: "duration_months", width: 70,
			value: func(p *plan.Plan, i int) string { return fmt.Sprint(c(p, i).DurationMonths) },
			set: func(p *plan.Plan, i int, t string) error {
				v, err := parseWhole(t)
				c(p, i).DurationMonths = v
				return err
			}},
		{title: "Intake", field: "intake", width: 70,
			value: func(p *plan.Plan, i int) string { return fmt.Sprint(c(p, i).Intake) },
			show:  func(p *plan.Plan, i int) string { return format.Whole(float64(c(p, i).Intake)) },
			set: func(p *plan.Plan, i int, t string) error {
				v, err := parseWhole(t)
				c(p, i).Intake = v
				return err
			}},
		{title: "Completion %", field: "completion_pct", width: 100,
			value: func(p *plan.Plan, i int) string { return num(c(p, i).CompletionPct) },
			show:  func(p *plan.Plan, i int) string { return pctCell(c(p, i).CompletionPct) },
			set:   setFloat(func(p *plan.Plan, i int) *float64 { return &c(p, i).CompletionPct })},
		{title: "Take-up %", field: "takeup_pct", width: 90,
			value: func(p *plan.Plan, i int) string { return num(c(p, i).TakeupPct) },
			show:  func(p *plan.Plan, i int) string { return pctCell(c(p, i).TakeupPct) },
			set:   setFloat(func(p *plan.Plan, i int) *float64 { return &c(p, i).TakeupPct })},
		{title: "Drawn from", field: "drawn_from", width: 170, choices: drawnFromChoices,
			value: func(p *plan.Plan, i int) string { return drawnFromName(p, c(p, i)) },
			set:   func(p *plan.Plan, i int, t string) error { return setDrawnFrom(p, c(p, i), t) }},
		{title: "Drawn from %", field: "drawn_from.pct", width: 110, hint: "% of the intake who leave their posts to train",
			enabled: func(p *plan.Plan, i int) bool { return c(p, i).DrawnFrom != nil },
			value: func(p *plan.Plan, i int) string {
				if d := c(p, i).DrawnFrom; d != nil {
					return num(d.Pct)
				}
				return ""
			},
			show: func(p *plan.Plan, i int) string {
				if d := c(p, i).DrawnFrom; d != nil {
					return pctCell(d.Pct)
				}
				return ""
			},
			set: func(p *plan.Plan, i int, t string) error { return setDrawnPct(c(p, i), t) }},
		{title: "Qualifies", field: "qualifies", width: 90,
			value: func(p *plan.Plan, i int) string { return c(p, i).QualifyMonth().Label() }},
		{title: "Into posts (WTE)", field: "qualified_wte", width: 130,
			value: func(p *plan.Plan, i int) string { return format.WTE(p.CohortQualifiedWTE(*c(p, i))) }},
	}
}

// nobody is the "drawn from" of a cohort whose trainees are not staff in post.
const nobody = "nobody"

func drawnFromChoices(p *plan.Plan) []string { return append([]string{nobody}, professionNames(p)...) }

func drawnFromName(p *plan.Plan, c *plan.Cohort) string {
	if c.DrawnFrom == nil {
		return nobody
	}
	return professionName(p, c.DrawnFrom.Profession)
}

// setDrawnFrom chooses the profession whose staff in post the cohort's
// trainees leave (by name or id; blank or "nobody" for none). Its post
// line in the cohort's service area must exist: that is where they leave.
// The share stays as it was, or starts at 0 for the planner to type.
func setDrawnFrom(p *plan.Plan, c *plan.Cohort, text string) error {
	t := strings.TrimSpace(text)
	if t == "" || strings.EqualFold(t, nobody) {
		c.DrawnFrom = nil
		return nil
	}
	prof := p.Profession(professionID(p, t))
	if prof == nil {
		return fmt.Errorf("%q is not a profession of this plan", t)
	}
	if !hasPostLine(p, plan.LineKey{Profession: prof.ID, ServiceArea: c.ServiceArea}) {
		return fmt.Errorf("%s has no post line in %q for the trainees to leave: add one on the Posts screen first", prof.Name, c.ServiceArea)
	}
	pct := 0.0
	if c.DrawnFrom != nil {
		pct = c.DrawnFrom.Pct
	}
	c.DrawnFrom = &plan.DrawnFrom{Profession: prof.ID, Pct: pct}
	return nil
}

// setDrawnPct is the share of the intake drawn from staff in post: needed
// when a profession is chosen, and only then.
func setDrawnPct(c *plan.Cohort, text string) error {
	blank := strings.TrimSpace(text) == ""
	switch {
	case c.DrawnFrom == nil && blank:
		return nil
	case c.DrawnFrom == nil:
		return fmt.Errorf("choose first the profession the trainees are drawn from (Drawn from)")
	case blank:
		return fmt.Errorf("give the share of the intake drawn from staff in post, 0 to 100")
	}
	v, err := parseNum(text)
	c.DrawnFrom.Pct = v
	return err
}

func hasPostLine(p *plan.Plan, k plan.LineKey) bool {
	for _, l := range p.Posts {
		if l.Key() == k {
			return true
		}
	}
	return false
}

// newCohort is what "Add cohort" starts from: the last cohort again a
// year later, or a 12-month course starting next September.
func newCohort(p *plan.Plan, existing []plan.Cohort) (plan.Cohort, error) {
	return newCohortFrom(p, existing, len(existing)-1, nil)
}

// newCohortFrom is "Add cohort" with cohort chosen (-1: none): that
// cohort again a year later; with none, a 12-month course starting next
// September for line (the post line chosen on the Posts screen, if any),
// else for the plan's first post line.
func newCohortFrom(p *plan.Plan, existing []plan.Cohort, chosen int, line *plan.LineKey) (plan.Cohort, error) {
	if chosen >= 0 && chosen < len(existing) {
		c := existing[chosen]
		c.Start = c.Start.Add(12)
		if d := c.DrawnFrom; d != nil {
			copied := *d // its own, so typing its share leaves the other's alone
			c.DrawnFrom = &copied
		}
		return c, nil
	}
	if len(p.Professions) == 0 {
		return plan.Cohort{}, fmt.Errorf("add a profession first (on the Professions screen)")
	}
	key := plan.LineKey{Profession: p.Professions[0].ID, ServiceArea: ServiceAreas[2]}
	switch {
	case line != nil:
		key = *line
	case len(p.Posts) > 0:
		key = p.Posts[0].Key()
	}
	start := plan.MonthOf(p.Baseline.Year(), 9)
	if start <= p.Baseline {
		start = start.Add(12)
	}
	return plan.Cohort{Profession: key.Profession, ServiceArea: key.ServiceArea, Start: start,
		DurationMonths: 12, Intake: 10, CompletionPct: 90, TakeupPct: 90}, nil
}

// newTraineesTable is the Trainees screen: one row per cohort.
func newTraineesTable(ui *UI) *recordTable {
	var rt *recordTable
	rt = newRecordTable(ui, &records{
		noun: "cohort", list: "cohorts",
		count:   func(p *plan.Plan) int { return len(p.Cohorts) },
		columns: cohortColumns(func(p *plan.Plan) []plan.Cohort { return p.Cohorts }),
		add: func(p *plan.Plan) error {
			chosen := rt.selected
			if chosen < 0 {
				chosen = len(p.Cohorts) - 1
			}
			c, err := newCohortFrom(p, p.Cohorts, chosen, chosenLine(ui, p))
			p.Cohorts = append(p.Cohorts, c)
			return err
		},
		remove: func(p *plan.Plan, i int) { p.Cohorts = append(p.Cohorts[:i], p.Cohorts[i+1:]...) },
	})
	return rt
}

// chosenLine is the post line chosen on the Posts screen, if any.
func chosenLine(ui *UI, p *plan.Plan) *plan.LineKey {
	if ui.posts == nil || ui.posts.selected < 0 || ui.posts.selected >= len(p.Posts) {
		return nil
	}
	k := p.Posts[ui.posts.selected].Key()
	return &k
}
