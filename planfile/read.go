// Package planfile reads and writes the JSON plan file (.psyplan; earlier
// versions wrote .psyplan.json) of the plan file contract: it reads
// versions 1, 2 and 3 and writes version 3 (demand.md lists its fields).
package planfile

import (
	"fmt"
	"math"
	"unicode/utf8"

	"example.org/psyplan/plan"
)

// Format and Version identify a plan file: Version is the one written and
// the newest read; every version from 1 on is read.
const (
	Format    = "psyplan-plan"
	Version   = 3
	Extension = ".psyplan"
	// OldExtension is the extension earlier versions wrote: still read.
	OldExtension = ".psyplan.json"
)

// readsVersions names the versions Read accepts, for messages.
const readsVersions = "versions 1, 2 and 3"

// maxErrors keeps a badly broken file's message readable.
const maxErrors = 25

var bom = []byte{0xEF, 0xBB, 0xBF}

// Read parses and validates a plan file. A file that breaks any rule is
// refused whole: the error (a plan.Errors when fields are at fault) names
// each field and what is wrong with it.
func Read(data []byte) (*plan.Plan, error) {
	p, err := Rescue(data)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func trim(errs plan.Errors) plan.Errors {
	if len(errs) <= maxErrors {
		return errs
	}
	more := len(errs) - maxErrors
	return append(errs[:maxErrors:maxErrors], plan.FieldError{Msg: fmt.Sprintf("... and %d more problems", more)})
}

func (d *decoder) plan(root *node) *plan.Plan {
	if root.kind != kObject {
		d.add("", "this is not a PsyPlan plan file: it must be a JSON object ({ ... }), not %s", kindNames[root.kind])
		return nil
	}
	if !d.formatAndVersion(root) {
		return nil
	}
	f := d.object("", root, "format", "version", "name", "area", "notes", "baseline_month", "horizon_month",
		"cap_hires_at_funded_posts", "qualifier_wait_months", "count_salaried_trainees", "pay_uplift_pct_per_year",
		"uncertainty", "trajectory", "professions", "posts", "cohorts", "actuals", "scenarios",
		"qualifiers_move_between_service_areas", "demand", "budget")
	f.since2("qualifier_wait_months", "count_salaried_trainees", "pay_uplift_pct_per_year", "uncertainty")
	f.since(3, "qualifiers_move_between_service_areas", "demand", "budget")
	p := &plan.Plan{
		Name:     f.str("name", true),
		Area:     f.str("area", false),
		Notes:    f.str("notes", false),
		Baseline: f.month("baseline_month"),
		Horizon:  f.month("horizon_month"),
		CapHires: true,
	}
	if b := f.boolean("cap_hires_at_funded_posts"); b != nil {
		p.CapHires = *b
	}
	if w := f.optWhole("qualifier_wait_months", 0, plan.MaxWaitMonths); w != nil {
		p.QualifierWaitMonths = *w
	}
	if b := f.boolean("count_salaried_trainees"); b != nil {
		p.CountSalariedTrainees = *b
	}
	if b := f.boolean("qualifiers_move_between_service_areas"); b != nil {
		p.QualifiersMove = *b
	}
	p.PayUpliftPctPerYear = f.num("pay_uplift_pct_per_year", false, 0)
	p.Uncertainty = d.uncertainty(f)
	p.Trajectory = d.trajectory(f)
	p.Professions = items(d, "professions", f.list("professions"), d.profession)
	p.Posts = items(d, "posts", f.list("posts"), d.post)
	p.Cohorts = items(d, "cohorts", f.list("cohorts"), d.cohort)
	p.Actuals = items(d, "actuals", f.list("actuals"), d.actual)
	p.Scenarios = items(d, "scenarios", f.list("scenarios"), d.scenario)
	p.Demand = items(d, "demand", f.list("demand"), d.demand)
	p.Budget = items(d, "budget", f.list("budget"), d.budgetYear)
	return p
}

// items reads each item of a list (nil when it has none) with read, its
// path being list[i]. A national plan's lists have 30,000 items, and
// messages are rare: each is read without its path first (the path is
// text to be made), and read again with it only when that noted
// something. Reading is the same each time, so the messages are too.
func items[T any](d *decoder, list string, ns []*node, read func(path string, n *node) T) []T {
	if len(ns) == 0 {
		return nil
	}
	out := make([]T, len(ns))
	for i, n := range ns {
		out[i] = named(d, list, i, n, read)
	}
	return out
}

// named reads item i of a list with read, making its path only when that
// notes something (see items).
func named[T any](d *decoder, list string, i int, n *node, read func(path string, n *node) T) T {
	noted := len(d.errs)
	v := read(unnamed, n)
	if len(d.errs) > noted {
		d.errs = d.errs[:noted]
		v = read(index(list, i), n)
	}
	return v
}

// demand reads one access target (version 3).
func (d *decoder) demand(path string, n *node) plan.Demand {
	f := d.object(path, n, "service_area", "people_per_year", "hours_per_person", "mix")
	if f == nil {
		return plan.Demand{}
	}
	dm := plan.Demand{ServiceArea: f.str("service_area", true), HoursPerPerson: f.num("hours_per_person", true, 0)}
	if f.get("people_per_year", true) != nil {
		for i, pn := range f.list("people_per_year") {
			pf := d.object(index(path+".people_per_year", i), pn, "month", "people")
			if pf != nil {
				dm.PeoplePerYear = append(dm.PeoplePerYear, plan.PeoplePoint{Month: pf.month("month"), People: pf.num("people", true, 0)})
			}
		}
	}
	if f.get("mix", true) != nil {
		for i, mn := range f.list("mix") {
			mf := d.object(index(path+".mix", i), mn, "profession", "share_pct")
			if mf != nil {
				dm.Mix = append(dm.Mix, plan.MixShare{Profession: mf.str("profession", true), SharePct: mf.num("share_pct", true, 0)})
			}
		}
	}
	return dm
}

// budgetYear reads one year's money for pay (version 3).
func (d *decoder) budgetYear(path string, n *node) plan.BudgetYear {
	f := d.object(path, n, "financial_year", "gbp")
	if f == nil {
		return plan.BudgetYear{}
	}
	b := plan.BudgetYear{GBP: f.num("gbp", true, 0)}
	if s := f.str("financial_year", true); s != "" {
		y, err := plan.ParseFinancialYear(s)
		if err != nil {
			d.add(path+".financial_year", "%v", err)
		}
		b.Year = y
	} else {
		b.Year = plan.MinYear // already refused: keeps a second message away
	}
	return b
}

// formatAndVersion is checked before anything else: a newer version may
// have fields this one does not know, and those are not the planner's fault.
func (d *decoder) formatAndVersion(root *node) bool {
	var format, version *node
	for i, k := range root.keys() {
		switch k {
		case "format":
			format = root.vals()[i]
		case "version":
			version = root.vals()[i]
		}
	}
	switch {
	case format == nil || format.kind != kString || format.text != Format:
		d.add("format", "this is not a PsyPlan plan file (it must have \"format\": %q)", Format)
	case version == nil || version.kind != kNumber:
		d.add("version", "is required and must be a number (%s)", readsVersions)
	case version.num > Version && version.num == math.Trunc(version.num):
		d.add("version", "this plan file is version %s, made by a newer PsyPlan; this one reads %s", plan.Num(version.num), readsVersions)
	case version.num < 1 || version.num > Version || version.num != math.Trunc(version.num):
		d.add("version", "%s is not a plan file version; this PsyPlan reads %s", plan.Num(version.num), readsVersions)
	default:
		d.version = int(version.num)
	}
	return len(d.errs) == 0
}

// uncertainty reads the ranges for the low-high band: nil when absent.
func (d *decoder) uncertainty(top *fields) *plan.Uncertainty {
	n := top.get("uncertainty", false)
	if n == nil {
		return nil
	}
	f := d.object("uncertainty", n, "leaver_rate_pct_points", "completion_pct_points", "takeup_pct_points", "recruitment_pct")
	if f == nil {
		return nil
	}
	return &plan.Uncertainty{
		LeaverRatePctPoints: f.num("leaver_rate_pct_points", false, 0),
		CompletionPctPoints: f.num("completion_pct_points", false, 0),
		TakeupPctPoints:     f.num("takeup_pct_points", false, 0),
		RecruitmentPct:      f.num("recruitment_pct", false, 0),
	}
}

func (d *decoder) trajectory(top *fields) plan.Trajectory {
	t := plan.Trajectory{Interpolation: plan.Linear}
	n := top.get("trajectory", false)
	if n == nil {
		return t
	}
	f := d.object("trajectory", n, "interpolation", "baseline_wte", "milestones")
	if f == nil {
		return t
	}
	if s := f.optStr("interpolation"); s != nil {
		t.Interpolation = *s
	}
	t.BaselineWTE = f.optNum("baseline_wte")
	for i, n := range f.list("milestones") {
		mf := d.object(index("trajectory.milestones", i), n, "month", "growth_pct")
		if mf != nil {
			t.Milestones = append(t.Milestones, plan.Milestone{Month: mf.month("month"), GrowthPct: mf.num("growth_pct", true, 0)})
		}
	}
	return t
}

func (d *decoder) profession(path string, n *node) plan.Profession {
	f := d.object(path, n, "id", "name", "leaver_rate_pct", "wte_per_head", "cost_per_wte_gbp",
		"trainees_salaried", "trainee_wte_per_head", "trainee_cost_per_wte_gbp", "clinical_hours_per_wte_per_year")
	if f == nil {
		return plan.Profession{}
	}
	f.since2("trainees_salaried", "trainee_wte_per_head", "trainee_cost_per_wte_gbp")
	f.since(3, "clinical_hours_per_wte_per_year")
	prof := plan.Profession{
		ID:                f.str("id", true),
		Name:              f.str("name", true),
		LeaverRatePct:     f.num("leaver_rate_pct", false, 0),
		WTEPerHead:        f.num("wte_per_head", false, 1),
		CostPerWTE:        f.num("cost_per_wte_gbp", false, 0),
		TraineeWTEPerHead: f.num("trainee_wte_per_head", false, 1),
		TraineeCostPerWTE: f.num("trainee_cost_per_wte_gbp", false, 0),

		ClinicalHoursPerWTE: f.optNum("clinical_hours_per_wte_per_year"),
	}
	if b := f.boolean("trainees_salaried"); b != nil {
		prof.TraineesSalaried = *b
	}
	// plan.Validate lets a Go-built plan leave an unused trainee WTE at 0;
	// a file says 0.01 to 1 whether or not its trainees are salaried.
	if prof.TraineeWTEPerHead == 0 {
		d.add(path+".trainee_wte_per_head", "0 is below %s", plan.Num(plan.MinWTEPerHead))
	}
	return prof
}

func (d *decoder) post(path string, n *node) plan.PostLine {
	f := d.object(path, n, "profession", "service_area", "in_post_wte", "in_post_headcount", "funded_wte",
		"recruits_wte_per_year", "leaver_rate_pct", "changes")
	if f == nil {
		return plan.PostLine{}
	}
	l := plan.PostLine{
		Profession:         f.str("profession", true),
		ServiceArea:        f.str("service_area", true),
		InPostWTE:          f.num("in_post_wte", true, 0),
		InPostHeadcount:    f.optNum("in_post_headcount"),
		FundedWTE:          f.num("funded_wte", true, 0),
		RecruitsWTEPerYear: f.num("recruits_wte_per_year", false, 0),
		LeaverRatePct:      f.optNum("leaver_rate_pct"),
	}
	changes := unnamed // the path is made only when it is needed (items)
	if path != unnamed {
		changes = path + ".changes"
	}
	for i, cn := range f.list("changes") {
		c := named(d, changes, i, cn, d.change)
		if cn.kind == kObject { // anything else is noted, and left out
			l.Changes = append(l.Changes, c)
		}
	}
	return l
}

func (d *decoder) change(path string, n *node) plan.FundedChange {
	f := d.object(path, n, "month", "funded_wte_delta")
	if f == nil {
		return plan.FundedChange{}
	}
	return plan.FundedChange{Month: f.month("month"), FundedWTEDelta: f.num("funded_wte_delta", true, 0)}
}

func (d *decoder) cohort(path string, n *node) plan.Cohort {
	f := d.object(path, n, "profession", "service_area", "start_month", "duration_months", "intake",
		"completion_pct", "takeup_pct", "drawn_from")
	if f == nil {
		return plan.Cohort{}
	}
	f.since2("drawn_from")
	return plan.Cohort{
		Profession:     f.str("profession", true),
		ServiceArea:    f.str("service_area", true),
		Start:          f.month("start_month"),
		DurationMonths: f.whole("duration_months", 1, plan.MaxDuration),
		Intake:         f.whole("intake", 0, plan.MaxWTE),
		CompletionPct:  f.num("completion_pct", true, 0),
		TakeupPct:      f.num("takeup_pct", true, 0),
		DrawnFrom:      d.drawnFrom(f),
	}
}

// drawnFrom reads a cohort's share drawn from staff in post: nil when null.
func (d *decoder) drawnFrom(cohort *fields) *plan.DrawnFrom {
	n := cohort.get("drawn_from", false)
	if n == nil {
		return nil
	}
	f := d.object(join(cohort.path, "drawn_from"), n, "profession", "pct")
	if f == nil {
		return nil
	}
	return &plan.DrawnFrom{Profession: f.str("profession", true), Pct: f.num("pct", true, 0)}
}

func (d *decoder) actual(path string, n *node) plan.Actual {
	f := d.object(path, n, "month", "profession", "in_post_wte")
	if f == nil {
		return plan.Actual{}
	}
	a := plan.Actual{Month: f.month("month"), InPostWTE: f.num("in_post_wte", true, 0)}
	if s := f.optStr("profession"); s != nil {
		a.Profession = *s
		if *s == "" {
			d.add(path+".profession", "must be a profession's id, or null for the total")
		}
	}
	return a
}

func (d *decoder) scenario(path string, n *node) plan.Scenario {
	f := d.object(path, n, "name", "professions", "posts", "extra_cohorts", "cap_hires_at_funded_posts", "qualifier_wait_months",
		"qualifiers_move_between_service_areas")
	if f == nil {
		return plan.Scenario{}
	}
	f.since2("qualifier_wait_months")
	f.since(3, "qualifiers_move_between_service_areas")
	s := plan.Scenario{Name: f.str("name", true), CapHires: f.boolean("cap_hires_at_funded_posts"),
		QualifierWaitMonths: f.optWhole("qualifier_wait_months", 0, plan.MaxWaitMonths),
		QualifiersMove:      f.boolean("qualifiers_move_between_service_areas")}
	if pn := f.get("professions", false); pn != nil && f.is(pn, "professions", kObject) {
		for i, id := range pn.keys() {
			op := path + ".professions." + id
			if contains(pn.keys()[:i], id) {
				line, col := lineColumn(d.data, pn.koffs()[i])
				d.add(op, "appears twice in the same object (again at line %d, column %d)", line, col)
				continue
			}
			of := d.object(op, pn.vals()[i], "leaver_rate_pct", "wte_per_head", "cost_per_wte_gbp")
			if of != nil {
				s.Professions = append(s.Professions, plan.ProfessionOverride{Profession: id,
					LeaverRatePct: of.optNum("leaver_rate_pct"), WTEPerHead: of.optNum("wte_per_head"), CostPerWTE: of.optNum("cost_per_wte_gbp")})
			}
		}
	}
	for i, pn := range f.list("posts") {
		of := d.object(index(path+".posts", i), pn, "profession", "service_area", "recruits_wte_per_year",
			"leaver_rate_pct", "funded_wte", "in_post_wte")
		if of != nil {
			s.Posts = append(s.Posts, plan.PostOverride{Profession: of.str("profession", true), ServiceArea: of.str("service_area", true),
				RecruitsWTEPerYear: of.optNum("recruits_wte_per_year"), LeaverRatePct: of.optNum("leaver_rate_pct"),
				FundedWTE: of.optNum("funded_wte"), InPostWTE: of.optNum("in_post_wte")})
		}
	}
	for i, cn := range f.list("extra_cohorts") {
		s.ExtraCohorts = append(s.ExtraCohorts, d.cohort(index(path+".extra_cohorts", i), cn))
	}
	return s
}
