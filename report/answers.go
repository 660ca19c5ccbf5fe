package report

import (
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"time"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// WriteWithBand is Write with the band drawn behind the projected line of
// the front page's growth chart, and said in words on the page "How sure
// we are, and what it takes". A nil band is no band (the page still gives
// the solver's answer).
func WriteWithBand(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month, band *plan.Band) error {
	return write(out, p, pr, today, band, nil)
}

// whatItTakes is the page's answer to "what does it take?": the answers
// the planner kept as scenarios, or else the solver's answer for the
// plan's first milestone.
type whatItTakes struct {
	lines []string           // "What it takes: …", one for each answer
	by    plan.Month         // the month the answers are for; 0 when the solver could not answer
	drawn []*plan.Projection // each answer's projection (of its scenario), drawn beside the plan's
}

// Answer is the page's answer begun before the paper's projection is
// made: the solver needs only the plan, and on a national plan takes as
// long as the projection, so the two can be made side by side.
type Answer struct {
	plan     *plan.Plan
	scenario string
	get      func() (whatItTakes, error)
}

// StartAnswer begins the solver's answer for the plan's scenario. It is
// nil for a plan that keeps answers: they are said from their
// projections beside the plan's own, which the paper makes first.
func StartAnswer(p *plan.Plan, scenario string) *Answer {
	if len(keptAnswers(p)) > 0 {
		return nil
	}
	return &Answer{plan: p, scenario: scenario, get: later(func() (whatItTakes, error) { return solverAnswer(p, scenario) })}
}

// WriteWithAnswer is WriteWithBand with the answer begun by StartAnswer
// for p and pr's scenario (nil, or begun for another plan or scenario:
// worked out here, as WriteWithBand does).
func WriteWithAnswer(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month, band *plan.Band, a *Answer) error {
	return write(out, p, pr, today, band, a)
}

// answerOf works out the page's answer for the report of projection pr.
// An answer the planner kept is said as it was kept (its lever, its rise),
// not asked again: the solver's default question is about intake, and
// asking it again would also take the time of a dozen projections.
func answerOf(p *plan.Plan, pr *plan.Projection) (whatItTakes, error) {
	if kept := keptAnswers(p); len(kept) > 0 {
		return keptWhatItTakes(p, pr, kept)
	}
	return solverAnswer(p, pr.Scenario)
}

// solverAnswer is the solver's answer for the plan's first milestone, with
// the line of its solved scenario to draw.
func solverAnswer(p *plan.Plan, scenario string) (whatItTakes, error) {
	a, err := plan.Solve(p, plan.Question{Scenario: scenario})
	if err != nil {
		return whatItTakes{lines: []string{"What it takes: the solver cannot answer: " + err.Error() + "."}}, nil
	}
	w := whatItTakes{lines: []string{"What it takes: " + a.Sentence(p)}, by: a.By}
	if !a.Reachable || a.Pct == 0 {
		return w, nil
	}
	// the solved scenario is not in the plan: a copy that has it gives
	// the line to draw, the workforce alone (a whole projection of a
	// national plan would be 100 MB for one line)
	q := *p
	solved := a.Solved
	solved.Name = a.ScenarioName()
	for n := 2; p.Scenario(solved.Name) != nil; n++ {
		solved.Name = fmt.Sprintf("%s %d", a.ScenarioName(), n)
	}
	q.Scenarios = append(slices.Clip(p.Scenarios), solved)
	line, err := plan.WorkforceWith(&q, solved.Name, nil)
	if err != nil {
		return w, err
	}
	pj := &plan.Projection{Scenario: solved.Name, Baseline: p.Baseline, Horizon: p.Horizon, Total: make([]plan.Row, len(line))}
	for i, x := range line {
		pj.Total[i].Workforce = x
	}
	w.drawn = []*plan.Projection{pj}
	return w, nil
}

// kept is a scenario the solver made and the planner kept, read back from
// the name the solver gave it (answers.md: "Solved: intake +12 % by Apr
// 2024"; a second with the same name has " 2" after it).
type kept struct {
	scenario *plan.Scenario
	question plan.Question
	pct      int
}

var keptName = regexp.MustCompile(`^Solved: (intake|recruitment|funded) \+(\d+) % (for the access target )?by ([A-Z][a-z]{2} \d{4})(?: \d+)?$`)

// keptAnswers are the plan's scenarios that are the solver's answers, in
// the plan's order. A kept answer the planner renamed is an ordinary
// scenario (it is still on the page "The options side by side"), and so
// is a scenario named like one that raises nothing of its lever (another
// option given the name): said as an answer, it would read "Train 12 %
// more (no profession) on courses starting Jan 0".
func keptAnswers(p *plan.Plan) []kept {
	var out []kept
	for i := range p.Scenarios {
		sc := &p.Scenarios[i]
		m := keptName.FindStringSubmatch(sc.Name)
		if m == nil {
			continue
		}
		pct, err := strconv.Atoi(m[2])
		t, err2 := time.Parse("Jan 2006", m[4])
		if err != nil || err2 != nil || pct > plan.MaxSolvePct {
			continue
		}
		by := plan.MonthOf(t.Year(), int(t.Month()))
		if by <= p.Baseline || by > p.Horizon {
			continue
		}
		q := plan.Question{By: by, Lever: m[1], From: p.Baseline.Add(1), Target: plan.TargetTrajectory}
		if m[3] != "" {
			q.Target = plan.TargetDemand
		}
		q.Professions = raised(p, sc, q)
		if len(q.Professions) == 0 || (q.Lever == plan.LeverIntake && !trainsInTime(sc, q)) {
			continue
		}
		out = append(out, kept{scenario: sc, question: q, pct: pct})
	}
	return out
}

// trainsInTime tells whether the scenario has an extra cohort starting
// from q.From that qualifies by q.By, as the solver's intake answer has.
func trainsInTime(sc *plan.Scenario, q plan.Question) bool {
	for _, c := range sc.ExtraCohorts {
		if c.Start >= q.From && c.QualifyMonth() <= q.By {
			return true
		}
	}
	return false
}

// raised are the professions whose lever the scenario raises, in the
// plan's order: those of the post lines whose recruitment or funded posts
// it sets, or of its extra cohorts. The solver asked about intake with no
// professions given raises every profession with a course that can
// qualify in time, and names every profession with a cohort: so does this.
func raised(p *plan.Plan, sc *plan.Scenario, q plan.Question) []string {
	has := map[string]bool{}
	switch q.Lever {
	case plan.LeverIntake:
		for _, c := range sc.ExtraCohorts {
			has[c.Profession] = true
		}
		every, could := map[string]bool{}, map[string]bool{}
		for _, c := range p.Cohorts {
			every[c.Profession] = true
			if c.Start >= q.From && c.QualifyMonth() <= q.By {
				could[c.Profession] = true
			}
		}
		if maps.Equal(has, could) || len(could) == 0 {
			has = every
		}
	default:
		for _, o := range sc.Posts {
			if (q.Lever == plan.LeverRecruitment && o.RecruitsWTEPerYear != nil) || (q.Lever == plan.LeverFunded && o.FundedWTE != nil) {
				has[o.Profession] = true
			}
		}
	}
	var out []string
	for _, prof := range p.Professions {
		if has[prof.ID] {
			out = append(out, prof.ID)
		}
	}
	return out
}

// keptWhatItTakes says each kept answer as the solver said it when it was
// kept: the rise, the people it adds, and its pay cost over the plan's.
func keptWhatItTakes(p *plan.Plan, pr *plan.Projection, ks []kept) (whatItTakes, error) {
	own := pr
	if pr.Scenario != "" {
		var err error
		if own, err = plan.Project(p, ""); err != nil {
			return whatItTakes{}, err
		}
	}
	w := whatItTakes{by: ks[0].question.By}
	for _, k := range ks {
		pj, err := plan.Project(p, k.scenario.Name)
		if err != nil {
			return whatItTakes{}, err
		}
		a := plan.Answer{Question: k.question, Reachable: true, Pct: k.pct, Solved: *k.scenario,
			ExtraPayCost: payAfterBaseline(pj) - payAfterBaseline(own)}
		for _, c := range k.scenario.ExtraCohorts {
			a.ExtraIntake += c.Intake
		}
		w.lines = append(w.lines, fmt.Sprintf("What it takes (the answer kept as the scenario “%s”): %s", k.scenario.Name, a.Sentence(p)))
		w.drawn = append(w.drawn, pj)
	}
	return w, nil
}

// payAfterBaseline is the pay cost of the months after the baseline, as
// the solver counts an answer's cost (answers.md).
func payAfterBaseline(pj *plan.Projection) float64 {
	total := 0.0
	for i := 1; i < len(pj.Total); i++ {
		total += pj.Total[i].PayCost
	}
	return total
}

// answerPage is the band in words and the answer to "what does it take?",
// with a chart of the answer: the plan's line and each answer's beside
// it, or, when there is no rise to draw, the steps from the baseline to
// the month asked about. The front page has drawn the growth chart.
func (r *writer) answerPage() {
	r.pdf.AddPage()
	r.heading("How sure we are, and what it takes")
	r.font("", 11)
	r.pdf.SetTextColor(30, 30, 30)
	w, err := r.work.answer()
	if err != nil {
		r.pdf.SetError(err)
		return
	}
	for _, line := range answerLines(r.p, r.band, w) {
		r.pdf.MultiCell(0, 6, line, "", "L", false)
		r.pdf.Ln(1)
	}
	top := r.pdf.GetY() + 2
	if pageH-top-margin-6 < 70 { // many answers kept: the chart gets a page of its own
		r.continued()
		top = r.pdf.GetY() + 2
	}
	in := r.in
	var c charts.Chart
	if len(w.drawn) > 0 {
		in.Compare = w.drawn
		g := charts.GrowthChart(in, "What it takes: the projection with the answer beside it")
		c = g
	} else {
		in.At = w.by
		c = charts.BridgeChart(in)
	}
	r.place("answer", c, margin, top, pageW-2*margin, pageH-top-margin-6)
}

// answerLines are the page's sentences: the band at the month the answer
// is for (or why there is none), then the answers.
func answerLines(p *plan.Plan, b *plan.Band, w whatItTakes) []string {
	return append([]string{bandLine(p, b, w.by)}, w.lines...)
}

// bandLine says the band at month m in words.
func bandLine(p *plan.Plan, b *plan.Band, m plan.Month) string {
	if b == nil {
		if p.Uncertainty.Zero() {
			return "How sure: the plan gives no uncertainty ranges, so no likely range is drawn."
		}
		return "How sure: the likely range was not worked out for this report."
	}
	i := b.Index(m)
	if i < 0 {
		i = len(b.Central) - 1
		m = b.Month(i)
	}
	return fmt.Sprintf("How sure: in %s, 8 in 10 of %s runs project between %s and %s WTE (central %s, target %s), "+
		"the shaded range on page 1's chart. %s",
		m.Label(), format.Whole(float64(b.Runs)), format.WTE(b.Low[i]), format.WTE(b.High[i]),
		format.WTE(b.Central[i]), format.WTE(b.Target[i]), b.ChanceSentence(m))
}
