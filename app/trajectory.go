package app

import (
	"errors"
	"fmt"
	"fyne.io/fyne/v2/canvas"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// trajectoryView sets the plan's time span, the expansion trajectory and
// its milestones, and the capping switch.
type trajectoryView struct {
	ui            *UI
	baseOf        *plan.Plan // the plan baseOfWTE is the trajectory base of
	baseOfWTE     float64
	name          *widget.Entry
	area          *widget.Entry
	baseline      *widget.Entry
	baseNote      *widget.Label // what stops the baseline moving, under it
	horizon       *widget.Entry
	interp        *widget.Select
	baseWTE       *widget.Entry
	capping       *widget.Check
	wait          *widget.Entry // qualifier_wait_months
	countTrainees *widget.Check
	move          *widget.Check // qualifiers_move_between_service_areas
	payAward      *widget.Entry
	message       *widget.Label
	milestones    *recordTable
	budget        *recordTable
	loading       bool
	titles        map[*widget.Entry]string  // each field's title, for messages
	refused       map[*widget.Entry]refusal // typed and refused, still in the field
	// notice says a refused value was put back; it stays while the
	// setting being typed (noticeKey) is typed, and goes at the next.
	notice, noticeKey, typing string
}

const (
	planNameLabel = "Plan name"
	areaLabel     = "Area"
	baselineLabel = "Baseline month"
	horizonLabel  = "Horizon (last month)"
	baseWTELabel  = "Baseline WTE"
	waitLabel     = "Qualifier wait (months)"
	payAwardLabel = "Pay award % a year"
	linearWords   = "Linear (the same WTE each month)"
	compoundWords = "Compound (the same % each month)"
	moveLabel     = "Qualifiers take vacant posts in other service areas"
	moveHelp      = "A newly qualified CBT therapist with no funded post in the service area they trained for takes a vacant " +
		"CBT therapist post in another service area of this plan, rather than waiting and then being lost to the plan."
	budgetHelp = "The money for pay in each NHS financial year (April to March), in pounds at the plan's prices. " +
		"The overview says in which years the pay bill goes over it, and the pay cost chart draws it. Years with none are not judged."
)

func newTrajectoryView(ui *UI) *view {
	tv := &trajectoryView{ui: ui, baseline: widget.NewEntry(), horizon: widget.NewEntry(), baseWTE: widget.NewEntry(),
		wait: widget.NewEntry(), payAward: widget.NewEntry(), name: widget.NewEntry(), area: widget.NewEntry(),
		refused: map[*widget.Entry]refusal{}}
	tv.titles = map[*widget.Entry]string{tv.name: planNameLabel, tv.area: areaLabel, tv.baseline: baselineLabel,
		tv.horizon: horizonLabel, tv.baseWTE: baseWTELabel, tv.wait: waitLabel, tv.payAward: payAwardLabel}
	tv.message = widget.NewLabel("")
	tv.message.Importance = widget.DangerImportance
	tv.message.Wrapping = fyne.TextWrapWord
	tv.message.Hide() // until there is something to say: the screen is tall already
	tv.baseNote = widget.NewLabel("")
	tv.baseNote.Importance = widget.DangerImportance
	tv.baseNote.Hide()
	tv.area.PlaceHolder = "the ICS, region or trust the plan is for"
	tv.edit(tv.name, "name", func(p *plan.Plan, t string) error { p.Name = t; return nil })
	tv.edit(tv.area, "area", func(p *plan.Plan, t string) error { p.Area = t; return nil })
	tv.baseWTE.PlaceHolder = "blank: the plan's workforce at the baseline (staff in post, and salaried trainees when counted)"
	tv.edit(tv.baseline, "baseline_month", func(p *plan.Plan, t string) error {
		m, err := parseMonth(t)
		p.Baseline = m
		return err
	})
	tv.edit(tv.horizon, "horizon_month", func(p *plan.Plan, t string) error {
		m, err := parseMonth(t)
		p.Horizon = m
		return err
	})
	tv.edit(tv.baseWTE, "trajectory.baseline_wte", func(p *plan.Plan, t string) error {
		v, err := parseOptNum(t)
		p.Trajectory.BaselineWTE = v
		return err
	})
	tv.wait.PlaceHolder = "0 to 24; blank: 0"
	tv.edit(tv.wait, "qualifier_wait_months", func(p *plan.Plan, t string) error {
		v, err := parseWholeOr(0, t)
		p.QualifierWaitMonths = v
		return err
	})
	tv.payAward.PlaceHolder = "-20 to 50; blank: 0"
	tv.edit(tv.payAward, "pay_uplift_pct_per_year", func(p *plan.Plan, t string) error {
		v, err := parseNumOr(0, t)
		p.PayUpliftPctPerYear = v
		return err
	})
	tv.countTrainees = widget.NewCheck("Count salaried trainees in the workforce measured against the trajectory, as NHS censuses count them",
		func(on bool) {
			tv.apply("count_salaried_trainees", func(p *plan.Plan) error { p.CountSalariedTrainees = on; return nil })
		})
	tv.move = widget.NewCheck(moveLabel, func(on bool) {
		tv.apply("qualifiers_move_between_service_areas", func(p *plan.Plan) error { p.QualifiersMove = on; return nil })
	})
	tv.interp = widget.NewSelect([]string{linearWords, compoundWords}, func(s string) {
		tv.apply("trajectory.interpolation", func(p *plan.Plan) error {
			p.Trajectory.Interpolation = plan.Linear
			if s == compoundWords {
				p.Trajectory.Interpolation = plan.Compound
			}
			return nil
		})
	})
	tv.capping = widget.NewCheck("Joiners only fill vacancies in funded posts (a qualifier with no funded post waits, then is counted as unplaced)",
		func(on bool) {
			tv.apply("cap_hires_at_funded_posts", func(p *plan.Plan) error { p.CapHires = on; return nil })
		})

	form := widget.NewForm(
		widget.NewFormItem(planNameLabel, nameAndArea(tv.name, tv.area)),
		widget.NewFormItem(baselineLabel, container.NewVBox(tv.baseline, tv.baseNote)),
		widget.NewFormItem(horizonLabel, tv.horizon),
		widget.NewFormItem("Between milestones", tv.interp),
		widget.NewFormItem(baseWTELabel, tv.baseWTE),
		widget.NewFormItem("Capping", tv.capping),
		widget.NewFormItem(waitLabel, explained(tv.wait, "a qualifier with no funded post waits this long for one, hired first when a post falls vacant")),
		widget.NewFormItem("Salaried trainees", tv.countTrainees),
		widget.NewFormItem("Service areas", explainedBelow(tv.move, moveHelp)),
		widget.NewFormItem(payAwardLabel, explained(tv.payAward, "every cost rises each April after the baseline; 0 keeps baseline prices")),
	)
	tv.milestones = newRecordTable(ui, &records{
		noun: "milestone", list: "trajectory.milestones",
		count: func(p *plan.Plan) int { return len(p.Trajectory.Milestones) },
		columns: []column{
			{title: "Month", field: "month", width: 120, hint: "for example Apr 2024",
				value: func(p *plan.Plan, i int) string { return p.Trajectory.Milestones[i].Month.Label() },
				set: func(p *plan.Plan, i int, t string) error {
					m, err := parseMonth(t)
					p.Trajectory.Milestones[i].Month = m
					return err
				}},
			{title: "Growth on the baseline %", field: "growth_pct", width: 190,
				value: func(p *plan.Plan, i int) string { return num(p.Trajectory.Milestones[i].GrowthPct) },
				show:  func(p *plan.Plan, i int) string { return pctCell(p.Trajectory.Milestones[i].GrowthPct) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &p.Trajectory.Milestones[i].GrowthPct })},
			{title: "Target (WTE)", field: "target", width: 130,
				value: func(p *plan.Plan, i int) string {
					return format.WTE(plan.TargetFrom(tv.base(p), p, p.Trajectory.Milestones[i].Month))
				}},
		},
		add: func(p *plan.Plan) error {
			ms := p.Trajectory.Milestones
			next := plan.Milestone{Month: p.Baseline.Add(12), GrowthPct: 10}
			if n := len(ms); n > 0 {
				next = plan.Milestone{Month: ms[n-1].Month.Add(12), GrowthPct: ms[n-1].GrowthPct + 10}
			}
			p.Trajectory.Milestones = append(ms, next)
			return nil
		},
		remove: func(p *plan.Plan, i int) {
			p.Trajectory.Milestones = append(p.Trajectory.Milestones[:i], p.Trajectory.Milestones[i+1:]...)
		},
	})
	tv.budget = newBudgetTable(ui)
	milestones := headed("Milestones", "The trajectory is the growth the plan must reach: 0 % at the baseline, each milestone's "+
		"growth at its month, held after the last. Every scenario is measured against it.", tv.milestones.object)
	budget := headed("Budget for pay", budgetHelp, tv.budget.object)
	// The settings and the two lists scroll together above the Uncertainty
	// part: at 1440 x 900 the lists were squeezed under it, their forms
	// drawn beneath its heading. The lists keep the room their table and
	// form need.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, listsHeight))
	lists := container.NewStack(room, container.NewGridWithColumns(2, milestones, budget))
	page := container.NewVScroll(container.NewVBox(form, tv.message, lists))
	return &view{name: "Trajectory", object: container.NewBorder(nil, newUncertaintyPart(ui).object, nil, nil,
		page), refresh: tv.refresh, planOnly: true, first: func() {
		tv.milestones.selectFirst()
		tv.budget.selectFirst()
	}}
}

