package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
)

// uncertaintyPart is the "Uncertainty" part of the plan's settings: how
// far each assumption may plausibly be from the plan's value, the ranges
// the likely-range band draws from. Blank is 0; all four blank is no band.
type uncertaintyPart struct {
	ui      *UI
	fields  []uncertaintyField
	message *widget.Label
	item    *widget.AccordionItem
	fold    *widget.Accordion
	object  fyne.CanvasObject
	loading bool
}

// uncertaintyField is one range: its words, the plan file's name (for
// messages and undo steps), its limit and where it lives.
type uncertaintyField struct {
	label string
	key   string
	max   float64
	value func(u *plan.Uncertainty) *float64
	entry *widget.Entry
}

func uncertaintyFields() []uncertaintyField {
	return []uncertaintyField{
		{"Leaver rates ± (points)", "leaver_rate_pct_points", 50, func(u *plan.Uncertainty) *float64 { return &u.LeaverRatePctPoints }, nil},
		{"Completion ± (points)", "completion_pct_points", 100, func(u *plan.Uncertainty) *float64 { return &u.CompletionPctPoints }, nil},
		{"Take-up ± (points)", "takeup_pct_points", 100, func(u *plan.Uncertainty) *float64 { return &u.TakeupPctPoints }, nil},
		{"Recruitment ± (%)", "recruitment_pct", 100, func(u *plan.Uncertainty) *float64 { return &u.RecruitmentPct }, nil},
	}
}

// newUncertaintyPart builds the part; it follows the session by itself.
func newUncertaintyPart(ui *UI) *uncertaintyPart {
	up := &uncertaintyPart{ui: ui, fields: uncertaintyFields(), message: widget.NewLabel("")}
	up.message.Importance = widget.DangerImportance
	up.message.Wrapping = fyne.TextWrapWord
	// One row of four, so the milestones above keep their room.
	row := container.NewGridWithColumns(len(up.fields))
	for i := range up.fields {
		f := &up.fields[i]
		f.entry = widget.NewEntry()
		f.entry.PlaceHolder = fmt.Sprintf("blank: 0 (up to %s)", num(f.max))
		f.entry.OnChanged = func(t string) { up.set(f, t) }
		row.Add(container.NewBorder(nil, nil, widget.NewLabel(f.label), nil, f.entry))
	}
	help := widget.NewLabel("How sure are the assumptions? Each run of the likely range draws, for each profession, " +
		"a value within ± these of the plan's own. All four blank: no likely range.")
	help.Truncation = fyne.TextTruncateEllipsis
	up.message.Hide()
	// Folded by default: its title says the ranges, and the milestones
	// above keep their room.
	up.item = widget.NewAccordionItem("Uncertainty", container.NewVBox(help, row, up.message))
	up.fold = widget.NewAccordion(up.item)
	up.object = container.NewVBox(widget.NewSeparator(), up.fold)
	ui.session.OnChange(up.refresh)
	up.refresh()
	ui.uncertainty = up
	return up
}

// set edits one range from its typed text; the plan's rules (0 to the
// field's limit) are checked by the session, and a refusal changes nothing.
func (up *uncertaintyPart) set(f *uncertaintyField, text string) {
	if up.loading {
		return
	}
	err := up.ui.session.Edit("uncertainty."+f.key, func(p *plan.Plan) error {
		v, err := parseOptNum(text)
		if err != nil {
			return fmt.Errorf("%s: %v", strings.TrimSuffix(f.label, " (points)"), err)
		}
		u := plan.Uncertainty{}
		if p.Uncertainty != nil {
			u = *p.Uncertainty
		}
		*f.value(&u) = 0
		if v != nil {
			*f.value(&u) = *v
		}
		p.Uncertainty = &u
		if up.allBlank(f, text) {
			p.Uncertainty = nil
		}
		return nil
	})
	up.message.SetText(up.errorText(err))
	up.message.Hidden = err == nil
	up.message.Refresh()
	up.fold.Refresh()
}

// allBlank tells whether every range is blank, f being typed as text.
func (up *uncertaintyPart) allBlank(f *uncertaintyField, text string) bool {
	for i := range up.fields {
		t := up.fields[i].entry.Text
		if &up.fields[i] == f {
			t = text
		}
		if strings.TrimSpace(t) != "" {
			return false
		}
	}
	return true
}

// errorText is an edit's refusal in plain words, one rule a line, a
// range named as the form names it.
func (up *uncertaintyPart) errorText(err error) string {
	if err == nil {
		return ""
	}
	var errs plan.Errors
	if errors.As(err, &errs) {
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = plainError(e)
			for _, f := range up.fields {
				if e.Path == "uncertainty."+f.key {
					lines[i] = f.label + ": " + e.Msg
				}
			}
		}
		return strings.Join(lines, "\n")
	}
	return err.Error()
}

// refresh shows the plan's ranges (blank for none), leaving alone what is
// being typed when it means the same number.
func (up *uncertaintyPart) refresh() {
	p := up.ui.session.Plan()
	if p == nil {
		return
	}
	up.loading = true
	defer func() { up.loading = false }()
	for i := range up.fields {
		f := &up.fields[i]
		text := ""
		if p.Uncertainty != nil {
			text = num(*f.value(p.Uncertainty))
		}
		if strings.TrimSpace(f.entry.Text) == "" && text == "0" {
			continue // blank is 0
		}
		setIfDifferent(f.entry, text, sameValue)
	}
	if title := uncertaintyTitle(p.Uncertainty); up.item.Title != title {
		up.item.Title = title
		up.fold.Refresh()
	}
}

// uncertaintyTitle says the ranges in the folded part's title.
func uncertaintyTitle(u *plan.Uncertainty) string {
	if u.Zero() {
		return "Uncertainty: none set, so no likely range is drawn"
	}
	return fmt.Sprintf("Uncertainty: leaver rates ± %s points, completion ± %s, take-up ± %s, recruitment ± %s %%",
		num(u.LeaverRatePctPoints), num(u.CompletionPctPoints), num(u.TakeupPctPoints), num(u.RecruitmentPct))
}
