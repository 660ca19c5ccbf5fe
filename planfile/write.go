package planfile

import (
	"bytes"
	"encoding/json"

	"example.org/psyplan/plan"
)

// The file's shape, key for key in the contract's order. Every field is
// written, defaults included, so a reader sees what the plan assumes;
// optional values that the plan leaves unset are written as null. Scenario
// overrides list only what they override.
type fileJSON struct {
	Format                string           `json:"format"`
	Version               int              `json:"version"`
	Name                  string           `json:"name"`
	Area                  string           `json:"area"`
	Notes                 string           `json:"notes"`
	Baseline              string           `json:"baseline_month"`
	Horizon               string           `json:"horizon_month"`
	CapHires              bool             `json:"cap_hires_at_funded_posts"`
	QualifierWaitMonths   int              `json:"qualifier_wait_months"`
	CountSalariedTrainees bool             `json:"count_salaried_trainees"`
	PayUpliftPctPerYear   float64          `json:"pay_uplift_pct_per_year"`
	QualifiersMove        bool             `json:"qualifiers_move_between_service_areas"`
	Uncertainty           *uncertaintyJSON `json:"uncertainty"`
	Trajectory            trajectoryJSON   `json:"trajectory"`
	Professions           []professionJSON `json:"professions"`
	Posts                 []postJSON       `json:"posts"`
	Cohorts               []cohortJSON     `json:"cohorts"`
	Actuals               []actualJSON     `json:"actuals"`
	Scenarios             []scenarioJSON   `json:"scenarios"`
	Demand                []demandJSON     `json:"demand"`
	Budget                []budgetJSON     `json:"budget"`
}

type demandJSON struct {
	ServiceArea    string       `json:"service_area"`
	PeoplePerYear  []peopleJSON `json:"people_per_year"`
	HoursPerPerson float64      `json:"hours_per_person"`
	Mix            []mixJSON    `json:"mix"`
}

type peopleJSON struct {
	Month  string  `json:"month"`
	People float64 `json:"people"`
}

type mixJSON struct {
	Profession string  `json:"profession"`
	SharePct   float64 `json:"share_pct"`
}

type budgetJSON struct {
	FinancialYear string  `json:"financial_year"`
	GBP           float64 `json:"gbp"`
}

type uncertaintyJSON struct {
	LeaverRatePctPoints float64 `json:"leaver_rate_pct_points"`
	CompletionPctPoints float64 `json:"completion_pct_points"`
	TakeupPctPoints     float64 `json:"takeup_pct_points"`
	RecruitmentPct      float64 `json:"recruitment_pct"`
}

type trajectoryJSON struct {
	Interpolation string          `json:"interpolation"`
	BaselineWTE   *float64        `json:"baseline_wte"`
	Milestones    []milestoneJSON `json:"milestones"`
}

type milestoneJSON struct {
	Month     string  `json:"month"`
	GrowthPct float64 `json:"growth_pct"`
}

type professionJSON struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	LeaverRatePct     float64  `json:"leaver_rate_pct"`
	WTEPerHead        float64  `json:"wte_per_head"`
	CostPerWTE        float64  `json:"cost_per_wte_gbp"`
	TraineesSalaried  bool     `json:"trainees_salaried"`
	TraineeWTEPerHead float64  `json:"trainee_wte_per_head"`
	TraineeCostPerWTE float64  `json:"trainee_cost_per_wte_gbp"`
	ClinicalHours     *float64 `json:"clinical_hours_per_wte_per_year"`
}

type postJSON struct {
	Profession         string       `json:"profession"`
	ServiceArea        string       `json:"service_area"`
	InPostWTE          float64      `json:"in_post_wte"`
	InPostHeadcount    *float64     `json:"in_post_headcount"`
	FundedWTE          float64      `json:"funded_wte"`
	RecruitsWTEPerYear float64      `json:"recruits_wte_per_year"`
	LeaverRatePct      *float64     `json:"leaver_rate_pct"`
	Changes            []changeJSON `json:"changes"`
}

type changeJSON struct {
	Month string  `json:"month"`
	Delta float64 `json:"funded_wte_delta"`
}

type cohortJSON struct {
	Profession     string         `json:"profession"`
	ServiceArea    string         `json:"service_area"`
	Start          string         `json:"start_month"`
	DurationMonths int            `json:"duration_months"`
	Intake         int            `json:"intake"`
	CompletionPct  float64        `json:"completion_pct"`
	TakeupPct      float64        `json:"takeup_pct"`
	DrawnFrom      *drawnFromJSON `json:"drawn_from"`
}

