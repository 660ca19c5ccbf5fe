// Package workbook writes a plan and its projection as an Excel workbook
// (.xlsx) and reads one back: a planner can export, edit in Excel or
// LibreOffice, and import again without losing anything.
package workbook

// The sheets a plan's workbook has, and the columns of the ones that are
// read back. Titles are for people; their order is the contract.
const (
	sheetSummary     = "Summary"
	sheetPosts       = "Posts"
	sheetChanges     = "Post changes"
	sheetTrainees    = "Trainees"
	sheetProfessions = "Professions"
	sheetTrajectory  = "Trajectory"
	sheetActuals     = "Actuals"
	sheetScenarios   = "Scenarios"
	sheetProjection  = "Projection"
	sheetYears       = "By financial year"
)

// col is a column of a sheet that is read back: its title and the plan
// file's field it holds (to place validation messages).
type col struct{ title, field string }

var (
	professionCols = []col{{"Id", "id"}, {"Name", "name"}, {"Leaver rate % a year", "leaver_rate_pct"},
		{"WTE per head", "wte_per_head"}, {"Cost per WTE a year (£)", "cost_per_wte_gbp"}}
	postCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"In post (WTE)", "in_post_wte"},
		{"Headcount (blank: from WTE per head)", "in_post_headcount"}, {"Funded (WTE)", "funded_wte"},
		{"Recruits a year (WTE)", "recruits_wte_per_year"}, {"Leaver rate % (blank: the profession's)", "leaver_rate_pct"}}
	changeCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"Month", "month"},
		{"Funded WTE added (or removed)", "funded_wte_delta"}}
	cohortCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"Start month", "start_month"},
		{"Months", "duration_months"}, {"Intake", "intake"}, {"Completion %", "completion_pct"}, {"Take-up %", "takeup_pct"}}
	milestoneCols = []col{{"Month", "month"}, {"Growth on the baseline %", "growth_pct"}}
	actualCols    = []col{{"Month", "month"}, {"Profession (blank: all)", "profession"}, {"In post (WTE)", "in_post_wte"}}
	// One scenario row says what it is in "What": the scenario itself (its
	// name and capping), a profession's or a post line's overrides, or an
	// extra cohort. Blank cells are not overridden.
	scenarioCols = []col{{"Scenario", "name"}, {"What", "what"}, {"Profession", "profession"}, {"Service area", "service_area"},
		{"Capping (on, off or blank)", "cap_hires_at_funded_posts"},
		{"Leaver rate %", "leaver_rate_pct"}, {"WTE per head", "wte_per_head"}, {"Cost per WTE (£)", "cost_per_wte_gbp"},
		{"Recruits a year", "recruits_wte_per_year"}, {"Funded (WTE)", "funded_wte"}, {"In post (WTE)", "in_post_wte"},
		{"Start month", "start_month"}, {"Months", "duration_months"}, {"Intake", "intake"},
		{"Completion %", "completion_pct"}, {"Take-up %", "takeup_pct"}}
)

// What a scenario row is.
const (
	whatScenario   = "Scenario"
	whatProfession = "Profession"
	whatPostLine   = "Post line"
	whatCohort     = "Extra cohort"
)

// The Summary sheet's plan settings: a label in column A, the value in B.
var summaryFields = []col{{"Plan name", "name"}, {"Area", "area"}, {"Notes", "notes"},
	{"Baseline month", "baseline_month"}, {"Horizon month", "horizon_month"},
	{"Hires only fill funded posts (yes or no)", "cap_hires_at_funded_posts"},
	{"Trajectory between milestones (linear or compound)", "trajectory.interpolation"},
	{"Trajectory baseline WTE (blank: staff in post)", "trajectory.baseline_wte"}}

func titles(cols []col) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}
