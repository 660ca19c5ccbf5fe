package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// scenariosView lists the plan's scenarios and edits what the chosen one
// overrides: profession assumptions, post lines, extra cohorts, capping
// and the qualifiers' wait.
type scenariosView struct {
	ui       *UI
	selected int
	list     *widget.List
	capping  *widget.Select
	move     *widget.Select // qualifiers moving between service areas
	settings *widget.Form   // capping and the wait
	wait     *widget.Entry  // the scenario's qualifier_wait_months; blank: the plan's
	message  *widget.Label
	heading  *widget.Label
	tables   []*recordTable
	detail   fyne.CanvasObject
	loading  bool
}

const (
	capAsPlan  = "As the plan"
	capOn      = "On: joiners only fill funded vacancies"
	capOff     = "Off: everyone qualified or recruited is hired"
	moveAsPlan = "As the plan"
	moveOn     = "On: qualifiers take vacant posts in other service areas"
	moveOff    = "Off: qualifiers wait only for posts where they trained"
)

func newScenariosView(ui *UI) *view {
	sv := &scenariosView{ui: ui, selected: -1}
	sv.list = widget.NewList(func() int {
		if p := ui.session.Plan(); p != nil {
			return len(p.Scenarios)
		}
		return 0
	}, func() fyne.CanvasObject { return widget.NewLabel("") }, func(i widget.ListItemID, o fyne.CanvasObject) {
		if p := ui.session.Plan(); p != nil && i < len(p.Scenarios) {
			o.(*widget.Label).SetText(p.Scenarios[i].Name)
		}
	})
	sv.list.OnSelected = func(i widget.ListItemID) { sv.selected = i; say(sv.message, ""); sv.refreshDetail() }
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon("New", theme.ContentAddIcon(), sv.create),
		widget.NewButtonWithIcon("Rename", theme.DocumentIcon(), sv.rename),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), sv.delete),
		widget.NewButtonWithIcon("Show it", theme.VisibilityIcon(), func() {
			if p := ui.session.Plan(); p != nil && sv.selected >= 0 && sv.selected < len(p.Scenarios) {
				ui.session.SetScenario(p.Scenarios[sv.selected].Name)
			}
		}),
	)
	left := container.NewBorder(widget.NewLabelWithStyle("Scenarios", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		buttons, nil, nil, sv.list)

	sv.capping = widget.NewSelect([]string{capAsPlan, capOn, capOff}, sv.setCapping)
	sv.move = widget.NewSelect([]string{moveAsPlan, moveOn, moveOff}, sv.setMove)
	sv.wait = widget.NewEntry()
	sv.wait.OnChanged = sv.setWait
	sv.message = widget.NewLabel("")
	sv.message.Importance = widget.DangerImportance
	sv.message.Wrapping = fyne.TextWrapWord
	sv.message.Hide()
	sv.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sv.tables = []*recordTable{sv.professionOverrides(), sv.postOverrides(), sv.extraCohorts()}
	tabs := container.NewAppTabs(
		container.NewTabItem("Profession assumptions", sv.tables[0].object),
		container.NewTabItem("Post lines", sv.tables[1].object),
		container.NewTabItem("Extra cohorts", sv.tables[2].object),
	)
	help := widget.NewLabel("A scenario changes only what it names; a blank field keeps the plan's value. " +
		"It is measured against the plan's own trajectory.")
	help.Wrapping = fyne.TextWrapWord
	sv.settings = widget.NewForm(widget.NewFormItem("Capping", sv.capping), widget.NewFormItem(waitLabel, sv.wait),
		widget.NewFormItem("Service areas", sv.move))
	top := container.NewVBox(sv.heading, help, sv.settings, sv.message)
	sv.detail = container.NewBorder(top, nil, nil, nil, tabs)
	split := container.NewHSplit(left, sv.detail)
	split.Offset = 0.22
	return &view{name: "Scenarios", object: split, refresh: sv.refresh, first: func() {
		if p := ui.session.Plan(); p != nil && len(p.Scenarios) > 0 {
			sv.list.Select(0)
			sv.tables[0].selectFirst()
		}
	}}
}

// scenario is the selected scenario of p, or nil.
func (sv *scenariosView) scenario(p *plan.Plan) *plan.Scenario {
	if p == nil || sv.selected < 0 || sv.selected >= len(p.Scenarios) {
		return nil
	}
	return &p.Scenarios[sv.selected]
}