type drawnFromJSON struct {
	Profession string  `json:"profession"`
	Pct        float64 `json:"pct"`
}

type actualJSON struct {
	Month      string  `json:"month"`
	Profession *string `json:"profession"`
	InPostWTE  float64 `json:"in_post_wte"`
}

type scenarioJSON struct {
	Name         string              `json:"name"`
	Professions  professionOverrides `json:"professions"`
	Posts        []postOverrideJSON  `json:"posts"`
	ExtraCohorts []cohortJSON        `json:"extra_cohorts"`
	CapHires     *bool               `json:"cap_hires_at_funded_posts"`
	Wait         *int                `json:"qualifier_wait_months"`
	Move         *bool               `json:"qualifiers_move_between_service_areas"`
}

type professionOverrideJSON struct {
	LeaverRatePct *float64 `json:"leaver_rate_pct,omitempty"`
	WTEPerHead    *float64 `json:"wte_per_head,omitempty"`
	CostPerWTE    *float64 `json:"cost_per_wte_gbp,omitempty"`
}

type postOverrideJSON struct {
	Profession         string   `json:"profession"`
	ServiceArea        string   `json:"service_area"`
	RecruitsWTEPerYear *float64 `json:"recruits_wte_per_year,omitempty"`
	LeaverRatePct      *float64 `json:"leaver_rate_pct,omitempty"`
	FundedWTE          *float64 `json:"funded_wte,omitempty"`
	InPostWTE          *float64 `json:"in_post_wte,omitempty"`
}

// professionOverrides is a JSON object keyed by profession id, written in
// the plan's order (encoding/json would sort a map's keys).
type professionOverrides []plan.ProfessionOverride

func (ps professionOverrides) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, o := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(o.Profession)
		v, err := json.Marshal(professionOverrideJSON{o.LeaverRatePct, o.WTEPerHead, o.CostPerWTE})
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Write returns the plan as a plan file: UTF-8 JSON, indented for people
// who read plans by hand, ending in a line break. Reading it back gives the
// same plan, and writing that gives the same bytes.
func Write(p *plan.Plan) ([]byte, error) {
	return encode(fileOf(p))
}

// Compact is the plan file Write writes without its layout: one line of
// JSON and a line break, what the library keeps. It is a third smaller
// (a national plan is 6 MB, not 9) and quicker to write and to read, and
// Read reads it as it reads Write's.
func Compact(p *plan.Plan) ([]byte, error) {
	return encodeCompact(fileOf(p))
}

// LayOut is the file Write writes, from the one Compact wrote (and only
// from that: it copies, trusting there is no space outside strings), for
// a caller that needs both without encoding the plan twice.
func LayOut(compact []byte) []byte { return indent(compact) }

// fileOf is the plan in the plan file's shape.
func fileOf(p *plan.Plan) fileJSON {
	f := fileJSON{
		Format: Format, Version: Version, Name: p.Name, Area: p.Area, Notes: p.Notes,
		Baseline: p.Baseline.String(), Horizon: p.Horizon.String(), CapHires: p.CapHires,
		QualifierWaitMonths: p.QualifierWaitMonths, CountSalariedTrainees: p.CountSalariedTrainees,
		PayUpliftPctPerYear: p.PayUpliftPctPerYear, QualifiersMove: p.QualifiersMove,
		Trajectory: trajectoryJSON{Interpolation: p.Trajectory.Interpolation, BaselineWTE: p.Trajectory.BaselineWTE,
			Milestones: make([]milestoneJSON, 0, len(p.Trajectory.Milestones))},
		Professions: make([]professionJSON, 0, len(p.Professions)),
		Posts:       make([]postJSON, 0, len(p.Posts)),
		Cohorts:     cohortsJSON(p.Cohorts),
		Actuals:     make([]actualJSON, 0, len(p.Actuals)),
		Scenarios:   make([]scenarioJSON, 0, len(p.Scenarios)),
		Demand:      demandToJSON(p.Demand),
		Budget:      make([]budgetJSON, 0, len(p.Budget)),
	}
	for _, b := range p.Budget {
		f.Budget = append(f.Budget, budgetJSON{plan.FinancialYearLabel(b.Year), b.GBP})
	}
	if u := p.Uncertainty; u != nil {
		f.Uncertainty = &uncertaintyJSON{u.LeaverRatePctPoints, u.CompletionPctPoints, u.TakeupPctPoints, u.RecruitmentPct}
	}
	for _, m := range p.Trajectory.Milestones {
		f.Trajectory.Milestones = append(f.Trajectory.Milestones, milestoneJSON{m.Month.String(), m.GrowthPct})
	}
	for _, prof := range p.Professions {
		f.Professions = append(f.Professions, professionToJSON(prof))
	}
	for _, l := range p.Posts {
		f.Posts = append(f.Posts, postLineJSON(l))
	}
	for _, a := range p.Actuals {
		aj := actualJSON{Month: a.Month.String(), InPostWTE: a.InPostWTE}
		if a.Profession != "" {
			aj.Profession = &a.Profession
		}
		f.Actuals = append(f.Actuals, aj)
	}
	for _, s := range p.Scenarios {
		f.Scenarios = append(f.Scenarios, scenarioToJSON(s))
	}
	return f
}