// base is the plan's trajectory base, worked out once per plan rather
// than at every cell of the milestones' Target column (on the national
// plan each reads 30,000 lines and cohorts).
func (tv *trajectoryView) base(p *plan.Plan) float64 {
	if tv.baseOf != p {
		tv.baseOf, tv.baseOfWTE = p, p.TrajectoryBase()
	}
	return tv.baseOfWTE
}

// listsHeight is the room the milestones' and budget's tables and forms
// take: a few rows, and a form of two fields under each.
const listsHeight = 580

func (tv *trajectoryView) edit(e *widget.Entry, key string, set func(p *plan.Plan, text string) error) {
	e.OnChanged = func(t string) {
		if tv.loading {
			return
		}
		delete(tv.refused, e)
		kept := tv.apply(key, func(p *plan.Plan) error { return set(p, t) })
		if e == tv.baseline {
			tv.explainBaseline(t, kept)
		}
		if !kept {
			why := tv.message.Text
			if why == "" && tv.baseNote.Visible() {
				why = "a milestone is at or before it"
			}
			tv.refused[e] = refusal{text: t, why: why}
		}
	}
}

// apply makes the edit, or says why not; it tells whether it was kept.
func (tv *trajectoryView) apply(key string, fn func(p *plan.Plan) error) bool {
	if tv.loading {
		return false
	}
	if key != tv.noticeKey {
		tv.notice = ""
	}
	tv.typing = key
	err := tv.ui.session.Edit(key, fn)
	tv.typing = ""
	if err == nil {
		say(tv.message, tv.notice)
		return true
	}
	tv.notice = ""
	tv.sayWhy(key, err)
	return false
}

