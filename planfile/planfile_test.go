package planfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// badFiles is one file per rule of the plan file contract, each with the
// start of the message that must name the field at fault.
var badFiles = []struct{ file, want string }{
	{"actual-month-bad", "actuals[0].month: \"March 2021\" is not a month written YYYY-MM"},
	{"actual-profession-unknown", "actuals[1].profession: \"nurse\" is not a profession of this plan"},
	{"actual-wte-negative", "actuals[0].in_post_wte: -5 is below 0"},
	{"area-too-long", "area: is 201 characters long; at most 200 are allowed"},
	{"baseline-missing", "baseline_month: is required"},
	{"baseline-month-13", "baseline_month: \"2020-13\" has no month 13 (01 to 12)"},
	{"baseline-month-short", "baseline_month: \"2020-3\" is not a month written YYYY-MM"},
	{"baseline-wte-negative", "trajectory.baseline_wte: -1 is below 0"},
	{"baseline-wte-too-high", "trajectory.baseline_wte: 10,000,001 is above 10,000,000"},
	{"baseline-year-0001", "baseline_month: \"0001-01\" has a year outside 1900 to 2200"},
	{"cap-not-bool", "cap_hires_at_funded_posts: must be true or false, not text (\"yes\")"},
	{"change-delta-too-low", "posts[0].changes[0].funded_wte_delta: -1,000,001 is below -1,000,000"},
	{"change-month-at-baseline", "posts[0].changes[0].month: 2020-03 must be after the baseline month 2020-03"},
	{"cohort-completion-above-100", "cohorts[1].completion_pct: 140 is above 100"},
	{"cohort-duration-fraction", "cohorts[0].duration_months: 12.5 is not a whole number"},
	{"cohort-duration-too-long", "cohorts[0].duration_months: 121 is above 120"},
	{"cohort-duration-zero", "cohorts[0].duration_months: 0 is below 1"},
	{"cohort-intake-fraction", "cohorts[0].intake: 12.5 is not a whole number"},
	{"cohort-intake-too-high", "cohorts[0].intake: 1,000,001 is above 1,000,000"},
	{"cohort-profession-unknown", "cohorts[0].profession: \"nurse\" is not a profession of this plan"},
	{"cohort-service-area-formula", "cohorts[0].service_area: \"=1+1\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"cohort-start-missing", "cohorts[0].start_month: is required"},
	{"cohort-takeup-negative", "cohorts[0].takeup_pct: -1 is below 0"},
	{"count-salaried-not-bool", "count_salaried_trainees: must be true or false, not a number"},
	{"drawn-from-no-post-line", "cohorts[1].drawn_from: cbt in \"Adult common mental health problems\" is not a post line of this plan"},
	{"drawn-from-not-object", "cohorts[1].drawn_from: must be an object ({ ... }), not text"},
	{"drawn-from-pct-above-100", "cohorts[1].drawn_from.pct: 101 is above 100"},
	{"drawn-from-pct-missing", "cohorts[1].drawn_from.pct: is required"},
	{"drawn-from-pct-negative", "cohorts[1].drawn_from.pct: -5 is below 0"},
	{"drawn-from-profession-missing", "cohorts[1].drawn_from.profession: is required"},
	{"drawn-from-profession-unknown", "cohorts[1].drawn_from.profession: \"assistant\" is not a profession of this plan"},
	{"drawn-from-unknown-key", "cohorts[1].drawn_from.share: unknown field"},
	{"duplicate-key", "cohorts[0].intake: appears twice in the same object (again at line 30, column 70)"},
	{"empty-file", "line 1, column 1: the file ends where a value was expected"},
	{"format-wrong", "format: this is not a PsyPlan plan file (it must have \"format\": \"psyplan-plan\")"},
	{"horizon-before-baseline", "horizon_month: 2020-03 must be after the baseline month 2020-03"},
	{"horizon-over-50-years", "horizon_month: 2070-04 is more than 50 years after the baseline month 2020-03"},
	{"interpolation-unknown", "trajectory.interpolation: \"cubic\" must be \"linear\" or \"compound\""},
	{"invalid-json-trailing-comma", "line 31, column 47: invalid JSON: expected a key in quotes"},
	{"milestone-growth-minus-100", "trajectory.milestones[0].growth_pct: -100 must be above -100"},
	{"milestone-growth-too-high", "trajectory.milestones[0].growth_pct: 10,001 is above 10,000"},
	{"milestone-not-after-baseline", "trajectory.milestones[0].month: 2020-03 must be after the baseline month 2020-03"},
	{"milestones-not-increasing", "trajectory.milestones[1].month: 2023-04 must be after the previous milestone's month 2024-04"},
	{"name-blank", "name: must not be only white space"},
	{"name-empty", "name: must not be empty"},
	{"name-missing", "name: is required"},
	{"name-too-long", "name: is 201 characters long; at most 200 are allowed"},
	{"not-an-object", "this is not a PsyPlan plan file: it must be a JSON object ({ ... }), not a list"},
	{"not-utf8", "line 6, column 18: the file is not UTF-8 text (save it as UTF-8 and try again)"},
	{"notes-too-long", "notes: is 20,001 characters long; at most 20,000 are allowed"},
	{"pay-uplift-above-50", "pay_uplift_pct_per_year: 51 is above 50"},
	{"pay-uplift-below-minus-20", "pay_uplift_pct_per_year: -20.5 is below -20"},
	{"post-funded-too-high", "posts[0].funded_wte: 1,000,001 is above 1,000,000"},
	{"post-headcount-negative", "posts[0].in_post_headcount: -1 is below 0"},
	{"post-in-post-missing", "posts[0].in_post_wte: is required"},
	{"post-in-post-negative", "posts[0].in_post_wte: -0.5 is below 0"},
	{"post-in-post-string", "posts[0].in_post_wte: must be a number, not text (\"40\")"},
	{"post-leaver-above-100", "posts[0].leaver_rate_pct: 140 is above 100"},
	{"post-pair-duplicate", "posts[1]: pwp in \"Adult common mental health problems\" has another post line already"},
	{"post-profession-unknown", "posts[0].profession: \"nurse\" is not a profession of this plan"},
	{"post-recruits-negative", "posts[0].recruits_wte_per_year: -2 is below 0"},
	{"post-service-area-ALL", "posts[0].service_area: \"ALL\" is kept for the total rows; choose another name"},
	{"post-service-area-at", "posts[0].service_area: \"@SUM\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"post-service-area-cr", "posts[0].service_area: \"\\rx\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"post-service-area-empty", "posts[0].service_area: must not be empty"},
	{"post-service-area-formula", "posts[0].service_area: \"=HYPERLINK(\\\"x\\\")\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"post-service-area-minus", "posts[0].service_area: \"-1\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"post-service-area-plus", "posts[0].service_area: \"+1\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"post-service-area-tab", "posts[0].service_area: \"\\tx\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"profession-cost-too-high", "professions[0].cost_per_wte_gbp: 10,000,001 is above 10,000,000"},
	{"profession-id-duplicate", "professions[1].id: \"pwp\" is used by another profession"},
	{"profession-id-pattern", "professions[1].id: \"CBT\" must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit"},
	{"profession-leaver-above-100", "professions[0].leaver_rate_pct: 101 is above 100"},
	{"profession-name-missing", "professions[1].name: is required"},
	{"profession-wte-per-head-above-1", "professions[0].wte_per_head: 1.1 is above 1"},
	{"profession-wte-per-head-below-0.01", "professions[0].wte_per_head: 0.009 is below 0.01"},
	{"profession-wte-per-head-zero", "professions[0].wte_per_head: 0 is below 0.01"},
	{"scenario-cap-not-bool", "scenarios[0].cap_hires_at_funded_posts: must be true or false, not a number"},
	{"scenario-cohort-drawn-from-no-post-line", "scenarios[0].extra_cohorts[0].drawn_from: cbt in \"Adult common mental health problems\" is not a post line of this plan"},
	{"scenario-cohort-drawn-from-unknown-key", "scenarios[0].extra_cohorts[0].drawn_from.month: unknown field"},
	{"scenario-cohort-takeup-above-100", "scenarios[0].extra_cohorts[0].takeup_pct: 101 is above 100"},
	{"scenario-name-duplicate", "scenarios[1].name: \"Lower attrition\" is the name of another scenario"},
	{"scenario-name-empty", "scenarios[0].name: must not be empty"},
	{"scenario-post-field-not-allowed", "scenarios[0].posts[0].cost_per_wte_gbp: unknown field"},
	{"scenario-post-funded-negative", "scenarios[0].posts[0].funded_wte: -3 is below 0"},
	{"scenario-post-twice", "scenarios[0].posts[1]: pwp in \"Adult common mental health problems\" is overridden twice in this scenario"},
	{"scenario-post-unknown-line", "scenarios[0].posts[0]: pwp in \"Perinatal\" is not a post line of this plan"},
	{"scenario-profession-field-not-allowed", "scenarios[0].professions.pwp.name: unknown field"},
	{"scenario-profession-unknown", "scenarios[0].professions.nurse: \"nurse\" is not a profession of this plan"},
	{"scenario-profession-wte-below-0.01", "scenarios[0].professions.pwp.wte_per_head: 0.001 is below 0.01"},
	{"scenario-profession-wte-zero", "scenarios[0].professions.pwp.wte_per_head: 0 is below 0.01"},
	{"scenario-wait-fraction", "scenarios[0].qualifier_wait_months: 2.5 is not a whole number"},
	{"scenario-wait-too-long", "scenarios[0].qualifier_wait_months: 25 is above 24"},
	{"trainee-cost-negative", "professions[0].trainee_cost_per_wte_gbp: -1 is below 0"},
	{"trainee-cost-too-high", "professions[0].trainee_cost_per_wte_gbp: 10,000,001 is above 10,000,000"},
	{"trainee-wte-per-head-above-1", "professions[0].trainee_wte_per_head: 1.2 is above 1"},
	{"trainee-wte-per-head-below-0.01", "professions[0].trainee_wte_per_head: 0.005 is below 0.01"},
	{"trainee-wte-per-head-zero", "professions[0].trainee_wte_per_head: 0 is below 0.01"},
	{"trainees-salaried-not-bool", "professions[0].trainees_salaried: must be true or false, not text (\"yes\")"},
	{"uncertainty-completion-above-100", "uncertainty.completion_pct_points: 101 is above 100"},
	{"uncertainty-leaver-above-50", "uncertainty.leaver_rate_pct_points: 51 is above 50"},
	{"uncertainty-not-object", "uncertainty: must be an object ({ ... }), not a list"},
	{"uncertainty-recruitment-above-100", "uncertainty.recruitment_pct: 100.5 is above 100"},
	{"uncertainty-takeup-negative", "uncertainty.takeup_pct_points: -1 is below 0"},
	{"uncertainty-unknown-key", "uncertainty.leaver_rate_pct: unknown field"},
	{"unknown-cohort-field", "cohorts[0].intak: unknown field"},
	{"unknown-top-level-field", "colour: unknown field"},
	{"v1-count-salaried-trainees", "count_salaried_trainees: needs \"version\": 2"},
	{"v1-drawn-from", "cohorts[2].drawn_from: needs \"version\": 2"},
	{"v1-pay-uplift", "pay_uplift_pct_per_year: needs \"version\": 2"},
	{"v1-qualifier-wait", "qualifier_wait_months: needs \"version\": 2"},
	{"v1-scenario-cohort-drawn-from", "scenarios[0].extra_cohorts[0].drawn_from: needs \"version\": 2"},
	{"v1-scenario-wait", "scenarios[0].qualifier_wait_months: needs \"version\": 2"},
	{"v1-trainee-cost", "professions[1].trainee_cost_per_wte_gbp: needs \"version\": 2"},
	{"v1-trainee-wte-per-head", "professions[1].trainee_wte_per_head: needs \"version\": 2"},
	{"v1-trainees-salaried", "professions[1].trainees_salaried: needs \"version\": 2"},
	{"v1-uncertainty", "uncertainty: needs \"version\": 2"},
	{"version-fraction", "version: 1.5 is not a plan file version; this PsyPlan reads versions 1, 2 and 3"},
	{"version-zero", "version: 0 is not a plan file version; this PsyPlan reads versions 1, 2 and 3"},
	{"v3-version-4", "version: this plan file is version 4, made by a newer PsyPlan; this one reads versions 1, 2 and 3"},
	{"v2-demand", "demand: needs \"version\": 3"},
	{"v2-budget", "budget: needs \"version\": 3"},
	{"v2-move", "qualifiers_move_between_service_areas: needs \"version\": 3"},
	{"v2-clinical-hours", "professions[1].clinical_hours_per_wte_per_year: needs \"version\": 3"},
	{"v2-scenario-move", "scenarios[0].qualifiers_move_between_service_areas: needs \"version\": 3"},
	{"v3-move-not-bool", "qualifiers_move_between_service_areas: must be true or false, not text (\"yes\")"},
	{"v3-scenario-move-number", "scenarios[0].qualifiers_move_between_service_areas: must be true or false, not a number"},
	{"v3-clinical-hours-zero", "professions[0].clinical_hours_per_wte_per_year: 0 is below 1"},
	{"v3-clinical-hours-too-many", "professions[0].clinical_hours_per_wte_per_year: 2,000.5 is above 2,000"},
	{"v3-clinical-hours-string", "professions[0].clinical_hours_per_wte_per_year: must be a number, not text (\"1000\")"},
	{"v3-demand-not-list", "demand: must be a list, not an object"},
	{"v3-demand-unknown-key", "demand[0].people: unknown field"},
	{"v3-demand-service-area-missing", "demand[0].service_area: is required"},
	{"v3-demand-service-area-formula", "demand[0].service_area: \"=cmd\" must not begin with =, +, -, @, a tab or a carriage return (a spreadsheet would run it as a formula)"},
	{"v3-demand-service-area-all", "demand[0].service_area: \"ALL\" is kept for the total rows; choose another name"},
	{"v3-demand-twice", "demand[1].service_area: \"Adult common mental health problems\" has another demand entry already"},
	{"v3-people-missing", "demand[0].people_per_year: is required"},
	{"v3-people-empty", "demand[0].people_per_year: needs at least one month and number of people"},
	{"v3-people-month-order", "demand[0].people_per_year[1].month: 2021-04 must be after the previous point's month 2021-04"},
	{"v3-people-month-bad", "demand[0].people_per_year[0].month: \"2021-4\" is not a month written YYYY-MM"},
	{"v3-people-negative", "demand[0].people_per_year[0].people: -1 is below 0"},
	{"v3-people-too-many", "demand[0].people_per_year[0].people: 100,000,001 is above 100,000,000"},
	{"v3-hours-per-person-zero", "demand[0].hours_per_person: 0 must be above 0"},
	{"v3-hours-per-person-too-many", "demand[0].hours_per_person: 1,000.5 is above 1,000"},
	{"v3-mix-missing", "demand[0].mix: is required"},
	{"v3-mix-empty", "demand[0].mix: needs at least one profession and its share"},
	{"v3-mix-sum-95", "demand[0].mix: the shares add up to 95, not 100"},
	{"v3-mix-unknown-profession", "demand[0].mix[1].profession: \"psy\" is not a profession of this plan"},
	{"v3-mix-no-clinical-hours", "demand[0].mix[1].profession: CBT therapist (high intensity) has no clinical hours per WTE a year: set them on the profession first"},
	{"v3-mix-twice", "demand[0].mix[1].profession: \"pwp\" is in the mix twice"},
	{"v3-mix-share-zero", "demand[0].mix[0].share_pct: 0 must be above 0"},
	{"v3-mix-share-above-100", "demand[0].mix[0].share_pct: 140 is above 100"},
	{"v3-budget-year-format", "budget[0].financial_year: \"2020-21\" is not a financial year written like 2024/25"},
	{"v3-budget-year-wrong-next", "budget[0].financial_year: \"2020/22\" is not a financial year: the year after 2020 is written 21"},
	{"v3-budget-year-twice", "budget[1].financial_year: 2020/21 has another budget already"},
	{"v3-budget-gbp-negative", "budget[0].gbp: -5 is below 0"},
	{"v3-budget-gbp-too-much", "budget[0].gbp: 1,000,000,000,001 is above 1,000,000,000,000"},
	{"v3-budget-gbp-missing", "budget[0].gbp: is required"},
	{"v3-budget-unknown-key", "budget[0].year: unknown field"},
	{"wait-fraction", "qualifier_wait_months: 2.5 is not a whole number"},
	{"wait-negative", "qualifier_wait_months: -1 is below 0"},
	{"wait-string", "qualifier_wait_months: must be a number, not text (\"6\")"},
	{"wait-too-long", "qualifier_wait_months: 25 is above 24"},
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestBadFilesAreRefusedNamingTheField(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range badFiles {
		listed[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			p, err := Read(readFile(t, filepath.Join("testdata", "bad", c.file+".json")))
			if err == nil {
				t.Fatalf("accepted: %+v", p)
			}
			if p != nil {
				t.Error("a refused file still returned a plan")
			}
			if first := strings.SplitN(err.Error(), "\n", 2)[0]; first != c.want {
				t.Errorf("message\n got %q\nwant %q", first, c.want)
			}
		})
	}
	files, _ := filepath.Glob("testdata/bad/*.json")
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".json"); !listed[name] {
			t.Errorf("%s has no expected message in badFiles", f)
		}
	}
}

func TestSmallPlanReadsWithDefaults(t *testing.T) {
	p, err := Read(readFile(t, "testdata/good/small.psyplan.json"))
	if err != nil {
		t.Fatal(err)
	}
	cbt := p.Profession("cbt")
	if cbt == nil || cbt.WTEPerHead != 1 || cbt.LeaverRatePct != 0 || cbt.CostPerWTE != 0 {
		t.Errorf("cbt defaults = %+v", cbt)
	}
	if p.Posts[0].InPostHeadcount != nil || *p.Posts[1].InPostHeadcount != 15 || p.Posts[1].RecruitsWTEPerYear != 0 {
		t.Errorf("posts = %+v", p.Posts)
	}
	if p.Cohorts[1].DurationMonths != 12 || p.Cohorts[0].Start != plan.MonthOf(2020, 9) {
		t.Errorf("cohorts = %+v", p.Cohorts)
	}
	if p.Actuals[0].Profession != "" || p.Actuals[1].Profession != "pwp" {
		t.Errorf("actuals = %+v", p.Actuals)
	}
	s := p.Scenarios[0]
	if *s.Professions[0].LeaverRatePct != 12 || *s.Posts[0].RecruitsWTEPerYear != 4 || s.CapHires != nil || s.Posts[0].FundedWTE != nil {
		t.Errorf("scenario = %+v", s)
	}
	if !p.CapHires || p.Trajectory.Interpolation != plan.Linear || p.Trajectory.BaselineWTE != nil {
		t.Errorf("plan = %+v", p)
	}
	// A version 1 file has every version 2 field at its default.
	if p.QualifierWaitMonths != 0 || p.CountSalariedTrainees || p.PayUpliftPctPerYear != 0 || p.Uncertainty != nil {
		t.Errorf("plan's version 2 defaults = %+v", p)
	}
	if cbt.TraineesSalaried || cbt.TraineeWTEPerHead != 1 || cbt.TraineeCostPerWTE != 0 {
		t.Errorf("cbt's trainee defaults = %+v", cbt)
	}
	if p.Cohorts[0].DrawnFrom != nil || p.Cohorts[1].DrawnFrom != nil || s.QualifierWaitMonths != nil {
		t.Errorf("drawn_from or scenario wait set: %+v %+v", p.Cohorts, s)
	}
}

func TestVersion2PlanReadsEveryField(t *testing.T) {
	p, err := Read(readFile(t, "testdata/good/v2.psyplan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if p.QualifierWaitMonths != 6 || !p.CountSalariedTrainees || p.PayUpliftPctPerYear != 3 || *p.Trajectory.BaselineWTE != 120 {
		t.Errorf("plan = %+v", p)
	}
	if want := (plan.Uncertainty{LeaverRatePctPoints: 3, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 25}); p.Uncertainty == nil || *p.Uncertainty != want {
		t.Errorf("uncertainty = %+v, want %+v", p.Uncertainty, want)
	}
	pwp, cbt := p.Profession("pwp"), p.Profession("cbt")
	if !pwp.TraineesSalaried || pwp.TraineeWTEPerHead != 0.8 || pwp.TraineeCostPerWTE != 33000 {
		t.Errorf("pwp = %+v", pwp)
	}
	if cbt.TraineesSalaried || cbt.TraineeWTEPerHead != 1 || cbt.TraineeCostPerWTE != 0 {
		t.Errorf("cbt takes the defaults: %+v", cbt)
	}
	if p.Cohorts[0].DrawnFrom != nil || *p.Cohorts[1].DrawnFrom != (plan.DrawnFrom{Profession: "pwp", Pct: 50}) {
		t.Errorf("cohorts = %+v, %+v", p.Cohorts[0].DrawnFrom, p.Cohorts[1].DrawnFrom)
	}
	s := p.Scenarios[0]
	if *s.QualifierWaitMonths != 12 || *s.ExtraCohorts[0].DrawnFrom != (plan.DrawnFrom{Profession: "pwp", Pct: 25.5}) ||
		s.ExtraCohorts[0].DurationMonths != 12 {
		t.Errorf("scenario = %+v, drawn %+v", s, s.ExtraCohorts[0].DrawnFrom)
	}
	if w := p.Scenarios[1].QualifierWaitMonths; w == nil || *w != 0 {
		t.Errorf("a scenario's wait of 0 overrides the plan's 6: %v", w)
	}
}

// In a version 1 file a version 2 key that is null is the same as absent.
func TestVersion1FileMayGiveVersion2KeysNull(t *testing.T) {
	p, err := Read([]byte(`{"format":"psyplan-plan","version":1,"name":"Nulls","baseline_month":"2020-03",
		"horizon_month":"2021-03","qualifier_wait_months":null,"count_salaried_trainees":null,
		"pay_uplift_pct_per_year":null,"uncertainty":null,
		"professions":[{"id":"pwp","name":"PWP","trainees_salaried":null,"trainee_wte_per_head":null,"trainee_cost_per_wte_gbp":null}],
		"cohorts":[{"profession":"pwp","service_area":"Adult","start_month":"2020-09","duration_months":12,
			"intake":4,"completion_pct":90,"takeup_pct":80,"drawn_from":null}],
		"scenarios":[{"name":"S","qualifier_wait_months":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.QualifierWaitMonths != 0 || p.Uncertainty != nil || p.Professions[0].TraineeWTEPerHead != 1 ||
		p.Cohorts[0].DrawnFrom != nil || p.Scenarios[0].QualifierWaitMonths != nil {
		t.Errorf("nulls did not take the defaults: %+v", p)
	}
}

// Every field is written, defaults included, under version 3.
func TestWriteGivesVersion3WithEveryField(t *testing.T) {
	p, err := Read(readFile(t, "testdata/good/small.psyplan.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Write(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"version": 3,`, `"qualifiers_move_between_service_areas": false,`,
		`"clinical_hours_per_wte_per_year": null`, `"demand": []`, `"budget": []`, `"qualifier_wait_months": 0,`, `"count_salaried_trainees": false,`,
		`"pay_uplift_pct_per_year": 0,`, `"uncertainty": null,`, `"trainees_salaried": false,`,
		`"trainee_wte_per_head": 1,`, `"trainee_cost_per_wte_gbp": 0`, `"drawn_from": null`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("written file lacks %s", want)
		}
	}
	if n := bytes.Count(out, []byte(`"qualifier_wait_months": null`)); n != 1 {
		t.Errorf("the scenario's wait is written null %d times, want 1", n)
	}
}

// A plan built in Go leaves an unused trainee WTE per head at 0; the file
// gets the default, 1, so the file it makes is read back.
func TestUnsetTraineeWTEIsWrittenAsTheDefault(t *testing.T) {
	p := &plan.Plan{Name: "Go", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2021, 3), CapHires: true,
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear},
		Professions: []plan.Profession{{ID: "pwp", Name: "PWP", WTEPerHead: 1}}}
	out, err := Write(p)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if back.Professions[0].TraineeWTEPerHead != 1 {
		t.Errorf("trainee WTE per head = %v, want 1", back.Professions[0].TraineeWTEPerHead)
	}
}