// encode writes f compact, then lays it out with indent: the window saves
// a national plan (10 MB) after every edit, and json.Indent, or an
// encoder that indents, takes three times as long again as the encoding.
func encode(f fileJSON) ([]byte, error) {
	compact, err := encodeCompact(f)
	if err != nil {
		return nil, err
	}
	return indent(compact), nil
}

func encodeCompact(f fileJSON) ([]byte, error) {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false) // "A&E" stays readable
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return compact.Bytes(), nil
}

func professionToJSON(prof plan.Profession) professionJSON {
	return professionJSON{prof.ID, prof.Name, prof.LeaverRatePct, prof.WTEPerHead, prof.CostPerWTE,
		prof.TraineesSalaried, prof.TraineeWTEOrDefault(), prof.TraineeCostPerWTE, prof.ClinicalHoursPerWTE}
}

func demandToJSON(ds []plan.Demand) []demandJSON {
	out := make([]demandJSON, 0, len(ds))
	for _, d := range ds {
		dj := demandJSON{ServiceArea: d.ServiceArea, HoursPerPerson: d.HoursPerPerson,
			PeoplePerYear: make([]peopleJSON, 0, len(d.PeoplePerYear)), Mix: make([]mixJSON, 0, len(d.Mix))}
		for _, pt := range d.PeoplePerYear {
			dj.PeoplePerYear = append(dj.PeoplePerYear, peopleJSON{pt.Month.String(), pt.People})
		}
		for _, s := range d.Mix {
			dj.Mix = append(dj.Mix, mixJSON{s.Profession, s.SharePct})
		}
		out = append(out, dj)
	}
	return out
}

func postLineJSON(l plan.PostLine) postJSON {
	pj := postJSON{Profession: l.Profession, ServiceArea: l.ServiceArea, InPostWTE: l.InPostWTE,
		InPostHeadcount: l.InPostHeadcount, FundedWTE: l.FundedWTE, RecruitsWTEPerYear: l.RecruitsWTEPerYear,
		LeaverRatePct: l.LeaverRatePct, Changes: make([]changeJSON, 0, len(l.Changes))}
	for _, c := range l.Changes {
		pj.Changes = append(pj.Changes, changeJSON{c.Month.String(), c.FundedWTEDelta})
	}
	return pj
}

func cohortsJSON(cs []plan.Cohort) []cohortJSON {
	out := make([]cohortJSON, 0, len(cs))
	for _, c := range cs {
		cj := cohortJSON{c.Profession, c.ServiceArea, c.Start.String(), c.DurationMonths, c.Intake, c.CompletionPct, c.TakeupPct, nil}
		if d := c.DrawnFrom; d != nil {
			cj.DrawnFrom = &drawnFromJSON{d.Profession, d.Pct}
		}
		out = append(out, cj)
	}
	return out
}

func scenarioToJSON(s plan.Scenario) scenarioJSON {
	sj := scenarioJSON{Name: s.Name, Professions: professionOverrides(s.Professions),
		Posts: make([]postOverrideJSON, 0, len(s.Posts)), ExtraCohorts: cohortsJSON(s.ExtraCohorts), CapHires: s.CapHires,
		Wait: s.QualifierWaitMonths, Move: s.QualifiersMove}
	for _, o := range s.Posts {
		sj.Posts = append(sj.Posts, postOverrideJSON{o.Profession, o.ServiceArea, o.RecruitsWTEPerYear, o.LeaverRatePct, o.FundedWTE, o.InPostWTE})
	}
	return sj
}
