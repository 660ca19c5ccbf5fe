package workbook

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// Read reads a workbook that PsyPlan exported (and a planner may have
// edited) back into a plan. It is all or nothing: a damaged or hostile
// file, or any bad cell, refuses the whole workbook, naming its sheet,
// row and column, with the plan file's rules and messages. The zip and
// its XML are read by PsyPlan itself, bounded (see MaxFileBytes), with no
// temporary files. Text is kept exactly as typed, spaces and all.
func Read(data []byte) (*plan.Plan, error) {
	b, err := openBook(data)
	if err != nil {
		return nil, err
	}
	r := &reader{b: b, places: map[string]place{}}
	p := r.plan()
	if r.fatal != nil {
		return nil, r.fatal
	}
	if len(r.errs) == 0 {
		for _, e := range plan.Validate(p) {
			r.problem(r.locate(e))
		}
	}
	if len(r.errs) > 0 {
		if r.more > 0 {
			r.errs = append(r.errs, fmt.Sprintf("... and %d more problems", r.more))
		}
		return nil, errors.New(strings.Join(r.errs, "\n"))
	}
	return p, nil
}

// place is where a record came from: its sheet and row, and that sheet's
// columns.
type place struct {
	sheet string
	row   int
	cols  []col
}

type reader struct {
	b      *xlsxBook
	fatal  error // damage that refuses the workbook whatever else it holds
	errs   []string
	more   int              // problems past maxProblems
	places map[string]place // a record's plan-file path ("posts[3]") -> where it was read
	// version is the PsyPlan that exported the workbook, as its Summary
	// shows: 1 has none of version 2's settings, 2 none of version 3's;
	// their sheets lack the columns (and sheets) added since.
	version int
}

// fail notes a problem at a sheet's row and column (0 is A; -1 for the
// row as a whole), whose title is given.
func (r *reader) fail(sheet string, row, column int, title, format string, args ...any) {
	r.problem(where(sheet, row, column, title) + ": " + fmt.Sprintf(format, args...))
}

// where names a place in a sheet: "Posts, row 4, column Funded (WTE)", or
// on version 3's sheets as a spreadsheet does, "Demand!C4".
func where(sheet string, row, column int, title string) string {
	if a1Sheets[sheet] {
		return cellRef(sheet, row, column)
	}
	w := fmt.Sprintf("%s, row %d", sheet, row)
	if title != "" {
		w += ", column " + title
	}
	return w
}

// maxProblems keeps a badly broken workbook's message readable, and its
// memory small: past it, problems are only counted.
const maxProblems = 25

func (r *reader) problem(msg string) {
	if len(r.errs) < maxProblems {
		r.errs = append(r.errs, msg)
	} else {
		r.more++
	}
}

// rows hands each of a sheet's data rows (after the header, which it
// checks) to use with its number in the sheet. Blank rows are skipped.
func (r *reader) rows(sheet string, cols []col, use func(row int, vals []cell)) {
	if r.fatal != nil {
		return
	}
	header := true
	width := len(cols) // the columns the workbook has: fewer if an earlier version exported it
	err := r.b.rows(sheet, len(cols), func(row int, vals []cell) bool {
		if header {
			header = false
			width = r.heading(sheet, row, cols, vals)
			return width > 0
		}
		clear(vals[width:]) // notes beside an earlier version's table: its columns' defaults
		use(row, vals)
		return true
	})
	r.sheetFailed(sheet, err)
}

// heading checks a sheet's first row holds its column titles, and says
// how many of the columns the workbook has (0 when the heading is wrong).
// A workbook exported by version 1 (its Summary says so) has no heading
// over the columns added since; any other lacks none.
func (r *reader) heading(sheet string, row int, cols []col, vals []cell) int {
	width := len(cols)
	if old, ok := oldColumns[r.version][sheet]; ok && blankCells(vals[old:]) {
		width = old
	}
	for i, c := range cols[:width] {
		if row != 1 || strings.TrimSpace(vals[i].text) != c.title {
			r.fail(sheet, 1, i, columnName(i), "the heading must be %q (keep the columns as PsyPlan exported them)", c.title)
			return 0
		}
	}
	return width
}

