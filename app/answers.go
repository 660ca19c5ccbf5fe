package app

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/session"
	"example.org/psyplan/plan"
)

// answersPanel is "What does it take?": by how much must training intake
// (or recruitment) rise, from a month, to reach the trajectory at a
// milestone. It answers in one sentence and keeps the answer as a
// scenario on request (an ordinary edit: Undo takes it back).
type answersPanel struct {
	ui          *UI
	aim         *widget.Select // the trajectory, or the access targets
	byItem      *widget.FormItem
	milestone   *widget.Select // the month to reach the aim by
	lever       *widget.Select
	professions *widget.CheckGroup
	from        *widget.Entry
	ask         *widget.Button
	sentence    *widget.Label
	name        *widget.Entry
	keep        *widget.Button
	message     *widget.Label
	object      fyne.CanvasObject
	answer      *plan.Answer // the latest, for Keep; nil until answered
	form        *widget.Form
}

const (
	intakeWords      = "Training intake"
	recruitmentWords = "Recruitment from outside"
	fundedWords      = "Funded posts"
	aimTrajectory    = "The trajectory"
	aimDemand        = "The access targets (no one short of treatment)"
	byTrajectory     = "Reach the trajectory by"
	byDemand         = "Meet the access targets by"
)

// showAnswers opens the panel over the window, on the scenario shown.
func (ui *UI) showAnswers() {
	if ui.session.Plan() == nil {
		return
	}
	ap := newAnswersPanel(ui)
	ui.answers = ap
	d := dialog.NewCustom("What does it take?", "Close", ap.object, ui.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

func newAnswersPanel(ui *UI) *answersPanel {
	ap := &answersPanel{ui: ui, from: widget.NewEntry(), name: widget.NewEntry()}
	p := ui.session.Plan()
	ap.milestone = widget.NewSelect(milestoneLabels(p), func(string) { ap.changed() })
	aims := []string{aimTrajectory}
	if len(p.Demand) > 0 {
		aims = append(aims, aimDemand)
	}
	ap.aim = widget.NewSelect(aims, func(string) { ap.aimChanged() })
	ap.lever = widget.NewSelect([]string{intakeWords, recruitmentWords, fundedWords}, func(string) { ap.leverChanged() })
	ap.professions = widget.NewCheckGroup(professionNames(p), func([]string) { ap.changed() })
	ap.from.SetText(defaultFrom(p, thisMonth()).Label())
	ap.from.OnChanged = func(string) { ap.changed() }
	ap.sentence = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ap.sentence.Wrapping = fyne.TextWrapWord
	ap.message = widget.NewLabel("")
	ap.message.Importance = widget.DangerImportance
	ap.message.Wrapping = fyne.TextWrapWord
	ap.ask = widget.NewButton("Answer", ap.solve)
	ap.ask.Importance = widget.HighImportance
	ap.keep = widget.NewButton("Keep as scenario", ap.keepAsScenario)
	if len(ap.milestone.Options) > 0 {
		ap.milestone.SetSelected(defaultMilestone(p, thisMonth()))
	}
	ap.lever.SetSelected(intakeWords)
	help := widget.NewLabel("The smallest whole-percent rise that meets the trajectory at the milestone, or leaves no one short " +
		"of the access targets at the month, on " + session.ScenarioLabel(ui.session.Scenario()) +
		". Extra trainees come from outside (no one is drawn from posts); funded posts rise from the baseline on.")
	help.Wrapping = fyne.TextWrapWord
	ap.byItem = widget.NewFormItem(byTrajectory, ap.milestone)
	ap.aim.SetSelected(aimTrajectory)
	form := widget.NewForm(
		widget.NewFormItem("Aim at", ap.aim),
		ap.byItem,
		widget.NewFormItem("By raising", ap.lever),
		widget.NewFormItem("For", professionsBox(ap.professions)),
		widget.NewFormItem("From (courses starting)", ap.from),
	)
	keepRow := container.NewBorder(nil, nil, widget.NewLabel("Scenario name"), ap.keep, ap.name)
	ap.object = container.NewVBox(help, form, ap.ask, ap.sentence, ap.message, widget.NewSeparator(), keepRow)
	ap.form = form
	ap.changed()
	return ap
}

// aimChanged offers the months to aim at: the trajectory's milestones, or
// the access targets' months inside the plan and its horizon, the latest
// target month chosen (as the solver's default).
func (ap *answersPanel) aimChanged() {
	p := ap.ui.session.Plan()
	if ap.aim.Selected == aimDemand {
		ap.byItem.Text = byDemand
		ap.milestone.Options = demandMonthLabels(p)
		ap.milestone.SetSelected(demandDefaultBy(p).Label())
	} else {
		ap.byItem.Text = byTrajectory
		ap.milestone.Options = milestoneLabels(p)
		if len(ap.milestone.Options) > 0 {
			ap.milestone.SetSelected(defaultMilestone(p, thisMonth()))
		} else {
			ap.milestone.ClearSelected()
		}
	}
	if ap.form != nil {
		ap.form.Refresh()
	}
	ap.changed()
}

// demandMonthLabels are the months of the access targets' points after the
// baseline and up to the horizon, then the horizon, in order.
func demandMonthLabels(p *plan.Plan) []string {
	seen := map[plan.Month]bool{p.Horizon: true}
	months := []plan.Month{p.Horizon}
	for _, d := range p.Demand {
		for _, pt := range d.PeoplePerYear {
			if pt.Month > p.Baseline && pt.Month <= p.Horizon && !seen[pt.Month] {
				seen[pt.Month] = true
				months = append(months, pt.Month)
			}
		}
	}
	sort.Slice(months, func(a, b int) bool { return months[a] < months[b] })
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = m.Label()
	}
	return out
}

// demandDefaultBy is the solver's month for the access targets unless
// told: the latest target point after the baseline, else the horizon.
func demandDefaultBy(p *plan.Plan) plan.Month {
	by := plan.Month(0)
	for _, d := range p.Demand {
		for _, pt := range d.PeoplePerYear {
			if pt.Month > p.Baseline && pt.Month <= p.Horizon && pt.Month > by {
				by = pt.Month
			}
		}
	}
	if by == 0 {
		return p.Horizon
	}
	return by
}

// professionsBox shows the professions' ticks a few at a time, scrolled.
func professionsBox(c *widget.CheckGroup) fyne.CanvasObject {
	scroll := container.NewVScroll(c)
	scroll.SetMinSize(fyne.NewSize(420, 150))
	return scroll
}

// milestoneLabels are the plan's milestones after the baseline, as "Apr 2024".
// defaultFrom is the first month courses may start that is not in the
// past: the later of the month after the baseline and today (the command
// line keeps the contract's default, the month after the baseline).
func defaultFrom(p *plan.Plan, today plan.Month) plan.Month {
	if today > p.Baseline && today <= p.Horizon {
		return today
	}
	return p.Baseline + 1
}

// defaultMilestone is the first milestone after today, when there is one
// inside the plan, else the first: a room asks what it takes from now on.
func defaultMilestone(p *plan.Plan, today plan.Month) string {
	labels := milestoneLabels(p)
	for _, m := range p.Trajectory.Milestones {
		if m.Month > today && m.Month > p.Baseline && m.Month <= p.Horizon {
			return m.Month.Label()
		}
	}
	if len(labels) == 0 {
		return ""
	}
	return labels[0]
}

func milestoneLabels(p *plan.Plan) []string {
	var out []string
	for _, m := range p.Trajectory.Milestones {
		if m.Month > p.Baseline && m.Month <= p.Horizon {
			out = append(out, m.Month.Label())
		}
	}
	return out
}

// leverChanged ticks the professions the lever moves (answers.md's default).
func (ap *answersPanel) leverChanged() {
	p := ap.ui.session.Plan()
	ids := plan.LeverProfessions(p, ap.ui.session.Scenario(), ap.leverName())
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = professionName(p, id)
	}
	ap.professions.SetSelected(names)
	ap.from.Hidden = ap.leverName() != plan.LeverIntake // the plan file cannot say "from" for recruits or funded posts
	ap.changed()
}