func (sv *scenariosView) path() string { return fmt.Sprintf("scenarios[%d]", sv.selected) }

func (sv *scenariosView) refresh() {
	p := sv.ui.session.Plan()
	if p == nil || sv.selected >= len(p.Scenarios) {
		sv.selected = -1
		sv.list.UnselectAll()
	}
	sv.list.Refresh()
	sv.refreshDetail()
}

func (sv *scenariosView) refreshDetail() {
	p := sv.ui.session.Plan()
	s := sv.scenario(p)
	sv.loading = true
	defer func() { sv.loading = false }()
	sv.refreshWait(p, s)
	if s == nil {
		sv.heading.SetText("Choose a scenario on the left, or make a new one.")
		sv.capping.Disable()
		sv.move.Disable()
	} else {
		sv.heading.SetText(s.Name)
		sv.capping.Enable()
		want := capAsPlan
		if s.CapHires != nil {
			want = map[bool]string{true: capOn, false: capOff}[*s.CapHires]
		}
		if sv.capping.Selected != want {
			sv.capping.SetSelected(want)
		}
		sv.move.Enable()
		want = moveAsPlan
		if s.QualifiersMove != nil {
			want = map[bool]string{true: moveOn, false: moveOff}[*s.QualifiersMove]
		}
		if sv.move.Selected != want {
			sv.move.SetSelected(want)
		}
	}
	sv.settings.Refresh() // its labels grey with a disabled field, and back
	for _, t := range sv.tables {
		t.refresh()
	}
}

func (sv *scenariosView) setCapping(choice string) {
	sv.setSwitch(choice, capOn, capOff, func(s *plan.Scenario) **bool { return &s.CapHires })
}

// setMove overrides whether qualifiers take vacant posts in other
// service areas (As the plan: not overridden).
func (sv *scenariosView) setMove(choice string) {
	sv.setSwitch(choice, moveOn, moveOff, func(s *plan.Scenario) **bool { return &s.QualifiersMove })
}

// setSwitch sets the selected scenario's override of a plan switch from a
// three-way choice: on, off, or anything else for as the plan (nil).
func (sv *scenariosView) setSwitch(choice, on, off string, field func(*plan.Scenario) **bool) {
	if sv.loading || sv.selected < 0 {
		return
	}
	i := sv.selected
	err := sv.ui.session.Edit("", func(p *plan.Plan) error {
		f := field(&p.Scenarios[i])
		*f = nil
		if choice == on || choice == off {
			v := choice == on
			*f = &v
		}
		return nil
	})
	if err != nil {
		sv.ui.showError(err)
	}
}

// refreshWait shows the scenario's wait, and the plan's in the hint.
func (sv *scenariosView) refreshWait(p *plan.Plan, s *plan.Scenario) {
	if s == nil {
		sv.wait.SetText("")
		sv.wait.PlaceHolder = ""
		sv.wait.Disable()
		say(sv.message, "")
		return
	}
	sv.wait.PlaceHolder = fmt.Sprintf("blank: the plan's, %s", monthsWords(p.QualifierWaitMonths))
	sv.wait.Enable()
	text := ""
	if w := s.QualifierWaitMonths; w != nil {
		text = strconv.Itoa(*w)
	}
	setIfDifferent(sv.wait, text, sameValue)
	sv.wait.Refresh()
}

func monthsWords(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}

// setWait overrides the plan's qualifier wait (blank: the plan's).
func (sv *scenariosView) setWait(text string) {
	if sv.loading || sv.selected < 0 {
		return
	}
	i := sv.selected
	key := sv.path() + ".qualifier_wait_months"
	err := sv.ui.session.Edit(key, func(p *plan.Plan) error {
		if strings.TrimSpace(text) == "" {
			p.Scenarios[i].QualifierWaitMonths = nil
			return nil
		}
		w, err := parseWhole(text)
		p.Scenarios[i].QualifierWaitMonths = &w
		return err
	})
	var errs plan.Errors
	switch {
	case err == nil:
		say(sv.message, "")
	case errors.As(err, &errs):
		lines := make([]string, len(errs))
		for j, e := range errs {
			lines[j] = plainError(e)
			if e.Path == key {
				lines[j] = waitLabel + ": " + e.Msg
			}
		}
		say(sv.message, strings.Join(lines, "\n"))
	default:
		say(sv.message, waitLabel+": "+err.Error())
	}
}