func blankCells(vals []cell) bool {
	for _, v := range vals {
		if strings.TrimSpace(v.text) != "" {
			return false
		}
	}
	return true
}

func (r *reader) sheetFailed(sheet string, err error) {
	switch {
	case err == errMissing:
		r.problem(fmt.Sprintf("%s: the sheet is missing (the workbook must be one PsyPlan exported)", sheet))
	case err != nil:
		r.fatal = err
	}
}

// cells reads one row's cells, noting each bad one against its column.
type cells struct {
	r     *reader
	sheet string
	row   int
	cols  []col
	vals  []cell
}

func (c *cells) bad(i int, format string, args ...any) {
	c.r.fail(c.sheet, c.row, i, c.cols[i].title, format, args...)
}

// text is a text cell exactly as typed: " Perinatal" is not "Perinatal".
func (c *cells) text(i int) string { return c.vals[i].text }

// word is a cell holding one of PsyPlan's words (yes, on, linear...),
// where spaces and case mean nothing.
func (c *cells) word(i int) string { return strings.ToLower(strings.TrimSpace(c.vals[i].text)) }

func (c *cells) blank(i int) bool { return strings.TrimSpace(c.vals[i].text) == "" }

func (c *cells) num(i int) float64 {
	if c.blank(i) {
		c.bad(i, "a number is needed here")
		return 0
	}
	if v := c.optNum(i); v != nil {
		return *v
	}
	return 0
}

// optNum reads a number cell as Excel stored it, and a text cell as a
// person typed it (format.ParseNumber); blank is nil.
func (c *cells) optNum(i int) *float64 {
	if c.blank(i) {
		return nil
	}
	v := c.vals[i]
	if v.kind == numberCell {
		x, ok := storedNumber(v.text)
		if !ok {
			c.bad(i, "%s is not a number PsyPlan can read (the workbook is damaged)", format.Quote(v.text))
			return nil
		}
		if v.percent { // 25% would be read as 0.25
			shown := plan.Num(math.Round(x*1e11) / 1e9)
			c.bad(i, "the cell is formatted as a percentage, so %s%% is stored as %s: format it as a number and type %s",
				shown, plan.Num(x), shown)
			return nil
		}
		return &x
	}
	x, err := format.ParseNumber(v.text)
	if err != nil {
		c.bad(i, "%s", err)
		return nil
	}
	return &x
}

