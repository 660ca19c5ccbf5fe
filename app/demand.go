package app

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// demandView is the Demand screen: each service area's access target
// (people entering treatment a year, from a month on), the hours of care
// one person takes, and who gives those hours (demand.md).
//
// A service area's demand is only whole once its target, its hours and a
// mix adding up to 100 % are all typed, so the screen keeps what is typed
// as a draft while it breaks a rule: every problem is said beside the
// table it is in, nothing is saved, and the first edit that makes it
// right saves it all at once, as one step Undo takes back.
type demandView struct {
	ui       *UI
	draft    *plan.Plan // the plan with the demand as typed, while it breaks a rule
	draftOf  *plan.Plan // the session's plan the draft was made from
	entries  *recordTable
	targets  *recordTable
	mix      *recordTable
	sentence *widget.Label // the demand sentence of the overview
	banner   *widget.Label // not saved yet
	discard  *widget.Button
	problems map[string]*widget.Label // per part: "entries", "targets", "mix"
	sum      *widget.Label            // the running sum of the mix's shares
	object   fyne.CanvasObject
}

const (
	demandName        = "Demand"
	serviceAreaTitle  = "Service area"
	hoursTitle        = "Hours of care per person"
	targetMonthTitle  = "From (month)"
	targetPeopleTitle = "People a year"
	mixProfTitle      = "Profession"
	mixShareTitle     = "Share of the hours %"
)

