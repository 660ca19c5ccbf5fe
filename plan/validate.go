package plan

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"example.org/psyplan/format"
)

// FieldError is one broken rule, named by the plan file's field path,
// for example "cohorts[3].completion_pct".
type FieldError struct {
	Path string
	Msg  string
}

func (e FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Errors is every rule a plan breaks, in the order of the plan file.
type Errors []FieldError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Limits from the plan file contract.
const (
	MaxWTE            = 1_000_000
	MaxCostPerWTE     = 10_000_000
	MaxBaseWTE        = 10_000_000 // trajectory.baseline_wte
	MinWTEPerHead     = 0.01       // keeps headcount from WTE finite
	MaxWaitMonths     = 24         // qualifier_wait_months
	MinPayUplift      = -20        // pay_uplift_pct_per_year
	MaxPayUplift      = 50
	MaxGrowthPct      = 10_000
	MaxDuration       = 120
	MaxHorizonSpan    = 50 * 12
	MaxNameLen        = 200
	MaxNotesLen       = 20_000
	MinClinicalHours  = 1 // clinical_hours_per_wte_per_year
	MaxClinicalHours  = 2_000
	MaxPeople         = 100_000_000 // demand[].people_per_year[].people
	MaxHoursPerPerson = 1_000
	MaxBudgetGBP      = 1_000_000_000_000
	TotalWord         = "ALL" // the projection's total rows use it
)

var professionIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

// Validate checks every rule of the plan file contract and returns the
// broken ones (nil when the plan is valid).
func Validate(p *Plan) Errors {
	v := &validator{known: make(map[string]bool, len(p.Professions))}
	for _, prof := range p.Professions {
		v.known[prof.ID] = true
	}
	v.plan(p)
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

type validator struct {
	errs  Errors
	known map[string]bool // profession ids
}

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, FieldError{path, fmt.Sprintf(format, args...)})
}

// at names a field of a record; the path is only built for a message, so
// checking a national plan's 27,000 cohorts allocates next to nothing.
func at(record, field string) string {
	if record == "" {
		return field
	}
	return record + "." + field
}

