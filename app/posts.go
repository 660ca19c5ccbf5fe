package app

import (
	"fmt"
	"sort"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// newPostsTable is the Posts screen: one row per post line.
func newPostsTable(ui *UI) *recordTable {
	return newRecordTable(ui, &records{
		noun: "post line", list: "posts",
		count: func(p *plan.Plan) int { return len(p.Posts) },
		columns: []column{
			{title: "Profession", field: "profession", width: 170, choices: professionNames,
				value: func(p *plan.Plan, i int) string { return professionName(p, p.Posts[i].Profession) },
				set:   func(p *plan.Plan, i int, t string) error { p.Posts[i].Profession = professionID(p, t); return nil }},
			{title: "Service area", field: "service_area", width: 250, hint: "for example Perinatal",
				value: func(p *plan.Plan, i int) string { return p.Posts[i].ServiceArea },
				set:   func(p *plan.Plan, i int, t string) error { p.Posts[i].ServiceArea = t; return nil }},
			{title: "In post (WTE)", field: "in_post_wte", width: 110,
				value: func(p *plan.Plan, i int) string { return num(p.Posts[i].InPostWTE) },
				show:  func(p *plan.Plan, i int) string { return wteCell(p.Posts[i].InPostWTE) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &p.Posts[i].InPostWTE })},
			{title: "Headcount", field: "in_post_headcount", width: 100, hint: "blank: from WTE per head",
				value: func(p *plan.Plan, i int) string { return optNum(p.Posts[i].InPostHeadcount) },
				show:  func(p *plan.Plan, i int) string { return headcountCell(p, i) },
				set:   setOptFloat(func(p *plan.Plan, i int) **float64 { return &p.Posts[i].InPostHeadcount })},
			{title: "Funded (WTE)", field: "funded_wte", width: 110,
				value: func(p *plan.Plan, i int) string { return num(p.Posts[i].FundedWTE) },
				show:  func(p *plan.Plan, i int) string { return wteCell(p.Posts[i].FundedWTE) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &p.Posts[i].FundedWTE })},
			{title: "Vacancies", field: "vacancies", width: 90,
				value: func(p *plan.Plan, i int) string {
					return wteCell(max(0, p.Posts[i].FundedWTE-p.Posts[i].InPostWTE))
				}},
			{title: "Recruits a year", field: "recruits_wte_per_year", width: 120, blank: "0",
				value: func(p *plan.Plan, i int) string { return num(p.Posts[i].RecruitsWTEPerYear) },
				show:  func(p *plan.Plan, i int) string { return wteCell(p.Posts[i].RecruitsWTEPerYear) },
				set:   setFloatOr(0, func(p *plan.Plan, i int) *float64 { return &p.Posts[i].RecruitsWTEPerYear })},
			{title: "Leaver rate (override)", field: "leaver_rate_pct", width: 160, hint: "blank: the profession's",
				value: func(p *plan.Plan, i int) string { return optNum(p.Posts[i].LeaverRatePct) },
				show:  func(p *plan.Plan, i int) string { return optPctCell(p.Posts[i].LeaverRatePct, "profession's") },
				set:   setOptFloat(func(p *plan.Plan, i int) **float64 { return &p.Posts[i].LeaverRatePct })},
			{title: "Funded-post changes", field: "changes", width: 260, hint: "for example Apr 2021 +10, Apr 2022 -2",
				value: func(p *plan.Plan, i int) string { return changesText(p.Posts[i].Changes) },
				set: func(p *plan.Plan, i int, t string) error {
					cs, err := parseChanges(t)
					p.Posts[i].Changes = cs
					return err
				}},
		},
		add:    addPostLine,
		remove: func(p *plan.Plan, i int) { p.Posts = append(p.Posts[:i], p.Posts[i+1:]...) },
	})
}

func headcountCell(p *plan.Plan, i int) string {
	l := p.Posts[i]
	if l.InPostHeadcount != nil {
		return format.WTE(*l.InPostHeadcount)
	}
	if prof := p.Profession(l.Profession); prof != nil && prof.WTEPerHead > 0 {
		return format.WTE(l.InPostWTE/prof.WTEPerHead) + " (est.)"
	}
	return ""
}

func setFloat(field func(p *plan.Plan, i int) *float64) func(*plan.Plan, int, string) error {
	return func(p *plan.Plan, i int, t string) error {
		v, err := parseNum(t)
		*field(p, i) = v
		return err
	}
}

// setFloatOr is setFloat for a field the plan file lets you leave out:
// blank means its default.
func setFloatOr(def float64, field func(p *plan.Plan, i int) *float64) func(*plan.Plan, int, string) error {
	set := setFloat(field)
	return func(p *plan.Plan, i int, t string) error {
		if strings.TrimSpace(t) == "" {
			*field(p, i) = def
			return nil
		}
		return set(p, i, t)
	}
}

func setOptFloat(field func(p *plan.Plan, i int) **float64) func(*plan.Plan, int, string) error {
	return func(p *plan.Plan, i int, t string) error {
		v, err := parseOptNum(t)
		*field(p, i) = v
		return err
	}
}

// addPostLine adds a line for the first profession in the first service
// area it has no line in yet.
func addPostLine(p *plan.Plan) error {
	if len(p.Professions) == 0 {
		return fmt.Errorf("add a profession first (on the Professions screen)")
	}
	used := map[plan.LineKey]bool{}
	for _, l := range p.Posts {
		used[l.Key()] = true
	}
	for _, prof := range p.Professions {
		for _, sa := range ServiceAreas {
			if !used[plan.LineKey{Profession: prof.ID, ServiceArea: sa}] {
				p.Posts = append(p.Posts, plan.PostLine{Profession: prof.ID, ServiceArea: sa})
				return nil
			}
		}
	}
	for n := 2; ; n++ {
		sa := fmt.Sprintf("New service area %d", n)
		if !used[plan.LineKey{Profession: p.Professions[0].ID, ServiceArea: sa}] {
			p.Posts = append(p.Posts, plan.PostLine{Profession: p.Professions[0].ID, ServiceArea: sa})
			return nil
		}
	}
}

// changesText writes funded-post changes as "Apr 2021 +10, Apr 2022 -2".
func changesText(cs []plan.FundedChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		sign := "+"
		if c.FundedWTEDelta < 0 {
			sign = ""
		}
		parts[i] = c.Month.Label() + " " + sign + num(c.FundedWTEDelta)
	}
	return strings.Join(parts, ", ")
}

// parseChanges reads what changesText writes (months as "2021-04" too).
func parseChanges(text string) ([]plan.FundedChange, error) {
	var cs []plan.FundedChange
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		fields := strings.Fields(part)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%q: write a month and a change, such as Apr 2021 +10", part)
		}
		m, err := parseMonth(strings.Join(fields[:len(fields)-1], " "))
		if err != nil {
			return nil, err
		}
		d, err := parseNum(strings.TrimPrefix(fields[len(fields)-1], "+"))
		if err != nil {
			return nil, fmt.Errorf("%q: the change %w", part, err)
		}
		cs = append(cs, plan.FundedChange{Month: m, FundedWTEDelta: d})
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].Month < cs[b].Month })
	return cs, nil
}