// Absent and null optional keys take the contract's defaults.
func TestMinimalPlanTakesDefaults(t *testing.T) {
	p, err := Read([]byte(`{"format":"psyplan-plan","version":1,"name":"Empty","baseline_month":"2020-03",
		"horizon_month":"2021-03","cap_hires_at_funded_posts":null,"trajectory":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if !p.CapHires || p.Trajectory.Interpolation != plan.Linear || len(p.Professions) != 0 {
		t.Errorf("defaults = %+v", p)
	}
}

// Export, re-import, export again: the same bytes; and the plan read back
// the second time is the one read the first time.
func TestWriteReadWriteGivesTheSameFile(t *testing.T) {
	plans := map[string]*plan.Plan{"national": plantest.National(), "national v2": plantest.NationalV2()}
	for name, file := range map[string][]byte{"small": readFile(t, "testdata/good/small.psyplan.json"),
		"v2": readFile(t, "testdata/good/v2.psyplan.json"), "v3": readFile(t, "testdata/good/v3.psyplan"),
		"default": assets.DefaultPlan} {
		p, err := Read(file)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		plans[name] = p
	}
	for name, p := range plans {
		first, err := Write(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Read(first)
		if err != nil {
			t.Fatalf("%s: re-import refused: %v", name, err)
		}
		second, _ := Write(back)
		if !bytes.Equal(first, second) {
			t.Errorf("%s: the second export differs from the first", name)
		}
		again, err := Read(second)
		if err != nil || !reflect.DeepEqual(again, back) {
			t.Errorf("%s: the plan read back a second time differs from the first (%v)", name, err)
		}
	}
	// A plan that sets every field it can is read back exactly as it was.
	for name, p := range map[string]*plan.Plan{"national v2": plantest.NationalV2(), "national v3": plantest.NationalV3()} {
		out, _ := Write(p)
		if back, err := Read(out); err != nil || !reflect.DeepEqual(back, p) {
			t.Errorf("%s: the plan read back differs from the plan written (%v)", name, err)
		}
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	data := append([]byte{0xEF, 0xBB, 0xBF}, readFile(t, "testdata/good/small.psyplan.json")...)
	if _, err := Read(data); err != nil {
		t.Fatal(err)
	}
}

func TestTextWithEscapesAndHTMLCharacters(t *testing.T) {
	data := bytes.Replace(readFile(t, "testdata/good/small.psyplan.json"), []byte(`"free text"`),
		[]byte(`"A&E <liaison> \"quoted\" \u00e9 \ud83d\ude00"`), 1)
	p, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := "A&E <liaison> \"quoted\" é 😀"; p.Notes != want {
		t.Errorf("notes = %q, want %q", p.Notes, want)
	}
	out, _ := Write(p)
	if !bytes.Contains(out, []byte(`"A&E <liaison> \"quoted\" é 😀"`)) {
		t.Errorf("written notes are not plain: %s", out[:300])
	}
}

// FuzzRead feeds the reader broken and odd files: it must never panic, and
// whatever it accepts must write and read back to the same file.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"testdata/good/*.json", "testdata/good/*.psyplan", "testdata/bad/*.json"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			f.Add(readFile(f, file))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data)
		rescued, rerr := Rescue(data)
		if fmt.Sprint(rerr) != fmt.Sprint(err) {
			t.Fatalf("Rescue says %v, Read %v", rerr, err)
		}
		if rescued != nil {
			Write(rescued) // a rescued plan is exported as far as it goes: no panic
		}
		if err != nil {
			if p != nil {
				t.Fatal("refused but returned a plan")
			}
			return
		}
		first, err := Write(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Read(first)
		if err != nil {
			t.Fatalf("written file refused: %v\n%s", err, first)
		}
		if second, _ := Write(back); !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the file:\n%s\n%s", first, second)
		}
	})
}
