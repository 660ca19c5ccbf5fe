package app

import (
	"fmt"
	"sort"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// slideSentence is the one plain sentence a slide says, with the numbers
// that matter, for the chart kind.
func slideSentence(kind string, p *plan.Plan, pr *plan.Projection, today plan.Month) string {
	s := plan.Summarise(p, pr, today)
	switch kind {
	case "growth":
		return s.Sentence()
	case "professions":
		return professionsSentence(p, pr, s)
	case "profession-wte":
		return largestProfessions(p, pr)
	case "pipeline":
		return pipelineSentence(pr, s.At)
	case "bridge":
		return bridgeSentence(p, pr, s)
	case "posts":
		return fmt.Sprintf("Funded posts reach %s WTE by %s; %s WTE of them are vacant then.",
			format.Whole(pr.Total[pr.Index(s.At)].Funded), s.At.Label(), format.Whole(s.Vacancies))
	case "cost":
		if b := budgetSentence(p, pr); b != "" {
			return costSentence(p, pr) + " " + b
		}
		return costSentence(p, pr)
	case "demand":
		return demandSentence(p, pr)
	case "demand-wte":
		return neededSentence(p, pr)
	}
	return ""
}

func professionsSentence(p *plan.Plan, pr *plan.Projection, s plan.Summary) string {
	gs := plan.GrowthByProfession(p, pr, s.At, nil)
	if len(gs) == 0 {
		return "No profession has staff in post at the baseline yet."
	}
	sort.SliceStable(gs, func(a, b int) bool { return gs[a].GrowthPct > gs[b].GrowthPct })
	reach := 0
	for _, g := range gs {
		if g.GrowthPct >= s.GrowthPct {
			reach++
		}
	}
	most, least := gs[0], gs[len(gs)-1]
	return fmt.Sprintf("%d of %d professions reach %s growth by %s; the most: %s (%s), the least: %s (%s).",
		reach, len(gs), format.Percent(s.GrowthPct), s.At.Label(), professionName(p, most.Profession),
		format.Signed(most.GrowthPct, format.Percent), professionName(p, least.Profession), format.Signed(least.GrowthPct, format.Percent))
}

func largestProfessions(p *plan.Plan, pr *plan.Projection) string {
	last := pr.Months() - 1
	wte := map[string]float64{}
	for li := range pr.Lines {
		wte[pr.Lines[li].Key.Profession] += pr.Lines[li].Row(last).Workforce
	}
	ids := make([]string, 0, len(wte))
	for id := range wte {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return wte[ids[a]] > wte[ids[b]] })
	text := "Largest in " + pr.Horizon.Label() + ":"
	for i, id := range ids[:min(3, len(ids))] {
		if i > 0 {
			text += ","
		}
		text += fmt.Sprintf(" %s %s WTE", professionName(p, id), format.Whole(wte[id]))
	}
	return text + "."
}

func pipelineSentence(pr *plan.Projection, at plan.Month) string {
	for _, y := range pr.TotalYears() {
		if y.Last >= at-1 || y.Last == pr.Horizon { // "by Apr 2024" is the year to Mar 2024
			return fmt.Sprintf("In %s, %s WTE qualify and %s WTE of qualifiers are hired; %s WTE find no funded post in time, %s WTE wait for one at the year's end; %s people are in training then.",
				y.Label(), format.Whole(y.Qualified), format.Whole(y.HiredQualified), format.Whole(y.Unplaced), format.Whole(y.Waiting), format.Whole(y.InTraining))
		}
	}
	return ""
}

// bridgeSentence walks the bridge chart's steps, each an engine flow.
func bridgeSentence(p *plan.Plan, pr *plan.Projection, s plan.Summary) string {
	b := p.Bridge(pr, pr.Total, s.At)
	trainees := ""
	if p.CountSalariedTrainees {
		trainees = fmt.Sprintf(", %s salaried trainees", format.Signed(b.TraineeChange, format.Whole))
	}
	return fmt.Sprintf("From %s WTE: %s leavers, %s into training, %s qualified, %s recruited%s: %s WTE in %s, against a target of %s.",
		format.Whole(b.Start), format.Signed(-b.Leavers, format.Whole), format.Signed(-b.MovedOut, format.Whole), format.Signed(b.HiredQualified, format.Whole),
		format.Signed(b.Recruited, format.Whole), trainees, format.Whole(b.End), b.At.Label(), format.Whole(s.Target))
}

func costSentence(p *plan.Plan, pr *plan.Projection) string {
	ys := pr.TotalYears()
	if len(ys) < 2 {
		return ""
	}
	first, last := ys[0], ys[len(ys)-1]
	if pr.Baseline.MonthNumber() != 3 {
		first = ys[1] // the first year is a part year: the first whole one says more
	}
	return fmt.Sprintf("Pay cost, %s: %s in %s, %s in %s.", p.PriceBase(), format.PoundsShort(first.PayCost), first.Label(),
		format.PoundsShort(last.PayCost), last.Label())
}

// neededSentence says the WTE the access targets need at the month the
// plan is judged at against the staff in post, and the shortest
// profession.
func neededSentence(p *plan.Plan, pr *plan.Projection) string {
	dt, at, ok := judgedDemand(p, pr)
	if !ok {
		return ""
	}
	all := dt.Overall(0)
	text := fmt.Sprintf("In %s the access targets need %s WTE of clinical staff; %s WTE are in post in those service areas.",
		at.Label(), format.WTE(all.NeededWTE), format.WTE(all.AvailableWTE))
	if c, ok := dt.Constraint(0); ok {
		text += fmt.Sprintf(" The constraint: %s in %s, %s WTE needed and %s in post.", pluralName(professionName(p, c.Profession)),
			lowerFirst(c.ServiceArea), format.WTE(c.NeededWTE), format.WTE(c.AvailableWTE))
	}
	return text
}