// stored is a number as spreadsheets store it in a number cell; its
// exponent is the program's ("1E-3"), not something a planner typed.
var stored = regexp.MustCompile(`^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

func storedNumber(t string) (float64, bool) {
	if !stored.MatchString(t) {
		return 0, false
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, false
	}
	if x == 0 {
		x = 0 // never -0
	}
	return x, true
}

func (c *cells) whole(i int) int {
	return wholeOf(c, i, c.num(i))
}

// optWhole reads a whole number cell; blank is nil.
func (c *cells) optWhole(i int) *int {
	v := c.optNum(i)
	if v == nil {
		return nil
	}
	n := wholeOf(c, i, *v)
	return &n
}

func wholeOf(c *cells, i int, v float64) int {
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		c.bad(i, "%s is not a whole number", plan.Num(v))
		return 0
	}
	return int(v)
}

// yesNo reads a yes-or-no cell; blank is def.
func (c *cells) yesNo(i int, def bool) bool {
	switch c.word(i) {
	case "yes", "true", "on":
		return true
	case "no", "false", "off":
		return false
	case "":
		return def
	}
	c.bad(i, "%s: write yes or no", format.Quote(c.text(i)))
	return def
}

// optYesNo reads a yes-or-no cell; blank is nil (not overridden).
func (c *cells) optYesNo(i int) *bool {
	if c.blank(i) {
		return nil
	}
	b := c.yesNo(i, false)
	return &b
}

// month reads "2021-04" or "Apr 2021" typed as text, or a date the
// spreadsheet stored as a day number or an ISO date.
func (c *cells) month(i int) plan.Month {
	v := c.vals[i]
	t := strings.TrimSpace(v.text)
	switch v.kind {
	case numberCell:
		if serial, ok := storedNumber(t); ok {
			if m, ok := serialMonth(serial, c.r.b.date1904); ok {
				return m
			}
		}
	case dateCell:
		if d, err := time.Parse("2006-01-02", t[:min(len(t), 10)]); err == nil {
			return plan.MonthOf(d.Year(), int(d.Month()))
		}
	default:
		if m, err := plan.ParseMonth(t); err == nil {
			return m
		}
		if m, ok := monthWords(t); ok {
			return m
		}
	}
	if t == "" {
		c.bad(i, "a month is needed here, such as 2021-04")
	} else {
		c.bad(i, "%s is not a month: write it as 2021-04 or Apr 2021", format.Quote(t))
	}
	return 0
}

// serialMonth is the month of a spreadsheet's day number: days since the
// end of 1899 (counting Excel's 29 February 1900, which never was), or
// since 1904 in workbooks that use that date system.
func serialMonth(serial float64, date1904 bool) (plan.Month, bool) {
	if serial < 0 || serial >= 200_000 || (serial < 1 && !date1904) {
		return 0, false
	}
	days := int(math.Floor(serial))
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 60:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	d := base.AddDate(0, 0, days)
	return plan.MonthOf(d.Year(), int(d.Month())), true
}

func monthWords(t string) (plan.Month, bool) {
	d, err := time.Parse("Jan 2006", t)
	if err != nil {
		if d, err = time.Parse("January 2006", t); err != nil {
			return 0, false
		}
	}
	return plan.MonthOf(d.Year(), int(d.Month())), true
}

// table reads every row of a records sheet through read.
func (r *reader) table(sheet string, cols []col, read func(c *cells)) {
	r.rows(sheet, cols, func(row int, vals []cell) {
		read(&cells{r: r, sheet: sheet, row: row, cols: cols, vals: vals})
	})
}

func (r *reader) remember(path string, c *cells) {
	r.places[path] = place{sheet: c.sheet, row: c.row, cols: c.cols}
}

func (r *reader) plan() *plan.Plan {
	p := &plan.Plan{CapHires: true, Trajectory: plan.Trajectory{Interpolation: plan.Linear}}
	r.summary(p)
	r.table(sheetProfessions, professionCols, func(c *cells) {
		r.remember(fmt.Sprintf("professions[%d]", len(p.Professions)), c)
		p.Professions = append(p.Professions, plan.Profession{ID: c.text(0), Name: c.text(1),
			LeaverRatePct: orDefault(c.optNum(2), 0), WTEPerHead: orDefault(c.optNum(3), 1), CostPerWTE: orDefault(c.optNum(4), 0),
			TraineesSalaried: c.yesNo(5, false), TraineeWTEPerHead: orDefault(c.optNum(6), 1), TraineeCostPerWTE: orDefault(c.optNum(7), 0),
			ClinicalHoursPerWTE: c.optNum(8)})
	})
	r.table(sheetPosts, postCols, func(c *cells) {
		r.remember(fmt.Sprintf("posts[%d]", len(p.Posts)), c)
		p.Posts = append(p.Posts, plan.PostLine{Profession: c.text(0), ServiceArea: c.text(1), InPostWTE: c.num(2),
			InPostHeadcount: c.optNum(3), FundedWTE: c.num(4), RecruitsWTEPerYear: orDefault(c.optNum(5), 0), LeaverRatePct: c.optNum(6)})
	})
	r.changes(p)
	r.table(sheetTrainees, cohortCols, func(c *cells) {
		path := fmt.Sprintf("cohorts[%d]", len(p.Cohorts))
		r.remember(path, c)
		p.Cohorts = append(p.Cohorts, r.cohort(c, path, traineesCohort))
	})
	r.table(sheetTrajectory, milestoneCols, func(c *cells) {
		r.remember(fmt.Sprintf("trajectory.milestones[%d]", len(p.Trajectory.Milestones)), c)
		p.Trajectory.Milestones = append(p.Trajectory.Milestones, plan.Milestone{Month: c.month(0), GrowthPct: c.num(1)})
	})
	r.table(sheetActuals, actualCols, func(c *cells) {
		r.remember(fmt.Sprintf("actuals[%d]", len(p.Actuals)), c)
		p.Actuals = append(p.Actuals, plan.Actual{Month: c.month(0), Profession: c.text(1), InPostWTE: c.num(2)})
	})
	r.scenarios(p)
	if r.version >= 3 { // an earlier PsyPlan wrote none of these sheets
		r.demand(p) // demand.go
		r.budget(p)
	}
	return p
}

func orDefault(v *float64, def float64) float64 {
	if v == nil {
		return def
	}
	return *v
}

// cohortColumns are where a cohort's fields are on a sheet: profession,
// service area, start, months, intake, completion, take-up, and the
// profession and share drawn from staff in post.
type cohortColumns [9]int

var (
	traineesCohort = cohortColumns{0, 1, 2, 3, 4, 5, 6, 7, 8}
	extraCohort    = cohortColumns{2, 3, 11, 12, 13, 14, 15, scenarioDrawnCol, scenarioDrawnCol + 1}
)

// cohort reads a cohort from the columns at; path is where it goes in the plan.
func (r *reader) cohort(c *cells, path string, at cohortColumns) plan.Cohort {
	co := plan.Cohort{Profession: c.text(at[0]), ServiceArea: c.text(at[1]), Start: c.month(at[2]),
		DurationMonths: c.whole(at[3]), Intake: c.whole(at[4]), CompletionPct: c.num(at[5]), TakeupPct: c.num(at[6])}
	// drawn_from: both cells blank, or both given
	from, share := at[7], at[8]
	prof, pct := c.text(from), c.optNum(share)
	switch {
	case c.blank(from) && c.blank(share):
	case c.blank(from):
		c.bad(from, "the share drawn from staff in post is given, so name their profession (or clear the share)")
	case c.blank(share):
		c.bad(share, "staff of %s are drawn, so give the share drawn (or clear the profession)", format.Quote(prof))
	case pct != nil: // else the share is refused already
		co.DrawnFrom = &plan.DrawnFrom{Profession: prof, Pct: *pct}
		// a drawn_from that is not a post line is named at its profession
		r.places[path+".drawn_from"] = place{sheet: c.sheet, row: c.row,
			cols: []col{{c.cols[from].title, ""}, {c.cols[from].title, "profession"}, {c.cols[share].title, "pct"}}}
	}
	return co
}

func (r *reader) summary(p *plan.Plan) {
	if r.fatal != nil {
		return
	}
	all := make([][]cell, len(summaryFields)+1) // and the row after, blank

	err := r.b.rows(sheetSummary, 2, func(row int, vals []cell) bool {
		if row > len(all) {
			return false
		}
		all[row-1] = vals
		return true
	})
	if r.sheetFailed(sheetSummary, err); err != nil {
		return
	}
	// version 1 wrote a blank row after its settings, then the headline
	// figures; a blank row 9 above anything else is a version 2 setting
	// cleared, refused below. So did version 2 after its row 15; a blank
	// row 16 with a blank row under it is version 2's only in a workbook
	// without version 3's sheets.
	headline := func(row []cell) bool { return row != nil && strings.TrimSpace(row[0].text) == headlineTitle }
	_, v3Sheets := r.b.sheets[sheetDemand]
	after1, after2 := all[summaryVersion1Rows+1], all[summaryVersion2Rows+1]
	fields := summaryFields
	switch {
	case all[summaryVersion1Rows] == nil && (after1 == nil || headline(after1)):
		r.version, fields = 1, fields[:summaryVersion1Rows]
	case all[summaryVersion2Rows] == nil && (headline(after2) || after2 == nil && !v3Sheets):
		r.version, fields = 2, fields[:summaryVersion2Rows]
	default:
		r.version = 3
	}
	var u [4]*float64 // the uncertainty ranges, nil when blank
	for i, sf := range fields {
		row := all[i]
		if row == nil || strings.TrimSpace(row[0].text) != sf.title {
			r.fail(sheetSummary, i+1, 0, "A", "the label must be %q (keep the rows as PsyPlan exported them)", sf.title)
			continue
		}
		c := &cells{r: r, sheet: sheetSummary, row: i + 1, cols: []col{{"B", sf.field}}, vals: row[1:]}
		r.places[sf.field] = place{sheet: sheetSummary, row: i + 1, cols: []col{{"B", ""}}}
		switch sf.field {
		case "name":
			p.Name = c.text(0)
		case "area":
			p.Area = c.text(0)
		case "notes":
			p.Notes = c.text(0)
		case "baseline_month":
			p.Baseline = c.month(0)
		case "horizon_month":
			p.Horizon = c.month(0)
		case "cap_hires_at_funded_posts":
			p.CapHires = c.yesNo(0, true)
		case "trajectory.interpolation":
			if t := c.word(0); t != "" {
				p.Trajectory.Interpolation = t
			}
		case "trajectory.baseline_wte":
			p.Trajectory.BaselineWTE = c.optNum(0)
		case "qualifier_wait_months":
			if w := c.optWhole(0); w != nil {
				p.QualifierWaitMonths = *w
			}
		case "count_salaried_trainees":
			p.CountSalariedTrainees = c.yesNo(0, false)
		case "pay_uplift_pct_per_year":
			p.PayUpliftPctPerYear = orDefault(c.optNum(0), 0)
		case "uncertainty.leaver_rate_pct_points":
			u[0] = c.optNum(0)
		case "uncertainty.completion_pct_points":
			u[1] = c.optNum(0)
		case "uncertainty.takeup_pct_points":
			u[2] = c.optNum(0)
		case "uncertainty.recruitment_pct":
			u[3] = c.optNum(0)
		case "qualifiers_move_between_service_areas":
			p.QualifiersMove = c.yesNo(0, false)
		}
	}
	p.Uncertainty = readUncertainty(u)
}

// readUncertainty is the plan's band: none when all four ranges are
// blank, else the ranges given, blank ones 0.
func readUncertainty(u [4]*float64) *plan.Uncertainty {
	if u == [4]*float64{} {
		return nil
	}
	return &plan.Uncertainty{LeaverRatePctPoints: orDefault(u[0], 0), CompletionPctPoints: orDefault(u[1], 0),
		TakeupPctPoints: orDefault(u[2], 0), RecruitmentPct: orDefault(u[3], 0)}
}

// changes puts each funded-post change under its post line.
func (r *reader) changes(p *plan.Plan) {
	index := map[plan.LineKey]int{}
	for i, l := range p.Posts {
		index[l.Key()] = i
	}
	r.table(sheetChanges, changeCols, func(c *cells) {
		k := plan.LineKey{Profession: c.text(0), ServiceArea: c.text(1)}
		i, ok := index[k]
		if !ok {
			c.bad(1, "%s in %s has no post line on the Posts sheet", format.Quote(k.Profession), format.Quote(k.ServiceArea))
			return
		}
		l := &p.Posts[i]
		r.remember(fmt.Sprintf("posts[%d].changes[%d]", i, len(l.Changes)), c)
		l.Changes = append(l.Changes, plan.FundedChange{Month: c.month(2), FundedWTEDelta: c.num(3)})
	})
}

func (r *reader) scenarios(p *plan.Plan) {
	index := map[string]int{}
	r.table(sheetScenarios, scenarioCols, func(c *cells) {
		name, what := c.text(0), strings.TrimSpace(c.text(1))
		si, ok := index[name]
		if !ok {
			si = len(p.Scenarios)
			index[name] = si
			p.Scenarios = append(p.Scenarios, plan.Scenario{Name: name})
		}
		s := &p.Scenarios[si]
		path := fmt.Sprintf("scenarios[%d]", si)
		c.onlyFor(what)
		switch what {
		case whatScenario:
			r.remember(path, c)
			s.QualifierWaitMonths = c.optWhole(scenarioWaitCol)
			s.QualifiersMove = c.optYesNo(scenarioMoveCol)
			switch c.word(4) {
			case "on", "yes":
				on := true
				s.CapHires = &on
			case "off", "no":
				off := false
				s.CapHires = &off
			case "":
			default:
				c.bad(4, "%s: write on, off or leave it blank", format.Quote(c.text(4)))
			}
		case whatProfession:
			r.remember(path+".professions."+c.text(2), c)
			s.Professions = append(s.Professions, plan.ProfessionOverride{Profession: c.text(2),
				LeaverRatePct: c.optNum(5), WTEPerHead: c.optNum(6), CostPerWTE: c.optNum(7)})
		case whatPostLine:
			r.remember(fmt.Sprintf("%s.posts[%d]", path, len(s.Posts)), c)
			s.Posts = append(s.Posts, plan.PostOverride{Profession: c.text(2), ServiceArea: c.text(3),
				LeaverRatePct: c.optNum(5), RecruitsWTEPerYear: c.optNum(8), FundedWTE: c.optNum(9), InPostWTE: c.optNum(10)})
		case whatCohort:
			cp := fmt.Sprintf("%s.extra_cohorts[%d]", path, len(s.ExtraCohorts))
			r.remember(cp, c)
			s.ExtraCohorts = append(s.ExtraCohorts, r.cohort(c, cp, extraCohort))
		default:
			c.bad(1, "%s: write %s, %s, %s or %s", format.Quote(what), whatScenario, whatProfession, whatPostLine, whatCohort)
		}
	})
}

// scenarioRowCols are the columns each kind of scenario row fills: a
// value elsewhere would be lost, so it is refused.
var scenarioRowCols = map[string][]int{
	whatScenario:   {0, 1, 4, scenarioWaitCol, scenarioMoveCol},
	whatProfession: {0, 1, 2, 5, 6, 7},
	whatPostLine:   {0, 1, 2, 3, 5, 8, 9, 10},
	whatCohort:     {0, 1, 2, 3, 11, 12, 13, 14, 15, scenarioDrawnCol, scenarioDrawnCol + 1},
}

// onlyFor refuses a value in a column the row's kind does not use.
func (c *cells) onlyFor(what string) {
	used, ok := scenarioRowCols[what]
	if !ok {
		return // the kind itself is refused
	}
	for i := range c.vals {
		if !c.blank(i) && !slices.Contains(used, i) {
			c.bad(i, "a %s row does not use this column: clear it", what)
		}
	}
}

// locate turns a plan file path in a validation message into the sheet,
// row and column the value came from.
func (r *reader) locate(e plan.FieldError) string {
	paths := make([]string, 0, len(r.places))
	for path := range r.places {
		if e.Path == path || strings.HasPrefix(e.Path, path+".") {
			paths = append(paths, path)
		}
	}
	if len(paths) == 0 {
		return e.Error()
	}
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	pl := r.places[paths[0]]
	field := strings.TrimPrefix(strings.TrimPrefix(e.Path, paths[0]), ".")
	column, title := -1, ""
	for k, c := range pl.cols {
		if c.field == field || (field == "" && c.field == "") {
			column, title = k, c.title
			break
		}
	}
	return where(pl.sheet, pl.row, column, title) + ": " + e.Msg
}