func indexed(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

// unnamed is the path of a record checked before its path is made: a
// national plan has 30,000 records, and messages are rare (named).
const unnamed = "?"

// named checks record i of list with check: first unnamed, and again
// with its path only when that noted something. Checking is the same each
// time, so the messages are too.
func (v *validator) named(list string, i int, check func(path string)) {
	noted := len(v.errs)
	check(unnamed)
	if len(v.errs) > noted {
		v.errs = v.errs[:noted]
		check(indexed(list, i))
	}
}

// within is the path of a part of a record (path.part, or path.part[i]
// when i >= 0), made only when the record is named.
func within(path, part string, i int) string {
	switch {
	case path == unnamed:
		return unnamed
	case i < 0:
		return path + "." + part
	}
	return indexed(path+"."+part, i)
}

func (v *validator) plan(p *Plan) {
	v.title("", "name", p.Name)
	v.textLen("", "area", p.Area, MaxNameLen)
	v.textLen("", "notes", p.Notes, MaxNotesLen)
	v.month("", "baseline_month", p.Baseline)
	v.month("", "horizon_month", p.Horizon)
	if p.Horizon <= p.Baseline {
		v.add("horizon_month", "%s must be after the baseline month %s", p.Horizon, p.Baseline)
	} else if p.Horizon-p.Baseline > MaxHorizonSpan {
		v.add("horizon_month", "%s is more than 50 years after the baseline month %s", p.Horizon, p.Baseline)
	}
	v.between("", "qualifier_wait_months", float64(p.QualifierWaitMonths), 0, MaxWaitMonths)
	v.between("", "pay_uplift_pct_per_year", p.PayUpliftPctPerYear, MinPayUplift, MaxPayUplift)
	v.uncertainty(p.Uncertainty)
	v.trajectory(p)
	v.professions(p.Professions)
	lines := v.posts(p)
	for i := range p.Cohorts {
		v.named("cohorts", i, func(path string) { v.cohort(path, &p.Cohorts[i], lines) })
	}
	for i, a := range p.Actuals {
		path := indexed("actuals", i)
		v.month(path, "month", a.Month)
		if a.Profession != "" && p.Profession(a.Profession) == nil {
			v.add(path+".profession", "%q is not a profession of this plan", a.Profession)
		}
		v.between(path, "in_post_wte", a.InPostWTE, 0, MaxWTE)
	}
	v.scenarios(p, lines)
	v.demand(p)
	v.budget(p.Budget)
}

func (v *validator) trajectory(p *Plan) {
	t := p.Trajectory
	if t.Interpolation != Linear && t.Interpolation != Compound {
		v.add("trajectory.interpolation", "%q must be \"linear\" or \"compound\"", t.Interpolation)
	}
	if t.BaselineWTE != nil {
		v.between("trajectory", "baseline_wte", *t.BaselineWTE, 0, MaxBaseWTE)
	}
	prev := p.Baseline
	for i, m := range t.Milestones {
		path := indexed("trajectory.milestones", i)
		v.month(path, "month", m.Month)
		switch {
		case i == 0 && m.Month <= p.Baseline:
			v.add(path+".month", "%s must be after the baseline month %s", m.Month, p.Baseline)
		case i > 0 && m.Month <= prev:
			v.add(path+".month", "%s must be after the previous milestone's month %s", m.Month, prev)
		}
		prev = m.Month
		v.aboveAtMost(path, "growth_pct", m.GrowthPct, -100, MaxGrowthPct)
	}
}

func (v *validator) professions(ps []Profession) {
	seen := map[string]bool{}
	for i, prof := range ps {
		path := indexed("professions", i)
		if !professionIDPattern.MatchString(prof.ID) {
			v.add(path+".id", "%q must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit", prof.ID)
		} else if seen[prof.ID] {
			v.add(path+".id", "%q is used by another profession", prof.ID)
		}
		seen[prof.ID] = true
		v.nameLen(path, "name", prof.Name)
		v.noControl(path, "name", prof.Name)
		v.between(path, "leaver_rate_pct", prof.LeaverRatePct, 0, 100)
		v.between(path, "wte_per_head", prof.WTEPerHead, MinWTEPerHead, 1)
		v.between(path, "cost_per_wte_gbp", prof.CostPerWTE, 0, MaxCostPerWTE)
		// A plan built in Go that never sets the trainee WTE leaves it 0;
		// it is only used for salaried trainees, so 0 is refused only then
		// (the plan file writes it as the default, 1).
		if prof.TraineesSalaried || prof.TraineeWTEPerHead != 0 {
			v.between(path, "trainee_wte_per_head", prof.TraineeWTEPerHead, MinWTEPerHead, 1)
		}
		v.between(path, "trainee_cost_per_wte_gbp", prof.TraineeCostPerWTE, 0, MaxCostPerWTE)
		v.optBetween(path, "clinical_hours_per_wte_per_year", prof.ClinicalHoursPerWTE, MinClinicalHours, MaxClinicalHours)
	}
}

// demand checks the access targets (demand.md).
func (v *validator) demand(p *Plan) {
	areas := map[string]bool{}
	for i, d := range p.Demand {
		path := indexed("demand", i)
		v.serviceArea(path, "service_area", d.ServiceArea)
		if areas[d.ServiceArea] {
			v.add(path+".service_area", "%q has another demand entry already", d.ServiceArea)
		}
		areas[d.ServiceArea] = true
		if len(d.PeoplePerYear) == 0 {
			v.add(path+".people_per_year", "needs at least one month and number of people")
		}
		for j, pt := range d.PeoplePerYear {
			pp := indexed(path+".people_per_year", j)
			v.month(pp, "month", pt.Month)
			if j > 0 && pt.Month <= d.PeoplePerYear[j-1].Month {
				v.add(pp+".month", "%s must be after the previous point's month %s", pt.Month, d.PeoplePerYear[j-1].Month)
			}
			v.between(pp, "people", pt.People, 0, MaxPeople)
		}
		v.aboveAtMost(path, "hours_per_person", d.HoursPerPerson, 0, MaxHoursPerPerson)
		v.mix(p, path, d.Mix)
	}
}

// mix checks who gives a service's hours: professions with clinical hours,
// each once, shares above 0 adding up to 100.
func (v *validator) mix(p *Plan, path string, mix []MixShare) {
	if len(mix) == 0 {
		v.add(path+".mix", "needs at least one profession and its share")
		return
	}
	seen := map[string]bool{}
	total := 0.0
	for k, s := range mix {
		mp := indexed(path+".mix", k)
		prof := p.Profession(s.Profession)
		switch {
		case prof == nil:
			v.add(mp+".profession", "%q is not a profession of this plan", s.Profession)
		case prof.ClinicalHoursPerWTE == nil:
			v.add(mp+".profession", "%s has no clinical hours per WTE a year: set them on the profession first", prof.Name)
		case seen[s.Profession]:
			v.add(mp+".profession", "%q is in the mix twice", s.Profession)
		}
		seen[s.Profession] = true
		v.aboveAtMost(mp, "share_pct", s.SharePct, 0, 100)
		total += s.SharePct
	}
	if math.Abs(total-100) > 1e-9 && !math.IsNaN(total) {
		v.add(path+".mix", "the shares add up to %s, not 100", Num(total))
	}
}

// budget checks the money for pay: each financial year once.
func (v *validator) budget(bs []BudgetYear) {
	seen := map[int]bool{}
	for i, b := range bs {
		path := indexed("budget", i)
		if b.Year < MinYear-1 || b.Year > MaxYear { // 1899/00 holds Jan 1900, 2200/01 Dec 2200
			v.add(path+".financial_year", "%s is outside %s to %s", FinancialYearLabel(b.Year), FinancialYearLabel(MinYear-1), FinancialYearLabel(MaxYear))
		} else if seen[b.Year] {
			v.add(path+".financial_year", "%s has another budget already", FinancialYearLabel(b.Year))
		}
		seen[b.Year] = true
		v.between(path, "gbp", b.GBP, 0, MaxBudgetGBP)
	}
}

func (v *validator) uncertainty(u *Uncertainty) {
	if u == nil {
		return
	}
	v.between("uncertainty", "leaver_rate_pct_points", u.LeaverRatePctPoints, 0, 50)
	v.between("uncertainty", "completion_pct_points", u.CompletionPctPoints, 0, 100)
	v.between("uncertainty", "takeup_pct_points", u.TakeupPctPoints, 0, 100)
	v.between("uncertainty", "recruitment_pct", u.RecruitmentPct, 0, 100)
}

// posts checks the post lines and returns the set of lines they name.
func (v *validator) posts(p *Plan) map[LineKey]bool {
	lines := map[LineKey]bool{}
	for i := range p.Posts {
		l := &p.Posts[i]
		again := lines[l.Key()]
		lines[l.Key()] = true
		v.named("posts", i, func(path string) { v.post(path, l, again, p.Baseline) })
	}
	return lines
}

// post checks a post line; again is whether a line before it has its
// profession and service area.
func (v *validator) post(path string, l *PostLine, again bool, baseline Month) {
	v.professionRef(path, "profession", l.Profession)
	v.serviceArea(path, "service_area", l.ServiceArea)
	if again {
		v.add(path, "%s in %q has another post line already", l.Profession, l.ServiceArea)
	}
	v.between(path, "in_post_wte", l.InPostWTE, 0, MaxWTE)
	if l.InPostHeadcount != nil {
		v.between(path, "in_post_headcount", *l.InPostHeadcount, 0, MaxWTE)
	}
	v.between(path, "funded_wte", l.FundedWTE, 0, MaxWTE)
	v.between(path, "recruits_wte_per_year", l.RecruitsWTEPerYear, 0, MaxWTE)
	if l.LeaverRatePct != nil {
		v.between(path, "leaver_rate_pct", *l.LeaverRatePct, 0, 100)
	}
	for j, c := range l.Changes {
		cp := within(path, "changes", j)
		v.month(cp, "month", c.Month)
		if c.Month <= baseline {
			v.add(cp+".month", "%s must be after the baseline month %s", c.Month, baseline)
		}
		v.between(cp, "funded_wte_delta", c.FundedWTEDelta, -MaxWTE, MaxWTE)
	}
}

func (v *validator) cohort(path string, c *Cohort, lines map[LineKey]bool) {
	v.professionRef(path, "profession", c.Profession)
	v.serviceArea(path, "service_area", c.ServiceArea)
	v.month(path, "start_month", c.Start)
	v.between(path, "duration_months", float64(c.DurationMonths), 1, MaxDuration)
	v.between(path, "intake", float64(c.Intake), 0, MaxWTE)
	v.between(path, "completion_pct", c.CompletionPct, 0, 100)
	v.between(path, "takeup_pct", c.TakeupPct, 0, 100)
	if d := c.DrawnFrom; d != nil {
		dp := within(path, "drawn_from", -1)
		v.professionRef(dp, "profession", d.Profession)
		if v.known[d.Profession] && !lines[c.DrawnKey()] {
			v.add(dp, "%s in %q is not a post line of this plan", d.Profession, c.ServiceArea)
		}
		v.between(dp, "pct", d.Pct, 0, 100)
	}
}

func (v *validator) scenarios(p *Plan, lines map[LineKey]bool) {
	names := map[string]bool{}
	for i, s := range p.Scenarios {
		path := indexed("scenarios", i)
		v.nameLen(path, "name", s.Name)
		v.noControl(path, "name", s.Name)
		if names[s.Name] {
			v.add(path+".name", "%q is the name of another scenario", s.Name)
		}
		names[s.Name] = true
		if s.QualifierWaitMonths != nil {
			v.between(path, "qualifier_wait_months", float64(*s.QualifierWaitMonths), 0, MaxWaitMonths)
		}
		seen := map[string]bool{}
		for _, o := range s.Professions {
			op := path + ".professions." + o.Profession
			if p.Profession(o.Profession) == nil {
				v.add(op, "%q is not a profession of this plan", o.Profession)
			} else if seen[o.Profession] {
				v.add(op, "is overridden twice")
			}
			seen[o.Profession] = true
			v.optBetween(op, "leaver_rate_pct", o.LeaverRatePct, 0, 100)
			v.optBetween(op, "wte_per_head", o.WTEPerHead, MinWTEPerHead, 1)
			v.optBetween(op, "cost_per_wte_gbp", o.CostPerWTE, 0, MaxCostPerWTE)
		}
		v.postOverrides(path, s.Posts, lines)
		for j := range s.ExtraCohorts {
			v.cohort(indexed(path+".extra_cohorts", j), &s.ExtraCohorts[j], lines)
		}
	}
}

func (v *validator) postOverrides(path string, ovs []PostOverride, lines map[LineKey]bool) {
	seen := map[LineKey]bool{}
	for j, o := range ovs {
		op := indexed(path+".posts", j)
		k := LineKey{o.Profession, o.ServiceArea}
		if !lines[k] {
			v.add(op, "%s in %q is not a post line of this plan", o.Profession, o.ServiceArea)
		} else if seen[k] {
			v.add(op, "%s in %q is overridden twice in this scenario", o.Profession, o.ServiceArea)
		}
		seen[k] = true
		v.optBetween(op, "recruits_wte_per_year", o.RecruitsWTEPerYear, 0, MaxWTE)
		v.optBetween(op, "leaver_rate_pct", o.LeaverRatePct, 0, 100)
		v.optBetween(op, "funded_wte", o.FundedWTE, 0, MaxWTE)
		v.optBetween(op, "in_post_wte", o.InPostWTE, 0, MaxWTE)
	}
}

func (v *validator) professionRef(record, field, id string) {
	if !v.known[id] {
		v.add(at(record, field), "%q is not a profession of this plan", id)
	}
}

func (v *validator) month(record, field string, m Month) {
	if m.Year() < MinYear || m.Year() > MaxYear {
		v.add(at(record, field), "%s has a year outside %d to %d", m, MinYear, MaxYear)
	}
}

func (v *validator) title(record, field, s string) {
	v.nameLen(record, field, s)
	if s != "" && strings.TrimFunc(s, unicode.IsSpace) == "" {
		v.add(at(record, field), "must not be only white space")
	}
	v.noControl(record, field, s)
}

// noControl refuses control characters (a line break, ESC, BEL) in a
// name: names reach file names, CSV headers, SVG and terminals.
func (v *validator) noControl(record, field, s string) {
	if msg := controlProblem(s); msg != "" {
		v.add(at(record, field), "%s", msg)
	}
}

func controlProblem(s string) string {
	if !utf8.ValidString(s) {
		return "is not valid text (UTF-8)"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Sprintf("must not hold a control character (%U), such as a line break or a tab", r)
		}
	}
	return ""
}