// sayWhy says why an edit was refused, in the form's words.
func (tv *trajectoryView) sayWhy(key string, err error) {
	var errs plan.Errors
	if errors.As(err, &errs) {
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = plainError(e)
			if title := settingTitles[e.Path]; title != "" {
				lines[i] = title + ": " + e.Msg
			}
		}
		say(tv.message, strings.Join(lines, "\n"))
		return
	}
	if title := settingTitles[key]; title != "" {
		say(tv.message, title+": "+err.Error())
		return
	}
	say(tv.message, err.Error())
}

// settingTitles name the settings whose messages use the form's words
// rather than the plan file's.
var settingTitles = map[string]string{
	"qualifier_wait_months":   waitLabel,
	"pay_uplift_pct_per_year": payAwardLabel,
	"name":                    planNameLabel,
	"area":                    areaLabel,
	"baseline_month":          baselineLabel,
	"horizon_month":           horizonLabel,
	"trajectory.baseline_wte": baseWTELabel,
}

func (tv *trajectoryView) refresh() {
	p := tv.ui.session.Plan()
	tv.milestones.refresh()
	tv.budget.refresh()
	if p == nil {
		return
	}
	tv.loading = true
	defer func() { tv.loading = false }()
	var back []string // refused values put back, said
	tv.show(tv.name, p.Name, func(a, b string) bool { return a == b }, &back)
	tv.show(tv.area, p.Area, func(a, b string) bool { return a == b }, &back)
	tv.show(tv.baseline, p.Baseline.Label(), sameMonth, &back)
	tv.show(tv.horizon, p.Horizon.Label(), sameMonth, &back)
	tv.show(tv.baseWTE, optNum(p.Trajectory.BaselineWTE), sameValue, &back)
	want := linearWords
	if p.Trajectory.Interpolation == plan.Compound {
		want = compoundWords
	}
	if tv.interp.Selected != want {
		tv.interp.SetSelected(want)
	}
	if tv.capping.Checked != p.CapHires {
		tv.capping.SetChecked(p.CapHires)
	}
	tv.show(tv.wait, strconv.Itoa(p.QualifierWaitMonths), sameValueOr("0"), &back)
	tv.show(tv.payAward, num(p.PayUpliftPctPerYear), sameValueOr("0"), &back)
	if len(back) > 0 {
		tv.notice, tv.noticeKey = strings.Join(back, "\n"), tv.typing
		say(tv.message, tv.notice)
		say(tv.baseNote, "")
	}
	if tv.countTrainees.Checked != p.CountSalariedTrainees {
		tv.countTrainees.SetChecked(p.CountSalariedTrainees)
	}
	if tv.move.Checked != p.QualifiersMove {
		tv.move.SetChecked(p.QualifiersMove)
	}
}