func newDemandView(ui *UI) *view {
	dv := &demandView{ui: ui, problems: map[string]*widget.Label{}}
	ui.demand = dv
	for _, part := range []string{"entries", "targets", "mix", "other"} {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		dv.problems[part] = l
	}
	dv.entries = newRecordTable(ui, &records{
		noun: "service area", list: "demand", heading: "Service areas and their care", tableAt: 0.55,
		source: dv.plan, edit: dv.edit, selected: dv.entryChosen,
		count: func(p *plan.Plan) int { return len(p.Demand) },
		columns: []column{
			{title: serviceAreaTitle, field: "service_area", width: 300, choices: planServiceAreas, open: true,
				hint:  "choose one, or type a new one",
				help:  "Whose staff give the care: its post lines of the mix's professions are counted.",
				value: func(p *plan.Plan, i int) string { return p.Demand[i].ServiceArea },
				set:   func(p *plan.Plan, i int, t string) error { p.Demand[i].ServiceArea = strings.TrimSpace(t); return nil }},
			{title: hoursTitle, field: "hours_per_person", width: 180, hint: "for example 7.5",
				help: "Clinical hours, all professions together, of one person's course of care: 6 sessions of an hour and " +
					"1.5 hours of assessment are 7.5.",
				value: func(p *plan.Plan, i int) string { return blankZero(p.Demand[i].HoursPerPerson) },
				show:  func(p *plan.Plan, i int) string { return blankZero(p.Demand[i].HoursPerPerson) },
				set:   setFloatOr(0, func(p *plan.Plan, i int) *float64 { return &p.Demand[i].HoursPerPerson })},
			{title: "Target when judged", field: "target", width: 200, tableOnly: true,
				value: func(p *plan.Plan, i int) string { return dv.targetNow(p, i) }},
			{title: "Mix", field: "mix", width: 600, tableOnly: true,
				value: func(p *plan.Plan, i int) string { return mixText(p, p.Demand[i].Mix) }},
		},
		add:    addDemand,
		remove: func(p *plan.Plan, i int) { p.Demand = append(p.Demand[:i], p.Demand[i+1:]...) },
	})
	entry := func(p *plan.Plan) *plan.Demand {
		if i := dv.entries.selected; i >= 0 && i < len(p.Demand) {
			return &p.Demand[i]
		}
		return nil
	}
	dv.targets = newRecordTable(ui, &records{
		noun: "target", source: dv.plan, edit: dv.edit, heading: "Its access target", tableAt: 0.45,
		listOf: func() string { return fmt.Sprintf("demand[%d].people_per_year", dv.entries.selected) },
		count: func(p *plan.Plan) int {
			if d := entry(p); d != nil {
				return len(d.PeoplePerYear)
			}
			return 0
		},
		columns: []column{
			{title: targetMonthTitle, field: "month", width: 130, hint: "for example Apr 2024",
				help:  "From this month; between two months the target moves evenly.",
				value: func(p *plan.Plan, i int) string { return entry(p).PeoplePerYear[i].Month.Label() },
				set: func(p *plan.Plan, i int, t string) error {
					m, err := parseMonth(t)
					entry(p).PeoplePerYear[i].Month = m
					return err
				}},
			{title: targetPeopleTitle, field: "people", width: 150, hint: "for example 30,000",
				help:  "People starting treatment a year: the access target commissioned.",
				value: func(p *plan.Plan, i int) string { return num(entry(p).PeoplePerYear[i].People) },
				show:  func(p *plan.Plan, i int) string { return format.Whole(entry(p).PeoplePerYear[i].People) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &entry(p).PeoplePerYear[i].People })},
		},
		add: func(p *plan.Plan) error {
			d := entry(p)
			if d == nil {
				return fmt.Errorf("choose a service area first (or add one)")
			}
			pt := plan.PeoplePoint{Month: p.Baseline.Add(1)}
			if n := len(d.PeoplePerYear); n > 0 {
				pt = d.PeoplePerYear[n-1]
				pt.Month = pt.Month.Add(12)
			}
			d.PeoplePerYear = append(d.PeoplePerYear, pt)
			return nil
		},
		remove: func(p *plan.Plan, i int) {
			d := entry(p)
			d.PeoplePerYear = append(d.PeoplePerYear[:i], d.PeoplePerYear[i+1:]...)
		},
	})
	dv.mix = newRecordTable(ui, &records{
		noun: "profession", source: dv.plan, edit: dv.edit, heading: "Who gives its care", tableAt: 0.45,
		listOf: func() string { return fmt.Sprintf("demand[%d].mix", dv.entries.selected) },
		count: func(p *plan.Plan) int {
			if d := entry(p); d != nil {
				return len(d.Mix)
			}
			return 0
		},
		columns: []column{
			{title: mixProfTitle, field: "profession", width: 220, choices: clinicalProfessionNames,
				help:  "Those with clinical hours per WTE a year (Professions screen).",
				value: func(p *plan.Plan, i int) string { return professionName(p, entry(p).Mix[i].Profession) },
				set:   func(p *plan.Plan, i int, t string) error { entry(p).Mix[i].Profession = professionID(p, t); return nil }},
			{title: mixShareTitle, field: "share_pct", width: 170, hint: "for example 60",
				help:  "Its share of the hours of care; the shares add up to 100.",
				value: func(p *plan.Plan, i int) string { return num(entry(p).Mix[i].SharePct) },
				show:  func(p *plan.Plan, i int) string { return pctCell(entry(p).Mix[i].SharePct) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &entry(p).Mix[i].SharePct })},
		},
		add: func(p *plan.Plan) error {
			d := entry(p)
			if d == nil {
				return fmt.Errorf("choose a service area first (or add one)")
			}
			return addMixShare(p, d)
		},
		remove: func(p *plan.Plan, i int) {
			d := entry(p)
			d.Mix = append(d.Mix[:i], d.Mix[i+1:]...)
		},
	})

	dv.sentence = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	dv.sentence.Wrapping = fyne.TextWrapWord
	dv.banner = widget.NewLabel("")
	dv.banner.Importance = widget.WarningImportance
	dv.banner.Wrapping = fyne.TextWrapWord
	dv.discard = widget.NewButtonWithIcon("Discard what is not saved", theme.ContentUndoIcon(), dv.discardDraft)
	draftRow := container.NewBorder(nil, nil, nil, dv.discard, dv.banner)
	dv.sum = widget.NewLabel("")
	dv.sum.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel("Each service area's access target, the hours of care a person takes and who gives them: " +
		"with clinical hours per WTE, the WTE needed, set against the staff in post.")
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(dv.sentence, help, draftRow, dv.problems["other"])
	entries := container.NewBorder(nil, dv.problems["entries"], nil, nil, dv.entries.object)
	targets := container.NewBorder(nil, dv.problems["targets"], nil, nil, dv.targets.object)
	mix := container.NewBorder(nil, container.NewVBox(dv.sum, dv.problems["mix"]), nil, nil, dv.mix.object)
	split := container.NewVSplit(entries, container.NewGridWithColumns(2, targets, mix))
	split.Offset = 0.42
	dv.object = container.NewBorder(top, nil, nil, nil, split)
	dv.refresh()
	return &view{name: demandName, object: dv.object, refresh: dv.refresh, first: func() {
		dv.entries.selectFirst()
		dv.targets.selectFirst()
		dv.mix.selectFirst()
	}}
}

