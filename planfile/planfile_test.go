package planfile

import (
	"bytes"
	"os"
	"path/filepath"
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
	{"profession-wte-per-head-zero", "professions[0].wte_per_head: 0 must be above 0"},
	{"scenario-cap-not-bool", "scenarios[0].cap_hires_at_funded_posts: must be true or false, not a number"},
	{"scenario-cohort-takeup-above-100", "scenarios[0].extra_cohorts[0].takeup_pct: 101 is above 100"},
	{"scenario-name-duplicate", "scenarios[1].name: \"Lower attrition\" is the name of another scenario"},
	{"scenario-name-empty", "scenarios[0].name: must not be empty"},
	{"scenario-post-field-not-allowed", "scenarios[0].posts[0].cost_per_wte_gbp: unknown field"},
	{"scenario-post-funded-negative", "scenarios[0].posts[0].funded_wte: -3 is below 0"},
	{"scenario-post-twice", "scenarios[0].posts[1]: pwp in \"Adult common mental health problems\" is overridden twice in this scenario"},
	{"scenario-post-unknown-line", "scenarios[0].posts[0]: pwp in \"Perinatal\" is not a post line of this plan"},
	{"scenario-profession-field-not-allowed", "scenarios[0].professions.pwp.name: unknown field"},
	{"scenario-profession-unknown", "scenarios[0].professions.nurse: \"nurse\" is not a profession of this plan"},
	{"scenario-profession-wte-zero", "scenarios[0].professions.pwp.wte_per_head: 0 must be above 0"},
	{"unknown-cohort-field", "cohorts[0].intak: unknown field"},
	{"unknown-top-level-field", "colour: unknown field"},
	{"version-newer", "version: this plan file is version 2, made by a newer PsyPlan; this one reads version 1"},
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

// Export, re-import, export again: the same bytes.
func TestWriteReadWriteGivesTheSameFile(t *testing.T) {
	small, err := Read(readFile(t, "testdata/good/small.psyplan.json"))
	if err != nil {
		t.Fatal(err)
	}
	def, err := Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*plan.Plan{"small": small, "default": def, "national": plantest.National()} {
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
	for _, dir := range []string{"testdata/good/*.json", "testdata/bad/*.json"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			f.Add(readFile(f, file))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data)
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