func (sv *scenariosView) create() {
	err := sv.ui.session.Edit("", func(p *plan.Plan) error {
		p.Scenarios = append(p.Scenarios, plan.Scenario{Name: p.UniqueScenarioName("New scenario")})
		return nil
	})
	if err != nil {
		sv.ui.showError(err)
		return
	}
	sv.list.Select(len(sv.ui.session.Plan().Scenarios) - 1)
}

func (sv *scenariosView) rename() {
	s := sv.scenario(sv.ui.session.Plan())
	if s == nil {
		return
	}
	i := sv.selected
	entry := widget.NewEntry()
	entry.SetText(s.Name)
	dialog.ShowForm("Rename scenario", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		if !ok {
			return
		}
		showing := sv.ui.session.Scenario() == s.Name
		err := sv.ui.session.Edit("", func(p *plan.Plan) error { p.Scenarios[i].Name = entry.Text; return nil })
		if err != nil {
			sv.ui.showError(err)
			return
		}
		if showing {
			sv.ui.session.SetScenario(entry.Text)
		}
	}, sv.ui.win)
}

func (sv *scenariosView) delete() {
	s := sv.scenario(sv.ui.session.Plan())
	if s == nil {
		return
	}
	i := sv.selected
	dialog.ShowConfirm("Delete scenario", fmt.Sprintf("Delete the scenario %q?", s.Name), func(ok bool) {
		if !ok {
			return
		}
		err := sv.ui.session.Edit("", func(p *plan.Plan) error {
			p.Scenarios = append(p.Scenarios[:i], p.Scenarios[i+1:]...)
			return nil
		})
		if err != nil {
			sv.ui.showError(err)
		}
	}, sv.ui.win)
}

// professionOverrides: one row per profession the scenario overrides.
func (sv *scenariosView) professionOverrides() *recordTable {
	o := func(p *plan.Plan, i int) *plan.ProfessionOverride { return &sv.scenario(p).Professions[i] }
	optCol := func(title, field string, get func(*plan.ProfessionOverride) **float64, show func(float64) string) column {
		return overrideColumn(title, field, 150, func(p *plan.Plan, i int) **float64 { return get(o(p, i)) }, show)
	}
	return newRecordTable(sv.ui, &records{
		noun: "profession override",
		pathOf: func(i int) string {
			return sv.path() + ".professions." + sv.scenario(sv.ui.session.Plan()).Professions[i].Profession
		},
		count: func(p *plan.Plan) int {
			if s := sv.scenario(p); s != nil {
				return len(s.Professions)
			}
			return 0
		},
		columns: []column{
			{title: "Profession", field: "profession", width: 190, choices: professionNames,
				value: func(p *plan.Plan, i int) string { return professionName(p, o(p, i).Profession) },
				set:   func(p *plan.Plan, i int, t string) error { o(p, i).Profession = professionID(p, t); return nil }},
			optCol("Leaver rate %", "leaver_rate_pct", func(x *plan.ProfessionOverride) **float64 { return &x.LeaverRatePct }, func(v float64) string { return pctCell(v) }),
			optCol("WTE per head", "wte_per_head", func(x *plan.ProfessionOverride) **float64 { return &x.WTEPerHead }, num),
			optCol("Cost per WTE", "cost_per_wte_gbp", func(x *plan.ProfessionOverride) **float64 { return &x.CostPerWTE }, format.Pounds),
		},
		add: func(p *plan.Plan) error {
			s := sv.scenario(p)
			if s == nil {
				return fmt.Errorf("choose a scenario first")
			}
			for _, prof := range p.Professions {
				taken := false
				for _, x := range s.Professions {
					taken = taken || x.Profession == prof.ID
				}
				if !taken {
					s.Professions = append(s.Professions, plan.ProfessionOverride{Profession: prof.ID})
					return nil
				}
			}
			return fmt.Errorf("every profession is overridden already")
		},
		remove: func(p *plan.Plan, i int) {
			s := sv.scenario(p)
			s.Professions = append(s.Professions[:i], s.Professions[i+1:]...)
		},
	})
}