func (ap *answersPanel) leverName() string {
	switch ap.lever.Selected {
	case recruitmentWords:
		return plan.LeverRecruitment
	case fundedWords:
		return plan.LeverFunded
	}
	return plan.LeverIntake
}

// changed forgets the answer: it was to another question.
func (ap *answersPanel) changed() {
	ap.answer = nil
	ap.sentence.SetText("")
	ap.name.SetText("")
	setEnabled(ap.keep, false)
}

// question reads the panel; an error names the field at fault.
func (ap *answersPanel) question() (plan.Question, error) {
	p := ap.ui.session.Plan()
	q := plan.Question{Scenario: ap.ui.session.Scenario(), Lever: ap.leverName(), Professions: []string{}, Target: plan.TargetTrajectory}
	if ap.aim.Selected == aimDemand {
		q.Target = plan.TargetDemand
	}
	by, err := parseMonth(ap.milestone.Selected)
	if err != nil {
		//lint:ignore ST1005 the message starts with the field's label, as the form shows it
		return q, fmt.Errorf("Reach the trajectory by: the plan has no milestone after its baseline: add one under Trajectory")
	}
	q.By = by
	for _, name := range ap.professions.Selected {
		q.Professions = append(q.Professions, professionID(p, name))
	}
	if len(q.Professions) == 0 {
		//lint:ignore ST1005 the message starts with the field's label, as the form shows it
		return q, fmt.Errorf("For: tick at least one profession")
	}
	if q.Lever == plan.LeverIntake {
		if q.From, err = parseMonth(ap.from.Text); err != nil {
			//lint:ignore ST1005 the message starts with the field's label, as the form shows it
			return q, fmt.Errorf("From: %v", err)
		}
	}
	return q, nil
}