// show writes the plan's value in a field as a form shows it (forForm),
// unless what is there already means it; a refused value it replaces is
// added to back, so the planner is told it was not kept.
func (tv *trajectoryView) show(e *widget.Entry, exact string, same func(a, b string) bool, back *[]string) {
	shown := forForm(exact)
	if same(e.Text, exact) || same(e.Text, shown) {
		delete(tv.refused, e)
		return
	}
	if r, ok := tv.refused[e]; ok {
		title := tv.titles[e]
		why := strings.TrimPrefix(r.why, title+": ")
		*back = append(*back, fmt.Sprintf("%s is back to %s: %q was not kept (%s).", title, shown, r.text, why))
		delete(tv.refused, e)
	}
	e.SetText(shown)
}

// explainBaseline says, under the baseline, which milestones a typed
// baseline would leave before it, in words: the plan keeps its baseline
// until they are moved or deleted.
func (tv *trajectoryView) explainBaseline(typed string, kept bool) {
	p := tv.ui.session.Plan()
	m, err := parseMonth(typed)
	if p == nil || err != nil || kept {
		say(tv.baseNote, "")
		return
	}
	var before []string
	for _, ms := range p.Trajectory.Milestones {
		if ms.Month <= m {
			before = append(before, fmt.Sprintf("%s (%s)", ms.Month.Label(), pctCell(ms.GrowthPct)))
		}
	}
	if len(before) == 0 {
		say(tv.baseNote, "")
		return
	}
	what, them := "The milestone of "+before[0]+" would be", "it"
	if len(before) > 1 {
		what, them = "The milestones of "+strings.Join(before[:min(3, len(before))], ", ")+" would be", "them"
		if len(before) > 3 {
			what = fmt.Sprintf("%d milestones, from %s, would be", len(before), before[0])
		}
	}
	// two short lines rather than one that wraps: a wrapping label in a
	// form row is drawn over the field at first
	say(tv.baseNote, fmt.Sprintf("%s at or before a baseline of %s, so the baseline stays %s.\n"+
		"Move or delete %s under Milestones below first: the trajectory starts at 0 %% at the baseline.",
		what, m.Label(), p.Baseline.Label(), them))
	var rest []string // the other reasons, if any, stay under the form
	for _, line := range strings.Split(tv.message.Text, "\n") {
		if !strings.HasPrefix(line, "trajectory.milestones[") {
			rest = append(rest, line)
		}
	}
	say(tv.message, strings.TrimSpace(strings.Join(rest, "\n")))
}

// nameAndArea puts the plan's name and its area on one row, each half
// the width, so the settings take no more height than they did.
func nameAndArea(name, area *widget.Entry) fyne.CanvasObject {
	return container.NewGridWithColumns(2, name,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(areaLabel, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), nil, area))
}

// explained puts a short explanation beside a field, on its own row, so
// the settings take no more height than their fields.
func explained(e *widget.Entry, words string) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, widget.NewLabel(words), e)
}

// explainedBelow puts a planner's explanation under a control, in small
// type that wraps.
func explainedBelow(o fyne.CanvasObject, words string) fyne.CanvasObject {
	help := widget.NewLabel(words)
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(o, help)
}

// headed is a table under its heading and a line saying what it is for.
func headed(heading, words string, table fyne.CanvasObject) fyne.CanvasObject {
	help := widget.NewLabel(words)
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), help)
	return container.NewBorder(top, nil, nil, nil, table)
}

// say shows a message, or hides its label when there is none.
func say(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func setIfDifferent(e *widget.Entry, text string, same func(a, b string) bool) {
	if !same(e.Text, text) {
		e.SetText(text)
	}
}

func sameMonth(a, b string) bool {
	x, errA := parseMonth(a)
	y, errB := parseMonth(b)
	return errA == nil && errB == nil && x == y
}