// plan is the plan the screen shows: the draft while there is one of the
// session's plan as it stands, else the session's.
func (dv *demandView) plan() *plan.Plan {
	if dv.draft != nil && dv.draftOf == dv.ui.session.Plan() {
		return dv.draft
	}
	dv.draft, dv.draftOf = nil, nil // undone, or another plan opened: the draft was of the plan before
	return dv.ui.session.Plan()
}

// edit changes the demand: saved through the session when the plan keeps
// every rule, else kept as the draft with its problems said.
func (dv *demandView) edit(key string, fn func(p *plan.Plan) error) error {
	base := dv.plan()
	if base == nil {
		return fmt.Errorf("no plan is open")
	}
	next := base.Clone()
	if err := fn(next); err != nil {
		return err
	}
	if plan.Validate(next) == nil {
		demand := next.Demand
		if err := dv.ui.session.Edit(key, func(p *plan.Plan) error { p.Demand = demand; return nil }); err != nil {
			return err
		}
		dv.draft, dv.draftOf = nil, nil
		dv.refresh()
		return nil
	}
	dv.draft, dv.draftOf = next, dv.ui.session.Plan()
	dv.refresh()
	return nil
}

// discardDraft goes back to the demand as saved.
func (dv *demandView) discardDraft() {
	dv.draft, dv.draftOf = nil, nil
	dv.refresh()
}

// entryChosen shows the chosen service area's target and mix.
func (dv *demandView) entryChosen(int) {
	for _, rt := range []*recordTable{dv.targets, dv.mix} {
		rt.selected = -1
		rt.table.UnselectAll()
		rt.message.SetText("")
	}
	dv.refreshParts()
}

func (dv *demandView) refresh() {
	dv.entries.refresh()
	dv.refreshParts()
}

// refreshParts shows everything but the service areas' table.
func (dv *demandView) refreshParts() {
	dv.targets.refresh()
	dv.mix.refresh()
	p := dv.plan()
	drafting := dv.draft != nil
	if drafting {
		dv.banner.SetText("Not saved yet: the demand breaks the rules said in red. Put them right and it is saved at once.")
		dv.banner.Show()
		dv.discard.Show()
	} else {
		dv.banner.Hide()
		dv.discard.Hide()
	}
	dv.showSum(p)
	dv.showProblems(p)
	sentence := ""
	if !drafting && p != nil {
		if pr := dv.ui.session.Projection(); pr != nil {
			sentence = demandSentence(p, pr)
		}
	}
	say(dv.sentence, sentence)
	if dv.object != nil {
		dv.object.Refresh() // the labels shown or hidden take their room
	}
}

// showSum says the running sum of the chosen service area's shares.
func (dv *demandView) showSum(p *plan.Plan) {
	i := dv.entries.selected
	if p == nil || i < 0 || i >= len(p.Demand) || len(p.Demand[i].Mix) == 0 {
		dv.sum.SetText("")
		dv.sum.Hide()
		return
	}
	total := 0.0
	for _, s := range p.Demand[i].Mix {
		total += s.SharePct
	}
	dv.sum.Show()
	if math.Abs(total-100) <= 1e-9 {
		dv.sum.Importance = widget.SuccessImportance
		dv.sum.SetText("The shares add up to 100 ✓")
		return
	}
	dv.sum.Importance = widget.DangerImportance
	dv.sum.SetText(fmt.Sprintf("The shares add up to %s, not 100", plan.Num(total)))
}