// postOverrides: one row per post line the scenario changes.
func (sv *scenariosView) postOverrides() *recordTable {
	o := func(p *plan.Plan, i int) *plan.PostOverride { return &sv.scenario(p).Posts[i] }
	optCol := func(title, field string, get func(*plan.PostOverride) **float64, show func(float64) string) column {
		return overrideColumn(title, field, 130, func(p *plan.Plan, i int) **float64 { return get(o(p, i)) }, show)
	}
	return newRecordTable(sv.ui, &records{
		noun: "post line override", listOf: func() string { return sv.path() + ".posts" },
		count: func(p *plan.Plan) int {
			if s := sv.scenario(p); s != nil {
				return len(s.Posts)
			}
			return 0
		},
		columns: []column{
			{title: "Profession", field: "profession", width: 150, choices: professionNames,
				value: func(p *plan.Plan, i int) string { return professionName(p, o(p, i).Profession) },
				set:   func(p *plan.Plan, i int, t string) error { o(p, i).Profession = professionID(p, t); return nil }},
			{title: "Service area", field: "service_area", width: 220,
				value: func(p *plan.Plan, i int) string { return o(p, i).ServiceArea },
				set:   func(p *plan.Plan, i int, t string) error { o(p, i).ServiceArea = t; return nil }},
			optCol("Recruits a year", "recruits_wte_per_year", func(x *plan.PostOverride) **float64 { return &x.RecruitsWTEPerYear }, wteCell),
			optCol("Leaver rate %", "leaver_rate_pct", func(x *plan.PostOverride) **float64 { return &x.LeaverRatePct }, func(v float64) string { return pctCell(v) }),
			optCol("Funded (WTE)", "funded_wte", func(x *plan.PostOverride) **float64 { return &x.FundedWTE }, wteCell),
			optCol("In post (WTE)", "in_post_wte", func(x *plan.PostOverride) **float64 { return &x.InPostWTE }, wteCell),
		},
		add: func(p *plan.Plan) error {
			s := sv.scenario(p)
			if s == nil {
				return fmt.Errorf("choose a scenario first")
			}
			taken := map[plan.LineKey]bool{}
			for _, x := range s.Posts {
				taken[plan.LineKey{Profession: x.Profession, ServiceArea: x.ServiceArea}] = true
			}
			for _, l := range p.Posts {
				if !taken[l.Key()] {
					s.Posts = append(s.Posts, plan.PostOverride{Profession: l.Profession, ServiceArea: l.ServiceArea})
					return nil
				}
			}
			return fmt.Errorf("every post line is overridden already")
		},
		remove: func(p *plan.Plan, i int) {
			s := sv.scenario(p)
			s.Posts = append(s.Posts[:i], s.Posts[i+1:]...)
		},
	})
}

// extraCohorts: training the scenario adds to the plan's.
func (sv *scenariosView) extraCohorts() *recordTable {
	list := func(p *plan.Plan) []plan.Cohort { return sv.scenario(p).ExtraCohorts }
	return newRecordTable(sv.ui, &records{
		noun: "extra cohort", listOf: func() string { return sv.path() + ".extra_cohorts" },
		count: func(p *plan.Plan) int {
			if s := sv.scenario(p); s != nil {
				return len(s.ExtraCohorts)
			}
			return 0
		},
		columns: cohortColumns(list),
		add: func(p *plan.Plan) error {
			s := sv.scenario(p)
			if s == nil {
				return fmt.Errorf("choose a scenario first")
			}
			from := s.ExtraCohorts
			if len(from) == 0 {
				from = p.Cohorts
			}
			c, err := newCohort(p, from)
			s.ExtraCohorts = append(s.ExtraCohorts, c)
			return err
		},
		remove: func(p *plan.Plan, i int) {
			s := sv.scenario(p)
			s.ExtraCohorts = append(s.ExtraCohorts[:i], s.ExtraCohorts[i+1:]...)
		},
	})
}

// overrideColumn is a column of a scenario's override: blank keeps the
// plan's value.
func overrideColumn(title, field string, width float32, value func(p *plan.Plan, i int) **float64, show func(float64) string) column {
	return column{title: title, field: field, width: width, hint: "blank: the plan's",
		value: func(p *plan.Plan, i int) string { return optNum(*value(p, i)) },
		show: func(p *plan.Plan, i int) string {
			if v := *value(p, i); v != nil {
				return show(*v)
			}
			return "plan's"
		},
		set: setOptFloat(value)}
}