// NameProblem says what is wrong with a name a person typed for a plan,
// a scenario or a roll-up ("" when it is fine): empty, only white space,
// over 200 characters, or holding a control character.
func NameProblem(s string) string {
	v := &validator{}
	v.title("", "", s)
	if len(v.errs) == 0 {
		return ""
	}
	return v.errs[0].Msg
}

func (v *validator) nameLen(record, field, s string) {
	if len(s) > 0 && len(s) <= MaxNameLen { // bytes >= characters: short enough, no need to count
		return
	}
	n := utf8.RuneCountInString(s)
	if n == 0 {
		v.add(at(record, field), "must not be empty")
	} else if n > MaxNameLen {
		v.add(at(record, field), "is %d characters long; at most %d are allowed", n, MaxNameLen)
	}
}

func (v *validator) textLen(record, field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		v.add(at(record, field), "is %s characters long; at most %s are allowed", Num(float64(n)), Num(float64(max)))
	}
}

// serviceArea keeps text that a spreadsheet would run as a formula, and
// the total rows' word, out of the service areas.
func (v *validator) serviceArea(record, field, s string) {
	v.nameLen(record, field, s)
	switch {
	case s == TotalWord:
		v.add(at(record, field), "%q is kept for the total rows; choose another name", s)
	case s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])):
		v.add(at(record, field), "%q must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)", s)
	}
}

func (v *validator) between(record, field string, x, lo, hi float64) {
	switch {
	case x >= lo && x <= hi:
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(at(record, field), "is not a number")
	case x < lo:
		v.add(at(record, field), "%s is below %s", Num(x), Num(lo))
	default:
		v.add(at(record, field), "%s is above %s", Num(x), Num(hi))
	}
}

func (v *validator) optBetween(record, field string, x *float64, lo, hi float64) {
	if x != nil {
		v.between(record, field, *x, lo, hi)
	}
}

// aboveAtMost checks lo < x <= hi.
func (v *validator) aboveAtMost(record, field string, x, lo, hi float64) {
	switch {
	case x > lo && x <= hi:
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(at(record, field), "is not a number")
	case x <= lo:
		v.add(at(record, field), "%s must be above %s", Num(x), Num(lo))
	default:
		v.add(at(record, field), "%s is above %s", Num(x), Num(hi))
	}
}

// Num writes a number in full for messages, with thousands separators:
// 1000000 as "1,000,000", 12.5 as "12.5".
func Num(x float64) string { return format.Fixed(x, -1) }