// showProblems puts each rule the draft breaks beside the table it is
// about, in the form's words.
func (dv *demandView) showProblems(p *plan.Plan) {
	lines := map[string][]string{}
	if dv.draft != nil && p != nil {
		for _, e := range plan.Validate(p) {
			part, text := dv.placeProblem(p, e)
			if part == "mix" && e.Path == fmt.Sprintf("demand[%d].mix", dv.entries.selected) && dv.sum.Visible() {
				continue // the running sum under the mix says it already
			}
			lines[part] = append(lines[part], text)
		}
	}
	for part, l := range dv.problems {
		say(l, strings.Join(lines[part], "\n"))
	}
}

// placeProblem says which part of the screen a rule's message belongs to,
// and the message in the screen's words.
func (dv *demandView) placeProblem(p *plan.Plan, e plan.FieldError) (part, text string) {
	var k int
	var rest string
	if n, err := fmt.Sscanf(e.Path, "demand[%d]", &k); n != 1 || err != nil || k < 0 || k >= len(p.Demand) {
		return "other", plainError(e)
	}
	rest = strings.TrimPrefix(e.Path, fmt.Sprintf("demand[%d]", k))
	area := p.Demand[k].ServiceArea
	if area == "" {
		area = fmt.Sprintf("service area %d", k+1)
	}
	if k != dv.entries.selected {
		return "entries", area + ": " + describePath(rest) + e.Msg
	}
	switch {
	case strings.HasPrefix(rest, ".people_per_year"):
		return "targets", rowWords(strings.TrimPrefix(rest, ".people_per_year"), map[string]string{"month": targetMonthTitle, "people": targetPeopleTitle}) + e.Msg
	case strings.HasPrefix(rest, ".mix"):
		return "mix", rowWords(strings.TrimPrefix(rest, ".mix"), map[string]string{"profession": mixProfTitle, "share_pct": mixShareTitle}) + e.Msg
	case rest == ".service_area":
		return "entries", serviceAreaTitle + ": " + e.Msg
	case rest == ".hours_per_person":
		return "entries", hoursTitle + ": " + e.Msg
	}
	return "entries", plainError(e)
}

// describePath is a path inside a demand entry in words, for a service
// area not chosen: ".mix" is "the mix: ".
func describePath(rest string) string {
	switch {
	case rest == "":
		return ""
	case strings.HasPrefix(rest, ".people_per_year"):
		return "the access target: "
	case strings.HasPrefix(rest, ".mix"):
		return "the mix: "
	case rest == ".hours_per_person":
		return hoursTitle + ": "
	case rest == ".service_area":
		return serviceAreaTitle + ": "
	}
	return strings.TrimPrefix(rest, ".") + ": "
}

// rowWords is "[1].month" as "Row 2, From (month): ", "" as "".
func rowWords(rest string, titles map[string]string) string {
	var row int
	var field string
	if n, _ := fmt.Sscanf(rest, "[%d]", &row); n != 1 {
		return ""
	}
	if i := strings.Index(rest, "]."); i >= 0 {
		field = rest[i+2:]
	}
	if t, ok := titles[field]; ok {
		return fmt.Sprintf("Row %d, %s: ", row+1, t)
	}
	return fmt.Sprintf("Row %d: ", row+1)
}

// targetNow is an entry's target at the month the plan is judged at.
func (dv *demandView) targetNow(p *plan.Plan, i int) string {
	d := &p.Demand[i]
	if len(d.PeoplePerYear) == 0 {
		return ""
	}
	at := p.JudgedAt(p.Horizon)
	return format.Whole(d.PeopleAt(at)) + " in " + at.Label()
}