// solve asks the session for the answer (off the UI goroutine).
func (ap *answersPanel) solve() {
	q, err := ap.question()
	if err != nil {
		ap.message.SetText(err.Error())
		return
	}
	ap.message.SetText("")
	ap.sentence.SetText("Working it out…")
	ap.ui.session.Solve(q, func(a plan.Answer, err error) {
		if err != nil {
			ap.sentence.SetText("")
			ap.message.SetText(err.Error())
			return
		}
		ap.show(a)
	})
}

func (ap *answersPanel) show(a plan.Answer) {
	ap.sentence.SetText(a.Sentence(ap.ui.session.Plan()))
	if !a.Reachable || a.Pct == 0 {
		return // nothing to keep
	}
	ap.answer = &a
	ap.name.SetText(ap.ui.session.Plan().UniqueScenarioName(a.ScenarioName()))
	setEnabled(ap.keep, true)
}

// keepAsScenario saves the answer as a scenario of the plan, under the
// name typed; a name another scenario has is refused, nothing saved.
func (ap *answersPanel) keepAsScenario() {
	if ap.answer == nil {
		return
	}
	solved, name := ap.answer.Solved, ap.name.Text
	err := ap.ui.session.Edit("", func(p *plan.Plan) error {
		if p.Scenario(name) != nil {
			return fmt.Errorf("%s: %q is taken by another scenario: choose another name", "Scenario name", name)
		}
		solved.Name = name
		p.Scenarios = append(p.Scenarios, solved)
		return nil
	})
	if err != nil {
		ap.message.SetText(err.Error())
		return
	}
	ap.message.SetText("")
	ap.sentence.SetText(ap.sentence.Text + fmt.Sprintf(" Kept as the scenario %q (Undo takes it back).", name))
	setEnabled(ap.keep, false)
}
