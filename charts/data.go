package charts

import (
	"fmt"

	"example.org/psyplan/plan"
)

// Filter narrows a chart to one profession, one service area, or both
// ("" is every one).
type Filter struct {
	Profession  string
	ServiceArea string
}

func (f Filter) keeps(k plan.LineKey) bool {
	return (f.Profession == "" || f.Profession == k.Profession) && (f.ServiceArea == "" || f.ServiceArea == k.ServiceArea)
}

// all tells whether the filter keeps every line.
func (f Filter) all() bool { return f.Profession == "" && f.ServiceArea == "" }

// describe is the filter for a chart's title: " (CBT therapist, Perinatal)".
func (f Filter) describe(p *plan.Plan) string {
	var parts []string
	if f.Profession != "" {
		name := f.Profession
		if prof := p.Profession(f.Profession); prof != nil {
			name = prof.Name
		}
		parts = append(parts, name)
	}
	if f.ServiceArea != "" {
		parts = append(parts, f.ServiceArea)
	}
	if len(parts) == 0 {
		return ""
	}
	s := " ("
	for i, part := range parts {
		if i > 0 {
			s += ", "
		}
		s += part
	}
	return s + ")"
}

// Input is what every chart is drawn from: the plan, its projection (of
// the scenario shown), and what to show of it.
type Input struct {
	Plan       *plan.Plan
	Projection *plan.Projection
	Filter     Filter
	Today      plan.Month         // the "today" marker; 0 for none
	Compare    []*plan.Projection // other scenarios, drawn as extra lines on the growth chart
	At         plan.Month         // the bridge's month; 0 for the last milestone (else the horizon)
	Band       *plan.Band         // the low-high band of the projection shown; nil for none
}

// totals sums the filtered lines per month; the whole total when the
// filter keeps everything.
func totals(pr *plan.Projection, f Filter) []plan.Row {
	if f.all() {
		return pr.Total
	}
	out := make([]plan.Row, pr.Months())
	for li := range pr.Lines {
		l := &pr.Lines[li]
		if !f.keeps(l.Key) {
			continue
		}
		for i := range out {
			out[i].Add(l.Row(i))
		}
	}
	return out
}

// targets is the trajectory for the filtered lines: their own baseline
// workforce grown by the plan's growth, so a profession is held to the
// same %.
func targets(in Input, rows []plan.Row) []float64 {
	if in.Filter.all() {
		return in.Projection.Target
	}
	pr := in.Projection
	out := make([]float64, len(rows))
	for i := range out {
		out[i] = rows[0].Workforce * (1 + plan.GrowthAt(in.Plan, pr.Month(i))/100)
	}
	return out
}

// judgedAt is the month a chart is drawn at: the chosen one, else the
// month the plan is judged at.
func judgedAt(in Input) plan.Month {
	if in.At != 0 && in.Projection.Index(in.At) >= 0 {
		return in.At
	}
	return in.Plan.JudgedAt(in.Projection.Horizon)
}

// measured is what the trajectory measures, in the words of a legend:
// "workforce" when the plan counts salaried trainees, else "staff in post".
func measured(p *plan.Plan) string {
	if p.CountSalariedTrainees {
		return "workforce"
	}
	return "staff in post"
}

// byProfession sums each profession's lines (within the service-area
// filter) per month, in the plan's order of professions: the workforce
// the trajectory measures (the only column filled).
func byProfession(in Input) (ids []string, rows map[string][]plan.Row) {
	rows = map[string][]plan.Row{}
	n := in.Projection.Months()
	for li := range in.Projection.Lines {
		l := &in.Projection.Lines[li]
		if !in.Filter.keeps(l.Key) {
			continue
		}
		rs, ok := rows[l.Key.Profession]
		if !ok {
			rs = make([]plan.Row, n)
			rows[l.Key.Profession] = rs
		}
		for i := 0; i < n; i++ {
			r := l.Row(i)
			rs[i].Workforce += r.Workforce
		}
	}
	for _, prof := range in.Plan.Professions {
		if _, ok := rows[prof.ID]; ok {
			ids = append(ids, prof.ID)
		}
	}
	for id := range rows { // professions only a cohort names, not in the catalogue
		if in.Plan.Profession(id) == nil {
			ids = append(ids, id)
		}
	}
	return ids, rows
}

func professionLabel(p *plan.Plan, id string) string {
	if prof := p.Profession(id); prof != nil {
		return prof.Name
	}
	return fmt.Sprint(id)
}