// mixText is a mix in a table cell: "PWP 40 %, CBT therapist 60 %".
func mixText(p *plan.Plan, mix []plan.MixShare) string {
	parts := make([]string, len(mix))
	for i, s := range mix {
		parts[i] = professionName(p, s.Profession) + " " + pctCell(s.SharePct)
	}
	return strings.Join(parts, ", ")
}

func blankZero(x float64) string {
	if x == 0 {
		return ""
	}
	return num(x)
}

// planServiceAreas are the service areas the plan's post lines and
// cohorts name, in the order they first appear, then the Long Term
// Plan's others.
//
// The last answer is kept while the plan's post lines and cohorts are the
// same lists: plans are never changed in place (an edit changes a copy,
// which shares the lists it left alone), and the national plan's 26,880
// cohorts took 6 ms to read at every table's refresh.
func planServiceAreas(p *plan.Plan) []string {
	areasMemo.Lock()
	defer areasMemo.Unlock()
	key := areasKey{nPosts: len(p.Posts), nCohorts: len(p.Cohorts)}
	if len(p.Posts) > 0 {
		key.posts = &p.Posts[0]
	}
	if len(p.Cohorts) > 0 {
		key.cohorts = &p.Cohorts[0]
	}
	if key != areasMemo.key || areasMemo.areas == nil {
		areasMemo.key, areasMemo.areas = key, readServiceAreas(p)
	}
	return slices.Clone(areasMemo.areas) // a list of the caller's own
}

// areasKey names a plan's post lines and cohorts by where they are held.
type areasKey struct {
	nPosts, nCohorts int
	posts            *plan.PostLine
	cohorts          *plan.Cohort
}

var areasMemo struct {
	sync.Mutex
	key   areasKey
	areas []string
}

func readServiceAreas(p *plan.Plan) []string {
	var out []string
	seen := map[string]bool{}
	add := func(sa string) {
		if sa != "" && !seen[sa] {
			seen[sa] = true
			out = append(out, sa)
		}
	}
	for _, l := range p.Posts {
		add(l.ServiceArea)
	}
	for _, c := range p.Cohorts {
		add(c.ServiceArea)
	}
	for _, sa := range ServiceAreas {
		add(sa)
	}
	return out
}

// clinicalProfessionNames are the professions a mix may name: those with
// clinical hours.
func clinicalProfessionNames(p *plan.Plan) []string {
	var names []string
	for _, prof := range p.Professions {
		if prof.ClinicalHoursPerWTE != nil {
			names = append(names, prof.Name)
		}
	}
	return names
}

// addDemand adds a service area's demand for the first of the plan's
// service areas that has none yet: to be filled in (a draft until it is).
func addDemand(p *plan.Plan) error {
	taken := map[string]bool{}
	for _, d := range p.Demand {
		taken[d.ServiceArea] = true
	}
	for _, sa := range planServiceAreas(p) {
		if !taken[sa] {
			p.Demand = append(p.Demand, plan.Demand{ServiceArea: sa})
			return nil
		}
	}
	for n := 2; ; n++ {
		if sa := fmt.Sprintf("New service area %d", n); !taken[sa] {
			p.Demand = append(p.Demand, plan.Demand{ServiceArea: sa})
			return nil
		}
	}
}

// addMixShare adds the first profession with clinical hours not in the
// mix yet, with what is left of 100 %.
func addMixShare(p *plan.Plan, d *plan.Demand) error {
	in := map[string]bool{}
	left := 100.0
	for _, s := range d.Mix {
		in[s.Profession] = true
		left -= s.SharePct
	}
	ids := []string{}
	for _, prof := range p.Professions {
		if prof.ClinicalHoursPerWTE != nil && !in[prof.ID] {
			ids = append(ids, prof.ID)
		}
	}
	if len(ids) == 0 {
		if len(clinicalProfessionNames(p)) == 0 {
			return fmt.Errorf("no profession has clinical hours per WTE a year: set them on the Professions screen first")
		}
		return fmt.Errorf("every profession with clinical hours is in the mix already")
	}
	d.Mix = append(d.Mix, plan.MixShare{Profession: ids[0], SharePct: max(0, math.Round(left*100)/100)})
	return nil
}

