package app

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

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
			{title: "Service area", field: "service_area", width: 250, hint: "choose one, or type a new one",
				choices: planServiceAreas, open: true,
				value: func(p *plan.Plan, i int) string { return p.Posts[i].ServiceArea },
				set:   func(p *plan.Plan, i int, t string) error { p.Posts[i].ServiceArea = t; return nil },
				note:  func(p *plan.Plan, i int) string { return nearArea(p, p.Posts[i].ServiceArea) }},
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
			{title: "Funded-post changes", field: "changes", width: 260, part: changesPart,
				value: func(p *plan.Plan, i int) string { return changesText(p.Posts[i].Changes) },
				set: func(p *plan.Plan, i int, t string) error { // pasted rows: "Apr 2021 +10, Apr 2022 -2"
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

// changesHeight is the funded-post changes' part of the post line's form:
// room for four changes, the fields of the one chosen beside them.
const changesHeight = 210

// changesPart edits the chosen post line's funded-post changes as every
// other list is edited: a table of month and change, the chosen change's
// fields under it, and Add and Delete.
func changesPart(posts *recordTable) formPart {
	line := func(p *plan.Plan) *plan.PostLine {
		if i := posts.selected; p != nil && i >= 0 && i < len(p.Posts) {
			return &p.Posts[i]
		}
		return nil
	}
	rt := newRecordTable(posts.ui, &records{
		noun: "change", listOf: func() string { return fmt.Sprintf("posts[%d].changes", posts.selected) },
		count: func(p *plan.Plan) int {
			if l := line(p); l != nil {
				return len(l.Changes)
			}
			return 0
		},
		columns: changeColumns(line),
		add: func(p *plan.Plan) error {
			l := line(p)
			if l == nil {
				return fmt.Errorf("choose a post line in the table above first")
			}
			l.Changes = append(l.Changes, nextChange(p, l.Changes))
			return nil
		},
		remove:  func(p *plan.Plan, i int) { l := line(p); l.Changes = append(l.Changes[:i], l.Changes[i+1:]...) },
		tableAt: 0.52, // room for Month and Change (WTE) whole at 1440 x 900
		beside:  true,
	})
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, changesHeight))
	return formPart{object: container.NewStack(room, rt.object), table: rt, refresh: func(anew bool) {
		if anew {
			rt.selected = -1
			rt.table.UnselectAll()
		}
		rt.refresh()
		if anew {
			rt.selectFirst()
		}
	}}
}

// changeColumns are a funded-post change's month and WTE.
func changeColumns(line func(p *plan.Plan) *plan.PostLine) []column {
	change := func(p *plan.Plan, i int) *plan.FundedChange { return &line(p).Changes[i] }
	return []column{
		{title: "Month", field: "month", width: 90, hint: "for example Sep 2025",
			value: func(p *plan.Plan, i int) string { return change(p, i).Month.Label() },
			set: func(p *plan.Plan, i int, t string) error {
				m, err := parseMonth(t)
				change(p, i).Month = m
				return err
			}},
		{title: "Change (WTE)", field: "funded_wte_delta", width: 110, hint: "+10 more funded posts, -2 fewer",
			value: func(p *plan.Plan, i int) string { return num(change(p, i).FundedWTEDelta) },
			show:  func(p *plan.Plan, i int) string { return format.Signed(change(p, i).FundedWTEDelta, format.WTE) },
			set: func(p *plan.Plan, i int, t string) error {
				v, err := parseNum(strings.TrimPrefix(strings.TrimSpace(t), "+"))
				change(p, i).FundedWTEDelta = v
				return err
			}},
	}
}

// nextChange is what "Add change" starts from: the last change again a
// year later, or no change a year after the baseline, for the planner to
// type.
func nextChange(p *plan.Plan, cs []plan.FundedChange) plan.FundedChange {
	if n := len(cs); n > 0 {
		return plan.FundedChange{Month: cs[n-1].Month.Add(12), FundedWTEDelta: cs[n-1].FundedWTEDelta}
	}
	return plan.FundedChange{Month: p.Baseline.Add(12)}
}
