// Package workbook writes a plan and its projection as an Excel workbook
// (.xlsx) and reads one back: a planner can export, edit in Excel or
// LibreOffice, and import again without losing anything.
package workbook

import (
	"fmt"
	"strconv"
	"strings"
)

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
	// Version 3's sheets: the access targets, the care they take and the
	// budget (read back), and the demand table (worked out, not read).
	sheetDemand           = "Demand"
	sheetDemandMix        = "Demand mix"
	sheetBudget           = "Budget"
	sheetDemandProjection = "Demand projection"
)

// col is a column of a sheet that is read back: its title and the plan
// file's field it holds (to place validation messages).
type col struct{ title, field string }

var (
	professionCols = []col{{"Id", "id"}, {"Name", "name"}, {"Leaver rate % a year", "leaver_rate_pct"},
		{"WTE per head", "wte_per_head"}, {"Cost per WTE a year (£)", "cost_per_wte_gbp"},
		{"Trainees salaried (yes or no)", "trainees_salaried"}, {"Trainee WTE per head", "trainee_wte_per_head"},
		{"Trainee cost per WTE a year (£)", "trainee_cost_per_wte_gbp"},
		{"Clinical hours per WTE a year (blank: none)", "clinical_hours_per_wte_per_year"}}
	postCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"In post (WTE)", "in_post_wte"},
		{"Headcount (blank: from WTE per head)", "in_post_headcount"}, {"Funded (WTE)", "funded_wte"},
		{"Recruits a year (WTE)", "recruits_wte_per_year"}, {"Leaver rate % (blank: the profession's)", "leaver_rate_pct"}}
	changeCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"Month", "month"},
		{"Funded WTE added (or removed)", "funded_wte_delta"}}
	cohortCols = []col{{"Profession", "profession"}, {"Service area", "service_area"}, {"Start month", "start_month"},
		{"Months", "duration_months"}, {"Intake", "intake"}, {"Completion %", "completion_pct"}, {"Take-up %", "takeup_pct"},
		drawnFromCol, drawnPctCol}
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
		{"Completion %", "completion_pct"}, {"Take-up %", "takeup_pct"},
		{"Qualifiers wait (months; blank: the plan's)", "qualifier_wait_months"}, drawnFromCol, drawnPctCol,
		{"Qualifiers move to other service areas (yes, no or blank: the plan's)", "qualifiers_move_between_service_areas"}}
	// Version 3: a service area's access target, one row per month it
	// changes; its care (hours per person, and who gives them) on the
	// sheet Demand mix, one row per profession; the money for pay.
	demandCols = []col{{"Service area", "service_area"}, {"From month", "month"},
		{"People a year (access target)", "people"}}
	demandMixCols = []col{{"Service area", "service_area"},
		{"Hours of care per person (all professions)", "hours_per_person"},
		{"Profession", "profession"}, {"Share of the hours %", "share_pct"}}
	budgetCols = []col{{"Financial year", "financial_year"}, {"Budget for pay (£)", "gbp"}}
)

// The Scenarios sheet's columns added by version 2: the wait on a
// Scenario row, and an extra cohort's drawn_from.
const (
	scenarioWaitCol  = 16
	scenarioDrawnCol = 17
	scenarioMoveCol  = 19 // version 3: the Scenario row's override of qualifiers moving
)

// A cohort's drawn_from: both blank when nobody is drawn from staff in post.
var (
	drawnFromCol = col{"Drawn from staff of (profession; blank: nobody)", "drawn_from.profession"}
	drawnPctCol  = col{"Drawn from staff in post %", "drawn_from.pct"}
)

// oldColumns is how many columns an earlier version exported on the
// sheets that have gained columns since: a workbook it exported has no
// heading over the rest, and takes their defaults (what it holds there is
// a planner's note beside the table, as it was then).
var oldColumns = map[int]map[string]int{
	1: {sheetProfessions: 5, sheetTrainees: 7, sheetScenarios: 16},
	2: {sheetProfessions: 8, sheetScenarios: 19},
}

// a1Sheets name a bad cell the way a spreadsheet does, "Demand!C4" (the
// sheets before them say "Posts, row 4, column Funded (WTE)").
var a1Sheets = map[string]bool{sheetDemand: true, sheetDemandMix: true, sheetBudget: true}

// cellRef is a cell as a spreadsheet names it: Demand!C4, 'Demand mix'!B2;
// column -1 names the row only (Demand!4:4).
func cellRef(sheet string, row, column int) string {
	name := sheet
	for _, r := range sheet {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			name = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
			break
		}
	}
	if column < 0 {
		return fmt.Sprintf("%s!%d:%d", name, row, row)
	}
	return name + "!" + columnName(column) + strconv.Itoa(row)
}

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
	{"Trajectory baseline WTE (blank: staff in post)", "trajectory.baseline_wte"},
	// Version 2's settings: a workbook exported before has none of these
	// rows (its row 9 is blank), and takes their defaults.
	{"Qualifiers wait for a funded post (months, 0 to 24)", "qualifier_wait_months"},
	{"Count salaried trainees in the workforce (yes or no)", "count_salaried_trainees"},
	{"Pay award each April (% a year)", "pay_uplift_pct_per_year"},
	{"Uncertainty: leaver rates ± points (all four blank: no band)", "uncertainty.leaver_rate_pct_points"},
	{"Uncertainty: completion ± points", "uncertainty.completion_pct_points"},
	{"Uncertainty: take-up ± points", "uncertainty.takeup_pct_points"},
	{"Uncertainty: recruits a year ± %", "uncertainty.recruitment_pct"},
	// Version 3's setting: a workbook exported before has none (its row
	// 16 is blank, the headline figures below it).
	{"Qualifiers move to vacant posts in other service areas (yes or no)", "qualifiers_move_between_service_areas"}}

// summaryVersion1Rows and summaryVersion2Rows are how many settings rows
// earlier versions exported; a blank row and the headline figures followed.
const (
	summaryVersion1Rows = 8
	summaryVersion2Rows = 15
)

const headlineTitle = "Headline figures"

func titles(cols []col) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}