// judgedDemand is the demand table of the month the plan is judged at
// alone (the sentences read no other month); false for a plan with no
// demand.
func judgedDemand(p *plan.Plan, pr *plan.Projection) (*plan.DemandTable, plan.Month, bool) {
	at := p.JudgedAt(pr.Horizon)
	dt, err := plan.DemandAt(p, pr, at)
	return dt, at, err == nil
}

// demandSentence is the overview's sentence on demand: the people a year
// the workforce can treat at the month the plan is judged at, against
// the target, and the profession that limits it most; "" for a plan with
// no demand.
func demandSentence(p *plan.Plan, pr *plan.Projection) string {
	dt, at, ok := judgedDemand(p, pr)
	if !ok {
		return ""
	}
	all := dt.Overall(0)
	text := fmt.Sprintf("In %s the workforce can treat %s people a year against a target of %s", at.Label(),
		format.Whole(all.CapacityPeople), format.Whole(all.PeoplePerYear))
	c, ok := dt.Constraint(0)
	if !ok {
		return text + "."
	}
	verb := "are the constraint"
	if all.ShortfallPeople <= 0 {
		verb = "are the tightest"
	}
	return fmt.Sprintf("%s: %s in %s %s, %s WTE needed and %s in post.", text, pluralName(professionName(p, c.Profession)),
		lowerFirst(c.ServiceArea), verb, format.WTE(c.NeededWTE), format.WTE(c.AvailableWTE))
}

// budgetSentence says where the pay bill goes over the budget, and by
// how much, or that it stays within it; "" for a plan with no budget in
// the projection's years.
func budgetSentence(p *plan.Plan, pr *plan.Projection) string {
	var over []plan.BudgetRow
	var judged []plan.BudgetRow
	for _, r := range plan.MakeBudget(p, pr) {
		if r.Headroom == nil {
			continue
		}
		judged = append(judged, r)
		if *r.Headroom < 0 {
			over = append(over, r)
		}
	}
	if len(judged) == 0 {
		return ""
	}
	span := judged[0].Label()
	if len(judged) > 1 {
		span += " to " + judged[len(judged)-1].Label()
	}
	if len(over) == 0 {
		least := judged[0]
		for _, r := range judged {
			if *r.Headroom < *least.Headroom {
				least = r
			}
		}
		return fmt.Sprintf("Pay bill within budget in every year with one (%s); the least to spare is %s, in %s.",
			span, format.PoundsShort(*least.Headroom), least.Label())
	}
	sort.SliceStable(over, func(a, b int) bool { return *over[a].Headroom < *over[b].Headroom })
	worst := over[0]
	first := over[0]
	for _, r := range over {
		if r.Year < first.Year {
			first = r
		}
	}
	text := fmt.Sprintf("Pay bill over budget in %s by %s", first.Label(), format.PoundsShort(-*first.Headroom))
	switch {
	case len(over) == 1:
		return text + "."
	case worst.Year != first.Year:
		return fmt.Sprintf("%s, and in %d of the %d years with a budget (%s), most in %s, by %s.", text, len(over), len(judged), span,
			worst.Label(), format.PoundsShort(-*worst.Headroom))
	}
	return fmt.Sprintf("%s, and in %d of the %d years with a budget (%s).", text, len(over), len(judged), span)
}

// pluralName is a profession's name for many people: "CBT therapists",
// "Psychological wellbeing practitioners (PWP)".
func pluralName(name string) string {
	head, tail := name, ""
	if i := strings.Index(name, " ("); i > 0 {
		head, tail = name[:i], name[i:]
	}
	if head == "" || strings.HasSuffix(head, "s") {
		return name
	}
	return head + "s" + tail
}

// lowerFirst writes a service area inside a sentence: "adult common
// mental health problems", keeping a capital that starts a short name
// ("CYP") or a proper name with more capitals.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || !isUpper(r[0]) || isUpper(r[1]) {
		return s
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}

func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }
